package com.helloword.aftersales.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.casefile.OrderLine;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturn;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnsQuery;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * Amazon's returns report from the sandbox, read by the real adapter through {@link MarketplacePort} over HTTP:
 * createReport, getReport over rounds (IN_QUEUE, IN_PROGRESS, DONE), getReportDocument and the GZIP download from the
 * sandbox's pre-signed URL, with rows made from the demo store's own orders.
 */
@IntegrationTest
class SandboxAmazonReturnsReportTest {

    static final String STORE = "amazon-de";

    @Autowired
    MarketplacePort marketplace;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;

    /** Rounds until a round brings the report's returns (or finds it cancelled): at most five. */
    private PlatformReturnBatch roundsUntilRead(Instant since, String cursor, List<String> cursors) {
        String current = cursor;
        for (int round = 0; round < 5; round++) {
            PlatformReturnBatch batch = marketplace.platformReturns(new PlatformReturnsQuery(STORE, since, current));
            cursors.add(batch.cursor());
            if (batch.cursor().contains(" read ")) {
                return batch;
            }
            assertThat(batch.returns()).as("no returns while the report is being made").isEmpty();
            current = batch.cursor();
        }
        throw new AssertionError("the sandbox's report was not done after five rounds: " + cursors);
    }

    @Test
    void theReturnsReportOfTheDemoStoreIsMadeOverRoundsAndReadFromTheStoresOrders() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant since = now.minus(Duration.ofDays(61));
        List<String> cursors = new java.util.ArrayList<>();

        PlatformReturnBatch first = roundsUntilRead(since, null, cursors);

        assertThat(cursors).as("asked, in queue, in progress, done").hasSize(4);
        assertThat(cursors.get(0)).startsWith("amazon-returns/1 report ");
        assertThat(cursors.subList(0, 3)).as("the cursor holds the report while it is made").containsOnly(
                cursors.get(0));
        assertThat(first.more()).as("61 days are more than one report's 60").isTrue();
        assertThat(first.cursor()).isEqualTo("amazon-returns/1 read " + since.plus(Duration.ofDays(60)) + " "
                + since);

        PlatformReturnBatch second = roundsUntilRead(since, first.cursor(), cursors);

        assertThat(second.more()).isFalse();
        assertThat(second.cursor()).isEqualTo("amazon-returns/1 read " + now + " " + since);

        List<PlatformReturn> returns = new java.util.ArrayList<>(first.returns());
        returns.addAll(second.returns());
        assertThat(returns).isNotEmpty();
        Map<String, SalesOrder> demoOrders = transaction.execute(tx -> orders.findAll().stream()
                .filter(o -> o.getStore().getId().equals(STORE))
                .peek(o -> {
                    o.getLines().size();
                    o.getBuyer().getName();
                })
                .collect(Collectors.toMap(SalesOrder::getPlatformOrderId, o -> o)));
        Set<String> ids = new HashSet<>();
        for (PlatformReturn r : returns) {
            SalesOrder order = demoOrders.get(r.platformOrderId());
            assertThat(order).as("a return of one of the store's orders: " + r).isNotNull();
            assertThat(order.getStatus()).isIn(OrderStatus.DELIVERED, OrderStatus.RETURNED);
            OrderLine line = order.getLines().stream().filter(l -> l.getSku().equals(r.sku())).findFirst()
                    .orElseThrow(() -> new AssertionError("no line with SKU " + r.sku() + " in " + r));
            assertThat(r.quantity()).isEqualTo(line.getQuantity());
            assertThat(r.requestedAt()).isAfter(order.getDeliveredAt().minus(Duration.ofDays(1)))
                    .isBefore(now.plus(Duration.ofDays(1)));
            assertThat(r.platformReason()).matches("(CR|AMZ-PG)-[A-Z_-]+");
            assertThat(r.wanted()).isEqualTo("REFUND");
            assertThat(r.state()).isEqualTo("Approved");
            assertThat(r.carrier()).as("Amazon gave the buyer the label").isNotBlank();
            assertThat(r.trackingNumber()).matches("92\\d{20}");
            assertThat(r.platformReturnId()).matches("D[A-Za-z]{8}RMA(/.+)?");
            if (order.getLines().size() > 1) {
                assertThat(r.platformReturnId()).endsWith("/" + r.sku());
            }
            ids.add(r.platformReturnId());
            assertThat(r.toString()).doesNotContain(order.getBuyer().getName(), order.getBuyer().getEmail());
        }
        Set<String> fromTheSecond = second.returns().stream().map(PlatformReturn::platformReturnId)
                .collect(Collectors.toSet());
        assertThat(ids).as("one id per returned SKU; the windows overlap by two days")
                .hasSize(first.returns().size() + fromTheSecond.size()
                        - (int) first.returns().stream().filter(r -> fromTheSecond.contains(r.platformReturnId()))
                                .count());
        Set<String> returnedOrders = demoOrders.values().stream()
                .filter(o -> o.getStatus() == OrderStatus.RETURNED && o.getDeliveredAt() != null
                        && o.getDeliveredAt().isBefore(now.minus(Duration.ofDays(7))))
                .map(SalesOrder::getPlatformOrderId).collect(Collectors.toSet());
        assertThat(returns.stream().map(PlatformReturn::platformOrderId).collect(Collectors.toSet()))
                .as("every order the case file has as returned is in the report").containsAll(returnedOrders);

        PlatformReturnBatch tooSoon = marketplace.platformReturns(new PlatformReturnsQuery(STORE, since,
                second.cursor()));

        assertThat(tooSoon).as("no new report a moment after the last")
                .isEqualTo(new PlatformReturnBatch(List.of(), second.cursor(), false));
    }
}
