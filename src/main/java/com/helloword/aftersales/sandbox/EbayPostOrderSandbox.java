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
import java.util.Set;
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
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.Store;

/**
 * eBay's Post-Order API v2 for the demo's eBay stores, under {@code /sandbox/ebay/<storeId>}: cases
 * ({@code casemanagement}: get, {@code issue_refund}), item-not-received inquiries (get,
 * {@code issue_refund}, {@code provide_shipment_info}) and returns (search, get with or without
 * {@code fieldgroups=SUMMARY}, {@code decide} APPROVE, DECLINE or OFFER_PARTIAL_REFUND,
 * {@code initiate_shipping_label}, {@code get_shipping_label}, {@code issue_refund}), in eBay's shapes.
 * <p>
 * Claims exist for demo purposes: the case, the inquiry and the return with id {@code 5} followed by
 * the twelve digits of an order id ({@code 12-34567-89012} has {@code 5123456789012}) are that
 * order's; a case or an inquiry needs a shipped order, a return a delivered one (its first line is
 * the item returned). A claim opens the first time it is asked for, a day back; what the seller does
 * is kept in memory: a refunded case or inquiry is closed and refunds what is left of the order (the
 * Fulfillment API shows that refund), tracking moves an inquiry to the buyer, a decision moves a
 * return on and goes into its response history. The return search lists the returns asked for so far
 * and those demo buyers opened themselves (half the delivered orders, each with its own
 * reason of eBay's ReturnReasonEnum). A declined return gets no label, a refunded one closes, and a
 * buyer's change of mind gets no eBay label (the seller's carrier makes it). Like eBay, it takes only {@code IAF} tokens it
 * issued for the store's seller account, and the money calls of EU/UK stores only signed.
 */
@RestController
@RequestMapping("/sandbox/ebay/{storeId}")
@ConditionalOnProperty(name = SandboxEnvironment.ENABLED, havingValue = "true")
class EbayPostOrderSandbox {

    private static final String MARKETPLACE = "X-EBAY-C-MARKETPLACE-ID";
    private static final Pattern CLAIM_ID = Pattern.compile("5(\\d{2})(\\d{5})(\\d{5})");
    private static final Pattern DEMO_ORDER = Pattern.compile("\\d{2}-\\d{5}-\\d{5}");
    private static final String REQUESTED = "RETURN_REQUESTED";
    private static final String APPROVED = "READY_FOR_SHIPPING";
    private static final String DECLINED = "RETURN_REJECTED";
    /** Where the seller may still refund the return (the sandbox's buyers do not ship it back). */
    private static final Set<String> REFUNDABLE = Set.of(REQUESTED, APPROVED, "ITEM_SHIPPED", "ITEM_DELIVERED");
    private static final List<String> REASONS = List.of("DEFECTIVE_ITEM", "ARRIVED_DAMAGED", "DIFFERENT_FROM_LISTING",
            "FOUND_BETTER_PRICE", "ARRIVED_LATE");
    private static final Set<String> REMORSE = Set.of("FOUND_BETTER_PRICE", "ARRIVED_LATE");
    private static final Map<String, String> COMMENTS = Map.of(
            "DEFECTIVE_ITEM", "It stopped working after a few days.",
            "ARRIVED_DAMAGED", "The box was crushed and the item is scratched.",
            "DIFFERENT_FROM_LISTING", "The colour is not the one in the photos.",
            "FOUND_BETTER_PRICE", "I found it cheaper elsewhere.",
            "ARRIVED_LATE", "It came after the date I needed it for.");

    /** A case, an inquiry or a return as far as the seller changed it. */
    static final class Claim {

        private final Instant opened;
        private final List<Map<String, Object>> history = new CopyOnWriteArrayList<>();
        private volatile String status;
        private volatile String carrier;
        private volatile String trackingNumber;

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

    /**
     * The case search, as the claims feed reads it. The sandbox's buyers open no cases by themselves, so the
     * answer is an empty page (the demo's disputes are opened in Tasklist or through the API).
     */
    @GetMapping("/post-order/v2/casemanagement/search")
    ResponseEntity<Object> searchCases(@PathVariable String storeId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace,
            @RequestParam(defaultValue = "25") int limit, @RequestParam(defaultValue = "0") int offset) {
        state.authorize(storeId, authorization, IAF, marketplace);
        if (limit < 1 || limit > 200 || offset < 0) {
            throw postOrderError(400, "limit must be 1 to 200 and offset 0 or more.");
        }
        return ResponseEntity.ok(Map.of("members", List.of(), "paginationOutput", Map.of("limit", limit, "offset",
                offset, "totalEntries", 0, "totalPages", 0)));
    }

    // --- Post-Order: returns ------------------------------------------------------------------

