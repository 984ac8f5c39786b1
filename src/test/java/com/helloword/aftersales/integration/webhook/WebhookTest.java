package com.helloword.aftersales.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.carrier.TrackingEvent;
import com.helloword.aftersales.carrier.TrackingEventRepository;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.IntegrationTest;

/** Signed webhooks end to end: 17TRACK pushes and Shopify order events against the running app. */
@IntegrationTest
class WebhookTest {

    static final String SEVENTEEN_KEY = "test-17track-key";
    static final String SHOPIFY_SECRET = "test-shopify-webhook-secret";

    @LocalServerPort
    int port;
    @Autowired
    OrderImportService importService;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    TrackingEventRepository trackingEvents;
    @Autowired
    TransactionTemplate transaction;

    final HttpClient http = HttpClient.newHttpClient();
    String run;

    @BeforeEach
    void setUp() {
        run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private void importOrder(String store, String orderId, String tracking) throws Exception {
        String csv = "store_id,platform_order_id,buyer_email,buyer_name,buyer_language,destination_country,currency,"
                + "ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,batch,quantity,unit_price\n"
                + store + "," + orderId + ",wh." + run.toLowerCase() + "@example.com,Kim,en,US,USD,"
                + "2026-10-30T10:00:00Z," + (tracking == null ? "" : "2026-10-31T10:00:00Z") + ",,"
                + (tracking == null ? "" : "UPS") + "," + (tracking == null ? "" : tracking) + ","
                + (tracking == null ? "PLACED" : "SHIPPED") + ",SKU-1,,1,10.00\n";
        importService.importCsv(new java.io.StringReader(csv));
    }

    private SalesOrder order(String store, String orderId) {
        return orders.findWithLines(store, orderId).orElseThrow();
    }

    private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String seventeenTrackPush(String number) {
        return """
                {"event": "TRACKING_UPDATED", "data": {"number": "%s", "carrier": 100002, "param": null, "tag": null,
                 "track_info": {
                  "latest_status": {"status": "Delivered", "sub_status": "Delivered_Other"},
                  "latest_event": {"time_utc": "2026-11-04T23:35:22Z", "description": "DELIVERED, signed by KIM",
                                   "location": "GASQUET, CA, US"},
                  "tracking": {"providers": [{"provider": {"key": 100002, "name": "UPS"}, "events": [
                    {"time_utc": "2026-11-04T23:35:22Z", "description": "DELIVERED, signed by KIM",
                     "location": "GASQUET, CA, US", "stage": "Delivered"},
                    {"time_utc": "2026-11-02T09:00:00Z", "description": "Arrived at facility",
                     "location": "OAKLAND, CA, US", "stage": "Arrival"}]}]}}}}""".formatted(number);
    }

    private static String sign17(byte[] body, String key) {
        byte[] signed = new byte[body.length + key.length() + 1];
        System.arraycopy(body, 0, signed, 0, body.length);
        signed[body.length] = '/';
        System.arraycopy(key.getBytes(StandardCharsets.UTF_8), 0, signed, body.length + 1, key.length());
        return WebhookSignatures.sha256Hex(signed);
    }

    @Test
    void aSigned17trackPushRecordsTheScansOnceAndDeliversTheOrder() throws Exception {
        String tracking = "1Z" + run + "0001";
        importOrder("amazon-us", "113-" + run + "-1", tracking);
        byte[] body = seventeenTrackPush(tracking).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> first = post("/api/webhooks/17track", body, Map.of("sign", sign17(body, SEVENTEEN_KEY)));
        HttpResponse<String> replay = post("/api/webhooks/17track", body, Map.of("sign", sign17(body, SEVENTEEN_KEY)));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("PROCESSED", "2 new scan(s)");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("DUPLICATE");
        SalesOrder order = order("amazon-us", "113-" + run + "-1");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.getDeliveredAt()).isEqualTo(Instant.parse("2026-11-04T23:35:22Z"));
        assertThat(order.getTrackingStatus()).isEqualTo("DELIVERED");
        assertThat(trackingEvents.findByOrderIdOrderByOccurredAtAsc(order.getId()))
                .extracting(TrackingEvent::getSigner).containsExactly(null, "KIM");
        HttpResponse<String> scans = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/orders/amazon-us/113-" + run + "-1/tracking")).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("emma:emma".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scans.statusCode()).isEqualTo(200);
        assertThat(scans.body()).contains("\"signer\":\"KIM\"", "OAKLAND, CA, US");
    }

