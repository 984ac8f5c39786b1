package com.helloword.aftersales.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.BuyerMessageCommand;
import com.helloword.aftersales.platform.MarketplacePort.ClaimAction;
import com.helloword.aftersales.platform.MarketplacePort.ClaimRef;
import com.helloword.aftersales.platform.MarketplacePort.ClaimResponseCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.PartialRefundOffer;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * The sandbox's eBay and Amazon: the real adapters, through {@link MarketplacePort}, over HTTP, on
 * the demo stores and orders (tokens, eBay's EU signatures, refunds, claims, stock, messages).
 */
@IntegrationTest
class SandboxMarketplacesTest {

    static final String EBAY_ORDER = "\\d{2}-\\d{5}-\\d{5}";
    static final String AMAZON_ORDER = "\\d{3}-\\d{7}-\\d{7}";

    @Autowired
    MarketplacePort marketplace;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    StoreRepository stores;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    EbaySandbox ebay;

    String run;

    @BeforeEach
    void setUp() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A demo order (the demo's id pattern, so orders other tests imported are left alone), with its lines. */
    private SalesOrder demoOrder(String storeId, OrderStatus status, String idPattern, int skip) {
        return transaction.execute(tx -> orders.findAll().stream()
                .filter(o -> o.getStore().getId().equals(storeId) && o.getStatus() == status
                        && o.getPlatformOrderId().matches(idPattern))
                .skip(skip).findFirst()
                .flatMap(o -> orders.findWithLines(storeId, o.getPlatformOrderId()))
                .orElseThrow());
    }

    private String firstSku(SalesOrder order) {
        return transaction.execute(tx -> orders.findWithLines(order.getStore().getId(), order.getPlatformOrderId())
                .orElseThrow().getLines().get(0).getSku());
    }

    @Test
    void demoAmazonAndEbayStoresPointAtTheSandbox() {
        assertThat(stores.findById("ebay-uk").orElseThrow().getApiBaseUrl())
                .matches("http://127\\.0\\.0\\.1:\\d+/sandbox/ebay/ebay-uk");
        assertThat(stores.findById("amazon-jp").orElseThrow().getApiBaseUrl())
                .matches("http://127\\.0\\.0\\.1:\\d+/sandbox/amazon/amazon-jp");
    }

    // --- eBay ---------------------------------------------------------------------------------

    @Test
    void anEbayRefundGoesThroughOnceAndNeverBeyondWhatWasPaid() {
        SalesOrder order = demoOrder("ebay-us", OrderStatus.DELIVERED, EBAY_ORDER, 0);
        RefundCommand refund = new RefundCommand("ebay-us", order.getPlatformOrderId(), new BigDecimal("5.00"),
                "USD", "goodwill", "case:SBE-" + run + ":refund");

        RefundResult first = marketplace.refund(refund);
        RefundResult again = marketplace.refund(refund);

        assertThat(first.alreadyDone()).isFalse();
        assertThat(first.amount()).isEqualByComparingTo("5.00");
        assertThat(again.alreadyDone()).isTrue();
        assertThat(again.platformRefundId()).isEqualTo(first.platformRefundId());
        assertThatThrownBy(() -> marketplace.refund(new RefundCommand("ebay-us", order.getPlatformOrderId(),
                new BigDecimal("100000"), "USD", "too much", "case:SBE-" + run + ":big")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("refundable now");
    }

    @Test
    void aRefundForAnEuSellerIsSignedAndTheSandboxVerifiesTheSignature() {
        SalesOrder order = demoOrder("ebay-de", OrderStatus.DELIVERED, EBAY_ORDER, 0);

        RefundResult result = marketplace.refund(new RefundCommand("ebay-de", order.getPlatformOrderId(),
                new BigDecimal("1.00"), "EUR", "ITEM_NOT_AS_DESCRIBED", "case:SBE-" + run + ":eu-refund"));

        assertThat(result.alreadyDone()).isFalse();
        assertThat(result.currency()).isEqualTo("EUR");
    }

    @Test
    void anEbaySkuIsDelistedOnce() {
        String sku = firstSku(demoOrder("ebay-us", OrderStatus.DELIVERED, EBAY_ORDER, 1));
        DelistCommand recall = new DelistCommand("ebay-us", sku, "recall", "recall:SBE-" + run);

        MarketplacePort.DelistResult first = marketplace.delistSku(recall);
        MarketplacePort.DelistResult again = marketplace.delistSku(recall);

        assertThat(first.actions()).singleElement().asString().contains("eBay: stock of SKU " + sku)
                .contains("set to 0 on store ebay-us").contains("published offer(s) 60");
        assertThat(again.actions()).singleElement().asString().contains("already has no stock");
        assertThatThrownBy(() -> marketplace.delistSku(new DelistCommand("ebay-us", "NEVER-SOLD-" + run, "recall",
                "recall:SBE-" + run + ":unknown"))).isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("end the listing there");
    }

    @Test
    void anEbayBuyerIsMessagedOnceAboutTheItem() {
        SalesOrder order = demoOrder("ebay-uk", OrderStatus.SHIPPED, EBAY_ORDER, 0);
        String first = "Your parcel left our warehouse today (" + run + ").";
        String followUp = "It should arrive on Friday (" + run + ").";
        BuyerMessageCommand message = new BuyerMessageCommand("ebay-uk", order.getPlatformOrderId(), first,
                "case:SBE-" + run + ":message");

        marketplace.sendBuyerMessage(message);
        marketplace.sendBuyerMessage(message);
        marketplace.sendBuyerMessage(new BuyerMessageCommand("ebay-uk", order.getPlatformOrderId(), followUp,
                "case:SBE-" + run + ":follow-up"));

        // the repeated sending found the first in the conversation and sent nothing; the follow-up went
        // into the same conversation with the buyer about the item
        List<EbaySandbox.Conversation> withBuyer = ebay.conversationsOf("ebay-uk").stream()
                .filter(c -> c.messages().stream().anyMatch(m -> m.body().contains(run))).toList();
        assertThat(withBuyer).singleElement().satisfies(conversation -> {
            assertThat(conversation.messages()).filteredOn(m -> m.body().contains(first)).hasSize(1);
            assertThat(conversation.messages()).filteredOn(m -> m.body().contains(followUp)).hasSize(1);
            assertThat(conversation.messages()).filteredOn(m -> m.body().contains(run)).hasSize(2);
        });
    }

    @Test
    void aDemoEbayCaseIsReadAndAcceptedWithARefundOfWhatIsLeft() {
        SalesOrder order = demoOrder("ebay-us", OrderStatus.SHIPPED, EBAY_ORDER, 0);
        String caseId = "case:" + EbayPostOrderSandbox.claimIdOf(order.getPlatformOrderId());

        PlatformClaim open = marketplace.getClaim(new ClaimRef("ebay-us", caseId));
        marketplace.respondToClaim(new ClaimResponseCommand("ebay-us", caseId, ClaimAction.ACCEPT, null, null,
                "Sorry it did not arrive; here is your money.", null, null, "case:SBE-" + run + ":accept"));
        PlatformClaim closed = marketplace.getClaim(new ClaimRef("ebay-us", caseId));

        assertThat(open.type()).isEqualTo("CASE_ITEM_NOT_RECEIVED");
        assertThat(open.status()).isEqualTo("OPEN");
        assertThat(open.amount()).isEqualByComparingTo(order.total());
        assertThat(open.respondBy()).isNotNull();
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThatThrownBy(() -> marketplace.refund(new RefundCommand("ebay-us", order.getPlatformOrderId(),
                new BigDecimal("1.00"), "USD", "more", "case:SBE-" + run + ":after-case")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("refundable now: 0");
    }

    @Test
    void aDemoEbayInquiryTakesTrackingAndADemoReturnAPartialRefundOfferOnce() {
        SalesOrder shipped = demoOrder("ebay-de", OrderStatus.SHIPPED, EBAY_ORDER, 0);
        SalesOrder delivered = demoOrder("ebay-de", OrderStatus.DELIVERED, EBAY_ORDER, 1);
        String inquiryId = "inquiry:" + EbayPostOrderSandbox.claimIdOf(shipped.getPlatformOrderId());
        String returnId = "return:" + EbayPostOrderSandbox.claimIdOf(delivered.getPlatformOrderId());
        PartialRefundOffer offer = new PartialRefundOffer("ebay-de", delivered.getPlatformOrderId(), returnId,
                new BigDecimal("2.00"), "EUR", "Keep it, we refund 2 EUR.", "case:SBE-" + run + ":offer");

        marketplace.respondToClaim(new ClaimResponseCommand("ebay-de", inquiryId, ClaimAction.PROVIDE_TRACKING,
                null, null, "It is on its way.", shipped.getCarrier(), shipped.getTrackingNumber(),
                "case:SBE-" + run + ":tracking"));
        RefundResult first = marketplace.offerPartialRefund(offer);
        RefundResult again = marketplace.offerPartialRefund(offer);

        assertThat(marketplace.getClaim(new ClaimRef("ebay-de", inquiryId)).status())
                .isEqualTo("WAITING_BUYER_RESPONSE");
        assertThat(first.alreadyDone()).isFalse();
        assertThat(again.alreadyDone()).isTrue();
        PlatformClaim ret = marketplace.getClaim(new ClaimRef("ebay-de", returnId));
        assertThat(ret.type()).isEqualTo("RETURN_MONEY_BACK");
        assertThat(ret.status()).isEqualTo("PARTIAL_REFUND_REQUESTED");
        assertThat(ret.platformOrderId()).isEqualTo(delivered.getPlatformOrderId());
    }

    @Test
    void aClaimOfNoDemoOrderIsNotFound() {
        assertThatThrownBy(() -> marketplace.getClaim(new ClaimRef("ebay-us", "case:5999999999999")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("invalid");
    }

    // --- Amazon -------------------------------------------------------------------------------

    @Test
    void anAmazonBuyerOfAShippedOrderIsMessagedButNotTheBuyerOfAnOpenOne() {
        SalesOrder shipped = demoOrder("amazon-us", OrderStatus.SHIPPED, AMAZON_ORDER, 0);
        SalesOrder placed = demoOrder("amazon-us", OrderStatus.PLACED, AMAZON_ORDER, 0);

        marketplace.sendBuyerMessage(new BuyerMessageCommand("amazon-us", shipped.getPlatformOrderId(),
                "The carrier reports a delay; your parcel should arrive by Friday.", "case:SBA-" + run + ":msg"));

        assertThatThrownBy(() -> marketplace.sendBuyerMessage(new BuyerMessageCommand("amazon-us",
                placed.getPlatformOrderId(), "Thank you for your order.", "case:SBA-" + run + ":placed")))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("Seller Central");
    }

    @Test
    void anAmazonSkuIsDelistedOnce() {
        String sku = firstSku(demoOrder("amazon-fr", OrderStatus.DELIVERED, AMAZON_ORDER, 0));
        DelistCommand recall = new DelistCommand("amazon-fr", sku, "recall", "recall:SBA-" + run);

        MarketplacePort.DelistResult first = marketplace.delistSku(recall);
        MarketplacePort.DelistResult again = marketplace.delistSku(recall);

        assertThat(first.actions()).singleElement().asString().contains("set to 0")
                .contains("A13V1IB3VIYZZH");
        assertThat(again.actions()).singleElement().asString().contains("was already 0");
    }
}
