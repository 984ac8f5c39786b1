package com.helloword.aftersales.platform.shopify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
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
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.platform.PlatformClaimNotice;
import com.helloword.aftersales.platform.PlatformReturnNotices;
import com.helloword.aftersales.platform.StoreConnection;

/**
 * Shopify webhooks. The shop ({@code X-Shopify-Shop-Domain}) names the store, whose app secret
 * ({@code webhook-secret} credential) must have signed the raw body ({@code X-Shopify-Hmac-Sha256},
 * base64 HMAC-SHA256). Each event is processed once per topic ({@code X-Shopify-Event-Id}; the
 * delivery id {@code X-Shopify-Webhook-Id} where there is no event id).
 * <p>
 * {@code returns/request} (a buyer asked for a return in their customer account) becomes one platform
 * return per return line ({@link #platformReturns}), taken by the returns capability ({@link PlatformReturnNotices}). The payload
 * names no SKU, so the lines' SKUs and quantities are read from the Return in Shopify
 * ({@link ShopifyAdapter#returnLines}) while the event is processed: where Shopify cannot answer now
 * (5xx, timeout, throttled) the webhook answers 503 and keeps nothing, so Shopify delivers it again. The buyer's
 * notes ({@code return_reason_note}, {@code customer_note}) are not read. Of the later return topics,
 * {@code returns/cancel}, {@code returns/decline} and {@code returns/close} tell the intake the return's
 * new state (a return the buyer withdrew before sending the parcel ends here too); {@code returns/approve}
 * is this system's own doing and not used.
 */