    @GetMapping("/post-order/v2/return/search")
    @Transactional(readOnly = true)
    ResponseEntity<Object> searchReturns(@PathVariable String storeId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace,
            @RequestParam(name = "creation_date_range_from", required = false) String from,
            @RequestParam(name = "creation_date_range_to", required = false) String to,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "25") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        Store store = state.authorize(storeId, authorization, IAF, marketplace);
        Instant now = state.clock().instant();
        Instant start = searchDate(from, now.minus(Duration.ofDays(90)));
        Instant end = searchDate(to, now);
        if (start.isBefore(now.minus(Duration.ofDays(548))) || !start.isBefore(end)) {
            throw postOrderError(400, "creation_date_range_from must be before creation_date_range_to and at most"
                    + " 18 months back.");
        }
        String order = sort == null || sort.isBlank() ? "+FILING_DATE" : sort.strip();
        if (!order.matches("[+-]?FILING_DATE")) {
            throw postOrderError(400, "The sandbox sorts returns by FILING_DATE only (+FILING_DATE, -FILING_DATE).");
        }
        if (limit < 1 || limit > 200 || offset < 0) {
            throw postOrderError(400, "limit must be 1 to 200 and offset 0 or more.");
        }
        List<Map<String, Object>> found = new ArrayList<>();
        List<Instant> opened = new ArrayList<>();
        for (SalesOrder returned : returnedOrders(store)) {
            String returnId = claimIdOf(returned.getPlatformOrderId());
            Claim claim = returnClaim(store, returnId, returned);
            if (!claim.opened.isBefore(start) && !claim.opened.isAfter(end)) {
                found.add(returnSummary(store, returned, returnId, claim));
                opened.add(claim.opened);
            }
        }
        List<Integer> byDate = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            byDate.add(i);
        }
        java.util.Comparator<Integer> filing = java.util.Comparator.<Integer, Instant>comparing(opened::get)
                .thenComparing(i -> (String) found.get(i).get("returnId"));
        byDate.sort(order.startsWith("-") ? filing.reversed() : filing);
        List<Map<String, Object>> members = byDate.stream().skip(offset).limit(limit).map(found::get).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("members", members);
        answer.put("paginationOutput", Map.of("limit", limit, "offset", offset, "totalEntries", found.size(),
                "totalPages", (found.size() + limit - 1) / limit));
        answer.put("totalNumberOfReturns", found.size());
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/post-order/v2/return/{returnId}")
    @Transactional(readOnly = true)
    ResponseEntity<Object> getReturn(@PathVariable String storeId, @PathVariable String returnId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace,
            @RequestParam(required = false) String fieldgroups) {
        Store store = state.authorize(storeId, authorization, IAF, marketplace);
        SalesOrder order = claimOrder(store, "return", returnId, true);
        Claim claim = returnClaim(store, returnId, order);
        Map<String, Object> summary = returnSummary(store, order, returnId, claim);
        if ("SUMMARY".equalsIgnoreCase(fieldgroups)) {
            return ResponseEntity.ok(Map.of("summary", summary));
        }
        OrderLine line = order.getLines().get(0);
        Map<String, Object> refund = postOrderMoney(line.lineTotal(), order.getCurrency());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("buyerLoginName", SandboxValues.username(order.getBuyer()));
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
        Claim claim = returnClaim(store, returnId, order);
        JsonNode decision = state.read(body, true);
        String activity;
        String toState;
        switch (decision.path("decision").asText("")) {
            case "APPROVE" -> {
                activity = "SELLER_APPROVE_REQUEST";
                toState = APPROVED;
            }
            case "DECLINE" -> {
                if (decision.at("/comments/content").asText("").isBlank()) {
                    throw postOrderError(400, "A declined return needs comments for the buyer.");
                }
                activity = "SELLER_DECLINE_REQUEST";
                toState = DECLINED;
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
            default -> throw postOrderError(400, "decision must be APPROVE, DECLINE or OFFER_PARTIAL_REFUND; the"
                    + " sandbox takes no other");
        }
        synchronized (claim) {
            if (!REQUESTED.equals(claim.status)) {
                throw postOrderError(400, "Return " + returnId + " is " + claim.status
                        + "; the seller can no longer decide it.");
            }
            record(claim, activity, toState, decision.at("/comments/content").asText(""));
        }
        return ResponseEntity.ok().build();
    }

    /**
     * eBay's label for an approved return whose reason is the item's (a buyer's change of mind gets none in
     * the sandbox, so the seller's own carrier has to step in); asked again, the same label.
     */
    @PostMapping("/post-order/v2/return/{returnId}/initiate_shipping_label")
    @Transactional(readOnly = true)
    ResponseEntity<Object> initiateShippingLabel(@PathVariable String storeId, @PathVariable String returnId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace) {
        Store store = state.authorize(storeId, authorization, IAF, marketplace);
        SalesOrder order = claimOrder(store, "return", returnId, true);
        Claim claim = returnClaim(store, returnId, order);
        synchronized (claim) {
            if (claim.trackingNumber == null) {
                if (!APPROVED.equals(claim.status)) {
                    throw postOrderError(400, "Return " + returnId + " is " + claim.status + "; an eBay return label"
                            + " needs an approved return.");
                }
                if (REMORSE.contains(reasonOf(order))) {
                    throw postOrderError(400, "Return " + returnId + " is not eligible for an eBay return shipping"
                            + " label.");
                }
                claim.carrier = carrierOf(store);
                claim.trackingNumber = trackingOf(store, returnId);
                record(claim, "SELLER_PROVIDE_LABEL", claim.status, "");
            }
            return ResponseEntity.ok(label(returnId, claim));
        }
    }

    @GetMapping("/post-order/v2/return/{returnId}/get_shipping_label")
    @Transactional(readOnly = true)
    ResponseEntity<Object> getShippingLabel(@PathVariable String storeId, @PathVariable String returnId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace) {
        Store store = state.authorize(storeId, authorization, IAF, marketplace);
        SalesOrder order = claimOrder(store, "return", returnId, true);
        Claim claim = returnClaim(store, returnId, order);
        if (claim.trackingNumber == null) {
            throw postOrderError(404, "No shipping label exists for return " + returnId + ".");
        }
        Map<String, Object> view = new LinkedHashMap<>(label(returnId, claim));
        view.put("labelPrintStatus", "NOT_PRINTED");
        return ResponseEntity.ok(view);
    }

    /** The seller's refund of the return: the amount must add up and fit the estimate; the return closes. */
    @PostMapping("/post-order/v2/return/{returnId}/issue_refund")
    @Transactional(readOnly = true)
    ResponseEntity<Object> refundReturn(@PathVariable String storeId, @PathVariable String returnId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace,
            @RequestBody byte[] body, HttpServletRequest request) {
        Store store = state.authorize(storeId, authorization, IAF, marketplace);
        state.checkSignature(store, request, body, true);
        SalesOrder order = claimOrder(store, "return", returnId, true);
        Claim claim = returnClaim(store, returnId, order);
        JsonNode refund = state.read(body, true).path("refundDetail");
        String currency = order.getCurrency();
        BigDecimal total = decimal(refund.at("/totalAmount/value"), true);
        BigDecimal itemized = BigDecimal.ZERO;
        for (JsonNode item : refund.path("itemizedRefundDetail")) {
            if (item.path("refundFeeType").asText("").isBlank()
                    || !currency.equals(item.at("/refundAmount/currency").asText(""))) {
                throw postOrderError(400, "Each itemizedRefundDetail needs a refundFeeType and a refundAmount in "
                        + currency + ".");
            }
            itemized = itemized.add(decimal(item.at("/refundAmount/value"), true));
        }
        BigDecimal most = order.getLines().get(0).lineTotal();
        if (!currency.equals(refund.at("/totalAmount/currency").asText("")) || total.signum() <= 0
                || total.compareTo(itemized) != 0 || total.compareTo(most) > 0) {
            throw postOrderError(400, "refundDetail.totalAmount must be in " + currency + ", the sum of the"
                    + " itemizedRefundDetail amounts, and at most " + SandboxValues.scaled(most, currency) + ".");
        }
        synchronized (claim) {
            if (!REFUNDABLE.contains(claim.status)) {
                throw postOrderError(400, "Return " + returnId + " is " + claim.status + "; it cannot be refunded.");
            }
            if (total.compareTo(order.total().subtract(state.refunded(store, order))) > 0) {
                throw postOrderError(400, "The refund is more than what is left to refund on the order.");
            }
            state.refund(store, order, total);
            record(claim, "SELLER_ISSUE_REFUND", "CLOSED", state.read(body, true).at("/comments/content")
                    .asText(""));
        }
        return ResponseEntity.ok(Map.of("refundStatus", "SUCCESS"));
    }

    /** A return as the summary of eBay's get and search show it. */
    private Map<String, Object> returnSummary(Store store, SalesOrder order, String returnId, Claim claim) {
        OrderLine line = order.getLines().get(0);
        Map<String, Object> refund = postOrderMoney(line.lineTotal(), order.getCurrency());
        String reason = reasonOf(order);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("returnId", returnId);
        summary.put("orderId", order.getPlatformOrderId());
        summary.put("buyerLoginName", SandboxValues.username(order.getBuyer()));
        summary.put("sellerLoginName", store.getPlatformAccountId());
        summary.put("currentType", "MONEY_BACK");
        summary.put("state", claim.status);
        summary.put("status", claim.status);
        summary.put("creationInfo", Map.of("item", Map.of("itemId", itemId(store, line.getSku()), "transactionId",
                        transactionId(order), "returnQuantity", 1), "type", "MONEY_BACK", "reason", reason,
                "reasonType", REMORSE.contains(reason) ? "REMORSE" : "SNAD", "comments",
                Map.of("content", COMMENTS.getOrDefault(reason, "Please take it back.")),
                "creationDate", date(claim.opened)));
        summary.put("sellerTotalRefund", Map.of("estimatedRefundAmount", refund));
        summary.put("buyerTotalRefund", Map.of("estimatedRefundAmount", refund));
        if (REQUESTED.equals(claim.status)) {
            summary.put("sellerResponseDue", Map.of("activityDue", "SELLER_APPROVE_REQUEST",
                    "respondByDate", date(claim.opened.plus(Duration.ofDays(3)))));
        }
        List<Map<String, Object>> options = new ArrayList<>();
        if (REQUESTED.equals(claim.status)) {
            options.add(Map.of("actionType", "SELLER_APPROVE_REQUEST"));
            options.add(Map.of("actionType", "SELLER_DECLINE_REQUEST"));
            options.add(Map.of("actionType", "SELLER_OFFER_PARTIAL_REFUND"));
        }
        if (REFUNDABLE.contains(claim.status)) {
            options.add(Map.of("actionType", "SELLER_ISSUE_REFUND"));
        }
        summary.put("sellerAvailableOptions", options);
        return summary;
    }

    /**
     * The returns of a store: those asked for already, and the ones demo buyers opened themselves, half the
     * delivered orders (always the same ones).
     */
    private List<SalesOrder> returnedOrders(Store store) {
        String prefix = "return:" + store.getId() + ":";
        List<String> orderIds = new ArrayList<>();
        for (String key : claims.keySet()) {
            Matcher digits = CLAIM_ID.matcher(key.startsWith(prefix) ? key.substring(prefix.length()) : "");
            if (digits.matches()) {
                orderIds.add(digits.group(1) + "-" + digits.group(2) + "-" + digits.group(3));
            }
        }
        for (SalesOrder order : state.orders().findAll()) {
            if (order.getStore().getId().equals(store.getId()) && order.getStatus() == OrderStatus.DELIVERED
                    && DEMO_ORDER.matcher(order.getPlatformOrderId()).matches()
                    && "01234".indexOf(SandboxValues.digits("ebay-return/" + order.getPlatformOrderId(), 1)) >= 0
                    && !orderIds.contains(order.getPlatformOrderId())) {
                orderIds.add(order.getPlatformOrderId());
            }
        }
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return state.orders().findWithLines(store.getId(), orderIds).stream()
                .filter(order -> order.getDeliveredAt() != null && !order.getLines().isEmpty()).toList();
    }

    /** A return opens a day back, though not before its order was delivered. */
    private Claim returnClaim(Store store, String returnId, SalesOrder order) {
        return claims.computeIfAbsent("return:" + store.getId() + ":" + returnId, k -> {
            Instant dayBack = state.clock().instant().minus(Duration.ofDays(1));
            Instant opened = order.getDeliveredAt().isAfter(dayBack) ? order.getDeliveredAt() : dayBack;
            return new Claim(opened.truncatedTo(ChronoUnit.SECONDS), REQUESTED);
        });
    }

    private void record(Claim claim, String activity, String toState, String notes) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("author", "SELLER");
        entry.put("activity", activity);
        entry.put("fromState", claim.status);
        entry.put("toState", toState);
        entry.put("creationDate", date(state.clock().instant()));
        entry.put("notes", notes);
        claim.history.add(entry);
        claim.status = toState;
    }

