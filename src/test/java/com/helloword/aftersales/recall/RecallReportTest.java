package com.helloword.aftersales.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManagerFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * The recall report against rows written straight through the repositories: a recall over DE, FR and US with
 * buyers in every state (pending, notified, reached, remedies chosen and paid, units received, disposed and
 * refurbished), market plans, one filing on time and one late, a delisting and timeline events. The HTML, the
 * PDF's text and the CSV must all show exactly these figures.
 */
@IntegrationTest
class RecallReportTest {

    private static final String SKU = "KETTLE-2L";
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    RecallRepository recalls;
    @Autowired
    RecallMarketPlanRepository plans;
    @Autowired
    RecallFilingRepository filings;
    @Autowired
    RecallDelistingRepository delistings;
    @Autowired
    RecallNoticeRepository notices;
    @Autowired
    RecallUnitRepository units;
    @Autowired
    RecallEventRepository events;
    @Autowired
    StoreRepository stores;
    @Autowired
    BuyerRepository buyers;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    Http http;
    String run;
    Store storeDe;
    Store storeUs;
    List<String> buyerEmails = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeDe = stores.save(new Store("rr-de-" + run, "Helloword Home DE", Platform.SHOPIFY, "DE",
                Currency.getInstance("EUR"), "de", "Europe/Berlin"));
        storeUs = stores.save(new Store("rr-us-" + run, "Helloword Home US", Platform.AMAZON, "US",
                Currency.getInstance("USD"), "en", "America/New_York"));
    }

    // ---- building the data -------------------------------------------------------------------------------

    private Recall recall() {
        Recall recall = new Recall("RC-T" + run, SKU, List.of("B1", "B3"), List.of("DE", "FR", "US"), List.of(),
                "Lid may detach, scalding risk", RecallSource.MANUAL, null, "rita", T0);
        recall.decide(RecallDecision.GO, "Burns reported in two markets", "rita", T0.plus(Duration.ofHours(2)));
        recall.completionTarget(new BigDecimal("0.9500"));
        recall.moveTo(RecallState.RETURNING);
        recall.notified(T0.plus(Duration.ofHours(6)));
        return recalls.save(recall);
    }

    private SalesOrder order(Store store, String platformOrderId, Buyer buyer, String country, String currency,
            int quantity, String price) {
        SalesOrder order = new SalesOrder(store, platformOrderId, buyer);
        order.apply(buyer, new SalesOrder.Details(country, currency, OrderStatus.DELIVERED, T0.minus(Duration.ofDays(30)),
                T0.minus(Duration.ofDays(29)), T0.minus(Duration.ofDays(27)), "DHL", null));
        order.replaceLines(List.of(new SalesOrder.LineDetails(SKU, "B1", "Kettle 2 l", quantity, new BigDecimal(price))));
        return orders.save(order);
    }

    private Buyer buyer(String name) {
        String email = name + "." + run + "@example.com";
        buyerEmails.add(email);
        Buyer buyer = new Buyer(email);
        buyer.update(name, "en", null);
        return buyers.save(buyer);
    }

    /** A notice with its units (all of one order line), saved; {@code steps} changes the notice before. */
    private List<RecallUnit> buyerWithUnits(Recall recall, String country, String currency, Store store,
            String platformOrderId, int quantity, String price, java.util.function.Consumer<RecallNotice> steps) {
        Buyer buyer = buyer("buyer-" + platformOrderId.replaceAll("[^A-Za-z0-9]", ""));
        SalesOrder order = order(store, platformOrderId + "-" + run, buyer, country, currency, quantity, price);
        RecallNotice notice = new RecallNotice(recall.getId(), buyer.getId(), country, "en", 0, 1, quantity);
        steps.accept(notice);
        notice = notices.save(notice);
        List<RecallUnit> made = new ArrayList<>();
        for (int n = 1; n <= quantity; n++) {
            made.add(new RecallUnit(recall.getId(), notice.getId(), RecallUnit.unitRef(order.getId(), 1, n),
                    order.getId(), 1, store.getId(), SKU, "B1", country, new BigDecimal(price), currency));
        }
        return made;
    }

    private static Instant at(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private Recall theRecallInEveryState() {
        Recall recall = recall();
        Long id = recall.getId();
        RecallMarketPlan de = new RecallMarketPlan(id, "DE");
        de.draft("EU_SBG", "EU Safety Business Gateway", "GPSR 2023/988 Art. 20", "P2D",
                List.of("REFUND", "REPLACEMENT"), "recall-notice", "CONSUMER");
        de.approve("rita", at(3));
        RecallMarketPlan us = new RecallMarketPlan(id, "US");
        us.draft("US_CPSC", "U.S. Consumer Product Safety Commission", "CPSA Section 15(b)", "PT24H",
                List.of("REFUND", "REPAIR"), "recall-notice", "CONSUMER");
        us.approve("rita", at(3));
        plans.saveAll(List.of(de, us));
        RecallFiling cpsc = new RecallFiling(id, "US_CPSC", "U.S. Consumer Product Safety Commission", List.of("US"),
                at(26), "Section 15(b) report");
        cpsc.filed("CPSC-26-0417", "rita", at(20));
        RecallFiling sbg = new RecallFiling(id, "EU_SBG", "EU Safety Business Gateway", List.of("DE", "FR"), at(50),
                "GPSR notification");
        sbg.missed(at(50));
        sbg.filed("SBG-2026-7781", "mia", at(60));
        filings.saveAll(List.of(cpsc, sbg));
        RecallDelisting delisting = new RecallDelisting(id, storeDe.getId(), "SHOPIFY");
        delisting.delisted(List.of("product set to draft"), at(4));
        delistings.save(delisting);
        events.saveAll(List.of(new RecallEvent(id, at(2), "DECIDED", "rita", "GO: Burns reported in two markets"),
                new RecallEvent(id, at(20), "FILED", "rita", "US_CPSC CPSC-26-0417")));

        List<RecallUnit> all = new ArrayList<>();
        // DE: a refund paid, both units disposed
        List<RecallUnit> refunded = buyerWithUnits(recall, "DE", "EUR", storeDe, "DE-1001", 2, "29.99", n -> {
            n.queued(at(6));
            n.choose(RecallRemedy.REFUND, at(8));
            n.labelCreated("DHL", "00340434161094015902", null, new BigDecimal("5.90"), at(8));
            n.remedyDone("RF-1001", new BigDecimal("59.98"), "EUR", at(40));
        });
        refunded.forEach(u -> u.scan(RecallUnitStatus.DISPOSED, null, "walt", at(30)));
        all.addAll(refunded);
        // DE: a replacement chosen, the unit received
        List<RecallUnit> replaced = buyerWithUnits(recall, "DE", "EUR", storeDe, "DE-1002", 1, "29.99", n -> {
            n.queued(at(6));
            n.choose(RecallRemedy.REPLACEMENT, at(9));
            n.labelCreated("DHL", "00340434161094015919", null, new BigDecimal("5.90"), at(9));
        });
        replaced.forEach(u -> u.scan(RecallUnitStatus.RECEIVED, null, "walt", at(31)));
        all.addAll(replaced);
        // DE: notified, never opened the page
        all.addAll(buyerWithUnits(recall, "DE", "EUR", storeDe, "DE-1003", 1, "29.99", n -> n.queued(at(6))));
        // FR: not notified yet; the platform order id has a comma
        all.addAll(buyerWithUnits(recall, "FR", "EUR", storeDe, "FR,1004", 1, "31.50", n -> { }));
        // US: a refund in dollars, one unit refurbished, one disposed, one inspected
        List<RecallUnit> us3 = buyerWithUnits(recall, "US", "USD", storeUs, "US-1005", 3, "29.99", n -> {
            n.queued(at(6));
            n.opened(at(7));
            n.choose(RecallRemedy.REFUND, at(7));
            n.labelCreated("DHL", "1Z999AA10123456784", null, new BigDecimal("7.50"), at(7));
            n.remedyDone("RF-1005", new BigDecimal("89.97"), "USD", at(41));
        });
        us3.get(0).scan(RecallUnitStatus.REFURBISHED, "lid replaced", "walt", at(32));
        us3.get(1).scan(RecallUnitStatus.DISPOSED, null, "walt", at(32));
        us3.get(2).scan(RecallUnitStatus.INSPECTED, null, "walt", at(32));
        all.addAll(us3);
        units.saveAll(all);
        return recall;
    }

    // ---- reading the answers ------------------------------------------------------------------------------

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL);

    /** Every table row of the page as its cells' text joined with " | ". */
    private static List<String> rows(String html) {
        List<String> rows = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", "").strip());
            }
            rows.add(String.join(" | ", cells));
        }
        return rows;
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> csv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field.length() + record.size()).as("the CSV ends with CRLF").isZero();
        return records;
    }

    private byte[] bytes(String path, String user) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("[ \\t]+", " ");
        }
    }

    // ---- the tests -----------------------------------------------------------------------------------------

    static final List<String> FIGURE_ROWS = List.of(
            // country | units | buyers | notified | reached | REFUND | REPLACEMENT | REPAIR | returned | disposed | refurbished | completion
            "DE | 4 | 3 | 3 | 2 | 1 | 1 | 0 | 3 | 2 | 0 | 50.0 %",
            "FR | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0.0 %",
            "US | 3 | 1 | 1 | 1 | 1 | 0 | 0 | 3 | 1 | 1 | 66.7 %",
            "Total | 8 | 5 | 4 | 3 | 2 | 1 | 0 | 6 | 3 | 1 | 50.0 %");

    @Test
    void theHtmlShowsTheFiguresPerCountryTheCostsPerCurrencyAndTheFilings() {
        Recall recall = theRecallInEveryState();

        HttpResponse<String> page = http.get("/api/recalls/" + recall.getId() + "/report.html", "rita");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).startsWith("default-src 'none'; style-src 'unsafe-inline';"));
        List<String> rows = rows(page.body());
        assertThat(rows).containsSubsequence(FIGURE_ROWS);
        assertThat(rows).contains(
                // country | currency | labels | refunds | replacements | total: currencies never added
                "DE | EUR | 11.80 | 59.98 | 29.99 | 101.77",
                "US | USD | 7.50 | 89.97 | 0.00 | 97.47",
                "All | EUR | 11.80 | 59.98 | 29.99 | 101.77",
                "All | USD | 7.50 | 89.97 | 0.00 | 97.47",
                "U.S. Consumer Product Safety Commission (US_CPSC) | US | 2026-03-03 10:00 UTC | 2026-03-03 04:00 UTC"
                        + " | rita | CPSC-26-0417 | on time",
                "EU Safety Business Gateway (EU_SBG) | DE, FR | 2026-03-04 10:00 UTC | 2026-03-04 20:00 UTC | mia"
                        + " | SBG-2026-7781 | missed (filed late)",
                "US | U.S. Consumer Product Safety Commission (US_CPSC) | CPSA Section 15(b) | PT24H from the decision"
                        + " | REFUND, REPAIR | CONSUMER | APPROVED, by rita at 2026-03-02 11:00 UTC",
                "2026-03-02 10:00 UTC | DECIDED | rita | GO: Burns reported in two markets");
        assertThat(rows).noneMatch(r -> r.contains("199.24") || r.contains("19.30") || r.contains("149.95"));
        assertThat(page.body()).contains("Interim report with live figures", "The recall is RETURNING (stage 4 of 5)",
                "Burns reported in two markets", "Completion target</dt><dd>95.0 %");
        assertThat(page.body()).doesNotContain(buyerEmails.toArray(String[]::new)).doesNotContain("Final report");
    }

    @Test
    void theReportIsFinalOnceTheRecallIsClosedWithRootCauseAndCorrectiveAction() throws IOException {
        Recall recall = theRecallInEveryState();
        recall.rootCause("Lid hinge moulded from the wrong resin, batch B1",
                "Supplier resin certificate checked at goods-in, \"drop & heat\" test per batch");
        recall.closed(RecallState.CLOSED, at(24 * 30));
        recalls.save(recall);

        String page = http.get("/api/recalls/" + recall.getId() + "/report.html", "mia").body();

        assertThat(page).contains("Final report. The recall was closed at 2026-04-01 08:00 UTC",
                "Lid hinge moulded from the wrong resin, batch B1",
                "&quot;drop &amp; heat&quot; test per batch").doesNotContain("Interim report");
        String pdf = pdfText(bytes("/api/recalls/" + recall.getId() + "/report.pdf", "demo"));
        assertThat(pdf).contains("Final report", "Lid hinge moulded from the wrong resin", "\"drop & heat\"");
    }

    @Test
    void thePdfCarriesTheSameFigures() throws IOException {
        Recall recall = theRecallInEveryState();

        byte[] pdf = bytes("/api/recalls/" + recall.getId() + "/report.pdf", "rita");

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = pdfText(pdf);
        for (String row : FIGURE_ROWS) {
            assertThat(text).contains(row.replace(" | ", " "));
        }
        assertThat(text).contains("DE EUR 11.80 59.98 29.99 101.77", "US USD 7.50 89.97 0.00 97.47",
                "CPSC-26-0417", "on time", "SBG-2026-7781", "missed (filed late)", "Recall report RC-T" + run,
                "Interim report");
    }

    @Test
    void theCsvHasOneRowPerUnitQuotedAsRfc4180WithBuyerIdsOnly() {
        Recall recall = theRecallInEveryState();

        HttpResponse<String> answer = http.get("/api/recalls/" + recall.getId() + "/units.csv", "rita");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(answer.body()).contains(",\"FR,1004-" + run + "\",");
        List<List<String>> records = csv(answer.body());
        assertThat(records.get(0)).isEqualTo(RecallReport.CSV_COLUMNS);
        List<List<String>> rows = records.subList(1, records.size());
        List<RecallUnit> stored = units.findByRecallIdOrderByUnitRef(recall.getId());
        assertThat(rows).hasSize(8).allSatisfy(r -> assertThat(r).hasSize(RecallReport.CSV_COLUMNS.size()));
        assertThat(rows).extracting(r -> r.get(0))
                .containsExactlyInAnyOrderElementsOf(stored.stream().map(RecallUnit::getUnitRef).toList());
        for (RecallUnit unit : stored) {
            List<String> row = rows.stream().filter(r -> r.get(0).equals(unit.getUnitRef())).findFirst().orElseThrow();
            RecallNotice notice = notices.findById(unit.getNoticeId()).orElseThrow();
            assertThat(row.subList(1, 17)).containsExactly(unit.getOrderId().toString(),
                    orders.findById(unit.getOrderId()).orElseThrow().getPlatformOrderId(), unit.getStoreId(),
                    notice.getBuyerId().toString(), unit.getCountry(), SKU, "B1", unit.getStatus().name(),
                    iso(notice.getQueuedAt()), iso(notice.getOpenedAt()),
                    notice.getRemedy() == null ? "" : notice.getRemedy().name(), iso(notice.getRemedyChosenAt()),
                    notice.getLabelTracking() == null ? "" : notice.getLabelTracking(), iso(unit.getReceivedAt()),
                    iso(unit.getInspectedAt()), iso(unit.getDisposedAt()));
        }
        // a buyer's refund once, on their first row: the column adds up to the refunds per currency
        assertThat(rows).filteredOn(r -> !r.get(17).isEmpty()).extracting(r -> r.get(17) + " " + r.get(18)
                + " " + r.get(19)).containsExactlyInAnyOrder("59.98 EUR RF-1001", "89.97 USD RF-1005");
        assertThat(answer.body()).doesNotContain(buyerEmails.toArray(String[]::new)).doesNotContain("buyer-DE1001");
    }

    private static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    @Test
    void onlyRecallManagersManagersAndAdminsGetTheReportAndAnUnknownRecallIs404() {
        Recall recall = theRecallInEveryState();
        for (String file : List.of("report.html", "report.pdf", "units.csv")) {
            String path = "/api/recalls/" + recall.getId() + "/" + file;
            assertThat(http.get(path, "walt").statusCode()).as("warehouse: " + file).isEqualTo(403);
            assertThat(http.get(path, "pete").statusCode()).as("product team: " + file).isEqualTo(403);
            assertThat(http.get(path, "leo").statusCode()).as("team lead: " + file).isEqualTo(403);
            assertThat(http.get(path, null).statusCode()).as("nobody: " + file).isEqualTo(401);
            for (String allowed : List.of("rita", "mia", "demo")) {
                assertThat(http.get(path, allowed).statusCode()).as(allowed + ": " + file).isEqualTo(200);
                assertThat(http.get("/api/recalls/999999999999/" + file, allowed).statusCode())
                        .as(allowed + ", unknown recall: " + file).isEqualTo(404);
            }
        }
        assertThat(http.get("/api/recalls/999999999999/report.html", "walt").statusCode()).isEqualTo(403);
    }

    @Test
    void twoThousandUnitsAreCountedWithoutLoadingAUnitOrANotice() throws IOException {
        Recall recall = recall();
        List<RecallUnit> all = new ArrayList<>();
        for (int b = 0; b < 200; b++) {
            String country = b % 2 == 0 ? "DE" : "FR";
            int buyerNo = b;
            all.addAll(buyerWithUnits(recall, country, "EUR", storeDe, "S-" + b, 10, "19.90", n -> {
                n.queued(at(6));
                if (buyerNo % 4 == 0) {
                    n.choose(RecallRemedy.REFUND, at(7));
                }
            }));
        }
        for (int i = 0; i < all.size(); i += 5) {
            all.get(i).scan(RecallUnitStatus.DISPOSED, null, "walt", at(30));
        }
        units.saveAll(all);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            String page = http.get("/api/recalls/" + recall.getId() + "/report.html", "rita").body();
            String pdf = pdfText(bytes("/api/recalls/" + recall.getId() + "/report.pdf", "rita"));
            String csv = http.get("/api/recalls/" + recall.getId() + "/units.csv", "rita").body();

            assertThat(rows(page)).contains("DE | 1000 | 100 | 100 | 50 | 50 | 0 | 0 | 200 | 200 | 0 | 20.0 %",
                    "FR | 1000 | 100 | 100 | 0 | 0 | 0 | 0 | 200 | 200 | 0 | 20.0 %",
                    "Total | 2000 | 200 | 200 | 50 | 50 | 0 | 0 | 400 | 400 | 0 | 20.0 %");
            assertThat(pdf).contains("Total 2000 200 200 50 50 0 0 400 400 0 20.0 %");
            assertThat(csv.split("\r\n")).hasSize(2001);
            assertThat(statistics.getEntityStatistics(RecallUnit.class.getName()).getLoadCount()).isZero();
            assertThat(statistics.getEntityStatistics(RecallNotice.class.getName()).getLoadCount()).isZero();
            assertThat(statistics.getEntityStatistics(SalesOrder.class.getName()).getLoadCount()).isZero();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }
}
