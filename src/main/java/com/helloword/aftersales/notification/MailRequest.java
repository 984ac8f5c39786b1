package com.helloword.aftersales.notification;

import java.util.Map;
import java.util.Objects;

/**
 * A step's decision to send a mail. The idempotency key names the decision (e.g.
 * {@code case:AS-123:firstReply}) so that a step that runs twice queues it once. The model holds ids
 * and small values only; personal data is looked up when the mail goes out.
 */
public record MailRequest(String idempotencyKey, Long caseId, String template, String language,
        RecipientType recipientType, String recipientRef, Map<String, Object> model) {

    public MailRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(recipientType, "recipientType");
        Objects.requireNonNull(recipientRef, "recipientRef");
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("idempotencyKey must be 1 to 200 characters");
        }
        model = model == null ? Map.of() : Map.copyOf(model);
        language = language == null || language.isBlank() ? MailTemplates.FALLBACK_LANGUAGE : language;
    }
}
