package com.helloword.aftersales.sandbox;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;

/**
 * PayPal's REST API for the demo, under {@code /sandbox/paypal} (the default
 * {@code aftersales.providers.paypal.base-url}), in PayPal's shapes: the client-credentials token,
 * Customer Disputes v1 (list, show, {@code accept-claim}, {@code make-offer}, {@code provide-evidence}
 * as multipart with the JSON part {@code input}) and {@code verify-webhook-signature}.
 * <p>
 * Disputes exist for demo purposes: {@code PP-D-<order id>} is the buyer's dispute about a shipped
 * order of a demo Shopify store paid with PayPal, "not received" while it is under way and "not as
 * described" once delivered; the list shows the first few of each store. What the seller does is
 * kept in memory, and the dispute's HATEOAS links change with it as PayPal's do: an accepted claim is
 * {@code RESOLVED} with only {@code self} left, an offer waits for the buyer, evidence goes on record.
 * A repeated {@code PayPal-Request-Id} gets the first answer again.
 * <p>
 * Like PayPal, it takes the client id and secret of the webhook credentials ({@code paypal} unless
 * {@code aftersales.providers.paypal.webhook-credentials-ref} says otherwise) and its own bearer
 * tokens. A webhook event is verified ({@code SUCCESS}) when it carries {@link #TRANSMISSION_SIGNATURE}
 * and names the configured {@code webhook-id}.
 */
@RestController
@RequestMapping("/sandbox/paypal")
@ConditionalOnProperty(name = SandboxEnvironment.ENABLED, havingValue = "true")
class PaypalSandbox {

    /** The transmission signature the sandbox confirms, for sending demo webhook events by hand. */
    static final String TRANSMISSION_SIGNATURE = "sandbox-paypal-transmission-signature";
    static final String DISPUTE_PREFIX = "PP-D-";
    static final String NOT_RECEIVED = "MERCHANDISE_OR_SERVICE_NOT_RECEIVED";
    static final String NOT_AS_DESCRIBED = "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED";

    private static final String DISPUTES = "/v1/customer/disputes";
    private static final String WAITING_FOR_SELLER = "WAITING_FOR_SELLER_RESPONSE";
    private static final String WAITING_FOR_BUYER = "WAITING_FOR_BUYER_RESPONSE";
    private static final String RESOLVED = "RESOLVED";
    private static final int LISTED_PER_STORE = 3;
    private static final int MAX_NOTE = 2000;
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern INPUT_PART = Pattern.compile("(?i)content-disposition:[^\\r\\n]*name=\"input\"");

    /** What the seller did to one dispute. */
    static final class Dispute {

        private final Instant opened;
        private final List<Map<String, Object>> evidences = new CopyOnWriteArrayList<>();
        private volatile String status = WAITING_FOR_SELLER;
        private volatile Instant updated;
        private volatile Map<String, Object> offer;
        private volatile Map<String, Object> outcome;

        Dispute(Instant opened) {
            this.opened = opened;
            this.updated = opened;
        }
    }

    private final StoreRepository stores;
    private final SalesOrderRepository orders;
    private final Environment environment;
    private final ObjectMapper json;
    private final Clock clock;
    /** access token → credentials reference */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Dispute> disputes = new ConcurrentHashMap<>();
    /** action|dispute|PayPal-Request-Id → the first answer */
    private final Map<String, Map<String, Object>> answered = new ConcurrentHashMap<>();

    PaypalSandbox(StoreRepository stores, SalesOrderRepository orders, Environment environment, ObjectMapper json,
            Clock clock) {
        this.stores = stores;
        this.orders = orders;
        this.environment = environment;
        this.json = json;
        this.clock = clock;
    }

    @ExceptionHandler(SandboxRefusal.class)
    ResponseEntity<Object> refused(SandboxRefusal refusal) {
        return refusal.response();
    }

    // --- OAuth 2 ------------------------------------------------------------------------------