    private static Map<String, Object> label(String returnId, Claim claim) {
        return Map.of("carrier", claim.carrier, "trackingNumber", claim.trackingNumber, "labelURL",
                "https://www.ebay.com/rt/ShippingLabel?returnId=" + returnId);
    }

    /** The buyer's reason, the same for an order each time (values of eBay's ReturnReasonEnum). */
    private static String reasonOf(SalesOrder order) {
        return REASONS.get(Integer.parseInt(SandboxValues.digits("ebay-reason/" + order.getPlatformOrderId(), 1))
                % REASONS.size());
    }

    private static String carrierOf(Store store) {
        return switch (store.getPlatformMarketplaceId()) {
            case "EBAY_US" -> "USPS";
            case "EBAY_GB" -> "Royal Mail";
            default -> "DHL";
        };
    }

    private static String trackingOf(Store store, String returnId) {
        String digits = SandboxValues.digits("ebay-label/" + store.getId() + "/" + returnId, 20);
        return "EBAY_US".equals(store.getPlatformMarketplaceId()) ? "9405" + digits.substring(0, 18)
                : "00" + digits;
    }

    private static Instant searchDate(String value, Instant absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw postOrderError(400, "The date " + value + " is not in the form 2026-03-10T12:00:00.000Z.");
        }
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
