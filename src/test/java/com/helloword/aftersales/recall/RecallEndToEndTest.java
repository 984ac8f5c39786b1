package com.helloword.aftersales.recall;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.notification.OutboxMessage;
import com.helloword.aftersales.notification.OutboxRelay;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.ProviderStubsConfiguration;
import com.helloword.aftersales.support.ReceivedMail;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The recall from end to end on the running application, through HTTP, SMTP and the platforms' APIs: orders
 * imported for two WireMock Shopify stores and the Amazon and eBay sandboxes (several batches and countries, some
 * PLACED, CANCELLED or RETURNED, a buyer with two affected orders) → recall of batches B1 and B3 in DE, FR and US →
 * exact risk report → GO → plans approved → exactly the affected buyers get exactly one notice each, in their
 * language, whose link opens their page → the SKU stopped on every store → a buyer chooses a refund on the page,
 * the label is made (WireMock DHL), the warehouse's scans dispose the units, the refund reaches Shopify once → the
 * report's HTML, PDF text and CSV rows match the data.
 */
@IntegrationTest
class RecallEndToEndTest {

    private static final Pattern PAGE_LINK = Pattern.compile("https?://[^\\s\"<>]+/buyer/recalls/(\\d+)\\?t=([A-Za-z0-9._-]+)[^\\s\"<>]*");

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    GreenMail smtp;
    @Autowired
    OutboxRelay relay;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    RecallRepository recalls;
    @Autowired
    RecallNoticeRepository notices;
    @Autowired
    RecallUnitRepository units;