@RestController
class ShopifyWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(ShopifyWebhookController.class);
    private static final Set<String> ORDER_TOPICS = Set.of("orders/updated", "orders/cancelled", "orders/fulfilled",
            "orders/partially_fulfilled");
    /** A return's later states, as the topic names them (the payload's status says the same, lower case). */
    private static final Map<String, String> RETURN_STATE_TOPICS = Map.of("returns/cancel", "CANCELED",
            "returns/decline", "DECLINED", "returns/close", "CLOSED");

    private final StoreRepository stores;
    private final CredentialStore credentials;
    private final WebhookInbox inbox;
    static final String RETURN_REQUEST_TOPIC = "returns/request";

    private final OrderPlatformUpdates orderUpdates;
    private final PlatformReturnNotices returnIntake;
    private final ObjectMapper objectMapper;
    private final ShopifyAdapter adapter;
    private final ApplicationEventPublisher events;

    /** Shopify Payments disputes (chargebacks and inquiries): each delivery publishes a {@link PlatformClaimNotice}. */
    static final Set<String> DISPUTE_TOPICS = Set.of("disputes/create", "disputes/update");
    /** The dispute statuses after which Shopify takes no more evidence. */
    private static final Set<String> CLOSED_DISPUTE = Set.of("won", "lost", "accepted", "charge_refunded");

    ShopifyWebhookController(StoreRepository stores, CredentialStore credentials, WebhookInbox inbox,
            OrderPlatformUpdates orderUpdates, PlatformReturnNotices returnIntake, ObjectMapper objectMapper,
            ShopifyAdapter adapter, ApplicationEventPublisher events) {
        this.adapter = adapter;
        this.events = events;
        this.stores = stores;
        this.credentials = credentials;
        this.inbox = inbox;
        this.orderUpdates = orderUpdates;
        this.returnIntake = returnIntake;
        this.objectMapper = objectMapper;
    }

    @PostMapping("/api/webhooks/shopify")
    ResponseEntity<?> receive(@RequestHeader(name = "X-Shopify-Hmac-Sha256", required = false) String hmac,
            @RequestHeader(name = "X-Shopify-Shop-Domain", required = false) String shop,
            @RequestHeader(name = "X-Shopify-Topic", required = false) String topic,
            @RequestHeader(name = "X-Shopify-Event-Id", required = false) String eventId,
            @RequestHeader(name = "X-Shopify-Webhook-Id", required = false) String webhookId,
            @RequestHeader(name = "X-Shopify-Triggered-At", required = false) String triggeredAt,
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
        Instant triggered;
        OrderUpdate order;
        PlatformClaimNotice dispute;
        try { // a payload that cannot be used is refused now, before anything of it is kept
            triggered = RETURN_REQUEST_TOPIC.equals(topic) ? instant(triggeredAt, "X-Shopify-Triggered-At") : null;
            if (RETURN_REQUEST_TOPIC.equals(topic)) {
                platformReturns(payload, triggered, Map.of());
            }
            order = ORDER_TOPICS.contains(topic) ? orderUpdate(payload) : null;
            dispute = DISPUTE_TOPICS.contains(topic) ? disputeNotice(store.getId(), payload) : null;
        } catch (IllegalArgumentException unusable) {
            return refuse(HttpStatus.BAD_REQUEST, unusable.getMessage());
        }
        WebhookInbox.Receipt receipt;
        try {
            receipt = inbox.receive(ShopifyAdapter.PROVIDER, id, topic, shop,
                    () -> ORDER_TOPICS.contains(topic) ? applyOrder(store, order)
                            : RETURN_REQUEST_TOPIC.equals(topic) ? takeReturns(store, payload, triggered)
                            : RETURN_STATE_TOPICS.containsKey(topic) ? returnState(store, payload,
                                    RETURN_STATE_TOPICS.get(topic))
                            : dispute != null ? published(dispute)
                            : "topic " + topic + " not used");
        } catch (IllegalArgumentException refused) { // the intake's own check; nothing of the event was kept
            return refuse(HttpStatus.BAD_REQUEST, refused.getMessage());
        } catch (ProviderFailure unanswered) { // only a retryable one leaves takeReturns; nothing was kept
            LOG.warn("Shopify {} event {} of {} not taken now, Shopify delivers it again: {}", topic, id, shop,
                    unanswered.getMessage());
            ResponseEntity.BodyBuilder unavailable = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE);
            if (unanswered.retryAfter() != null) {
                unavailable.header(HttpHeaders.RETRY_AFTER,
                        String.valueOf(Math.max(1, unanswered.retryAfter().toSeconds())));
            }
            return unavailable.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "the return's lines could not be read from Shopify now; deliver again"));
        }
        return ResponseEntity.ok(Map.of("outcome", receipt.outcome(), "detail", receipt.detail()));
    }

    /**
     * The return's lines with the SKUs and quantities Shopify has for them, taken. A retryable failure
     * to read them goes to the caller (the event is kept nowhere and comes again); any other (no such
     * return, access refused, an answer not as documented) would fail on every delivery alike, so the
     * lines are taken as the payload has them, without SKU: a return of the whole order, as noted.
     */
    private String takeReturns(Store store, JsonNode payload, Instant triggeredAt) {
        Map<String, ShopifyAdapter.ReturnLine> lines = Map.of();
        String note = null;
        if (!namesEverySku(payload)) {
            String returnId = numericId(payload, "id");
            try {
                lines = adapter.returnLines(StoreConnection.of(store), returnId);
            } catch (ProviderFailure failure) {
                if (failure.retryable()) {
                    throw failure;
                }
                LOG.error("Lines of Shopify return {} of {} not read, taken without SKU (whole order): {}",
                        returnId, store.getId(), failure.getMessage());
                note = "lines not read from Shopify, taken without SKU: " + failure.getMessage();
            }
        }
        List<MarketplacePort.PlatformReturn> returns = platformReturns(payload, triggeredAt, lines);
        List<String> taken = new ArrayList<>();
        if (note != null) {
            taken.add(note);
        }
        for (MarketplacePort.PlatformReturn platformReturn : returns) {
            taken.add(returnIntake.received(store.getId(), platformReturn));
        }
        return String.join("; ", taken);
    }

    /**
     * The Return of Shopify's return webhooks (REST-shaped): {@code id}, {@code admin_graphql_api_id},
     * {@code status} (lower case), {@code order {id}}, {@code return_line_items[] {id, quantity,
     * return_reason (lower case), fulfillment_line_item {line_item {id}}}} and
     * {@code exchange_line_items[]}. One platform return per return line: its id is the return's numeric
     * id, and with several lines the return line item's id after a colon ({@code 7081:91}), so each line
     * is kept once; {@link ShopifyAdapter} acts on the return the part before the colon names. The
     * payload names no SKU: a line's SKU and quantity come from {@code lines} (the Return as Shopify's
     * API has it, by return line item id; a return of one line takes the Return's only line), and a
     * line without SKU there either (a custom item, or lines not read) is a return of the order as a
     * whole. The payload has no request time either: the webhook's trigger time stands for it.
     *
     * @throws IllegalArgumentException for a payload without the return's id, its order's id or lines
     */
    static List<MarketplacePort.PlatformReturn> platformReturns(JsonNode payload, Instant triggeredAt,
            Map<String, ShopifyAdapter.ReturnLine> known) {
        String returnId = numericId(payload, "id");
        if (returnId == null) {
            throw new IllegalArgumentException("returns/request payload without the return's id");
        }
        String orderId = numericId(payload.path("order"), "id");
        if (orderId == null) {
            throw new IllegalArgumentException("return " + returnId + " names no order (order.id)");
        }
        JsonNode lines = payload.path("return_line_items");
        if (!lines.isArray() || lines.isEmpty()) {
            throw new IllegalArgumentException("return " + returnId + " has no return_line_items");
        }
        JsonNode exchanges = payload.path("exchange_line_items");
        String wanted = exchanges.isArray() && !exchanges.isEmpty() ? "EXCHANGE" : "REFUND";
        String state = upper(payload.path("status").asText(null));
        Instant requestedAt = payload.hasNonNull("requested_at") ? instant(payload.path("requested_at"), "requested_at")
                : payload.hasNonNull("created_at") ? instant(payload.path("created_at"), "created_at") : triggeredAt;
        List<MarketplacePort.PlatformReturn> returns = new ArrayList<>();
        for (JsonNode line : lines) {
            String lineId = numericId(line, "id");
            if (lines.size() > 1 && lineId == null) {
                throw new IllegalArgumentException("a line of return " + returnId + " has no id");
            }
            ShopifyAdapter.ReturnLine read = lines.size() == 1 && known.size() == 1
                    ? known.values().iterator().next() : lineId == null ? null : known.get(lineId);
            String sku = line.at("/fulfillment_line_item/line_item/sku").asText("").strip();
            if (sku.isEmpty() && read != null && read.sku() != null) {
                sku = read.sku();
            }
            int quantity = read != null ? read.quantity() : Math.max(1, line.path("quantity").asInt(1));
            returns.add(new MarketplacePort.PlatformReturn(lines.size() > 1 ? returnId + ":" + lineId : returnId,
                    orderId, sku.isEmpty() ? null : sku, quantity,
                    upper(line.path("return_reason").asText(null)), wanted, requestedAt, state, null, null));
        }
        return returns;
    }

    /** Whether every return line of the payload carries its line item's SKU (then nothing is read from Shopify). */
    static boolean namesEverySku(JsonNode payload) {
        for (JsonNode line : payload.path("return_line_items")) {
            if (line.at("/fulfillment_line_item/line_item/sku").asText("").isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A numeric id from {@code field}, or from the object's {@code admin_graphql_api_id}. */
    /** A return's later state: every kept line of it takes the state; a return not kept is only noted. */
    private String returnState(Store store, JsonNode payload, String state) {
        String returnId = numericId(payload, "id");
        if (returnId == null) {
            throw new IllegalArgumentException("return payload without the return's id");
        }
        int touched = returnIntake.stateChanged(store.getId(), returnId, state);
        return touched == 0 ? "return " + returnId + " is not one this system keeps"
                : "return " + returnId + " " + state + " (" + touched + " line(s))";
    }

    private String published(PlatformClaimNotice notice) {
        events.publishEvent(notice);
        return "dispute " + notice.claimId() + " of order " + notice.platformOrderId() + ": " + notice.status()
                + (notice.closed() ? " (closed)" : "");
    }

    /**
     * The Dispute resource of {@code disputes/create} and {@code disputes/update}: {@code id}, {@code order_id},
     * {@code type} (chargeback or inquiry), {@code amount} (a string), {@code currency}, {@code reason},
     * {@code status} and {@code evidence_due_by}. The reason says the claim's type: fraudulent, unrecognized or
     * not authorized debits are UNAUTHORIZED, product_not_received ITEM_NOT_RECEIVED, product_unacceptable
     * NOT_AS_DESCRIBED, any other chargeback CHARGEBACK. Won, lost, accepted or refunded disputes are closed.
     */
    static PlatformClaimNotice disputeNotice(String storeId, JsonNode dispute) {
        String id = numericId(dispute, "id");
        String orderId = dispute.path("order_id").isNumber() || dispute.path("order_id").isTextual()
                ? dispute.path("order_id").asText().strip() : "";
        if (id == null || orderId.isEmpty()) {
            throw new IllegalArgumentException("a dispute needs id and order_id");
        }
        String reason = dispute.path("reason").asText("");
        String status = dispute.path("status").asText("");
        String type = switch (reason) {
            case "fraudulent", "unrecognized", "debit_not_authorized" -> "UNAUTHORIZED";
            case "product_not_received" -> "ITEM_NOT_RECEIVED";
            case "product_unacceptable" -> "NOT_AS_DESCRIBED";
            default -> "chargeback".equals(dispute.path("type").asText()) ? "CHARGEBACK" : "OTHER";
        };
        java.math.BigDecimal amount;
        try {
            amount = dispute.hasNonNull("amount") ? new java.math.BigDecimal(dispute.path("amount").asText()) : null;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dispute amount '" + dispute.path("amount").asText() + "' is no number");
        }
        Instant due = dispute.hasNonNull("evidence_due_by") ? instant(dispute.path("evidence_due_by"), "evidence_due_by")
                : null;
        return new PlatformClaimNotice("SHOPIFY", storeId, "shopify-dispute:" + id, orderId, null, type,
                status.isEmpty() ? null : status, CLOSED_DISPUTE.contains(status), due, amount,
                upper(dispute.path("currency").asText(null)), reason.isEmpty() ? null : reason);
    }

    private static String numericId(JsonNode node, String field) {
        String id = node.path(field).isNumber() || node.path(field).isTextual() ? node.path(field).asText().strip()
                : "";
        if (id.isEmpty()) {
            String gid = node.path("admin_graphql_api_id").asText("");
            id = gid.startsWith("gid://") ? gid.substring(gid.lastIndexOf('/') + 1).strip() : "";
        }
        return id.isEmpty() ? null : id;
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * A time as Shopify writes it (ISO 8601 with offset); null when absent.
     *
     * @throws IllegalArgumentException for a value that is there but not such a time
     */
    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException notIso) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 time with offset: '" + value + "'");
        }
    }

    private static Instant instant(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 time with offset: " + value);
        }
        return instant(value.asText(), field);
    }

    /** What an order webhook tells: the order (null: the payload names none), cancelled, the latest tracking. */
    record OrderUpdate(String orderId, boolean cancelled, String carrier, String tracking, Instant shippedAt) {
    }

    /**
     * The REST-shaped order of Shopify's order webhooks: id, cancelled_at, fulfillments[] (tracking_number,
     * tracking_company, created_at).
     *
     * @throws IllegalArgumentException for a fulfillment time that is not a time
     */
    static OrderUpdate orderUpdate(JsonNode order) {
        String orderId = order.path("id").asText(null);
        boolean cancelled = order.hasNonNull("cancelled_at");
        String carrier = null;
        String tracking = null;
        Instant shippedAt = null;
        for (JsonNode fulfillment : order.path("fulfillments")) {
            if (fulfillment.hasNonNull("tracking_number")) {
                tracking = fulfillment.path("tracking_number").asText();
                carrier = fulfillment.path("tracking_company").asText(null);
                shippedAt = fulfillment.hasNonNull("created_at")
                        ? instant(fulfillment.path("created_at"), "fulfillments[].created_at") : null;
            }
        }
        return new OrderUpdate(orderId, cancelled, carrier, tracking, shippedAt);
    }

    private String applyOrder(Store store, OrderUpdate order) {
        if (order.orderId() == null) {
            return "order payload without id";
        }
        return orderUpdates.apply(store.getId(), order.orderId(), order.cancelled(), order.carrier(),
                order.tracking(), order.shippedAt());
    }

    private static ResponseEntity<ProblemDetail> refuse(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
