package com.helloword.aftersales.sandbox;

import static com.helloword.aftersales.sandbox.EbaySandboxState.IAF;
import static com.helloword.aftersales.sandbox.EbayWire.date;
import static com.helloword.aftersales.sandbox.EbayWire.decimal;
import static com.helloword.aftersales.sandbox.EbayWire.itemId;
import static com.helloword.aftersales.sandbox.EbayWire.postOrderError;
import static com.helloword.aftersales.sandbox.EbayWire.postOrderMoney;
import static com.helloword.aftersales.sandbox.EbayWire.transactionId;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.OrderLine;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.Store;

/**
 * eBay's Post-Order API v2 for the demo's eBay stores, under {@code /sandbox/ebay/<storeId>}: cases
 * ({@code casemanagement}: get, {@code issue_refund}), item-not-received inquiries (get,
 * {@code issue_refund}, {@code provide_shipment_info}) and returns (get with or without
 * {@code fieldgroups=SUMMARY}, {@code decide} APPROVE or OFFER_PARTIAL_REFUND), in eBay's shapes.
 * <p>
 * Claims exist for demo purposes: the case, the inquiry and the return with id {@code 5} followed by
 * the twelve digits of an order id ({@code 12-34567-89012} has {@code 5123456789012}) are that
 * order's; a case or an inquiry needs a shipped order, a return a delivered one (its first line is
 * the item returned). A claim opens the first time it is asked for, a day back; what the seller does
 * is kept in memory: a refunded case or inquiry is closed and refunds what is left of the order (the
 * Fulfillment API shows that refund), tracking moves an inquiry to the buyer, a decision moves a
 * return on and goes into its response history. Like eBay, it takes only {@code IAF} tokens it
 * issued for the store's seller account, and the money calls of EU/UK stores only signed.
 */
@RestController
@RequestMapping("/sandbox/ebay/{storeId}")
@ConditionalOnProperty(name = SandboxEnvironment.ENABLED, havingValue = "true")
class EbayPostOrderSandbox {

    private static final String MARKETPLACE = "X-EBAY-C-MARKETPLACE-ID";
    private static final Pattern CLAIM_ID = Pattern.compile("5(\\d{2})(\\d{5})(\\d{5})");
    private static final String REQUESTED = "RETURN_REQUESTED";

    /** A case, an inquiry or a return as far as the seller changed it. */
    static final class Claim {

        private final Instant opened;
        private final List<Map<String, Object>> history = new CopyOnWriteArrayList<>();
        private volatile String status;

        Claim(Instant opened, String status) {
            this.opened = opened;
            this.status = status;
        }
    }

    private final EbaySandboxState state;
    /** kind:store:id → claim */
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    EbayPostOrderSandbox(EbaySandboxState state) {
        this.state = state;
    }

    /** The id of the demo case, inquiry or return about an order: {@code 5} and the order id's digits. */
    static String claimIdOf(String orderId) {
        return "5" + orderId.replace("-", "");
    }

    @ExceptionHandler(SandboxRefusal.class)
    ResponseEntity<Object> refused(SandboxRefusal refusal) {
        return refusal.response();
    }

    // --- Post-Order: cases --------------------------------------------------------------------