    @Test
    void fromTheOrdersToTheRegulatorsReport() throws Exception {
        Http http = new Http(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sku = "HEATER-" + run.toUpperCase(java.util.Locale.ROOT);
        String shopDe = "shopify-e2e-de-" + run;
        String shopUs = "shopify-e2e-us-" + run;
        stores.save(new Store(shopDe, "Helloword Wärme DE", Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(shopDe + ".myshopify.com", null, providerStubs.baseUrl() + "/" + shopDe,
                "shopify-us"));
        stores.save(new Store(shopUs, "Helloword Heat US", Platform.SHOPIFY, "US", Currency.getInstance("USD"), "en",
                "America/New_York").connection(shopUs + ".myshopify.com", null, providerStubs.baseUrl() + "/" + shopUs,
                "shopify-us"));
        for (String shop : List.of(shopDe, shopUs)) {
            stubShopifyDelisting(shop, sku);
        }
        relay.deliverDue();
        String a = "anna-" + run + "@example.de";
        String b = "bruno-" + run + "@example.fr";
        String c = "cora-" + run + "@example.com";
        List<String> orders = new ArrayList<>();
        orders.add(order(shopDe, run + "-a1", a, "de", "DE", "SHIPPED", sku, "B1", 1, "EUR"));
        orders.add(order(shopDe, run + "-a2", a, "de", "DE", "DELIVERED", sku, "B3", 2, "EUR"));
        orders.add(order("amazon-fr", run + "-b1", b, "fr", "FR", "DELIVERED", sku, "B1", 1, "EUR"));
        orders.add(order(shopUs, run + "-c1", c, "en", "US", "SHIPPED", sku, "B3", 1, "USD"));
        orders.add(order(shopDe, run + "-d1", "dora-" + run + "@example.de", "de", "DE", "PLACED", sku, "B1", 1, "EUR"));
        orders.add(order(shopDe, run + "-e1", "emil-" + run + "@example.de", "de", "DE", "CANCELLED", sku, "B1", 1, "EUR"));
        orders.add(order("amazon-fr", run + "-f1", "flo-" + run + "@example.fr", "fr", "FR", "RETURNED", sku, "B3", 1,
                "EUR"));
        orders.add(order(shopDe, run + "-g1", "gus-" + run + "@example.de", "de", "DE", "DELIVERED", sku, "B2", 1, "EUR"));
        orders.add(order("amazon-uk", run + "-h1", "hal-" + run + "@example.co.uk", "en", "GB", "DELIVERED", sku, "B1",
                1, "GBP"));
        assertThat(http.post("/api/orders/import", "demo", "application/json", "[" + String.join(",", orders) + "]")
                .statusCode()).isLessThan(300);

        // 1 trigger and assess: the risk report's counts, before anyone decides
        HttpResponse<String> started = http.post("/api/recalls", "rita", "application/json", """
                {"sku": "%s", "batches": ["B1", "B3"], "countries": ["DE", "FR", "US"],
                 "storeIds": ["%s", "%s", "amazon-fr", "ebay-de"], "reason": "Overheats when left on: fire hazard"}"""
                .formatted(sku, shopDe, shopUs));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = Http.json(started).get("id").asText();
        String key = Http.json(started).get("recallKey").asText();
        runJobs(key);
        JsonNode assessed = Http.json(http.get("/api/recalls/" + id, "rita"));
        assertThat(assessed.at("/affectedOrders/total").asInt()).isEqualTo(4);
        assertThat(assessed.at("/affectedOrders/byCountry").toString()).isEqualTo("{\"DE\":2,\"FR\":1,\"US\":1}");
        assertThat(assessed.at("/affectedBuyers/total").asInt()).isEqualTo(3);
        assertThat(assessed.at("/riskReport/unitsSold/total").asInt()).isEqualTo(5);
        assertThat(assessed.at("/riskReport/unitsNotShipped").asInt()).isEqualTo(1);

        // 2 decide and plan
        assertThat(http.post("/api/recalls/" + id + "/decision", "rita", "application/json",
                "{\"decision\": \"GO\", \"comment\": \"three reports of melting\"}").statusCode()).isEqualTo(200);
        assertThat(http.post("/api/recalls/" + id + "/plans/approve", "rita", "application/json", "{}").statusCode())
                .isEqualTo(200);

        // 3 notify and trace: every store, every affected buyer once
        runJobs(key);
        Recall recall = recalls.findById(Long.parseLong(id)).orElseThrow();
        Task ebay = tasks.createTaskQuery().processInstanceId(recall.getProcessInstanceId())
                .taskDefinitionKey(RecallProcess.USER_TASK_DELIST_BY_HAND).singleResult();
        tasks.complete(ebay.getId(), Map.of("delistedByHand", true));
        runJobs(key);
        JsonNode notified = Http.json(http.get("/api/recalls/" + id, "rita"));
        assertThat(notified.get("stage").asInt()).as(notified.toString()).isEqualTo(4);
        assertThat(notified.get("delisting").findValuesAsText("storeId"))
                .containsExactlyInAnyOrder(shopDe, shopUs, "amazon-fr", "ebay-de");
        assertThat(notified.get("delisting").findValuesAsText("status")).containsOnly("DELISTED");
        for (String shop : List.of(shopDe, shopUs)) {
            providerStubs.verify(1, postRequestedFor(urlEqualTo(ProviderStubsConfiguration.shopifyGraphql(shop)))
                    .withRequestBody(matchingJsonPath("$.query", containing("mutation SetQuantities"))));
        }
        relay.deliverDue();
        Map<String, String> languages = Map.of(a, "de", b, "fr", c, "en");
        Map<String, String> subjects = Map.of(a, "PRODUKTSICHERHEITSRÜCKRUF", b, "RAPPEL DE SÉCURITÉ",
                c, "Important safety recall");
        String annasLink = null;
        for (String buyer : List.of(a, b, c)) {
            List<MimeMessage> mails = ReceivedMail.to(smtp, buyer, key);
            assertThat(mails).as("notices to " + buyer).hasSize(1);
            assertThat(mails.get(0).getSubject()).contains(subjects.get(buyer));
            String body = ReceivedMail.content(mails.get(0));
            Matcher link = PAGE_LINK.matcher(body);
            assertThat(link.find()).as(body).isTrue();
            assertThat(link.group()).contains("lang=" + languages.get(buyer));
            HttpResponse<String> page = http.get(link.group().substring(link.group().indexOf("/buyer/")), null);
            assertThat(page.statusCode()).isEqualTo(200);
            if (buyer.equals(a)) {
                annasLink = link.group();
                assertThat(page.body()).contains(run + "-a1", run + "-a2");
            }
        }
        for (String other : List.of("dora-", "emil-", "flo-", "gus-", "hal-")) {
            assertThat(ReceivedMail.to(smtp, other + run, key)).as(other).isEmpty();
        }
        assertThat(Http.json(http.get("/api/recalls/" + id, "rita")).get("reached").asInt()).isEqualTo(3);

        // 4 return and dispose: Anna chooses a refund on her page
        Matcher anna = PAGE_LINK.matcher(annasLink);
        assertThat(anna.find()).isTrue();
        String noticeId = anna.group(1);
        ProviderStubsConfiguration.stubShopifyShipTo(providerStubs, shopDe, "Hauptstraße 5");
        ProviderStubsConfiguration.stubDhlReturnLabel(providerStubs, "00340434" + Math.abs(run.hashCode() % 10000));
        HttpResponse<String> chosen = http.post("/buyer/recalls/" + noticeId + "/remedy", null,
                "application/x-www-form-urlencoded", "t=" + URLEncoder.encode(anna.group(2), StandardCharsets.UTF_8)
                        + "&lang=de&remedy=REFUND");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        RecallNotice annas = notices.findById(Long.parseLong(noticeId)).orElseThrow();
        runtime.createProcessInstanceQuery().processInstanceId(annas.getProcessInstanceId()).singleResult();
        runJobs(key);
        annas = notices.findById(annas.getId()).orElseThrow();
        assertThat(annas.getLabelTracking()).isNotBlank();
        ProviderStubsConfiguration.stubShopifyRefund(providerStubs, shopDe, "90.00", "9" + Math.abs(run.hashCode() % 1000));
        List<RecallUnit> annasUnits = units.findByNoticeIdOrderByUnitRef(annas.getId());
        assertThat(annasUnits).hasSize(3);
        for (RecallUnit unit : annasUnits) {
            assertThat(scan(http, id, unit.getUnitRef(), "RECEIVED").statusCode()).isEqualTo(200);
        }
        runJobs(key);
        for (RecallUnit unit : annasUnits) {
            assertThat(scan(http, id, unit.getUnitRef(), "DISPOSED").statusCode()).isEqualTo(200);
        }
        runJobs(key);
        assertThat(notices.findById(annas.getId()).orElseThrow().getRemedyDoneAt()).isNotNull();
        // one refund per order of hers (a platform refunds an order), each once
        providerStubs.verify(2, postRequestedFor(urlEqualTo(ProviderStubsConfiguration.shopifyGraphql(shopDe)))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation RefundCreate"))));
        JsonNode returning = Http.json(http.get("/api/recalls/" + id, "rita"));
        assertThat(returning.get("chosen").asInt()).isEqualTo(1);
        assertThat(returning.get("returned").asInt()).isEqualTo(3);
        assertThat(returning.get("disposed").asInt()).isEqualTo(3);
        assertThat(returning.get("completionRate").decimalValue()).isEqualByComparingTo("0.6");

        // 5 close out: 60 % is under the 95 % target, so the recall manager closes it
        assertThat(http.post("/api/recalls/" + id + "/filings/US_CPSC", "rita", "application/json",
                "{\"reference\": \"CPSC-" + run + "\"}").statusCode()).isEqualTo(200);
        assertThat(http.post("/api/recalls/" + id + "/filings/EU_SBG", "rita", "application/json",
                "{\"reference\": \"SBG-" + run + "\"}").statusCode()).isEqualTo(200);
        assertThat(http.post("/api/recalls/" + id + "/close", "rita", "application/json", "").statusCode())
                .isEqualTo(200);
        runJobs(key);
        assertThat(http.post("/api/recalls/" + id + "/root-cause", "rita", "application/json",
                "{\"rootCause\": \"Thermostat of supplier lot B1/B3\", \"correctiveAction\": \"Supplier changed\"}")
                .statusCode()).isEqualTo(200);
        assertThat(Http.json(http.get("/api/recalls/" + id, "rita")).get("state").asText()).isEqualTo("CLOSED");

        String html = http.get("/api/recalls/" + id + "/report.html", "rita").body();
        assertThat(html).contains("Final report", "Thermostat of supplier lot B1/B3", "CPSC-" + run, "SBG-" + run);
        assertThat(html).doesNotContain(a, b, c);
        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/recalls/" + id + "/report.pdf"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("rita:rita".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Final report", "CPSC-" + run, "60.0");
        }
        String[] csv = http.get("/api/recalls/" + id + "/units.csv", "rita").body().split("\r?\n");
        assertThat(csv).hasSize(1 + 5);
        assertThat(java.util.Arrays.stream(csv).skip(1).filter(row -> row.contains("DISPOSED")).count()).isEqualTo(3);
        assertThat(java.util.Arrays.stream(csv).skip(1).filter(row -> row.contains(",AFFECTED,")).count()).isEqualTo(2);
        assertThat(outbox.findAll().stream().map(OutboxMessage::getIdempotencyKey)
                .filter(k -> k.startsWith("recall:" + key + ":notice:")).count()).isEqualTo(3);
    }

    private static HttpResponse<String> scan(Http http, String recallId, String unitRef, String status) {
        return http.post("/api/recalls/" + recallId + "/units/" + unitRef + "/scan", "walt", "application/json",
                "{\"status\": \"" + status + "\"}");
    }

    private void stubShopifyDelisting(String shop, String sku) {
        String graphql = ProviderStubsConfiguration.shopifyGraphql(shop);
        providerStubs.stubFor(post(urlEqualTo(graphql)).withRequestBody(matchingJsonPath("$.query",
                containing("query VariantsBySku"))).willReturn(okJson("""
                {"data": {"productVariants": {"nodes": [
                  {"id": "gid://shopify/ProductVariant/31", "sku": "%s",
                   "product": {"id": "gid://shopify/Product/41", "status": "ACTIVE", "variantsCount": {"count": 1}},
                   "inventoryItem": {"id": "gid://shopify/InventoryItem/51", "inventoryLevels": {"nodes": [
                     {"location": {"id": "gid://shopify/Location/1"}, "quantities": [{"name": "available", "quantity": 9}]}]}}}]}}}"""
                .formatted(sku))));
        providerStubs.stubFor(post(urlEqualTo(graphql)).withRequestBody(matchingJsonPath("$.query",
                containing("mutation SetQuantities"))).willReturn(okJson("""
                {"data": {"inventorySetQuantities": {"inventoryAdjustmentGroup": {"reason": "Other"}, "userErrors": []}}}""")));
        providerStubs.stubFor(post(urlEqualTo(graphql)).withRequestBody(matchingJsonPath("$.query",
                containing("mutation Draft"))).willReturn(okJson("""
                {"data": {"productUpdate": {"product": {"id": "gid://shopify/Product/41", "status": "DRAFT"}, "userErrors": []}}}""")));
    }

    private static String order(String store, String id, String email, String language, String country, String status,
            String sku, String batch, int quantity, String currency) {
        boolean shipped = !status.equals("PLACED") && !status.equals("CANCELLED");
        return """
                {"storeId": "%s", "platformOrderId": "%s",
                 "buyer": {"email": "%s", "name": "Buyer %s", "language": "%s", "country": "%s"},
                 "destinationCountry": "%s", "currency": "%s", "orderedAt": "2026-10-01T10:00:00Z",
                 "shippedAt": %s, "deliveredAt": %s, "carrier": "DHL", "trackingNumber": null, "status": "%s",
                 "lines": [{"sku": "%s", "batch": "%s", "title": "Heater 2000", "quantity": %d, "unitPrice": 30.00}]}"""
                .formatted(store, id, email, id, language, country, country, currency,
                        shipped ? "\"2026-10-02T08:00:00Z\"" : "null",
                        status.equals("DELIVERED") ? "\"2026-10-05T08:00:00Z\"" : "null", status, sku, batch, quantity);
    }

    /** Every due job of the recall, its chunks and its buyers' returns, until none is left. */
    private void runJobs(String recallKey) {
        for (int round = 0; round < 40; round++) {
            List<Job> due = new ArrayList<>();
            List<org.camunda.bpm.engine.runtime.ProcessInstance> instances = new ArrayList<>(runtime
                    .createProcessInstanceQuery().processInstanceBusinessKeyLike(recallKey + ":%").list());
            instances.addAll(runtime.createProcessInstanceQuery().processInstanceBusinessKey(recallKey).list());
            instances.forEach(pi -> due.addAll(management.createJobQuery().processInstanceId(pi.getId()).executable()
                    .list()));
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
            relay.deliverDue();
        }
        throw new AssertionError("jobs keep coming for " + recallKey);
    }
}
