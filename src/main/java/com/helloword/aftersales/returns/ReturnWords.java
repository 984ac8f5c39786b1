package com.helloword.aftersales.returns;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.casefile.Platform;

/**
 * The codes of a return in the words the team reads in Tasklist ("Review return", "Inspect the return", ...):
 * reasons, refusal reasons, sources, statuses, outcomes and timeline steps. The API keeps the codes; the
 * buyer's words are in the templates (templates/mail/return-*, templates/pages/buyer-return). A code without
 * a word here is shown as itself in lower case with spaces ({@code NEW_CODE} → "New code"), never raw.
 */
final class ReturnWords {

    private static final Map<String, String> REASONS = Map.of(
            "CHANGED_MIND", "Changed their mind", "SIZE_FIT", "Wrong size or fit", "COLOR_MISMATCH",
            "Colour not as expected", "DEFECTIVE", "Defective", "DAMAGED", "Arrived damaged", "WRONG_ITEM",
            "Wrong item sent", "MISSING_PARTS", "Parts missing", "NOT_AS_DESCRIBED", "Not as described", "RECALL",
            "Product recall");
    private static final Map<String, String> REFUSALS = Map.of(
            "WINDOW_PASSED", "The return period has passed", "NON_RETURNABLE",
            "Not returnable unless faulty (hygiene or made to order)", "UNKNOWN_REASON", "The reason is not one we know");
    private static final Map<String, String> SOURCES = Map.of(
            "AGENT_REMEDY", "An agent's remedy", "DISPUTE", "A dispute", "RECALL", "A recall", "PLATFORM",
            "Opened on the platform", "SELF_SERVICE", "The buyer's self-service page");
    private static final Map<String, String> STATUSES = Map.of(
            "REQUESTED", "Requested", "REFUSED", "Refused", "AWAITING_APPROVAL", "Waiting for an agent's approval",
            "APPROVED", "Approved", "LABEL_SENT", "Label sent", "RECEIVED", "Parcel received", "INSPECTED", "Inspected",
            "CLOSED", "Closed");
    private static final Map<String, String> OUTCOMES = Map.of(
            "REFUND", "Refund", "PARTIAL_REFUND", "Partial refund", "EXCHANGE", "Exchange", "REJECTED",
            "Rejected after inspection", "REFUSED", "Refused", "NOT_RETURNED", "Not returned", "CANCELLED", "Cancelled");
    private static final Map<String, String> WANTED = Map.of("REFUND", "a refund", "EXCHANGE", "an exchange");
    private static final Map<String, String> PAYERS = Map.of("BUYER", "the buyer", "SELLER", "the seller");
    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry("REQUESTED", "Requested"), Map.entry("FROM_PLATFORM", "Opened on the platform"),
            Map.entry("ON_PLATFORM", "Also opened on the platform"), Map.entry("SERIAL_RETURNER", "Serial returner"),
            Map.entry("ELIGIBLE", "Within the policy"), Map.entry("REFUSED", "Refused by the policy"),
            Map.entry("ROUTED", "Sent for review"), Map.entry("BUYER_TOLD", "Buyer told"),
            Map.entry("APPROVED", "Approved by an agent"), Map.entry("REFUSAL_CONFIRMED", "Refusal confirmed"),
            Map.entry("ACCEPTED_ON_PLATFORM", "Accepted on the platform"),
            Map.entry("DECLINED_ON_PLATFORM", "Declined on the platform"),
            Map.entry("DECLINE_BY_HAND", "To decline by hand"), Map.entry("LABEL_SENT", "Label sent"),
            Map.entry("CARRIER_LABEL", "Label by the carrier"), Map.entry("LABEL_ON_PLATFORM", "Label on the platform"),
            Map.entry("TRACKING", "Parcel tracking"), Map.entry("REMINDED", "Buyer reminded"),
            Map.entry("LATE", "Late"), Map.entry("RECEIVED", "Parcel received"), Map.entry("INSPECTED", "Inspected"),
            Map.entry("PARTIAL", "Partial refund"), Map.entry("REFUNDED", "Refunded"),
            Map.entry("REFUND_BY_HAND", "To refund by hand"), Map.entry("REFUND_WAITS", "Refund may wait"),
            Map.entry("REFUND_DUE_SOON", "Refund due soon"), Map.entry("EXCHANGE_ORDERED", "Exchange ordered"),
            Map.entry("EXCHANGE_BY_HAND", "To send the exchange by hand"),
            Map.entry("EXCHANGE_SHIPPED", "Exchange shipped"), Map.entry("OVER_ON_PLATFORM", "Over on the platform"),
            Map.entry("SCANNED_AFTER_CLOSE", "Parcel came after closing"), Map.entry("CLOSED", "Closed"));

    /** Codes as they appear inside a timeline detail, in the words of a sentence. */
    private static final Map<String, String> IN_TEXT = new HashMap<>();
    /** An upper-case code standing alone (not part of a SKU, a tracking number or a word). */
    private static final Pattern CODE = Pattern.compile("(?<![\\p{L}\\p{N}_-])[A-Z][A-Z_]+(?![\\p{L}\\p{N}_-])");

    static {
        for (Map<String, String> words : List.of(REASONS, REFUSALS, SOURCES, OUTCOMES)) {
            words.forEach((code, word) -> IN_TEXT.put(code, lowerFirst(word)));
        }
        IN_TEXT.put("REFUND", "refund");
        IN_TEXT.put("RECALL", "product recall");
        IN_TEXT.putAll(PAYERS);
        IN_TEXT.put("AMAZON", "Amazon");
        IN_TEXT.put("EBAY", "eBay");
        IN_TEXT.put("SHOPIFY", "Shopify");
        IN_TEXT.put("ALIEXPRESS", "AliExpress");
        for (TrackingStatus status : TrackingStatus.values()) {
            IN_TEXT.putIfAbsent(status.name(), lowerFirst(humanised(status.name())));
        }
        for (Platform platform : Platform.values()) {
            IN_TEXT.putIfAbsent(platform.name(), humanised(platform.name()));
        }
    }

    private ReturnWords() {
    }

    static String reason(String code) {
        return word(REASONS, code);
    }

    static String refusal(String code) {
        return word(REFUSALS, code);
    }

    static String source(String code) {
        return word(SOURCES, code);
    }

    static String status(String code) {
        return word(STATUSES, code);
    }

    static String outcome(String code) {
        return word(OUTCOMES, code);
    }

    /** What the buyer wants, to follow "wants": "a refund", "an exchange". */
    static String wanted(String code) {
        return WANTED.getOrDefault(code, lowerFirst(humanised(code)));
    }

    /** Who pays the postage: "the buyer", "the seller". */
    static String payer(String code) {
        return PAYERS.getOrDefault(code, lowerFirst(humanised(code)));
    }

    static String step(String code) {
        return word(STEPS, code);
    }

    /**
     * A timeline detail with the codes it names put in words ("SELF_SERVICE: CHANGED_MIND, wants REFUND" →
     * "the buyer's self-service page: changed their mind, wants refund"); everything else stays as written.
     */
    static String inText(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher codes = CODE.matcher(detail);
        StringBuilder out = new StringBuilder();
        while (codes.find()) {
            codes.appendReplacement(out, Matcher.quoteReplacement(IN_TEXT.getOrDefault(codes.group(), codes.group())));
        }
        codes.appendTail(out);
        return out.toString();
    }

    private static String word(Map<String, String> words, String code) {
        if (code == null) {
            return null;
        }
        return words.getOrDefault(code, humanised(code));
    }

    /** {@code NEW_CODE} → "New code". */
    static String humanised(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String lowerFirst(String word) {
        return word.isEmpty() ? word : Character.toLowerCase(word.charAt(0)) + word.substring(1);
    }
}
