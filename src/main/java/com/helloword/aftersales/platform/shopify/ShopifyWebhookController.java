package com.helloword.aftersales.platform.shopify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.casefile.OrderPlatformUpdates;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.webhook.WebhookInbox;
import com.helloword.aftersales.integration.webhook.WebhookSignatures;

/**
 * Shopify webhooks. The shop ({@code X-Shopify-Shop-Domain}) names the store, whose app secret
 * ({@code webhook-secret} credential) must have signed the raw body ({@code X-Shopify-Hmac-Sha256},
 * base64 HMAC-SHA256). Each event is processed once per topic ({@code X-Shopify-Event-Id}; the
 * delivery id {@code X-Shopify-Webhook-Id} where there is no event id).
 */
@RestController
class ShopifyWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(ShopifyWebhookController.class);
    private static final Set<String> ORDER_TOPICS = Set.of("orders/updated", "orders/cancelled", "orders/fulfilled",
            "orders/partially_fulfilled");

    private final StoreRepository stores;
    private final CredentialStore credentials;
    private final WebhookInbox inbox;
    private final OrderPlatformUpdates orderUpdates;
    private final ObjectMapper objectMapper;

    ShopifyWebhookController(StoreRepository stores, CredentialStore credentials, WebhookInbox inbox,
            OrderPlatformUpdates orderUpdates, ObjectMapper objectMapper) {
        this.stores = stores;
        this.credentials = credentials;
        this.inbox = inbox;
        this.orderUpdates = orderUpdates;
        this.objectMapper = objectMapper;
    }

    @PostMapping("/api/webhooks/shopify")
    ResponseEntity<?> receive(@RequestHeader(name = "X-Shopify-Hmac-Sha256", required = false) String hmac,
            @RequestHeader(name = "X-Shopify-Shop-Domain", required = false) String shop,
            @RequestHeader(name = "X-Shopify-Topic", required = false) String topic,
            @RequestHeader(name = "X-Shopify-Event-Id", required = false) String eventId,
            @RequestHeader(name = "X-Shopify-Webhook-Id", required = false) String webhookId,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        Store store = shop == null ? null
                : stores.findByPlatformAndPlatformAccountId(Platform.SHOPIFY, shop).orElse(null);
        if (store == null || hmac == null) {
            return refuse(HttpStatus.UNAUTHORIZED, "unknown shop or missing signature");
        }
        String secret;
        try {
            secret = credentials.require(ShopifyAdapter.PROVIDER, store.getCredentialsRef(), "webhook-secret").reveal();
        } catch (ProviderFailure notConfigured) {
            LOG.error("Shopify webhook for {} refused: {}", shop, notConfigured.getMessage());
            return refuse(HttpStatus.UNAUTHORIZED, "no webhook secret configured for this shop");
        }
        String expected = WebhookSignatures.hmacSha256Base64(secret.getBytes(StandardCharsets.UTF_8), raw);
        if (!WebhookSignatures.matches(expected, hmac)) {
            return refuse(HttpStatus.UNAUTHORIZED, "wrong signature");
        }
        String id = eventId != null ? eventId + ":" + topic : webhookId;
        if (id == null || topic == null) {
            return refuse(HttpStatus.BAD_REQUEST, "X-Shopify-Topic and X-Shopify-Event-Id or X-Shopify-Webhook-Id "
                    + "are required");
        }
        JsonNode payload;
        try {
            payload = objectMapper.readTree(raw);
        } catch (IOException e) {
            return refuse(HttpStatus.BAD_REQUEST, "body is not JSON");
        }
        WebhookInbox.Receipt receipt = inbox.receive(ShopifyAdapter.PROVIDER, id, topic, shop,
                () -> ORDER_TOPICS.contains(topic) ? applyOrder(store, payload) : "topic " + topic + " not used");
        return ResponseEntity.ok(Map.of("outcome", receipt.outcome(), "detail", receipt.detail()));
    }

    /** The REST-shaped order of Shopify's order webhooks: id, cancelled_at, fulfillments[]. */
    private String applyOrder(Store store, JsonNode order) {
        String orderId = order.path("id").asText(null);
        if (orderId == null) {
            return "order payload without id";
        }
        boolean cancelled = order.hasNonNull("cancelled_at");
        String carrier = null;
        String tracking = null;
        Instant shippedAt = null;
        for (JsonNode fulfillment : order.path("fulfillments")) {
            if (fulfillment.hasNonNull("tracking_number")) {
                tracking = fulfillment.path("tracking_number").asText();
                carrier = fulfillment.path("tracking_company").asText(null);
                shippedAt = fulfillment.hasNonNull("created_at")
                        ? OffsetDateTime.parse(fulfillment.path("created_at").asText()).toInstant() : null;
            }
        }
        return orderUpdates.apply(store.getId(), orderId, cancelled, carrier, tracking, shippedAt);
    }

    private static ResponseEntity<ProblemDetail> refuse(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
