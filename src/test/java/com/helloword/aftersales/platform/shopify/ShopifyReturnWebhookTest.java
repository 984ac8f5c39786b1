package com.helloword.aftersales.platform.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.integration.webhook.WebhookSignatures;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.returns.PlatformReturnEntry;
import com.helloword.aftersales.returns.PlatformReturnEntryRepository;
import com.helloword.aftersales.returns.ReturnRequest;
import com.helloword.aftersales.returns.ReturnRequestRepository;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * A buyer's return request from the Shopify customer account, as the signed {@code returns/request}
 * webhook brings it (the REST-shaped Return: numeric ids, lower-case status and return reasons).
 */
@IntegrationTest
class ShopifyReturnWebhookTest {

    static final String SECRET = "test-shopify-webhook-secret";

    @LocalServerPort
    int port;
    @Autowired
    OrderImportService importService;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    PlatformReturnEntryRepository platformReturns;
    @Autowired
    ReturnRequestRepository returns;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    StoreRepository stores;

    final HttpClient http = HttpClient.newHttpClient();
    String run;
    long seed;
    Instant triggeredAt;
    String sandboxUrl;

    @BeforeEach
    void setUp() {
        run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        seed = Math.abs(run.hashCode()) % 1_000_000_000L;
        triggeredAt = clock.instant().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void backToTheSandbox() {
        if (sandboxUrl != null) {
            transaction.executeWithoutResult(status -> stores.findById("shopify-us").orElseThrow()
                    .pointApiTo(sandboxUrl));
        }
    }

    /** Sends the shop's Admin API calls to the WireMock Shopify (under /shopify-us) until the test ends. */
    private void shopAnswersFromWireMock() {
        sandboxUrl = transaction.execute(status -> {
            var store = stores.findById("shopify-us").orElseThrow();
            String before = store.getApiBaseUrl();
            store.pointApiTo(providerStubs.baseUrl() + "/shopify-us");
            return before;
        });
    }

    private static final String GRAPHQL = "/shopify-us/admin/api/2025-01/graphql.json";

    private static MappingBuilder returnLinesOf(String returnId) {
        return post(urlEqualTo(GRAPHQL)).withRequestBody(matchingJsonPath("$.query", containing("query ReturnLines")))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Return/" + returnId)));
    }

    /** Shopify's answer to the ReturnLines query: one ReturnLineItem per {line id, sku, quantity}. */
    private static String returnLines(String returnId, Object[]... lines) {
        StringBuilder nodes = new StringBuilder();
        for (Object[] line : lines) {
            nodes.append(nodes.isEmpty() ? "" : ",").append("""
                    {"id": "gid://shopify/ReturnLineItem/%s", "quantity": %s,
                     "fulfillmentLineItem": {"lineItem": {"sku": "%s"}}}""".formatted(line[0], line[2], line[1]));
        }
        return """
                {"data": {"return": {"id": "gid://shopify/Return/%s", "status": "REQUESTED",
                  "returnLineItems": {"nodes": [%s]}}},
                 "extensions": {"cost": {"requestedQueryCost": 12, "actualQueryCost": 6,
                   "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1994, "restoreRate": 100.0}}}}"""
                .formatted(returnId, nodes);
    }

    private void importOrder(String orderId, String... skus) throws Exception {
        StringBuilder csv = new StringBuilder("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,"
                + "sku,batch,quantity,unit_price\n");
        for (String sku : skus) {
            csv.append("shopify-us,").append(orderId).append(",ret.").append(run.toLowerCase())
                    .append("@example.com,Kim,en,US,USD,2026-10-30T10:00:00Z,2026-10-31T10:00:00Z,"
                            + "2026-11-03T10:00:00Z,UPS,1Z").append(run).append(",DELIVERED,").append(sku)
                    .append(",,1,25.00\n");
        }
        var result = importService.importCsv(new java.io.StringReader(csv.toString()));
        assertThat(result.ordersCreated()).as(result.toString()).isEqualTo(1);
    }

    /** A Return as Shopify's returns/request webhook sends it, with one return line per given reason. */
    private static byte[] returnRequest(String returnId, String orderId, String... reasons) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < reasons.length; i++) {
            long lineId = Long.parseLong(returnId) * 10 + i + 1;
            lines.append(i == 0 ? "" : ",").append("""
                    {"id": %d, "admin_graphql_api_id": "gid://shopify/ReturnLineItem/%d",
                     "fulfillment_line_item": {"id": %d, "admin_graphql_api_id": "gid://shopify/FulfillmentLineItem/%d",
                       "line_item": {"id": %d, "admin_graphql_api_id": "gid://shopify/LineItem/%d"}},
                     "quantity": 1, "return_reason": "%s", "return_reason_note": "", 
                     "customer_note": "Too tight at the shoulders, sorry"}"""
                    .formatted(lineId, lineId, lineId + 5, lineId + 5, lineId + 7, lineId + 7, reasons[i]));
        }
        return """
                {"id": %s, "admin_graphql_api_id": "gid://shopify/Return/%s", "status": "requested",
                 "order": {"id": %s, "admin_graphql_api_id": "gid://shopify/Order/%s"},
                 "total_return_line_items": %d, "name": "#1042-R1", "return_line_items": [%s],
                 "exchange_line_items": [], "total_exchange_line_items": 0, "return_shipping_fees": []}"""
                .formatted(returnId, returnId, orderId, orderId, reasons.length, lines)
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> deliver(byte[] body, String secret, String eventId, String topic) throws Exception {
        Map<String, String> headers = new HashMap<>(Map.of(
                "X-Shopify-Hmac-Sha256", WebhookSignatures.hmacSha256Base64(secret.getBytes(StandardCharsets.UTF_8),
                        body),
                "X-Shopify-Shop-Domain", "helloword-us.myshopify.com", "X-Shopify-Topic", topic,
                "X-Shopify-Event-Id", eventId, "X-Shopify-Webhook-Id", UUID.randomUUID().toString(),
                "X-Shopify-API-Version", "2025-01", "X-Shopify-Triggered-At", triggeredAt.toString()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/webhooks/shopify")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Line(String sku, int quantity, String returnSku) {
    }

    private Line line(String platformReturnId) {
        return transaction.execute(status -> {
            PlatformReturnEntry entry = platformReturns.findByStoreIdAndPlatformReturnId("shopify-us",
                    platformReturnId).orElseThrow();
            return new Line(entry.getSku(), entry.getQuantity(),
                    entry.getReturnRequest() == null ? null : entry.getReturnRequest().getSku());
        });
    }

    private record Taken(PlatformReturnEntry.Status status, String platformReason, String reason, String state,
            String returnKey, ReturnRequest.Source source, String returnReason, String returnPlatformId,
            Instant requestedAt) {
    }

    private Taken taken(String platformReturnId) {
        return transaction.execute(status -> {
            PlatformReturnEntry entry = platformReturns.findByStoreIdAndPlatformReturnId("shopify-us",
                    platformReturnId).orElseThrow();
            ReturnRequest r = entry.getReturnRequest();
            return new Taken(entry.getStatus(), entry.getPlatformReason(), entry.getReason(),
                    entry.getPlatformState(), r == null ? null : r.getReturnKey(), r == null ? null : r.getSource(),
                    r == null ? null : r.getReason(), r == null ? null : r.getPlatformReturnId(),
                    r == null ? null : r.getRequestedAt());
        });
    }

    private long returnsOfOrder(String orderId) {
        return transaction.execute(status -> returns.findByOrderIdOrderByIdDesc(
                orders.findWithLines("shopify-us", orderId).orElseThrow().getId()).size());
    }

    @Test
    void aRequestedReturnOfAKnownOrderOpensAPlatformReturnOnceWithTheMappedReason() throws Exception {
        String orderId = "61" + seed;
        String returnId = "71" + seed;
        importOrder(orderId, "SKU-TEE-M");
        byte[] body = returnRequest(returnId, orderId, "size_too_small");

        HttpResponse<String> first = deliver(body, SECRET, "evt-r1-" + run, "returns/request");
        HttpResponse<String> replay = deliver(body, SECRET, "evt-r1-" + run, "returns/request");
        HttpResponse<String> sameReturnOtherEvent = deliver(body, SECRET, "evt-r2-" + run, "returns/request");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("PROCESSED", "return " + returnId + " OPENED");
        assertThat(replay.body()).contains("DUPLICATE");
        assertThat(sameReturnOtherEvent.statusCode()).isEqualTo(200);
        Taken taken = taken(returnId);
        assertThat(taken.status()).isEqualTo(PlatformReturnEntry.Status.OPENED);
        assertThat(taken.platformReason()).isEqualTo("SIZE_TOO_SMALL");
        assertThat(taken.reason()).isEqualTo("SIZE_FIT");
        assertThat(taken.state()).isEqualTo("REQUESTED");
        assertThat(taken.source()).isEqualTo(ReturnRequest.Source.PLATFORM);
        assertThat(taken.returnReason()).isEqualTo("SIZE_FIT");
        assertThat(taken.returnPlatformId()).isEqualTo(returnId);
        assertThat(taken.requestedAt()).isEqualTo(triggeredAt);
        assertThat(returnsOfOrder(orderId)).isEqualTo(1);
        // the buyer's own words are not kept anywhere
        List<String> timeline = transaction.execute(status -> returns.findWithTimeline(taken.returnKey())
                .orElseThrow().getTimeline().stream().map(e -> e.getCode() + " " + e.getDetail()).toList());
        assertThat(timeline)
                .anyMatch(line -> line.startsWith("FROM_PLATFORM") && line.contains(returnId))
                .noneMatch(line -> line.contains("shoulders"));
    }

    @Test
    void eachLineOfAReturnWithSeveralLinesIsKeptUnderItsOwnIdAndTheAdapterFindsTheReturnAgain() throws Exception {
        String orderId = "62" + seed;
        String returnId = "72" + seed;
        importOrder(orderId, "SKU-TEE-M", "SKU-CAP");
        byte[] body = returnRequest(returnId, orderId, "defective", "color");

        HttpResponse<String> response = deliver(body, SECRET, "evt-r3-" + run, "returns/request");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String firstLine = returnId + ":" + (Long.parseLong(returnId) * 10 + 1);
        String secondLine = returnId + ":" + (Long.parseLong(returnId) * 10 + 2);
        assertThat(taken(firstLine).reason()).isEqualTo("DEFECTIVE");
        assertThat(taken(secondLine).reason()).isEqualTo("COLOR_MISMATCH");
        assertThat(List.of(taken(firstLine).status(), taken(secondLine).status()))
                .containsOnly(PlatformReturnEntry.Status.OPENED);
        // the sandbox has no such return to read the lines from: taken without SKU, one return of this
        // system for the whole order carries both lines, and the receipt says so
        assertThat(response.body()).contains("lines not read from Shopify");
        assertThat(returnsOfOrder(orderId)).isEqualTo(1);
        assertThat(ShopifyAdapter.returnGid(firstLine)).isEqualTo("gid://shopify/Return/" + returnId);
        assertThat(ShopifyAdapter.returnGid(taken(secondLine).returnPlatformId()))
                .isEqualTo("gid://shopify/Return/" + returnId);
    }

    @Test
    void theSkusAndQuantitiesOfTheLinesAreReadFromTheReturnInShopify() throws Exception {
        String orderId = "67" + seed;
        String returnId = "77" + seed;
        importOrder(orderId, "SKU-TEE-M", "SKU-CAP", "SKU-MUG");
        shopAnswersFromWireMock();
        long first = Long.parseLong(returnId) * 10 + 1;
        long second = first + 1;
        providerStubs.stubFor(returnLinesOf(returnId).willReturn(okJson(returnLines(returnId,
                new Object[] {first, "SKU-TEE-M", 2}, new Object[] {second, "SKU-CAP", 1}))));

        HttpResponse<String> response = deliver(returnRequest(returnId, orderId, "defective", "color"), SECRET,
                "evt-r9-" + run, "returns/request");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(line(returnId + ":" + first)).isEqualTo(new Line("SKU-TEE-M", 2, "SKU-TEE-M"));
        assertThat(line(returnId + ":" + second)).isEqualTo(new Line("SKU-CAP", 1, "SKU-CAP"));
        // one return of this system per returned item, none for the item the buyer keeps
        assertThat(returnsOfOrder(orderId)).isEqualTo(2);
        providerStubs.verify(1, postRequestedFor(urlEqualTo(GRAPHQL))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_test"))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Return/" + returnId))));
    }

    @Test
    void whenShopifyCannotAnswerForTheLinesTheWebhookIs503AndTheNextDeliveryIsTaken() throws Exception {
        String orderId = "68" + seed;
        String returnId = "78" + seed;
        importOrder(orderId, "SKU-TEE-M", "SKU-CAP");
        shopAnswersFromWireMock();
        long only = Long.parseLong(returnId) * 10 + 1;
        providerStubs.stubFor(returnLinesOf(returnId).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html>Bad Gateway</html>")));
        byte[] body = returnRequest(returnId, orderId, "size_too_large");

        HttpResponse<String> failed = deliver(body, SECRET, "evt-r10-" + run, "returns/request");

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
        assertThat(platformReturns.findByStoreIdAndPlatformReturnId("shopify-us", returnId)).isEmpty();
        assertThat(returnsOfOrder(orderId)).isZero();

        providerStubs.stubFor(returnLinesOf(returnId).willReturn(okJson(returnLines(returnId,
                new Object[] {only, "SKU-CAP", 1}))));
        HttpResponse<String> again = deliver(body, SECRET, "evt-r10-" + run, "returns/request");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("PROCESSED", "return " + returnId + " OPENED");
        assertThat(line(returnId)).isEqualTo(new Line("SKU-CAP", 1, "SKU-CAP"));
        assertThat(taken(returnId).reason()).isEqualTo("SIZE_FIT");
    }

    @Test
    void aReturnOfAnOrderNotInTheCaseFileIsKeptUnmatched() throws Exception {
        String orderId = "63" + seed;
        String returnId = "73" + seed;

        HttpResponse<String> response = deliver(returnRequest(returnId, orderId, "unwanted"), SECRET,
                "evt-r4-" + run, "returns/request");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("UNMATCHED");
        Taken taken = taken(returnId);
        assertThat(taken.status()).isEqualTo(PlatformReturnEntry.Status.UNMATCHED);
        assertThat(taken.reason()).isEqualTo("CHANGED_MIND");
        assertThat(taken.returnKey()).isNull();
    }

    @Test
    void aReturnWithAnUnreadableRequestTimeIs400WithTheReasonAndNothingKept() throws Exception {
        String orderId = "69" + seed;
        importOrder(orderId, "SKU-TEE-M");
        String good = new String(returnRequest("79" + seed, orderId, "wrong_item"), StandardCharsets.UTF_8);
        byte[] badRequestedAt = good.replace("\"status\": \"requested\"",
                "\"status\": \"requested\", \"requested_at\": \"yesterday\"").getBytes(StandardCharsets.UTF_8);
        byte[] badCreatedAt = good.replace("\"status\": \"requested\"",
                "\"status\": \"requested\", \"created_at\": 1762010100").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> requested = deliver(badRequestedAt, SECRET, "evt-r11-" + run, "returns/request");
        HttpResponse<String> created = deliver(badCreatedAt, SECRET, "evt-r11-" + run, "returns/request");

        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(400);
        assertThat(requested.body()).contains("requested_at is not an ISO-8601 time");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        assertThat(created.body()).contains("created_at is not an ISO-8601 time");
        assertThat(platformReturns.findByStoreIdAndPlatformReturnId("shopify-us", "79" + seed)).isEmpty();
        assertThat(returnsOfOrder(orderId)).isZero();
    }

    @Test
    void aPayloadWithoutIdsIs400AndABadSignature401() throws Exception {
        String orderId = "64" + seed;
        importOrder(orderId, "SKU-TEE-M");
        byte[] noId = """
                {"status": "requested", "order": {"id": %s}, "return_line_items": [{"id": 1, "quantity": 1,
                  "return_reason": "defective"}]}""".formatted(orderId).getBytes(StandardCharsets.UTF_8);
        byte[] noOrder = """
                {"id": 74%d, "status": "requested", "return_line_items": [{"id": 1, "quantity": 1,
                  "return_reason": "defective"}]}""".formatted(seed).getBytes(StandardCharsets.UTF_8);
        byte[] good = returnRequest("75" + seed, orderId, "wrong_item");

        HttpResponse<String> withoutId = deliver(noId, SECRET, "evt-r5-" + run, "returns/request");
        HttpResponse<String> withoutOrder = deliver(noOrder, SECRET, "evt-r6-" + run, "returns/request");
        HttpResponse<String> badSignature = deliver(good, "not-the-secret", "evt-r7-" + run, "returns/request");

        assertThat(withoutId.statusCode()).isEqualTo(400);
        assertThat(withoutId.body()).contains("without the return's id");
        assertThat(withoutOrder.statusCode()).isEqualTo(400);
        assertThat(withoutOrder.body()).contains("names no order");
        assertThat(badSignature.statusCode()).isEqualTo(401);
        assertThat(platformReturns.findByStoreIdAndPlatformReturnId("shopify-us", "75" + seed)).isEmpty();
        assertThat(returnsOfOrder(orderId)).isZero();
        // a refused event is not recorded: once fixed, the same event id is taken
        HttpResponse<String> retried = deliver(good, SECRET, "evt-r5-" + run, "returns/request");
        assertThat(retried.body()).contains("PROCESSED");
        assertThat(taken("75" + seed).reason()).isEqualTo("WRONG_ITEM");
    }

    @Test
    void aLaterStateOfAReturnThisSystemDoesNotKeepIsOnlyNoted() throws Exception {
        byte[] body = returnRequest("76" + seed, "66" + seed, "other");

        HttpResponse<String> declined = deliver(body, SECRET, "evt-r8-" + run, "returns/decline");
        HttpResponse<String> approved = deliver(body, SECRET, "evt-r8b-" + run, "returns/approve");

        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(declined.body()).contains("not one this system keeps");
        assertThat(approved.body()).contains("not used");
        assertThat(platformReturns.findByStoreIdAndPlatformReturnId("shopify-us", "76" + seed)).isEmpty();
    }

    @Test
    void aReturnTheBuyerCancelsInShopifyBeforeSendingEndsHereToo() throws Exception {
        String orderId = "67" + seed;
        String returnId = "77" + seed;
        importOrder(orderId, "SKU-TEE-M");
        byte[] body = returnRequest(returnId, orderId, "unwanted");
        assertThat(deliver(body, SECRET, "evt-r9-" + run, "returns/request").statusCode()).isEqualTo(200);
        Taken taken = taken(returnId);
        assertThat(taken.status()).isEqualTo(PlatformReturnEntry.Status.OPENED);

        HttpResponse<String> cancelled = deliver(body, SECRET, "evt-r10-" + run, "returns/cancel");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body()).contains("CANCELED");
        ReturnRequest after = returns.findByReturnKey(taken.returnKey()).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(ReturnRequest.Status.CLOSED);
        assertThat(after.getOutcome()).isEqualTo(ReturnRequest.Outcome.CANCELLED);
        assertThat(taken(returnId).state()).isEqualTo("CANCELED");
    }
}
