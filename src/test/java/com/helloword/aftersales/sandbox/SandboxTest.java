package com.helloword.aftersales.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.carrier.TrackingPort;
import com.helloword.aftersales.carrier.TrackingRecorder;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.OrderHoldCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.support.IntegrationTest;

/** The embedded default's sandbox: the real adapters, over HTTP, against local endpoints, on demo data. */
@IntegrationTest
class SandboxTest {

    @Autowired
    MarketplacePort marketplace;
    @Autowired
    TrackingPort tracking;
    @Autowired
    TrackingRecorder recorder;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    StoreRepository stores;
    @Autowired
    TransactionTemplate transaction;

    String run;

    @BeforeEach
    void setUp() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    private SalesOrder demoOrder(String storeId, OrderStatus status) {
        return transaction.execute(tx -> orders.findAll().stream()
                .filter(o -> o.getStore().getId().equals(storeId) && o.getStatus() == status
                        && (!storeId.startsWith("shopify") || o.getPlatformOrderId().matches("\\d+")))
                .findFirst().orElseThrow());
    }

    @Test
    void demoShopifyStoresPointAtTheSandbox() {
        assertThat(stores.findById("shopify-us").orElseThrow().getApiBaseUrl())
                .matches("http://127\\.0\\.0\\.1:\\d+/sandbox/shopify/shopify-us");
    }

    @Test
    void aRefundGoesThroughTheShopifyAdapterOnceAndNeverBeyondWhatWasPaid() {
        SalesOrder order = demoOrder("shopify-us", OrderStatus.DELIVERED);
        RefundCommand refund = new RefundCommand("shopify-us", order.getPlatformOrderId(), new BigDecimal("5.00"),
                "USD", "goodwill", "case:SB-" + run + ":refund");

        MarketplacePort.RefundResult first = marketplace.refund(refund);
        MarketplacePort.RefundResult again = marketplace.refund(refund);

        assertThat(first.alreadyDone()).isFalse();
        assertThat(first.amount()).isEqualByComparingTo("5.00");
        assertThat(again.alreadyDone()).isTrue();
        assertThat(again.platformRefundId()).isEqualTo(first.platformRefundId());
        assertThatThrownBy(() -> marketplace.refund(new RefundCommand("shopify-us", order.getPlatformOrderId(),
                new BigDecimal("100000"), "USD", "too much", "case:SB-" + run + ":big")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("refundable now");
    }

    @Test
    void anOpenOrderIsHeldOnceAndReleased() {
        SalesOrder order = demoOrder("shopify-us", OrderStatus.PLACED);
        OrderHoldCommand hold = new OrderHoldCommand("shopify-us", order.getPlatformOrderId(), "dispute",
                "dispute:SB-" + run);

        assertThat(marketplace.holdOrder(hold).changed()).hasSize(1);
        assertThat(marketplace.holdOrder(hold).alreadyInPlace()).hasSize(1);
        assertThat(marketplace.releaseOrder(hold).changed()).hasSize(1);
        assertThat(marketplace.releaseOrder(hold).changed()).isEmpty();
    }

    @Test
    void aRecalledSkuIsDelistedOnce() {
        SalesOrder order = demoOrder("shopify-fr", OrderStatus.DELIVERED);
        String sku = transaction.execute(tx -> orders.findWithLines("shopify-fr", order.getPlatformOrderId())
                .orElseThrow().getLines().get(0).getSku());

        MarketplacePort.DelistResult first = marketplace.delistSku(
                new DelistCommand("shopify-fr", sku, "recall", "recall:SB-" + run));
        MarketplacePort.DelistResult again = marketplace.delistSku(
                new DelistCommand("shopify-fr", sku, "recall", "recall:SB-" + run));

        assertThat(first.actions()).anyMatch(a -> a.contains("set to 0")).anyMatch(a -> a.contains("DRAFT"));
        assertThat(again.actions()).singleElement().asString().contains("already");
    }

    @Test
    void aShippedParcelIsTrackedThrough17trackAndItsScansRecorded() {
        SalesOrder order = demoOrder("amazon-de", OrderStatus.DELIVERED);

        TrackingPort.TrackingSnapshot snapshot = tracking.track(
                new TrackingPort.Parcel(order.getTrackingNumber(), order.getCarrier(), null));
        String recorded = recorder.record(snapshot, "17track");

        assertThat(snapshot.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(snapshot.events()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(recorded).contains("new scan(s)");
        assertThat(orders.findWithLines("amazon-de", order.getPlatformOrderId()).orElseThrow().getTrackingStatus())
                .isEqualTo("DELIVERED");
    }

    @Test
    void theSandboxRefusesToRunUnderProd() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        prod.setProperty(SandboxEnvironment.ENABLED, "true");

        assertThatThrownBy(() -> new SandboxEnvironment().postProcessEnvironment(prod, null))
                .hasMessageContaining("cannot run under the prod profile");
    }
}
