package com.helloword.aftersales.platform.paypal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.webhook.WebhookInbox;
import com.helloword.aftersales.platform.PlatformClaimNotice;
import com.helloword.aftersales.web.AttemptLimiter;

/**
 * PayPal webhooks. Each delivery is verified with PayPal's postback
 * {@code POST /v1/notifications/verify-webhook-signature} (the {@code PAYPAL-*} transmission headers,
 * the {@code webhook-id} credential of the configured reference and the event as received); only
 * {@code verification_status} {@code SUCCESS} is let in. PayPal is asked only about a delivery that passes
 * {@link PaypalWebhookChecks} first (headers, certificate host, transmission time: else 400; its remote
 * address's allowance of deliveries not verified yet: else 429 with {@code Retry-After}), so junk costs no
 * call. Events are processed once per event {@code id}. Dispute events publish a
 * {@link PlatformClaimNotice} built from the dispute in the event;
 * other events are acknowledged.
 */
@RestController
class PaypalWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(PaypalWebhookController.class);
    static final Set<String> DISPUTE_EVENTS = Set.of("CUSTOMER.DISPUTE.CREATED", "CUSTOMER.DISPUTE.UPDATED",
            "CUSTOMER.DISPUTE.RESOLVED");

    private final PaypalApi api;
    private final PaypalWebhookChecks checks;
    private final WebhookInbox inbox;
    private final ApplicationEventPublisher events;
    private final ObjectReader strictJson;
    private final String credentialsRef;

    PaypalWebhookController(PaypalApi api, PaypalWebhookChecks checks, WebhookInbox inbox, ApplicationEventPublisher events,
            ObjectMapper objectMapper,
            @Value("${aftersales.providers.paypal.webhook-credentials-ref:paypal}") String credentialsRef) {
        this.api = api;
        this.checks = checks;
        this.inbox = inbox;
        this.events = events;
        this.strictJson = objectMapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.credentialsRef = credentialsRef;
    }

    @PostMapping("/api/webhooks/paypal")
    ResponseEntity<?> receive(@RequestHeader(name = "PAYPAL-AUTH-ALGO", required = false) String authAlgo,
            @RequestHeader(name = "PAYPAL-CERT-URL", required = false) String certUrl,
            @RequestHeader(name = "PAYPAL-TRANSMISSION-ID", required = false) String transmissionId,
            @RequestHeader(name = "PAYPAL-TRANSMISSION-SIG", required = false) String transmissionSig,
            @RequestHeader(name = "PAYPAL-TRANSMISSION-TIME", required = false) String transmissionTime,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        PaypalApi.SignatureHeaders headers = new PaypalApi.SignatureHeaders(authAlgo, certUrl, transmissionId,
                transmissionSig, transmissionTime);
        String refusal = checks.refusal(headers);
        if (refusal != null) {
            return refuse(HttpStatus.BAD_REQUEST, refusal);
        }
        String raw = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        JsonNode event;
        try {
            event = raw.isBlank() ? null : strictJson.readTree(raw);
        } catch (IOException e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            return refuse(HttpStatus.BAD_REQUEST, "body is not a JSON object");
        }
        String source = request.getRemoteAddr();
        Optional<Duration> wait = checks.admit(source);
        if (wait.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, AttemptLimiter.retryAfterSeconds(wait.get()))
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "too many deliveries "
                            + "that were not verified from this address; deliver again later"));
        }
        try {
            if (!api.verifyWebhookSignature(credentialsRef, headers, raw)) {
                return refuse(HttpStatus.UNAUTHORIZED, "PayPal did not confirm this event");
            }
            checks.verified(source);
        } catch (ProviderFailure failure) {
            if (failure.kind() == ProviderFailure.Kind.REJECTED) {
                return refuse(HttpStatus.UNAUTHORIZED, "PayPal refused to verify this event");
            }
            LOG.error("PayPal webhook {} not verified: {}", transmissionId, failure.getMessage());
            return refuse(HttpStatus.SERVICE_UNAVAILABLE, "cannot verify the event now; deliver it again later");
        }
        String eventId = event.path("id").asText("");
        if (eventId.isBlank()) {
            return refuse(HttpStatus.BAD_REQUEST, "event without id");
        }
        String eventType = event.path("event_type").asText("");
        String topic = eventType.isBlank() ? "unknown" : eventType;
        JsonNode payload = event;
        WebhookInbox.Receipt receipt = inbox.receive(PaypalApi.PROVIDER, eventId, topic, credentialsRef,
                () -> process(topic, payload.path("resource")));
        return ResponseEntity.ok(Map.of("outcome", receipt.outcome(), "detail", receipt.detail()));
    }

    private String process(String eventType, JsonNode resource) {
        if (!DISPUTE_EVENTS.contains(eventType)) {
            return "ignored " + eventType;
        }
        if (resource.path("dispute_id").asText("").isBlank()) {
            return "ignored " + eventType + " without dispute_id";
        }
        PaypalDispute dispute = PaypalDispute.of(resource, api.client());
        events.publishEvent(notice(eventType, dispute, resource));
        return "dispute " + dispute.id() + " " + eventType + ": status " + dispute.status() + ", reason "
                + dispute.reason();
    }

    /**
     * The dispute as a platform claim: the order is named by the seller's transaction (PayPal knows no store
     * order; {@code invoice_number} where the checkout sent one), the type by PayPal's reason and stage.
     */
    static PlatformClaimNotice notice(String eventType, PaypalDispute dispute, JsonNode resource) {
        String invoice = resource.at("/disputed_transactions/0/invoice_number").asText("");
        boolean closed = PaypalDispute.RESOLVED.equals(dispute.status()) || "CUSTOMER.DISPUTE.RESOLVED".equals(eventType);
        return new PlatformClaimNotice("PAYPAL", null, dispute.id(), invoice.isBlank() ? null : invoice,
                dispute.transactionId(), claimType(dispute), dispute.status(), closed, dispute.sellerResponseDue(),
                dispute.amount(), dispute.currency(), dispute.reason());
    }

    /** PayPal's reason and stage in the claim types arbitration knows. */
    static String claimType(PaypalDispute dispute) {
        String reason = dispute.reason() == null ? "" : dispute.reason();
        if ("UNAUTHORISED".equals(reason)) {
            return "UNAUTHORIZED";
        }
        if ("CHARGEBACK".equals(dispute.stage())) {
            return "CHARGEBACK";
        }
        return switch (reason) {
            case "MERCHANDISE_OR_SERVICE_NOT_RECEIVED" -> "ITEM_NOT_RECEIVED";
            case "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED" -> "NOT_AS_DESCRIBED";
            default -> "OTHER";
        };
    }

    private static ResponseEntity<ProblemDetail> refuse(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
