package com.helloword.aftersales.carrier.seventeentrack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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
import com.helloword.aftersales.carrier.TrackingRecorder;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.webhook.WebhookInbox;
import com.helloword.aftersales.integration.webhook.WebhookSignatures;

/**
 * 17TRACK's push ({@code TRACKING_UPDATED}, {@code TRACKING_STOPPED}). Signed with header {@code sign}
 * = hex SHA-256 of the raw body, "/" and the API key. A push has no id of its own; the hash of its
 * body identifies it, so an identical replay is acknowledged and not processed again.
 */
@RestController
class SeventeenTrackWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(SeventeenTrackWebhookController.class);

    private final CredentialStore credentials;
    private final WebhookInbox inbox;
    private final TrackingRecorder recorder;
    private final ObjectMapper objectMapper;

    SeventeenTrackWebhookController(CredentialStore credentials, WebhookInbox inbox, TrackingRecorder recorder,
            ObjectMapper objectMapper) {
        this.credentials = credentials;
        this.inbox = inbox;
        this.recorder = recorder;
        this.objectMapper = objectMapper;
    }

    static String signature(byte[] body, String key) {
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.writeBytes(body);
        signed.writeBytes(("/" + key).getBytes(StandardCharsets.UTF_8));
        return WebhookSignatures.sha256Hex(signed.toByteArray());
    }

    @PostMapping("/api/webhooks/17track")
    ResponseEntity<?> push(@RequestHeader(name = "sign", required = false) String sign,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        String key;
        try {
            key = credentials.require(SeventeenTrackClient.PROVIDER, SeventeenTrackClient.PROVIDER, "api-key")
                    .reveal();
        } catch (ProviderFailure notConfigured) {
            LOG.error("17TRACK push refused: {}", notConfigured.getMessage());
            return refuse(HttpStatus.UNAUTHORIZED, "17TRACK is not configured here");
        }
        if (!WebhookSignatures.matches(signature(raw, key), sign)) {
            return refuse(HttpStatus.UNAUTHORIZED, "missing or wrong signature");
        }
        JsonNode push;
        try {
            push = objectMapper.readTree(raw);
        } catch (IOException e) {
            return refuse(HttpStatus.BAD_REQUEST, "body is not JSON");
        }
        String event = push.path("event").asText("");
        JsonNode data = push.path("data");
        WebhookInbox.Receipt receipt = inbox.receive(SeventeenTrackClient.PROVIDER,
                WebhookSignatures.sha256Hex(raw), event.isEmpty() ? "unknown" : event, null, () -> switch (event) {
                    case "TRACKING_UPDATED" -> recorder.record(SeventeenTrackFormat.snapshot(data), "17track");
                    case "TRACKING_STOPPED" -> "17TRACK stopped tracking " + data.path("number").asText();
                    default -> "ignored event " + event;
                });
        return ResponseEntity.ok(Map.of("outcome", receipt.outcome(), "detail", receipt.detail()));
    }

    private static ResponseEntity<ProblemDetail> refuse(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
