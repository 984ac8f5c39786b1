package com.helloword.aftersales.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.integration.webhook.WebhookSignatures;

/**
 * The returns the sandbox's Shopify shops have, kept here as Shopify keeps its own: a demo buyer (or a
 * test) requests a return of an order through the sandbox ({@link #requested}, or
 * {@code POST /sandbox/shopify/<storeId>/returns}), the sandbox keeps it REQUESTED and delivers the
 * signed {@code returns/request} webhook to this application, as Shopify does. The sandbox never reads
 * what the application kept of a return: a return sent to the webhook by hand is one the shop does not
 * have, exactly as with a real Shopify.
 * <p>
 * The GraphQL side ({@link ShopifySandbox}) answers {@code return(id:)} (status, and the lines as
 * Shopify's {@code ReturnLineItem}s) and accepts or declines a REQUESTED return from here.
 */
@RestController
@ConditionalOnProperty(name = SandboxEnvironment.ENABLED, havingValue = "true")
class ShopifySandboxReturns {

    private static final String WEBHOOK = "http://127.0.0.1:${local.server.port:${server.port:8080}}"
            + "/api/webhooks/shopify";
    private static final List<String> DECLINE_REASONS = List.of("RETURN_PERIOD_ENDED", "FINAL_SALE", "OTHER");

    /** One line of a return: the return line item's id, the SKU (null for a custom item), quantity, reason. */
    record Line(String id, String sku, int quantity, String reason) {
    }

    /** A return of a shop, with its status (REQUESTED, OPEN or DECLINED). */
    record ShopReturn(String storeId, String id, String orderId, List<Line> lines, String status) {

        ShopReturn withStatus(String to) {
            return new ShopReturn(storeId, id, orderId, lines, to);
        }
    }

    /** What the application answered to the delivered webhook. */
    record Delivery(String returnId, int status, String body) {
    }

    private final StoreRepository stores;
    private final Environment environment;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong ids = new AtomicLong(700_000);
    /** The shops' returns, by store and return gid. */
    private final Map<String, ShopReturn> returns = new ConcurrentHashMap<>();

    ShopifySandboxReturns(StoreRepository stores, Environment environment, ObjectMapper objectMapper, Clock clock) {
        this.stores = stores;
        this.environment = environment;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /**
     * A demo buyer requests a return in the shop's customer account: {@code orderId} (numeric),
     * {@code lines[] {sku, quantity, reason}} (reason in Shopify's lower case, e.g. {@code defective}).
     * Answers the return's id and what the application answered to the webhook.
     */
    @PostMapping("/sandbox/shopify/{storeId}/returns")
    ResponseEntity<?> request(@PathVariable String storeId, @RequestBody JsonNode request) {
        if (stores.findById(storeId).isEmpty() || !request.path("orderId").isValueNode()
                || !request.path("lines").isArray() || request.path("lines").isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("errors",
                    "a known store, orderId and at least one line are needed"));
        }
        String returnId = String.valueOf(ids.incrementAndGet());
        List<Line> lines = new ArrayList<>();
        for (JsonNode line : request.path("lines")) {
            lines.add(new Line(String.valueOf(ids.incrementAndGet()), line.path("sku").asText(null),
                    Math.max(1, line.path("quantity").asInt(1)), line.path("reason").asText("other")));
        }
        Delivery delivery = requested(storeId, returnId, request.path("orderId").asText(), lines);
        return ResponseEntity.ok(Map.of("return", Map.of("id", gid(returnId), "status", "REQUESTED"),
                "webhook", Map.of("status", delivery.status(), "body", delivery.body())));
    }

    /**
     * The shop gets a REQUESTED return of {@code orderId} with these lines and delivers the
     * {@code returns/request} webhook (REST-shaped, without SKUs, as Shopify's) to the application.
     */
    Delivery requested(String storeId, String returnId, String orderId, List<Line> lines) {
        Store store = stores.findById(storeId).orElseThrow(() -> new IllegalArgumentException("no store " + storeId));
        returns.put(key(storeId, gid(returnId)), new ShopReturn(storeId, returnId, orderId, List.copyOf(lines),
                "REQUESTED"));
        return deliver(store, returnId, "returns/request", payload(returnId, orderId, lines));
    }

    // --- what ShopifySandbox answers from ---------------------------------------------------------

    /** The return's status, or null where the shop has no such return. */
    String statusOf(Store store, String gid) {
        ShopReturn known = returns.get(key(store.getId(), gid));
        return known == null ? null : known.status();
    }

    Object returnView(Store store, String gid) {
        String status = statusOf(store, gid);
        return status == null ? null : Map.of("id", gid, "status", status);
    }