    @GetMapping("/post-order/v2/casemanagement/{caseId}")
    @Transactional(readOnly = true)
    ResponseEntity<Object> getCase(@PathVariable String storeId, @PathVariable String caseId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace) {
        Store store = state.authorize(storeId, authorization, IAF, marketplace);
        SalesOrder order = claimOrder(store, "case", caseId, false);
        Claim claim = claim(store, "case", caseId, "OPEN");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseId", caseId);
        view.put("caseType", "ITEM_NOT_RECEIVED");
        view.put("status", claim.status);
        view.put("itemId", itemId(store, EbayWire.firstSku(order)));
        view.put("transactionId", transactionId(order));
        view.put("caseQuantity", 1);
        view.put("claimAmount", postOrderMoney(order.total(), order.getCurrency()));
        view.put("initiator", "BUYER");
        view.put("buyer", SandboxValues.username(order.getBuyer()));
        view.put("seller", store.getPlatformAccountId());
        view.put("escalateReason", "ITEM_NOT_RECEIVED");
        view.put("itemOnHold", false);
        view.put("creationDate", date(claim.opened));
        view.put("caseDetails", Map.of("creationDate", date(claim.opened), "escalationDate", date(claim.opened),
                "expirationDate", date(claim.opened.plus(Duration.ofDays(3))), "buyerInitExpectResolution",
                "MONEY_BACK"));
        view.put("actionDeadlines", Map.of("daysToExpireWithoutResponse", 3, "daysToExpireWithResponse", 10));
        List<Map<String, Object>> history = new ArrayList<>();
        history.add(Map.of("date", date(claim.opened), "action", "BUYER_ESCALATE", "actor", "BUYER"));
        history.addAll(claim.history);
        view.put("caseHistoryDetails", Map.of("history", history));
        return ResponseEntity.ok(view);
    }

    @PostMapping("/post-order/v2/casemanagement/{caseId}/issue_refund")
    @Transactional(readOnly = true)
    ResponseEntity<Object> refundCase(@PathVariable String storeId, @PathVariable String caseId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        Store store = state.authorize(storeId, authorization, IAF, marketplace);
        state.checkSignature(store, request, body, true);
        SalesOrder order = claimOrder(store, "case", caseId, false);
        refundClaim(store, order, claim(store, "case", caseId, "OPEN"), "case", "SELLER_ISSUE_REFUND", "CLOSED");
        return ResponseEntity.ok(Map.of("refundResult", Map.of("refundSource", "SELLER_PAYMENT_METHOD",
                "refundStatus", "SUCCESS")));
    }

    // --- Post-Order: inquiries ----------------------------------------------------------------

    @GetMapping("/post-order/v2/inquiry/{inquiryId}")
    @Transactional(readOnly = true)
    ResponseEntity<Object> getInquiry(@PathVariable String storeId, @PathVariable String inquiryId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace) {
        Store store = state.authorize(storeId, authorization, IAF, marketplace);
        SalesOrder order = claimOrder(store, "inquiry", inquiryId, false);
        Claim claim = claim(store, "inquiry", inquiryId, "WAITING_SELLER_RESPONSE");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("inquiryId", inquiryId);
        view.put("itemId", itemId(store, EbayWire.firstSku(order)));
        view.put("transactionId", transactionId(order));
        view.put("buyer", SandboxValues.username(order.getBuyer()));
        view.put("seller", store.getPlatformAccountId());
        view.put("initiator", "BUYER");
        view.put("creationReason", "ITEM_NOT_RECEIVED");
        view.put("state", "CLOSED".equals(claim.status) ? "CLOSED" : "CREATED");
        view.put("status", claim.status);
        view.put("inquiryQuantity", 1);
        view.put("claimAmount", postOrderMoney(order.total(), order.getCurrency()));
        view.put("sellerMakeItRightByDate", date(claim.opened.plus(Duration.ofDays(3))));
        view.put("inquiryDetails", Map.of("creationDate", date(claim.opened),
                "expirationDate", date(claim.opened.plus(Duration.ofDays(14)))));
        List<Map<String, Object>> history = new ArrayList<>();
        history.add(Map.of("date", date(claim.opened), "action", "BUYER_CREATE_INQUIRY", "actor", "BUYER"));
        history.addAll(claim.history);
        view.put("inquiryHistoryDetails", Map.of("history", history));
        return ResponseEntity.ok(view);
    }

    @PostMapping("/post-order/v2/inquiry/{inquiryId}/issue_refund")
    @Transactional(readOnly = true)
    ResponseEntity<Object> refundInquiry(@PathVariable String storeId, @PathVariable String inquiryId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        Store store = state.authorize(storeId, authorization, IAF, marketplace);
        state.checkSignature(store, request, body, true);
        SalesOrder order = claimOrder(store, "inquiry", inquiryId, false);
        refundClaim(store, order, claim(store, "inquiry", inquiryId, "WAITING_SELLER_RESPONSE"), "inquiry",
                "SELLER_ISSUE_REFUND", "CLOSED");
        return ResponseEntity.ok(Map.of("refundResult", Map.of("refundSource", "SELLER_PAYMENT_METHOD",
                "refundStatus", "SUCCESS")));
    }

