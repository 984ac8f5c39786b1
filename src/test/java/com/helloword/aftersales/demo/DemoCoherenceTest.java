package com.helloword.aftersales.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.carrier.TrackingEvent;
import com.helloword.aftersales.carrier.TrackingEventRepository;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.intake.IntakeResult;
import com.helloword.aftersales.casework.intake.IntakeService;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * The demo is the product's first impression, so every demo case must make sense as a whole: the message is
 * about an item its order holds, the order's status and the carrier's scans fit what the buyer writes, and the
 * recall signal points at the item a safety case is about. Checked over all demo cases, whatever they are.
 */
@IntegrationTest
class DemoCoherenceTest {

    /** Complaints about an item in the buyer's hands: the order is delivered, and the carrier scanned it so. */
    static final Set<String> ITEM_IN_HAND = Set.of("DAMAGED", "DEFECTIVE", "SAFETY_HAZARD", "WRONG_ITEM",
            "MISSING_PARTS", "COLOR_MISMATCH");

    @LocalServerPort
    int port;
    @Autowired
    IntakeService intake;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    TrackingEventRepository events;
    @Autowired
    TransactionTemplate transaction;

    /** A demo case as stored: its message, grading, order (lines as "SKU|batch") and the order's scans. */
    record DemoCase(DemoCases.Message message, String key, String category, String storeId, String platformOrderId,
            OrderStatus status, String carrier, String trackingNumber, Instant deliveredAt, List<String> lines,
            List<TrackingEvent> scans) {

        String name() {
            return message.subject() + " (" + key + ", " + category + ", order " + platformOrderId + " " + status
                    + ")";
        }
    }

    private List<DemoCase> demoCases() {
        List<DemoCase> all = new ArrayList<>();
        for (int i = 0; i < DemoCases.MESSAGES.size(); i++) {
            DemoCases.Message message = DemoCases.MESSAGES.get(i);
            IntakeResult taken = intake.alreadyTaken("email", DemoCases.messageId(i)).orElseThrow();
            all.add(transaction.execute(tx -> {
                AfterSalesCase c = cases.findByBusinessKey(taken.businessKey()).orElseThrow();
                SalesOrder o = c.getOrder();
                assertThat(o).as("the order of demo case " + message.subject()).isNotNull();
                return new DemoCase(message, c.getBusinessKey(), taken.category(), o.getStore().getId(),
                        o.getPlatformOrderId(), o.getStatus(), o.getCarrier(), o.getTrackingNumber(),
                        o.getDeliveredAt(), lines(o), events.findByOrderIdOrderByOccurredAtAsc(o.getId()));
            }));
        }
        return all;
    }

    private static List<String> lines(SalesOrder order) {
        return order.getLines().stream().map(l -> l.getSku() + "|" + l.getBatchLot()).toList();
    }

    private static String line(DemoProducts.Product product) {
        return product.sku() + "|" + product.batch();
    }