    /** The return with its lines as Shopify's {@code ReturnLineItem}s (all verified here), or null. */
    Object returnLinesView(Store store, String gid) {
        ShopReturn known = returns.get(key(store.getId(), gid));
        if (known == null) {
            return null;
        }
        List<Map<String, Object>> nodes = known.lines().stream().map(ShopifySandboxReturns::returnLineView).toList();
        return Map.of("id", gid, "status", known.status(), "returnLineItems", Map.of("nodes", nodes));
    }

    private static Map<String, Object> returnLineView(Line line) {
        Map<String, Object> lineItem = new LinkedHashMap<>();
        lineItem.put("sku", line.sku());
        return Map.of("id", "gid://shopify/ReturnLineItem/" + line.id(), "quantity", line.quantity(),
                "fulfillmentLineItem", Map.of("lineItem", lineItem));
    }

    /** Accepts (OPEN) or declines (DECLINED) a REQUESTED return; a declined one needs a valid declineReason. */
    Object decide(Store store, JsonNode input, String to) {
        String gid = input.path("id").asText();
        String status = statusOf(store, gid);
        if (status == null) {
            return returnErrors("NOT_FOUND", "id", "Return does not exist");
        }
        if (!"REQUESTED".equals(status)) {
            return returnErrors("INVALID_STATE", "id", "Return is " + status.toLowerCase(Locale.ROOT)
                    + ", not requested");
        }
        if ("DECLINED".equals(to) && !DECLINE_REASONS.contains(input.path("declineReason").asText())) {
            return returnErrors("INVALID", "declineReason", "Decline reason is invalid");
        }
        if (input.path("declineNote").asText("").length() > 500) {
            return returnErrors("TOO_LONG", "declineNote", "Decline note is too long (maximum is 500 characters)");
        }
        returns.computeIfPresent(key(store.getId(), gid), (k, known) -> known.withStatus(to));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("return", Map.of("id", gid, "status", to));
        payload.put("userErrors", List.of());
        return payload;
    }

    private static Map<String, Object> returnErrors(String code, String field, String message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("return", null);
        payload.put("userErrors", List.of(Map.of("code", code, "field", List.of("input", field),
                "message", message)));
        return payload;
    }

    // --- the webhook --------------------------------------------------------------------------------

    /** Shopify's REST-shaped Return of the return webhooks; like Shopify's, it names no SKU. */
    private static Map<String, Object> payload(String returnId, String orderId, List<Line> lines) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", Long.parseLong(returnId));
        payload.put("admin_graphql_api_id", gid(returnId));
        payload.put("status", "requested");
        payload.put("order", Map.of("id", orderId.matches("\\d+") ? Long.parseLong(orderId) : orderId,
                "admin_graphql_api_id",
                "gid://shopify/Order/" + orderId));
        payload.put("return_line_items", lines.stream().map(line -> Map.of("id", Long.parseLong(line.id()),
                "admin_graphql_api_id", "gid://shopify/ReturnLineItem/" + line.id(), "quantity", line.quantity(),
                "return_reason", line.reason() == null ? "other" : line.reason(),
                "fulfillment_line_item", Map.of("line_item", Map.of("id", Long.parseLong(line.id()))))).toList());
        payload.put("exchange_line_items", List.of());
        return payload;
    }

    /** Posts the event to the application, signed with the shop's webhook secret as Shopify signs it. */
    private Delivery deliver(Store store, String returnId, String topic, Map<String, Object> payload) {
        String secret = environment.getProperty("aftersales.credentials." + store.getCredentialsRef()
                + ".webhook-secret");
        if (secret == null) {
            throw new IllegalStateException("no webhook secret for " + store.getId()
                    + ": the webhook cannot be signed");
        }
        try {
            byte[] body = objectMapper.writeValueAsBytes(payload);
            HttpRequest request = HttpRequest.newBuilder(URI.create(environment.resolvePlaceholders(WEBHOOK)))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Shopify-Topic", topic)
                    .header("X-Shopify-Shop-Domain", store.getPlatformAccountId())
                    .header("X-Shopify-Event-Id", UUID.randomUUID().toString())
                    .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                    .header("X-Shopify-Triggered-At", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())
                    .header("X-Shopify-Hmac-Sha256",
                            WebhookSignatures.hmacSha256Base64(secret.getBytes(StandardCharsets.UTF_8), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Delivery(returnId, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the " + topic + " webhook was not delivered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted delivering the " + topic + " webhook", e);
        }
    }

    private static String gid(String returnId) {
        return "gid://shopify/Return/" + returnId;
    }

    private static String key(String storeId, String gid) {
        return storeId + "/" + gid;
    }
}
