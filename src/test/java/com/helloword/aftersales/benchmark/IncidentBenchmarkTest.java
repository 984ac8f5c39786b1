package com.helloword.aftersales.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.ProviderStubsConfiguration;
import com.icegreen.greenmail.util.GreenMail;

/**
 * A batch incident of 5 000 orders on the running application (H2 file database as the embedded default, or
 * SPRING_DATASOURCE_URL's), job executor and outbox relay on, mail to the embedded SMTP server, the store a
 * WireMock Shopify answering every call after 50 ms: from the declaration to every mail queued and to every mail
 * received by the SMTP server; then every buyer chooses through their page (a third each a coupon, a refund, an
 * express replacement), and the time to all remedies carried out at the platform. Prints the figures for the README
 * and docs/performance.md; asserts only that every order got one mail and one remedy. Run:
 * {@code mvn -o -B -ntp -Pbenchmark -Dtest=IncidentBenchmarkTest test}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${SPRING_DATASOURCE_URL:jdbc:h2:file:./target/benchmark/incident-${random.uuid};"
                + "LOCK_TIMEOUT=10000;WRITE_DELAY=0}",
        "camunda.bpm.job-execution.enabled=true",
        "aftersales.mail.outbox.relay-enabled=true",
        "aftersales.mail.outbox.poll-interval=200ms",
        // the stub's own limit is its 50 ms; Shopify's real 4 calls/s per store is in the README's reading
        "aftersales.providers.shopify.requests-per-second=1000"})
@Import(ProviderStubsConfiguration.class)
class IncidentBenchmarkTest {

    static final int ORDERS = Integer.getInteger("incident.benchmark.orders", 5_000);
    static final Duration TIMEOUT = Duration.ofMinutes(20);
    static final int LATENCY_MS = 50;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StoreRepository stores;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    BuyerLinks links;
    @Autowired
    ManagementService management;
    @Autowired
    GreenMail smtp;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void fiveThousandOrdersMailedOnceAndSettledOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String shop = "shopify-bench-" + run;
        stores.save(new Store(shop, "Helloword Bench", Platform.SHOPIFY, "FR", Currency.getInstance("EUR"), "fr",
                "Europe/Paris").connection(shop + ".myshopify.com", null, providerStubs.baseUrl() + "/" + shop,
                "shopify-us"));
        stubShop(shop, run);
        Http http = new Http(port);
        long importStart = System.nanoTime();
        for (int from = 0; from < ORDERS; from += 1_000) {
            HttpResponse<String> imported = http.post("/api/orders/import", "demo", "text/csv",
                    csv(shop, run, from, Math.min(ORDERS, from + 1_000)));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        }
        double importSeconds = seconds(importStart);
        int mailsBefore = smtp.getReceivedMessages().length;

        long declaredAt = System.nanoTime();
        HttpResponse<String> declared = http.post("/api/incidents", "mia", "application/json", """
                {"selector": {"destinationCountry": "FR", "storeIds": ["%s"]}, "cause": "CUSTOMS_HOLD",
                 "options": [{"remedy": "COUPON", "amount": 10, "currency": "EUR"}, {"remedy": "REFUND"},
                             {"remedy": "RESHIP_EXPRESS"}]}""".formatted(shop));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        double declareSeconds = seconds(declaredAt);
        long id = Http.json(declared).get("id").asLong();
        String key = Http.json(declared).get("key").asText();
        String mails = "incident:" + key + ":incident-notice:%";
        RecallFanOutBenchmarkTest.Milestone queued = new RecallFanOutBenchmarkTest.Milestone(() -> count("select count(*) from outbox_messages where idempotency_key"
                + " like ?", mails));
        RecallFanOutBenchmarkTest.Milestone sent = new RecallFanOutBenchmarkTest.Milestone(() -> count("select count(*) from outbox_messages where idempotency_key like ?"
                + " and status = 'SENT'", mails));
        await(() -> queued.reached(ORDERS) & sent.reached(ORDERS), () -> queued.last + " queued, " + sent.last
                + " sent");

        // every buyer chooses on their page: a third each a coupon, a refund, an express replacement
        Instant choiceEnds = Instant.parse(Http.json(http.get("/api/incidents/" + id, "mia")).get("choiceEndsAt")
                .asText());
        List<Map<String, Object>> rows = jdbc.queryForList("select id, language from shipment_incident_orders"
                + " where incident_id = ? order by id", id);
        long clicksStart = System.nanoTime();
        int n = 0;
        for (Map<String, Object> row : rows) {
            URI link = URI.create(links.incidentOptionUrl(((Number) row.get("id")).longValue(), n++ % 3 + 1,
                    choiceEnds, (String) row.get("language")));
            String token = link.getQuery().replaceAll(".*t=([^&]+).*", "$1");
            HttpResponse<String> chosen = http.post(link.getPath(), null, "application/x-www-form-urlencoded",
                    "t=" + token);
            assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        }
        double clickSeconds = seconds(clicksStart);
        RecallFanOutBenchmarkTest.Milestone executed = new RecallFanOutBenchmarkTest.Milestone(() -> count("select count(*) from shipment_incident_orders where"
                + " incident_id = ? and status = 'EXECUTED'", id));
        await(() -> executed.reached(ORDERS), () -> executed.last + " carried out");

        assertThat(count("select count(distinct idempotency_key) from outbox_messages where idempotency_key like ?",
                mails)).isEqualTo(ORDERS);
        assertThat(smtp.getReceivedMessages().length - mailsBefore).isGreaterThanOrEqualTo(ORDERS);
        int refunds = providerStubs.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo(ProviderStubsConfiguration.shopifyGraphql(shop)))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation RefundCreate")))).size();
        int reships = providerStubs.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo(ProviderStubsConfiguration.shopifyGraphql(shop)))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation ExchangeComplete")))).size();
        String database = System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "H2 file (embedded default)")
                .replaceAll("\\?.*", "");
        System.out.printf(Locale.ROOT, "BENCHMARK shipment incident on %s, %d cores, heap max %d MB:%n"
                + "  %d orders (imported in %.1f s); POST /api/incidents answered in %.2f s%n"
                + "  declared -> all mails queued %.1f s, all received by SMTP %.1f s%n"
                + "  %d choices posted in %.1f s (%.0f/s); last choice -> all %d remedies carried out %.1f s"
                + " (platform stub %d ms per call: %d refunds, %d replacements)%n"
                + "  failed jobs %d, incidents %d%n",
                database, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                ORDERS, importSeconds, declareSeconds, queued.secondsAfter(declaredAt), sent.secondsAfter(declaredAt),
                rows.size(), clickSeconds, rows.size() / clickSeconds, ORDERS,
                executed.secondsAfter(clicksStart) - clickSeconds, LATENCY_MS, refunds, reships,
                management.createJobQuery().withException().count(), runtime.createIncidentQuery().count());
        assertThat(refunds + reships).isEqualTo(ORDERS - ORDERS / 3 - (ORDERS % 3 > 0 ? 1 : 0));
    }

    private void stubShop(String shop, String run) {
        String graphql = ProviderStubsConfiguration.shopifyGraphql(shop);
        Map<String, String> answers = Map.of(
                "query Refundable", """
                        {"data": {"order": {"id": "gid://shopify/Order/1", "name": "#1", "refunds": [],
                          "suggestedRefund": {"amountSet": {"presentmentMoney": {"amount": "24.00", "currencyCode": "EUR"}},
                            "suggestedTransactions": [{"gateway": "shopify_payments",
                              "parentTransaction": {"id": "gid://shopify/OrderTransaction/1"},
                              "amountSet": {"presentmentMoney": {"amount": "24.00", "currencyCode": "EUR"}}}]}}}}""",
                "mutation RefundCreate", """
                        {"data": {"refundCreate": {"refund": {"id": "gid://shopify/Refund/9",
                          "totalRefundedSet": {"presentmentMoney": {"amount": "24.00", "currencyCode": "EUR"}}},
                          "userErrors": []}}}""",
                "query ExchangeDrafts", """
                        {"data": {"draftOrders": {"nodes": []}}}""",
                "query ExchangeSource", """
                        {"data": {"order": {"id": "gid://shopify/Order/1", "name": "#1", "email": "x@example.fr",
                          "customer": {"id": "gid://shopify/Customer/1"},
                          "shippingAddress": {"firstName": "C", "lastName": "E", "company": null, "address1": "1 rue",
                            "address2": null, "zip": "75002", "city": "Paris", "provinceCode": null,
                            "countryCodeV2": "FR", "phone": null}}}}""",
                "query VariantBySku", """
                        {"data": {"productVariants": {"nodes": [{"id": "gid://shopify/ProductVariant/5", "sku": "BENCH-%s"}]}}}"""
                        .formatted(run),
                "mutation ExchangeDraft", """
                        {"data": {"draftOrderCreate": {"draftOrder": {"id": "gid://shopify/DraftOrder/6", "status": "OPEN"},
                          "userErrors": []}}}""",
                "mutation ExchangeComplete", """
                        {"data": {"draftOrderComplete": {"draftOrder": {"id": "gid://shopify/DraftOrder/6",
                          "status": "COMPLETED", "order": {"id": "gid://shopify/Order/7", "name": "#7"}},
                          "userErrors": []}}}""");
        answers.forEach((operation, body) -> providerStubs.stubFor(post(urlEqualTo(graphql))
                .withRequestBody(matchingJsonPath("$.query", containing(operation)))
                .willReturn(okJson(body).withFixedDelay(LATENCY_MS))));
    }

    private static String csv(String shop, String run, int from, int to) {
        StringBuilder csv = new StringBuilder((to - from) * 200);
        csv.append("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,destination_country,currency,"
                + "ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,batch,quantity,unit_price\n");
        String[] languages = {"fr", "de", "en", "es", "it"};
        for (int i = from; i < to; i++) {
            csv.append(shop).append(',').append(run).append('-').append(i).append(",b").append(i).append('-')
                    .append(run).append("@example.fr,Client ").append(i).append(',').append(languages[i % 5])
                    .append(",FR,EUR,2026-11-20T10:00:00Z,2026-12-01T08:00:00Z,,DHL,JJD").append(run.hashCode() & 0xffff)
                    .append(i).append(",SHIPPED,BENCH-").append(run).append(",,1,24.00\n");
        }
        return csv.toString();
    }

    private long count(String sql, Object argument) {
        return jdbc.queryForObject(sql, Long.class, argument);
    }

    private static void await(java.util.function.BooleanSupplier done, java.util.function.Supplier<String> state)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("after " + TIMEOUT + ": " + state.get());
            }
            Thread.sleep(100);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