    @PostMapping("/post-order/v2/inquiry/{inquiryId}/provide_shipment_info")
    @Transactional(readOnly = true)
    ResponseEntity<Object> provideShipmentInfo(@PathVariable String storeId, @PathVariable String inquiryId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace, @RequestBody JsonNode body) {
        Store store = state.authorize(storeId, authorization, IAF, marketplace);
        claimOrder(store, "inquiry", inquiryId, false);
        Claim claim = claim(store, "inquiry", inquiryId, "WAITING_SELLER_RESPONSE");
        if (body.path("shippingCarrierName").asText("").isBlank() || body.path("trackingNumber").asText("")
                .isBlank()) {
            throw postOrderError(400, "shippingCarrierName and trackingNumber are required.");
        }
        synchronized (claim) {
            if ("CLOSED".equals(claim.status)) {
                throw postOrderError(400, "Inquiry " + inquiryId + " is closed.");
            }
            claim.history.add(Map.of("date", date(state.clock().instant()), "action", "SELLER_PROVIDE_SHIPMENT_INFO",
                    "actor", "SELLER"));
            claim.status = "WAITING_BUYER_RESPONSE";
        }
        return ResponseEntity.ok().build();
    }

    // --- Post-Order: returns ------------------------------------------------------------------

    @GetMapping("/post-order/v2/return/{returnId}")
    @Transactional(readOnly = true)
    ResponseEntity<Object> getReturn(@PathVariable String storeId, @PathVariable String returnId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace,
            @RequestParam(required = false) String fieldgroups) {
        Store store = state.authorize(storeId, authorization, IAF, marketplace);
        SalesOrder order = claimOrder(store, "return", returnId, true);
        Claim claim = claim(store, "return", returnId, REQUESTED);
        OrderLine line = order.getLines().get(0);
        Map<String, Object> refund = postOrderMoney(line.lineTotal(), order.getCurrency());
        String buyer = SandboxValues.username(order.getBuyer());
        boolean open = REQUESTED.equals(claim.status);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("returnId", returnId);
        summary.put("orderId", order.getPlatformOrderId());
        summary.put("buyerLoginName", buyer);
        summary.put("sellerLoginName", store.getPlatformAccountId());
        summary.put("currentType", "MONEY_BACK");
        summary.put("state", claim.status);
        summary.put("status", claim.status);
        summary.put("creationInfo", Map.of("item", Map.of("itemId", itemId(store, line.getSku()), "transactionId",
                        transactionId(order), "returnQuantity", 1), "type", "MONEY_BACK", "reason", "DEFECTIVE_ITEM",
                "reasonType", "SNAD", "comments", Map.of("content", "It stopped working after a few days."),
                "creationDate", date(claim.opened)));
        summary.put("sellerTotalRefund", Map.of("estimatedRefundAmount", refund));
        summary.put("buyerTotalRefund", Map.of("estimatedRefundAmount", refund));
        if (open) {
            summary.put("sellerResponseDue", Map.of("activityDue", "SELLER_APPROVE_REQUEST",
                    "respondByDate", date(claim.opened.plus(Duration.ofDays(3)))));
        }
        summary.put("sellerAvailableOptions", open ? List.of(Map.of("actionType", "SELLER_APPROVE_REQUEST"),
                Map.of("actionType", "SELLER_OFFER_PARTIAL_REFUND")) : List.of());
        if ("SUMMARY".equalsIgnoreCase(fieldgroups)) {
            return ResponseEntity.ok(Map.of("summary", summary));
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("buyerLoginName", buyer);
        detail.put("marketplaceId", store.getPlatformMarketplaceId());
        detail.put("itemDetail", Map.of("itemId", itemId(store, line.getSku()), "transactionId",
                transactionId(order), "itemTitle", SandboxValues.title(line.getSku())));
        detail.put("refundInfo", Map.of("estimatedRefundDetail", Map.of("itemizedRefundDetails",
                List.of(Map.of("refundFeeType", "PURCHASE_PRICE", "estimatedAmount", refund)))));
        detail.put("responseHistory", List.copyOf(claim.history));
        return ResponseEntity.ok(Map.of("summary", summary, "detail", detail));
    }

    @PostMapping("/post-order/v2/return/{returnId}/decide")
    @Transactional(readOnly = true)
    ResponseEntity<Object> decide(@PathVariable String storeId, @PathVariable String returnId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace,
            @RequestBody byte[] body, HttpServletRequest request) {
        Store store = state.authorize(storeId, authorization, IAF, marketplace);
        state.checkSignature(store, request, body, true);
        SalesOrder order = claimOrder(store, "return", returnId, true);
        Claim claim = claim(store, "return", returnId, REQUESTED);
        JsonNode decision = state.read(body, true);
        String activity;
        String toState;
        switch (decision.path("decision").asText("")) {
            case "APPROVE" -> {
                activity = "SELLER_APPROVE_REQUEST";
                toState = "READY_FOR_SHIPPING";
            }
            case "OFFER_PARTIAL_REFUND" -> {
                JsonNode amount = decision.path("partialRefundAmount");
                BigDecimal value = decimal(amount.path("value"), true);
                BigDecimal most = order.getLines().get(0).lineTotal();
                if (!order.getCurrency().equals(amount.path("currency").asText(""))
                        || value.signum() <= 0 || value.compareTo(most) > 0) {
                    throw postOrderError(400, "partialRefundAmount must be in " + order.getCurrency()
                            + ", above 0 and at most " + SandboxValues.scaled(most, order.getCurrency()));
                }
                activity = "SELLER_OFFER_PARTIAL_REFUND";
                toState = "PARTIAL_REFUND_REQUESTED";
            }
            default -> throw postOrderError(400, "decision must be APPROVE or OFFER_PARTIAL_REFUND; the sandbox"
                    + " takes no other");
        }
        synchronized (claim) {
            if (!REQUESTED.equals(claim.status)) {
                throw postOrderError(400, "Return " + returnId + " is " + claim.status
                        + "; the seller can no longer decide it.");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("author", "SELLER");
            entry.put("activity", activity);
            entry.put("fromState", claim.status);
            entry.put("toState", toState);
            entry.put("creationDate", date(state.clock().instant()));
            entry.put("notes", decision.at("/comments/content").asText(""));
            claim.history.add(entry);
            claim.status = toState;
        }
        return ResponseEntity.ok().build();
    }

    // --- claims, shared -----------------------------------------------------------------------

    /** The order a claim id names; a case or inquiry needs it shipped, a return delivered. */
    private SalesOrder claimOrder(Store store, String kind, String claimId, boolean delivered) {
        Matcher digits = CLAIM_ID.matcher(claimId);
        SalesOrder order = !digits.matches() ? null : state.orders().findWithLines(store.getId(),
                digits.group(1) + "-" + digits.group(2) + "-" + digits.group(3)).orElse(null);
        if (order == null || order.getShippedAt() == null || (delivered && order.getDeliveredAt() == null)
                || order.getLines().isEmpty()) {
            throw postOrderError(404, "The " + kind + " id " + claimId + " is invalid.");
        }
        return order;
    }

    private Claim claim(Store store, String kind, String claimId, String initialStatus) {
        return claims.computeIfAbsent(kind + ":" + store.getId() + ":" + claimId,
                k -> new Claim(state.clock().instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS),
                        initialStatus));
    }

    /** Refunds what is left of the order, up to its total, and closes the claim. */
    private void refundClaim(Store store, SalesOrder order, Claim claim, String kind, String action,
            String closed) {
        synchronized (claim) {
            if (closed.equals(claim.status)) {
                throw postOrderError(400, "The " + kind + " is closed already.");
            }
            state.refundRest(store, order);
            claim.history.add(Map.of("date", date(state.clock().instant()), "action", action, "actor", "SELLER"));
            claim.status = closed;
        }
    }
}
