package com.helloword.aftersales.platform.ebay;

import static com.helloword.aftersales.platform.ebay.EbayApi.PROVIDER;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;

/**

/** The small readings and texts every part of the eBay adapter shares: references, amounts, dates, fields. */
final class EbayValues {

    /** ReasonForRefundEnum of the Fulfillment API; any other reason text is sent as OTHER_ADJUSTMENT. */
    private static final Set<String> REFUND_REASONS = Set.of("BUYER_CANCEL", "SELLER_CANCEL", "ITEM_NOT_RECEIVED",
            "BUYER_RETURN", "ITEM_NOT_AS_DESCRIBED", "OTHER_ADJUSTMENT", "SHIPPING_DISCOUNT");
    private static final int REFUND_COMMENT_LIMIT = 100;

    private EbayValues() {
    }

    /** A short, stable reference to an idempotency key that can stand in texts eBay keeps. */
    static String reference(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "Ref HW-" + HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String withReference(String text, String ref) {
        return text == null || text.isBlank() ? ref : text.strip() + "\n\n" + ref;
    }

    static String refundReason(String reason) {
        String upper = reason == null ? "" : reason.strip().toUpperCase(Locale.ROOT);
        return REFUND_REASONS.contains(upper) ? upper : "OTHER_ADJUSTMENT";
    }

    /** eBay's refund comment holds 100 characters: the reason text, cut if need be, then the reference. */
    static String refundComment(String reason, String enumReason, String ref) {
        if (reason == null || reason.isBlank() || reason.strip().equalsIgnoreCase(enumReason)) {
            return ref;
        }
        String text = reason.strip();
        int room = REFUND_COMMENT_LIMIT - ref.length() - 1;
        return (text.length() > room ? text.substring(0, room - 1) + "…" : text) + " " + ref;
    }

    /** The amount of an eBay Amount: a string in the RESTful APIs, a number in Post-Order. */
    static BigDecimal money(JsonNode amount) {
        JsonNode value = amount.path("value");
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null
                : OrderMoney.decimal(value);
    }

    /** A Post-Order DateTime ({@code {"value": "…"}}) or a plain ISO-8601 string; null when absent. */
    static Instant instant(JsonNode date) {
        String text = (date.isObject() ? date.path("value") : date).asText("");
        if (text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException unreadable) {
                throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "unreadable date " + text, null,
                        unreadable);
            }
        }
    }

    static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = node.path(field).asText("");
            if (!value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    static String requireText(JsonNode node, String... fields) {
        String value = firstText(node, fields);
        if (value == null) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "answer lacks " + String.join(" and ", fields)
                    + ": " + abbreviate(node.toString()));
        }
        return value;
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** Whether a return's response history has the activity, with the reference in its notes if one is given. */
    static boolean hasActivity(JsonNode returnAnswer, String activity, String ref) {
        JsonNode history = returnAnswer.at("/detail/responseHistory");
        if (history.isMissingNode()) {
            history = returnAnswer.path("responseHistory");
        }
        for (JsonNode entry : history) {
            if (activity.equals(entry.path("activity").asText())
                    && (ref == null || entry.path("notes").asText("").contains(ref))) {
                return true;
            }
        }
        return false;
    }
}