    @Test
    void aScanReportedAgainInANewPushIsNotStoredTwice() throws Exception {
        String tracking = "1Z" + run + "0002";
        importOrder("amazon-us", "113-" + run + "-2", tracking);
        byte[] first = seventeenTrackPush(tracking).getBytes(StandardCharsets.UTF_8);
        byte[] second = seventeenTrackPush(tracking).replace("\"tag\": null", "\"tag\": \"again\"")
                .getBytes(StandardCharsets.UTF_8);

        post("/api/webhooks/17track", first, Map.of("sign", sign17(first, SEVENTEEN_KEY)));
        HttpResponse<String> again = post("/api/webhooks/17track", second, Map.of("sign", sign17(second, SEVENTEEN_KEY)));

        assertThat(again.body()).contains("PROCESSED", "0 new scan(s)");
        assertThat(trackingEvents.findByOrderIdOrderByOccurredAtAsc(order("amazon-us", "113-" + run + "-2").getId()))
                .hasSize(2);
    }

    @Test
    void aPushWithABadOrMissingSignatureIsRefused() throws Exception {
        String tracking = "1Z" + run + "0003";
        importOrder("amazon-us", "113-" + run + "-3", tracking);
        byte[] body = seventeenTrackPush(tracking).getBytes(StandardCharsets.UTF_8);

        assertThat(post("/api/webhooks/17track", body, Map.of("sign", sign17(body, "wrong-key"))).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/webhooks/17track", body, Map.of()).statusCode()).isEqualTo(401);
        assertThat(order("amazon-us", "113-" + run + "-3").getStatus()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void aWebhookBodyOverOneMebibyteIs413() throws Exception {
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        assertThat(post("/api/webhooks/17track", huge, Map.of("sign", sign17(huge, SEVENTEEN_KEY))).statusCode())
                .isEqualTo(413);
        assertThat(post("/api/webhooks/shopify", huge, Map.of()).statusCode()).isEqualTo(413);
    }

    private static Map<String, String> shopifyHeaders(byte[] body, String secret, String eventId, String topic) {
        return Map.of("X-Shopify-Hmac-Sha256",
                WebhookSignatures.hmacSha256Base64(secret.getBytes(StandardCharsets.UTF_8), body),
                "X-Shopify-Shop-Domain", "helloword-us.myshopify.com", "X-Shopify-Topic", topic,
                "X-Shopify-Event-Id", eventId, "X-Shopify-Webhook-Id", UUID.randomUUID().toString(),
                "X-Shopify-API-Version", "2025-01");
    }

    @Test
    void aSignedShopifyOrderEventUpdatesTheOrderOnceEvenWhenReplayed() throws Exception {
        String orderId = "51" + Math.abs(run.hashCode());
        importOrder("shopify-us", orderId, null);
        byte[] fulfilled = """
                {"id": %s, "name": "#1042", "cancelled_at": null, "fulfillment_status": "fulfilled",
                 "fulfillments": [{"id": 255858046, "status": "success", "created_at": "2026-11-01T09:15:00-05:00",
                   "tracking_company": "UPS", "tracking_number": "1Z%sSHOP"}]}""".formatted(orderId, run)
                .getBytes(StandardCharsets.UTF_8);
        byte[] cancelled = """
                {"id": %s, "name": "#1042", "cancelled_at": "2026-11-01T10:00:00-05:00", "fulfillments": []}"""
                .formatted(orderId).getBytes(StandardCharsets.UTF_8);
        String eventId = "evt-" + run;

        HttpResponse<String> first = post("/api/webhooks/shopify", fulfilled,
                shopifyHeaders(fulfilled, SHOPIFY_SECRET, eventId, "orders/updated"));
        HttpResponse<String> replayWithOtherBody = post("/api/webhooks/shopify", cancelled,
                shopifyHeaders(cancelled, SHOPIFY_SECRET, eventId, "orders/updated"));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("PROCESSED", "tracking 1Z" + run + "SHOP");
        assertThat(replayWithOtherBody.statusCode()).isEqualTo(200);
        assertThat(replayWithOtherBody.body()).contains("DUPLICATE");
        SalesOrder order = order("shopify-us", orderId);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.getTrackingNumber()).isEqualTo("1Z" + run + "SHOP");
        assertThat(order.getShippedAt()).isEqualTo(Instant.parse("2026-11-01T14:15:00Z"));
    }

    /** Used to be a 500 (the time was parsed while the event was processed); the event is not kept either. */
    @Test
    void aSignedShopifyFulfilmentWithAnUnreadableTimeIs400WithTheReasonAndNothingKept() throws Exception {
        String orderId = "53" + Math.abs(run.hashCode());
        importOrder("shopify-us", orderId, null);
        String payload = """
                {"id": %s, "name": "#1043", "cancelled_at": null, "fulfillment_status": "fulfilled",
                 "fulfillments": [{"id": 255858047, "status": "success", "created_at": %s,
                   "tracking_company": "UPS", "tracking_number": "1Z%sBAD"}]}""";
        String eventId = "evt-bad-time-" + run;

        for (String unreadable : List.of("\"last Tuesday\"", "\"2026-11-01 09:15\"", "1762010100", "{}")) {
            byte[] fulfilled = payload.formatted(orderId, unreadable, run).getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = post("/api/webhooks/shopify", fulfilled,
                    shopifyHeaders(fulfilled, SHOPIFY_SECRET, eventId, "orders/fulfilled"));

            assertThat(response.statusCode()).as(unreadable + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains("fulfillments[].created_at is not an ISO-8601 time");
        }
        assertThat(order("shopify-us", orderId).getStatus()).isEqualTo(OrderStatus.PLACED);

        byte[] readable = payload.formatted(orderId, "\"2026-11-01T09:15:00-05:00\"", run)
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> fixed = post("/api/webhooks/shopify", readable,
                shopifyHeaders(readable, SHOPIFY_SECRET, eventId, "orders/fulfilled"));
        assertThat(fixed.body()).contains("PROCESSED");
        assertThat(order("shopify-us", orderId).getShippedAt()).isEqualTo(Instant.parse("2026-11-01T14:15:00Z"));
    }

    @Test
    void aShopifyEventWithABadSignatureOrFromAnUnknownShopIsRefused() throws Exception {
        String orderId = "52" + Math.abs(run.hashCode());
        importOrder("shopify-us", orderId, null);
        byte[] cancelled = """
                {"id": %s, "cancelled_at": "2026-11-01T10:00:00-05:00", "fulfillments": []}"""
                .formatted(orderId).getBytes(StandardCharsets.UTF_8);

        assertThat(post("/api/webhooks/shopify", cancelled,
                shopifyHeaders(cancelled, "not-the-secret", "evt-x-" + run, "orders/cancelled")).statusCode())
                .isEqualTo(401);
        Map<String, String> unknownShop = new java.util.HashMap<>(
                shopifyHeaders(cancelled, SHOPIFY_SECRET, "evt-y-" + run, "orders/cancelled"));
        unknownShop.put("X-Shopify-Shop-Domain", "someone-else.myshopify.com");
        assertThat(post("/api/webhooks/shopify", cancelled, unknownShop).statusCode()).isEqualTo(401);
        assertThat(post("/api/webhooks/shopify", cancelled, Map.of("X-Shopify-Shop-Domain",
                "helloword-us.myshopify.com", "X-Shopify-Topic", "orders/cancelled")).statusCode()).isEqualTo(401);
        assertThat(order("shopify-us", orderId).getStatus()).isEqualTo(OrderStatus.PLACED);

        HttpResponse<String> signed = post("/api/webhooks/shopify", cancelled,
                shopifyHeaders(cancelled, SHOPIFY_SECRET, "evt-z-" + run, "orders/cancelled"));
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(order("shopify-us", orderId).getStatus()).isEqualTo(OrderStatus.CANCELLED);
    }
}