    @PostMapping("/v1/oauth2/token")
    ResponseEntity<Object> token(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam Map<String, String> form) {
        String ref = credentialsRef();
        String id = credential(ref, "client-id");
        String secret = credential(ref, "client-secret");
        String basic = "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        if (id == null || secret == null || !basic.equals(authorization)) {
            throw new SandboxRefusal(401, Map.of("error", "invalid_client",
                    "error_description", "Client Authentication failed"));
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw new SandboxRefusal(400, Map.of("error", "unsupported_grant_type",
                    "error_description", "Grant Type is NULL or not supported"));
        }
        String token = "A21AA-sandbox-" + UUID.randomUUID();
        tokens.put(token, ref);
        return ResponseEntity.ok(Map.of("scope", "https://uri.paypal.com/services/disputes/read-seller"
                        + " https://uri.paypal.com/services/disputes/update-seller", "access_token", token,
                "token_type", "Bearer", "app_id", "APP-SANDBOX", "expires_in", 32400,
                "nonce", clock.instant() + "sandbox"));
    }

    // --- Disputes -----------------------------------------------------------------------------

    @GetMapping(DISPUTES)
    @Transactional(readOnly = true)
    ResponseEntity<Object> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer,
            @RequestParam(name = "update_time_after", required = false) String updatedAfter) {
        authorize(bearer);
        Instant after;
        try {
            after = updatedAfter == null ? null : Instant.parse(updatedAfter);
        } catch (DateTimeParseException e) {
            throw invalid("INVALID_PARAMETER_SYNTAX", "update_time_after is not an RFC 3339 time", "update_time_after");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        List<SalesOrder> all = orders.findAll();
        for (Store store : stores.findAllByOrderByIdAsc()) {
            if (store.getPlatform() != Platform.SHOPIFY) {
                continue;
            }
            all.stream()
                    .filter(o -> o.getStore().getId().equals(store.getId()) && disputable(o)
                            && o.getPlatformOrderId().matches("\\d+"))
                    .sorted(Comparator.comparing(SalesOrder::getPlatformOrderId)).limit(LISTED_PER_STORE)
                    .forEach(order -> {
                        String id = DISPUTE_PREFIX + order.getPlatformOrderId();
                        Dispute dispute = dispute(id);
                        if (after == null || dispute.updated.isAfter(after)) {
                            items.add(summary(id, order, dispute));
                        }
                    });
        }
        items.sort(Comparator.comparing((Map<String, Object> item) -> (String) item.get("update_time")).reversed());
        return ResponseEntity.ok(Map.of("items", items, "links", List.of(link("", "self", "GET"))));
    }

    @GetMapping(DISPUTES + "/{disputeId}")
    @Transactional(readOnly = true)
    ResponseEntity<Object> show(@PathVariable String disputeId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer) {
        authorize(bearer);
        SalesOrder order = order(disputeId);
        return ResponseEntity.ok(details(disputeId, order, dispute(disputeId)));
    }

    @PostMapping(DISPUTES + "/{disputeId}/accept-claim")
    @Transactional(readOnly = true)
    ResponseEntity<Object> acceptClaim(@PathVariable String disputeId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer,
            @RequestHeader(name = "PayPal-Request-Id", required = false) String requestId,
            @RequestBody JsonNode body) {
        authorize(bearer);
        SalesOrder order = order(disputeId);
        return once("accept-claim", disputeId, requestId, () -> {
            Dispute dispute = dispute(disputeId);
            requireNote(body);
            String type = body.path("accept_claim_type").asText("REFUND");
            synchronized (dispute) {
                requireAllowed(dispute, "accept_claim", order);
                if (!acceptTypes(order).contains(type)) {
                    throw unprocessable("INVALID_ACCEPT_CLAIM_TYPE", "accept_claim_type " + type
                            + " is not allowed for this dispute; allowed: " + acceptTypes(order));
                }
                BigDecimal refund = order.total();
                if ("PARTIAL_REFUND".equals(type)) {
                    refund = amount(body.path("refund_amount"), order, "/refund_amount");
                }
                dispute.status = RESOLVED;
                dispute.outcome = Map.of("outcome_code", "RESOLVED_BUYER_FAVOUR",
                        "amount_refunded", money(refund, order.getCurrency()));
                dispute.updated = clock.instant();
            }
            return Map.of("links", List.of(link("/" + disputeId, "self", "GET")));
        });
    }

    @PostMapping(DISPUTES + "/{disputeId}/make-offer")
    @Transactional(readOnly = true)
    ResponseEntity<Object> makeOffer(@PathVariable String disputeId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer,
            @RequestHeader(name = "PayPal-Request-Id", required = false) String requestId,
            @RequestBody JsonNode body) {
        authorize(bearer);
        SalesOrder order = order(disputeId);
        return once("make-offer", disputeId, requestId, () -> {
            Dispute dispute = dispute(disputeId);
            requireNote(body);
            String type = body.path("offer_type").asText("");
            synchronized (dispute) {
                requireAllowed(dispute, "make_offer", order);
                if (!offerTypes(order).contains(type)) {
                    throw unprocessable("INVALID_OFFER_TYPE", "offer_type " + type
                            + " is not allowed for this dispute; allowed: " + offerTypes(order));
                }
                Map<String, Object> offer = new LinkedHashMap<>();
                offer.put("buyer_requested_amount", money(order.total(), order.getCurrency()));
                if (!"REPLACEMENT_WITHOUT_REFUND".equals(type)) {
                    offer.put("seller_offered_amount", money(amount(body.path("offer_amount"), order,
                            "/offer_amount"), order.getCurrency()));
                }
                offer.put("offer_type", type);
                offer.put("history", List.of(Map.of("offer_time", SandboxValues.millis(clock.instant()),
                        "actor", "SELLER", "event_type", "PROPOSED", "offer_type", type)));
                dispute.offer = offer;
                dispute.status = WAITING_FOR_BUYER;
                dispute.updated = clock.instant();
            }
            return Map.of("links", List.of(link("/" + disputeId, "self", "GET")));
        });
    }

    @PostMapping(DISPUTES + "/{disputeId}/provide-evidence")
    @Transactional(readOnly = true)
    ResponseEntity<Object> provideEvidence(@PathVariable String disputeId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer,
            @RequestHeader(name = "PayPal-Request-Id", required = false) String requestId,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody byte[] body) {
        authorize(bearer);
        SalesOrder order = order(disputeId);
        JsonNode input = inputPart(contentType, body);
        return once("provide-evidence", disputeId, requestId, () -> {
            Dispute dispute = dispute(disputeId);
            List<Map<String, Object>> added = new ArrayList<>();
            for (JsonNode evidence : input.path("evidences")) {
                List<Map<String, Object>> tracking = new ArrayList<>();
                for (JsonNode info : evidence.at("/evidence_info/tracking_info")) {
                    if (info.path("tracking_number").asText("").isBlank()
                            || info.path("carrier_name").asText("").isBlank()) {
                        throw invalid("MISSING_REQUIRED_PARAMETER", "tracking_info needs carrier_name and"
                                + " tracking_number", "/evidences/evidence_info/tracking_info");
                    }
                    tracking.add(json.convertValue(info, new TypeReference<Map<String, Object>>() { }));
                }
                Map<String, Object> recorded = new LinkedHashMap<>();
                recorded.put("evidence_type", evidence.path("evidence_type").asText("OTHER"));
                recorded.put("evidence_info", Map.of("tracking_info", tracking));
                recorded.put("source", "SUBMITTED_BY_SELLER");
                recorded.put("date", SandboxValues.millis(clock.instant()));
                if (evidence.hasNonNull("notes")) {
                    recorded.put("notes", evidence.path("notes").asText());
                }
                added.add(recorded);
            }
            if (added.isEmpty()) {
                throw invalid("MISSING_REQUIRED_PARAMETER", "evidences is required", "/evidences");
            }
            synchronized (dispute) {
                requireAllowed(dispute, "provide_evidence", order);
                dispute.evidences.addAll(added);
                dispute.status = WAITING_FOR_BUYER;
                dispute.updated = clock.instant();
            }
            return Map.of("links", List.of(link("/" + disputeId, "self", "GET")));
        });
    }

    // --- webhooks -----------------------------------------------------------------------------

    @PostMapping("/v1/notifications/verify-webhook-signature")
    ResponseEntity<Object> verifyWebhookSignature(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String bearer,
            @RequestBody JsonNode body) {
        String ref = authorize(bearer);
        for (String field : List.of("auth_algo", "cert_url", "transmission_id", "transmission_sig",
                "transmission_time", "webhook_id")) {
            if (body.path(field).asText("").isBlank()) {
                throw invalid("MISSING_REQUIRED_PARAMETER", field + " is required", "/" + field);
            }
        }
        if (!body.path("webhook_event").isObject()) {
            throw invalid("MISSING_REQUIRED_PARAMETER", "webhook_event is required", "/webhook_event");
        }
        boolean verified = TRANSMISSION_SIGNATURE.equals(body.path("transmission_sig").asText())
                && body.path("webhook_id").asText().equals(credential(ref, "webhook-id"));
        return ResponseEntity.ok(Map.of("verification_status", verified ? "SUCCESS" : "FAILURE"));
    }

    // --- dispute views ------------------------------------------------------------------------

    private Map<String, Object> summary(String id, SalesOrder order, Dispute dispute) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("dispute_id", id);
        summary.put("create_time", SandboxValues.millis(dispute.opened));
        summary.put("update_time", SandboxValues.millis(dispute.updated));
        summary.put("reason", reason(order));
        summary.put("status", dispute.status);
        summary.put("dispute_state", state(dispute));
        summary.put("dispute_amount", money(order.total(), order.getCurrency()));
        summary.put("dispute_life_cycle_stage", "INQUIRY");
        summary.put("dispute_channel", "INTERNAL");
        summary.put("links", List.of(link("/" + id, "self", "GET")));
        return summary;
    }

    private Map<String, Object> details(String id, SalesOrder order, Dispute dispute) {
        Map<String, Object> details = new LinkedHashMap<>(summary(id, order, dispute));
        String currency = order.getCurrency();
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("buyer_transaction_id", transactionId("buyer", order));
        transaction.put("seller_transaction_id", transactionId("seller", order));
        transaction.put("create_time", SandboxValues.millis(order.getOrderedAt()));
        transaction.put("transaction_status", RESOLVED.equals(dispute.status) ? "REFUNDED" : "HELD");
        transaction.put("gross_amount", money(order.total(), currency));
        transaction.put("invoice_number", order.getPlatformOrderId());
        transaction.put("seller", Map.of("merchant_id", "SANDBOX" + SandboxValues.digits(order.getStore().getId(), 6),
                "name", order.getStore().getName()));
        transaction.put("items", order.getLines().stream().map(line -> Map.of("item_name",
                SandboxValues.title(line.getSku()), "item_quantity", String.valueOf(line.getQuantity()),
                "reason", reason(order), "item_type", "PRODUCT")).toList());
        transaction.put("seller_protection_eligible", true);
        details.put("disputed_transactions", List.of(transaction));
        List<Map<String, Object>> evidences = new ArrayList<>();
        if (NOT_RECEIVED.equals(reason(order)) && dispute.evidences.isEmpty()) {
            evidences.add(Map.of("evidence_type", "PROOF_OF_FULFILLMENT", "source", "REQUESTED_FROM_SELLER",
                    "date", SandboxValues.millis(dispute.opened)));
        }
        evidences.addAll(dispute.evidences);
        details.put("evidences", evidences);
        details.put("seller_response_due_date", SandboxValues.millis(dispute.opened.plus(Duration.ofDays(20))));
        if (dispute.offer != null) {
            details.put("offer", dispute.offer);
        }
        if (dispute.outcome != null) {
            details.put("dispute_outcome", dispute.outcome);
        } else {
            details.put("refund_details", Map.of("allowed_refund_amount", money(order.total(), currency)));
            details.put("allowed_response_options", Map.of(
                    "accept_claim", Map.of("accept_claim_types", acceptTypes(order)),
                    "make_offer", Map.of("offer_types", offerTypes(order))));
        }
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link("/" + id, "self", "GET"));
        for (String rel : allowed(dispute)) {
            links.add(link("/" + id + "/" + rel.replace('_', '-'), rel, "POST"));
        }
        details.put("links", links);
        return details;
    }

    /** The seller's actions now, as the {@code rel}s of the dispute's links. */
    private static List<String> allowed(Dispute dispute) {
        return switch (dispute.status) {
            case WAITING_FOR_SELLER -> List.of("send_message", "accept_claim", "make_offer", "provide_evidence",
                    "escalate");
            case WAITING_FOR_BUYER -> dispute.offer == null
                    ? List.of("send_message", "accept_claim", "make_offer", "provide_evidence")
                    : List.of("send_message", "accept_claim");
            default -> List.of();
        };
    }

    private static String state(Dispute dispute) {
        return switch (dispute.status) {
            case RESOLVED -> "RESOLVED";
            case WAITING_FOR_SELLER -> "REQUIRED_ACTION";
            default -> "REQUIRED_OTHER_PARTY_ACTION";
        };
    }

    private static String reason(SalesOrder order) {
        return order.getDeliveredAt() == null ? NOT_RECEIVED : NOT_AS_DESCRIBED;
    }

    private static List<String> acceptTypes(SalesOrder order) {
        return NOT_RECEIVED.equals(reason(order)) ? List.of("REFUND")
                : List.of("REFUND", "REFUND_WITH_RETURN", "PARTIAL_REFUND");
    }

    private static List<String> offerTypes(SalesOrder order) {
        return NOT_RECEIVED.equals(reason(order)) ? List.of("REFUND", "REFUND_WITH_REPLACEMENT")
                : List.of("REFUND", "REFUND_WITH_RETURN", "REFUND_WITH_REPLACEMENT", "REPLACEMENT_WITHOUT_REFUND");
    }

    private static boolean disputable(SalesOrder order) {
        return order.getShippedAt() != null && order.getStatus() != OrderStatus.CANCELLED;
    }

    /** A 17-character PayPal transaction id derived from the order. */
    private static String transactionId(String side, SalesOrder order) {
        return ("seller".equals(side) ? "9SB" : "7SB") + SandboxValues.digits(side + "/"
                + order.getPlatformOrderId(), 14);
    }

    // --- shared -------------------------------------------------------------------------------

    /** The demo order of a dispute id: a shipped order of a Shopify store. */
    private SalesOrder order(String disputeId) {
        String orderId = disputeId.startsWith(DISPUTE_PREFIX) ? disputeId.substring(DISPUTE_PREFIX.length()) : "";
        Optional<SalesOrder> found = Optional.empty();
        if (!orderId.isEmpty()) {
            for (Store store : stores.findAllByOrderByIdAsc()) {
                if (store.getPlatform() == Platform.SHOPIFY && found.isEmpty()) {
                    found = orders.findWithLines(store.getId(), orderId).filter(PaypalSandbox::disputable);
                }
            }
        }
        return found.orElseThrow(() -> new SandboxRefusal(404, error("RESOURCE_NOT_FOUND",
                "The specified resource does not exist.", "INVALID_RESOURCE_ID",
                "Requested resource ID was not found.", null)));
    }

    private Dispute dispute(String disputeId) {
        return disputes.computeIfAbsent(disputeId,
                id -> new Dispute(clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS)));
    }

    /** Runs a seller action once per {@code PayPal-Request-Id}; a repeat gets the first answer. */
    private ResponseEntity<Object> once(String action, String disputeId, String requestId,
            Supplier<Map<String, Object>> run) {
        if (requestId == null || requestId.isBlank()) {
            return ResponseEntity.ok(run.get());
        }
        String key = action + "|" + disputeId + "|" + requestId;
        Map<String, Object> earlier = answered.get(key);
        if (earlier != null) {
            return ResponseEntity.ok(earlier);
        }
        Map<String, Object> answer = run.get();
        answered.put(key, answer);
        return ResponseEntity.ok(answer);
    }

    private static void requireAllowed(Dispute dispute, String rel, SalesOrder order) {
        if (!allowed(dispute).contains(rel)) {
            throw unprocessable("ACTION_NOT_ALLOWED_IN_CURRENT_STATE", rel + " is not allowed while the dispute"
                    + " about order " + order.getPlatformOrderId() + " is " + dispute.status);
        }
    }

    private static void requireNote(JsonNode body) {
        String note = body.path("note").asText("");
        if (note.isBlank() || note.length() > MAX_NOTE) {
            throw invalid("MISSING_REQUIRED_PARAMETER", "note is required, 1 to " + MAX_NOTE + " characters",
                    "/note");
        }
    }

    private static BigDecimal amount(JsonNode money, SalesOrder order, String field) {
        BigDecimal value;
        try {
            value = new BigDecimal(money.path("value").asText(""));
        } catch (NumberFormatException e) {
            throw invalid("MISSING_REQUIRED_PARAMETER", "value is required", field + "/value");
        }
        if (!order.getCurrency().equals(money.path("currency_code").asText(""))) {
            throw unprocessable("INVALID_CURRENCY_CODE", "the dispute is in " + order.getCurrency());
        }
        if (value.signum() <= 0 || value.compareTo(order.total()) > 0) {
            throw unprocessable("INVALID_AMOUNT", "the amount must be above 0 and at most the disputed "
                    + SandboxValues.scaled(order.total(), order.getCurrency()).toPlainString());
        }
        return value;
    }

    /** The JSON of the multipart part named {@code input}. */
    private JsonNode inputPart(String contentType, byte[] body) {
        Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.startsWith("multipart/form-data") || !boundary.find()) {
            throw invalid("INVALID_REQUEST_BODY", "provide-evidence takes multipart/form-data", "/");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        for (String part : text.split("--" + Pattern.quote(boundary.group(1)))) {
            int split = part.indexOf("\r\n\r\n");
            String headers = split > 0 ? part.substring(0, split) : "";
            if (INPUT_PART.matcher(headers).find()) {
                try {
                    JsonNode input = json.readTree(part.substring(split + 4).strip());
                    if (input != null && input.isObject()) {
                        return input;
                    }
                } catch (IOException notJson) {
                    throw invalid("MALFORMED_REQUEST_JSON", "the input part is not JSON", "/input");
                }
            }
        }
        throw invalid("MISSING_REQUIRED_PARAMETER", "the multipart part input is required", "/input");
    }

    private String authorize(String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).strip() : null;
        String ref = token == null ? null : tokens.get(token);
        if (ref == null) {
            throw new SandboxRefusal(401, Map.of("error", "invalid_token",
                    "error_description", "Token signature verification failed"));
        }
        return ref;
    }

    private String credentialsRef() {
        return environment.getProperty("aftersales.providers.paypal.webhook-credentials-ref", "paypal");
    }

    private String credential(String ref, String key) {
        return environment.getProperty("aftersales.credentials." + ref + "." + key);
    }

    private static Map<String, Object> link(String path, String rel, String method) {
        String href = ServletUriComponentsBuilder.fromCurrentContextPath().path("/sandbox/paypal" + DISPUTES + path)
                .toUriString();
        return Map.of("href", href, "rel", rel, "method", method);
    }

    private static Map<String, Object> money(BigDecimal amount, String currency) {
        return Map.of("currency_code", currency, "value", SandboxValues.scaled(amount, currency).toPlainString());
    }

    private static SandboxRefusal unprocessable(String issue, String description) {
        return new SandboxRefusal(422, error("UNPROCESSABLE_ENTITY", "The requested action could not be performed,"
                + " semantically incorrect, or failed business validation.", issue, description, null));
    }

    private static SandboxRefusal invalid(String issue, String description, String field) {
        return new SandboxRefusal(400, error("INVALID_REQUEST", "Request is not well-formed, syntactically"
                + " incorrect, or violates schema.", issue, description, field));
    }

    private static Map<String, Object> error(String name, String message, String issue, String description,
            String field) {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (field != null) {
            detail.put("field", field);
        }
        detail.put("issue", issue);
        detail.put("description", description);
        return Map.of("name", name, "message", message, "debug_id", "sandbox" + UUID.randomUUID().toString()
                .substring(0, 8), "details", List.of(detail));
    }
}