    /** Whether the text names the product: a Latin-script name as a whole word, any other as it is written. */
    static boolean names(String text, String productName) {
        String quoted = Pattern.quote(productName.toLowerCase(Locale.ROOT));
        String regex = productName.matches("[\\p{IsLatin} -]+") ? "(?<!\\p{L})" + quoted + "(?!\\p{L})" : quoted;
        return Pattern.compile(regex).matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    @Test
    void everyDemoMessageIsAboutAnItemItsOrderHolds() {
        for (DemoCase c : demoCases()) {
            DemoCases.Message m = c.message();
            String text = m.subject() + "\n" + m.body();
            assertThat(c.lines()).as(c.name() + ": the order holds the item the message is about")
                    .contains(line(m.order().about()));
            assertThat(m.order().about().names()).as(c.name() + ": the message names " + m.order().about().sku())
                    .anyMatch(name -> names(text, name));
            DemoProducts.ALL.stream().flatMap(p -> p.names().stream()).distinct().filter(name -> names(text, name))
                    .forEach(name -> assertThat(DemoProducts.ALL.stream().filter(p -> p.names().contains(name))
                            .map(DemoCoherenceTest::line)).as(c.name() + ": the message says \"" + name
                                    + "\", so the order holds such an item").anyMatch(c.lines()::contains));
            assertThat(c.storeId() + "/" + c.platformOrderId()).as(c.name() + ": the order the demo gives it")
                    .isEqualTo(m.storeId() + "/" + m.order().platformOrderId());
        }
    }

    @Test
    void theOrderStatusAndTheCarriersScansFitWhatTheBuyerWrites() {
        List<DemoCase> all = demoCases();
        assertThat(all).as("the demo shows a parcel not received and an item in hand that went wrong")
                .anyMatch(c -> c.category().equals("NOT_RECEIVED"))
                .anyMatch(c -> ITEM_IN_HAND.contains(c.category()));
        for (DemoCase c : all) {
            if (c.category().equals("NOT_RECEIVED")) {
                assertThat(c.status()).as(c.name() + ": a parcel not received is on its way").isEqualTo(
                        OrderStatus.SHIPPED);
                assertThat(c.trackingNumber()).as(c.name() + ": tracking number").isNotBlank();
                assertThat(c.carrier()).as(c.name() + ": carrier").isNotBlank();
                assertThat(c.scans()).as(c.name() + ": the carrier's scans so far").isNotEmpty()
                        .noneMatch(s -> s.getStatus() == TrackingStatus.DELIVERED);
            }
            if (ITEM_IN_HAND.contains(c.category())) {
                assertThat(c.status()).as(c.name() + ": the buyer has the item").isEqualTo(OrderStatus.DELIVERED);
                assertThat(c.scans()).as(c.name() + ": the carrier's delivery scan")
                        .anyMatch(s -> s.getStatus() == TrackingStatus.DELIVERED
                                && s.getOccurredAt().equals(c.deliveredAt()));
            }
            switch (c.status()) {
                case PLACED, CANCELLED -> assertThat(c.trackingNumber() == null && c.scans().isEmpty())
                        .as(c.name() + ": not shipped, so no tracking").isTrue();
                case SHIPPED -> assertThat(c.scans()).as(c.name() + ": in transit").isNotEmpty()
                        .noneMatch(s -> s.getStatus() == TrackingStatus.DELIVERED);
                case DELIVERED, RETURNED -> assertThat(c.scans()).as(c.name() + ": delivered")
                        .anyMatch(s -> s.getStatus() == TrackingStatus.DELIVERED);
            }
        }
    }

    @Test
    void everyDeliveredDemoOrderHasTheCarriersDeliveryScanAndEveryParcelOnItsWayItsScansSoFar() {
        Instant now = Instant.now();
        Set<String> demoOrders = new HashSet<>();
        DemoDataLoader.ordersCsv(now, new Random(DemoDataLoader.SEED)).lines().skip(1)
                .forEach(row -> demoOrders.add(row.split(",")[0] + "/" + row.split(",")[1]));
        List<String> problems = new ArrayList<>();
        int[] checked = new int[2];
        transaction.executeWithoutResult(tx -> orders.findAll().stream()
                .filter(o -> demoOrders.contains(o.getStore().getId() + "/" + o.getPlatformOrderId()))
                .forEach(o -> {
                    List<TrackingEvent> scans = events.findByOrderIdOrderByOccurredAtAsc(o.getId());
                    String name = o.getStore().getId() + "/" + o.getPlatformOrderId() + " " + o.getStatus();
                    if (o.getStatus() == OrderStatus.DELIVERED) {
                        checked[0]++;
                        if (scans.stream().noneMatch(s -> s.getStatus() == TrackingStatus.DELIVERED
                                && s.getOccurredAt().equals(o.getDeliveredAt()))) {
                            problems.add(name + ": no delivery scan at " + o.getDeliveredAt() + " (" + scans.size()
                                    + " scans, tracking status " + o.getTrackingStatus() + ")");
                        }
                    }
                    if (o.getStatus() == OrderStatus.SHIPPED) {
                        checked[1]++;
                        if (scans.isEmpty() || scans.stream().anyMatch(s -> s.getStatus() == TrackingStatus.DELIVERED)
                                || o.getTrackingStatus() == null) {
                            problems.add(name + ": " + scans.size() + " scans, tracking status "
                                    + o.getTrackingStatus());
                        }
                    }
                    if (scans.stream().anyMatch(s -> s.getOccurredAt().isAfter(now))
                            || (o.getShippedAt() != null && o.getShippedAt().isAfter(now))
                            || (o.getDeliveredAt() != null && o.getDeliveredAt().isAfter(now))) {
                        problems.add(name + ": shipped " + o.getShippedAt() + ", delivered " + o.getDeliveredAt()
                                + ", a scan in the future");
                    }
                }));
        assertThat(checked[0]).as("delivered demo orders").isGreaterThan(100);
        assertThat(checked[1]).as("demo orders on their way").isGreaterThan(50);
        assertThat(problems).isEmpty();
    }

    @Test
    void theRecallSignalFlagsOnlyTheItemsTheDemoSafetyCasesAreAbout() {
        List<DemoCase> safety = demoCases().stream().filter(c -> c.category().equals("SAFETY_HAZARD")).toList();
        assertThat(safety).as("demo safety cases").isNotEmpty();
        Set<String> expected = new HashSet<>();
        for (DemoCase c : safety) {
            // the signal counts every line of a safety case's order, so the order holds only the item at fault
            assertThat(c.lines()).as(c.name() + ": the order holds only the item the message is about")
                    .containsOnly(line(c.message().order().about()));
            expected.addAll(c.lines());
        }
        Set<String> catalogue = DemoProducts.ALL.stream().map(DemoCoherenceTest::line).collect(Collectors.toSet());
        Set<String> flagged = new HashSet<>();
        for (JsonNode signal : Http.json(new Http(port).get("/api/recall-signals", "rita"))) {
            String flaggedLine = signal.get("sku").asText() + "|" + signal.get("batch").asText();
            if (catalogue.contains(flaggedLine)) { // other tests' safety cases are on orders of their own
                flagged.add(flaggedLine);
            }
        }
        assertThat(flagged).as("SKU and batches the recall signal flags").isEqualTo(expected);
    }
}
