package com.helloword.aftersales.platform.paypal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;

/**
 * What this system reads of a Disputes v1 {@code dispute} (show dispute details) or a
 * {@code dispute_info} list item; unknown fields are ignored. {@code actions} are the {@code rel}s of
 * the dispute's HATEOAS links, which is how PayPal says what may be done now.
 */
record PaypalDispute(String id, String status, String stage, String reason, BigDecimal amount, String currency,
        Instant sellerResponseDue, String transactionId, String outcome, Set<String> actions,
        List<String> acceptClaimTypes, List<String> offerTypes, BigDecimal offeredAmount, String offeredType,
        BigDecimal allowedRefund, List<String> submittedTrackingNumbers) {

    static final String RESOLVED = "RESOLVED";

    static PaypalDispute of(JsonNode dispute, ProviderClient client) {
        String id = client.require(dispute, "/dispute_id").asText();
        Set<String> actions = new LinkedHashSet<>();
        for (JsonNode link : dispute.path("links")) {
            String rel = link.path("rel").asText("");
            if (!rel.isEmpty() && !"self".equals(rel)) {
                actions.add(rel);
            }
        }
        List<String> tracking = new ArrayList<>();
        for (JsonNode evidence : dispute.path("evidences")) {
            if ("SUBMITTED_BY_SELLER".equals(evidence.path("source").asText())) {
                for (JsonNode info : evidence.at("/evidence_info/tracking_info")) {
                    tracking.add(normalTracking(info.path("tracking_number").asText("")));
                }
            }
        }
        JsonNode transaction = dispute.at("/disputed_transactions/0");
        String transactionId = text(transaction, "seller_transaction_id");
        if (transactionId == null) {
            transactionId = text(transaction, "buyer_transaction_id");
        }
        return new PaypalDispute(id, text(dispute, "status"), text(dispute, "dispute_life_cycle_stage"),
                text(dispute, "reason"), money(dispute.at("/dispute_amount/value"), id),
                text(dispute.path("dispute_amount"), "currency_code"),
                time(dispute.path("seller_response_due_date"), id), transactionId,
                text(dispute.path("dispute_outcome"), "outcome_code"), Set.copyOf(actions),
                strings(dispute.at("/allowed_response_options/accept_claim/accept_claim_types")),
                strings(dispute.at("/allowed_response_options/make_offer/offer_types")),
                money(dispute.at("/offer/seller_offered_amount/value"), id), text(dispute.path("offer"), "offer_type"),
                money(dispute.at("/refund_details/allowed_refund_amount/value"), id), List.copyOf(tracking));
    }

    /** The dispute as the processes see any platform's claim; the type says PayPal and the stage. */
    PlatformClaim claim() {
        return new PlatformClaim(id, "PAYPAL_" + (stage == null ? "DISPUTE" : stage), status, reason, amount,
                currency, sellerResponseDue, transactionId);
    }

    boolean allows(String action) {
        return actions.contains(action);
    }

    boolean resolved() {
        return RESOLVED.equals(status);
    }

    boolean hasSellerTracking(String trackingNumber) {
        return submittedTrackingNumbers.contains(normalTracking(trackingNumber));
    }

    /** For messages: what PayPal offers now, e.g. {@code accept_claim, make_offer} or {@code none}. */
    String allowedActions() {
        List<String> names = new ArrayList<>(actions);
        names.sort(null);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    String where() {
        return "dispute " + id + " (status " + status + ", stage " + stage + ")";
    }

    static String normalTracking(String number) {
        return number.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    private static BigDecimal money(JsonNode value, String id) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new ProviderFailure(PaypalApi.PROVIDER, Kind.MALFORMED, 200, "dispute " + id
                    + " has an amount that is not a number: " + value.asText());
        }
    }

    private static Instant time(JsonNode value, String id) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProviderFailure(PaypalApi.PROVIDER, Kind.MALFORMED, 200, "dispute " + id
                    + " has a time that is not RFC 3339: " + value.asText());
        }
    }
}
