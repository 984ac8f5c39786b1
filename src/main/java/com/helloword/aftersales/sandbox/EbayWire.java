package com.helloword.aftersales.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.Store;

/**
 * eBay's wire format as the sandbox writes it: amounts (a string in the RESTful APIs, a number in
 * Post-Order), Post-Order dates, the error bodies of both families, and the ids eBay has and the
 * case file does not (listing, offer and transaction ids), derived from the store, SKU and order so
 * they stay the same from call to call.
 */
final class EbayWire {

    static final int ITEM_NOT_FOUND = 25710;
    static final int OFFER_NOT_FOUND = 25713;
    static final int ALREADY_REFUNDED = 34917;
    static final int INVALID_TOKEN = 1001;

    private EbayWire() {
    }

    /** Money of the RESTful APIs: the value as a string. */
    static Map<String, Object> money(BigDecimal amount, String currency) {
        return Map.of("value", SandboxValues.scaled(amount, currency).toPlainString(), "currency", currency);
    }

    /** Money of Post-Order: the value as a number. */
    static Map<String, Object> postOrderMoney(BigDecimal amount, String currency) {
        return Map.of("value", SandboxValues.scaled(amount, currency), "currency", currency);
    }

    /** A Post-Order DateTime. */
    static Map<String, Object> date(Instant instant) {
        return Map.of("value", SandboxValues.millis(instant));
    }

    /** The listing (legacy item id) of a SKU in a store: twelve digits. */
    static String itemId(Store store, String sku) {
        return "11" + SandboxValues.digits("item/" + store.getId() + "/" + sku, 10);
    }

    static String offerId(Store store, String sku) {
        return "60" + SandboxValues.digits("offer/" + store.getId() + "/" + sku, 8);
    }

    static String transactionId(SalesOrder order) {
        return "20" + SandboxValues.digits("transaction/" + order.getPlatformOrderId(), 11);
    }

    static String firstSku(SalesOrder order) {
        return order.getLines().isEmpty() ? "" : order.getLines().get(0).getSku();
    }

    /** An amount from a request, a string or a number; refused in the API family's error form. */
    static BigDecimal decimal(JsonNode value, boolean postOrder) {
        try {
            return new BigDecimal(value.asText("").strip());
        } catch (NumberFormatException e) {
            String message = "The amount value " + value + " is not a number.";
            throw postOrder ? postOrderError(400, message) : restError(400, null, message);
        }
    }

    /** One error of the RESTful APIs ({@code errorId} only where the sandbox uses eBay's own). */
    static Map<String, Object> error(Integer errorId, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (errorId != null) {
            error.put("errorId", errorId);
        }
        boolean inventory = errorId != null && (errorId == ITEM_NOT_FOUND || errorId == OFFER_NOT_FOUND);
        error.put("domain", inventory ? "API_INVENTORY" : errorId != null && errorId == INVALID_TOKEN ? "OAuth"
                : "API_SANDBOX");
        error.put("category", "REQUEST");
        error.put("message", message);
        return error;
    }

    /** A RESTful API's refusal: {@code {"errors": [...]}}. */
    static SandboxRefusal restError(int status, Integer errorId, String message) {
        return new SandboxRefusal(status, Map.of("errors", List.of(error(errorId, message))));
    }

    /** The refusal of a token that is not one the sandbox issued for the store's seller account. */
    static SandboxRefusal invalidToken() {
        Map<String, Object> error = error(INVALID_TOKEN, "Invalid access token");
        error.put("longMessage", "Invalid access token. Check the value of the Authorization HTTP request header.");
        return new SandboxRefusal(401, Map.of("errors", List.of(error)));
    }

    /** A Post-Order refusal: {@code {"error": [...]}}. */
    static SandboxRefusal postOrderError(int status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("domain", "returnErrorDomain");
        error.put("severity", "ERROR");
        error.put("category", "REQUEST");
        error.put("message", message);
        return new SandboxRefusal(status, Map.of("error", List.of(error)));
    }
}
