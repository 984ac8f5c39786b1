package com.helloword.aftersales.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.ClaimRef;
import com.helloword.aftersales.platform.MarketplacePort.PlatformLabel;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturn;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnResult;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnsQuery;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * Returns the buyers of the demo's eBay UK store opened on eBay (a store whose money calls must be signed), through
 * {@link MarketplacePort} and the real eBay adapter against the sandbox: the return search read to the end with the
 * adapter's cursor, approve and decline once, eBay's label, and the refund that closes the return.
 */
@IntegrationTest
class SandboxEbayReturnsTest {

    static final String STORE = "ebay-uk";
    static final Set<String> ITEM_REASONS = Set.of("DEFECTIVE_ITEM", "ARRIVED_DAMAGED", "DIFFERENT_FROM_LISTING");

    @Autowired
    MarketplacePort marketplace;
    @Autowired
    Clock clock;
    @Autowired
    SalesOrderRepository orders;

    String run;

    @BeforeEach
    void setUp() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    private List<PlatformReturn> allReturns() {
        List<PlatformReturn> all = new ArrayList<>();
        String cursor = null;
        Instant since = clock.instant().minus(Duration.ofDays(30));
        for (int round = 0; round < 50; round++) {
            PlatformReturnBatch batch = marketplace.platformReturns(new PlatformReturnsQuery(STORE, since, cursor));
            all.addAll(batch.returns());
            cursor = batch.cursor();
            if (!batch.more()) {
                return all;
            }
        }
        throw new AssertionError("the return search did not come to an end");
    }

    private PlatformReturnCommand command(PlatformReturn found, String note, String step) {
        return new PlatformReturnCommand(STORE, found.platformReturnId(), found.platformOrderId(), note,
                "case:SBR-" + run + ":" + step);
    }

    @Test
    void demoBuyersReturnsAreListedInEbaysWordsAndTheCursorReadsOnWithoutGaps() {
        List<PlatformReturn> returns = allReturns();

        assertThat(returns).isNotEmpty();
        assertThat(returns).allSatisfy(found -> {
            assertThat(found.platformReturnId()).isEqualTo(EbayPostOrderSandbox.claimIdOf(found.platformOrderId()));
            assertThat(found.platformOrderId()).matches("\\d{2}-\\d{5}-\\d{5}");
            assertThat(found.platformReason()).isIn("DEFECTIVE_ITEM", "ARRIVED_DAMAGED", "DIFFERENT_FROM_LISTING",
                    "FOUND_BETTER_PRICE", "ARRIVED_LATE");
            assertThat(found.wanted()).isEqualTo("REFUND");
            assertThat(found.quantity()).isEqualTo(1);
            // the SKU of the returned line, found in the order by the return's item id
            assertThat(found.sku()).isNotNull().isEqualTo(orders.findWithLines(STORE, found.platformOrderId())
                    .orElseThrow().getLines().get(0).getSku());
            assertThat(found.requestedAt()).isBefore(clock.instant());
        });
        assertThat(returns.stream().map(PlatformReturn::platformReturnId).distinct().count())
                .as("read to the end, no return twice within one pass").isEqualTo(returns.size());
        // nothing new since: the next round brings nothing the first did not
        PlatformReturnBatch again = marketplace.platformReturns(new PlatformReturnsQuery(STORE,
                clock.instant().minus(Duration.ofDays(30)), null));
        assertThat(again.returns()).extracting(PlatformReturn::platformReturnId)
                .isSubsetOf(returns.stream().map(PlatformReturn::platformReturnId).toList());
    }

    @Test
    void aReturnIsApprovedOnceGetsEbaysLabelAndIsClosedByTheRefund() {
        PlatformReturn found = allReturns().stream()
                .filter(r -> "RETURN_REQUESTED".equals(r.state()) && ITEM_REASONS.contains(r.platformReason()))
                .findFirst().orElseThrow();

        PlatformReturnResult approved = marketplace.approvePlatformReturn(command(found, "Send it back.", "ok"));
        PlatformReturnResult again = marketplace.approvePlatformReturn(command(found, "Send it back.", "ok"));
        PlatformLabel label = marketplace.platformReturnLabel(command(found, null, "label"));
        PlatformLabel sameLabel = marketplace.platformReturnLabel(command(found, null, "label"));
        RefundCommand refund = new RefundCommand(STORE, found.platformOrderId(), null, "GBP", "return received",
                "case:SBR-" + run + ":refund", found.platformReturnId());
        RefundResult refunded = marketplace.refund(refund);
        RefundResult refundedAgain = marketplace.refund(refund);

        assertThat(approved).isEqualTo(new PlatformReturnResult("READY_FOR_SHIPPING", false));
        assertThat(again).isEqualTo(new PlatformReturnResult("READY_FOR_SHIPPING", true));
        assertThat(label.carrier()).isEqualTo("Royal Mail");
        assertThat(label.trackingNumber()).isNotBlank().isEqualTo(sameLabel.trackingNumber());
        assertThat(label.buyerGetsItFromPlatform()).isTrue();
        assertThat(label.labelPdf()).isNull();
        assertThat(refunded.alreadyDone()).isFalse();
        assertThat(refunded.platformRefundId()).isEqualTo("return:" + found.platformReturnId());
        assertThat(refunded.currency()).isEqualTo("GBP");
        assertThat(refundedAgain.alreadyDone()).isTrue();
        assertThat(marketplace.getClaim(new ClaimRef(STORE, "return:" + found.platformReturnId())).status())
                .isEqualTo("CLOSED");
        // the order refund sees the return's refund: nothing of that line is refunded twice
        assertThatThrownBy(() -> marketplace.refund(new RefundCommand(STORE, found.platformOrderId(),
                refunded.amount().add(new BigDecimal("10000")), "GBP", "again", "case:SBR-" + run + ":more")))
                .isInstanceOf(ProviderFailure.class);
    }

    @Test
    void aDeclinedReturnStaysDeclinedAndGetsNoEbayLabel() {
        PlatformReturn found = allReturns().stream().filter(r -> "RETURN_REQUESTED".equals(r.state())
                && !ITEM_REASONS.contains(r.platformReason())).findFirst().orElseThrow();

        PlatformReturnResult declined = marketplace.declinePlatformReturn(command(found,
                "The item shows signs of use; we cannot take it back.", "decline"));
        PlatformReturnResult again = marketplace.declinePlatformReturn(command(found, "Again.", "decline"));

        assertThat(declined).isEqualTo(new PlatformReturnResult("RETURN_REJECTED", false));
        assertThat(again).isEqualTo(new PlatformReturnResult("RETURN_REJECTED", true));
        assertThatThrownBy(() -> marketplace.approvePlatformReturn(command(found, null, "approve")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("declined");
        assertThatThrownBy(() -> marketplace.platformReturnLabel(command(found, null, "label")))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("own carrier");
        assertThatThrownBy(() -> marketplace.refund(new RefundCommand(STORE, found.platformOrderId(), null, "GBP",
                "no", "case:SBR-" + run + ":refund", found.platformReturnId())))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("cannot be refunded");
    }
}
