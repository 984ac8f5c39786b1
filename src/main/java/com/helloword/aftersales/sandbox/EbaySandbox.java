package com.helloword.aftersales.sandbox;

import static com.helloword.aftersales.sandbox.EbaySandboxState.BEARER;
import static com.helloword.aftersales.sandbox.EbayWire.ITEM_NOT_FOUND;
import static com.helloword.aftersales.sandbox.EbayWire.OFFER_NOT_FOUND;
import static com.helloword.aftersales.sandbox.EbayWire.decimal;
import static com.helloword.aftersales.sandbox.EbayWire.error;
import static com.helloword.aftersales.sandbox.EbayWire.itemId;
import static com.helloword.aftersales.sandbox.EbayWire.money;
import static com.helloword.aftersales.sandbox.EbayWire.offerId;
import static com.helloword.aftersales.sandbox.EbayWire.restError;
import static com.helloword.aftersales.sandbox.EbayWire.transactionId;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.sandbox.EbaySandboxState.Refund;

/**
 * eBay's RESTful APIs for the demo's eBay stores, under {@code /sandbox/ebay/<storeId>} (where
 * {@link SandboxStoreRouting} points them), in eBay's own shapes: the OAuth refresh-token grant
 * (Identity v1), Sell Fulfillment v1 {@code getOrder} and {@code issue_refund}, Sell Inventory v1
 * {@code inventory_item}, {@code offer} and {@code bulk_update_price_quantity}, and Commerce Message v1
 * conversations and {@code send_message}. Post-Order is {@link EbayPostOrderSandbox}.
 * <p>
 * Orders are the case file's; totals come from their lines. Refunds ({@link EbaySandboxState}),
 * stock and conversations are kept in memory. Each demo store sells every SKU it has sold, 25 in
 * stock, as one published offer. Like eBay, it takes only {@code Bearer} tokens it issued for the
 * store's seller account, wants the store's {@code X-EBAY-C-MARKETPLACE-ID}, and refunds for EU/UK
 * stores only with a valid digital signature.
 */
@RestController
@RequestMapping("/sandbox/ebay/{storeId}")
@ConditionalOnProperty(name = SandboxEnvironment.ENABLED, havingValue = "true")
class EbaySandbox {

    static final int STOCK = 25;
    static final String TOKEN_PATH = "/identity/v1/oauth2/token";

    private static final String MARKETPLACE = "X-EBAY-C-MARKETPLACE-ID";
    private static final Set<String> REFUND_REASONS = Set.of("BUYER_CANCEL", "SELLER_CANCEL", "ITEM_NOT_RECEIVED",
            "BUYER_RETURN", "ITEM_NOT_AS_DESCRIBED", "OTHER_ADJUSTMENT", "SHIPPING_DISCOUNT");
    private static final int MESSAGE_LIMIT = 2000;

    /** One message of a conversation. */
    record Message(String id, String body, String sender, String recipient, Instant at) {
    }

    /** One buyer's conversation with the seller about one listing. */
    record Conversation(String id, String storeId, String buyer, String referenceId, Instant created,
            List<Message> messages) {
    }

    private final EbaySandboxState state;
    private final SalesOrderRepository orders;
    /** store|sku → quantity of the inventory item; offer id → quantity of the offer */
    private final Map<String, Integer> itemStock = new ConcurrentHashMap<>();
    private final Map<String, Integer> offerStock = new ConcurrentHashMap<>();
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();

    EbaySandbox(EbaySandboxState state) {
        this.state = state;
        this.orders = state.orders();
    }

    @ExceptionHandler(SandboxRefusal.class)
    ResponseEntity<Object> refused(SandboxRefusal refusal) {
        return refusal.response();
    }

    // --- Identity: refresh-token grant --------------------------------------------------------

    @PostMapping(TOKEN_PATH)
    ResponseEntity<Object> token(@PathVariable String storeId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam Map<String, String> form) {
        String ref = state.store(storeId).getCredentialsRef();
        String id = state.credential(ref, "client-id");
        String secret = state.credential(ref, "client-secret");
        String basic = "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        if (id == null || secret == null || !basic.equals(authorization)) {
            throw new SandboxRefusal(401, Map.of("error", "invalid_client",
                    "error_description", "client authentication failed"));
        }
        if (!"refresh_token".equals(form.get("grant_type"))) {
            throw new SandboxRefusal(400, Map.of("error", "unsupported_grant_type",
                    "error_description", "grant type in request is not supported by the authorization server"));
        }
        String refreshToken = state.credential(ref, "refresh-token");
        if (refreshToken == null || !refreshToken.equals(form.get("refresh_token"))) {
            throw new SandboxRefusal(400, Map.of("error", "invalid_grant", "error_description",
                    "the provided authorization refresh token is invalid or was issued to another client"));
        }
        return ResponseEntity.ok(Map.of("access_token", state.issueToken(ref), "expires_in", 7200, "token_type",
                "User Access Token"));
    }

    // --- Sell Fulfillment ---------------------------------------------------------------------

    @GetMapping("/sell/fulfillment/v1/order/{orderId}")
    @Transactional(readOnly = true)
    ResponseEntity<Object> getOrder(@PathVariable String storeId, @PathVariable String orderId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace) {
        Store store = state.authorize(storeId, authorization, BEARER, marketplace);
        return ResponseEntity.ok(orderView(store, state.order(store, orderId)));
    }

    @PostMapping("/sell/fulfillment/v1/order/{orderId}/issue_refund")
    @Transactional(readOnly = true)
    ResponseEntity<Object> issueRefund(@PathVariable String storeId, @PathVariable String orderId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace,
            @RequestBody byte[] body, HttpServletRequest request) {
        Store store = state.authorize(storeId, authorization, BEARER, marketplace);
        state.checkSignature(store, request, body, false);
        SalesOrder order = state.order(store, orderId);
        JsonNode refund = state.read(body, false);
        if (!REFUND_REASONS.contains(refund.path("reasonForRefund").asText(""))) {
            throw restError(400, null, "The reasonForRefund is missing or invalid.");
        }
        JsonNode amount = refund.path("orderLevelRefundAmount");
        if (!amount.isObject()) {
            throw restError(400, null, "orderLevelRefundAmount is missing; the sandbox refunds on the order level"
                    + " and does not take refundItems");
        }
        if (!order.getCurrency().equals(amount.path("currency").asText(""))) {
            throw restError(400, null, "The refund currency must be the order's currency " + order.getCurrency()
                    + ".");
        }
        Refund issued = state.refund(store, order, decimal(amount.path("value"), false));
        return ResponseEntity.ok(Map.of("refundId", issued.id(), "refundStatus", "PENDING"));
    }

    private Map<String, Object> orderView(Store store, SalesOrder order) {
        String currency = order.getCurrency();
        List<Refund> done = state.refunds(store, order);
        BigDecimal refunded = state.refunded(store, order);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orderId", order.getPlatformOrderId());
        view.put("legacyOrderId", itemId(store, EbayWire.firstSku(order)) + "-" + transactionId(order));
        view.put("creationDate", SandboxValues.millis(order.getOrderedAt()));
        Instant modified = done.isEmpty() ? latest(order) : done.get(done.size() - 1).at();
        view.put("lastModifiedDate", SandboxValues.millis(modified));
        boolean open = order.getStatus() == OrderStatus.PLACED || order.getStatus() == OrderStatus.CANCELLED;
        view.put("orderFulfillmentStatus", open ? "NOT_STARTED" : "FULFILLED");
        view.put("orderPaymentStatus", refunded.signum() == 0 ? "PAID"
                : refunded.compareTo(order.total()) >= 0 ? "FULLY_REFUNDED" : "PARTIALLY_REFUNDED");
        view.put("sellerId", store.getPlatformAccountId());
        view.put("buyer", Map.of("username", SandboxValues.username(order.getBuyer()),
                "taxAddress", Map.of("countryCode", order.getDestinationCountry())));
        view.put("pricingSummary", Map.of("priceSubtotal", money(order.total(), currency),
                "total", money(order.total(), currency)));
        String cancelState = order.getStatus() == OrderStatus.CANCELLED ? "CANCELED" : "NONE_REQUESTED";
        view.put("cancelStatus", Map.of("cancelState", cancelState, "cancelRequests", List.of()));
        view.put("paymentSummary", Map.of("totalDueSeller", money(order.total(), currency),
                "refunds", done.stream().map(r -> Map.of("refundId", r.id(), "refundReferenceId", "SBX-" + r.id(),
                        "refundDate", SandboxValues.millis(r.at()), "amount", money(r.amount(), r.currency()),
                        "refundStatus", "REFUNDED")).toList(),
                "payments", List.of(Map.of("paymentMethod", "EBAY", "paymentReferenceId",
                        SandboxValues.digits("payment/" + order.getPlatformOrderId(), 17),
                        "paymentDate", SandboxValues.millis(order.getOrderedAt()),
                        "amount", money(order.total(), currency), "paymentStatus", "PAID"))));
        view.put("fulfillmentHrefs", List.of());
        view.put("fulfillmentStartInstructions", List.of(fulfillmentStartInstruction(order)));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (OrderLine line : order.getLines()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("lineItemId", "1005" + SandboxValues.digits(order.getPlatformOrderId() + "/" + line.getLineNo(),
                    10));
            item.put("legacyItemId", itemId(store, line.getSku()));
            item.put("sku", line.getSku());
            item.put("title", SandboxValues.title(line.getSku()));
            item.put("lineItemCost", money(line.lineTotal(), currency));
            item.put("quantity", line.getQuantity());
            item.put("soldFormat", "FIXED_PRICE");
            item.put("listingMarketplaceId", store.getPlatformMarketplaceId());
            item.put("purchaseMarketplaceId", store.getPlatformMarketplaceId());
            item.put("lineItemFulfillmentStatus", open ? "NOT_STARTED" : "FULFILLED");
            item.put("total", money(line.lineTotal(), currency));
            item.put("taxes", List.of());
            item.put("refunds", List.of());
            lines.add(item);
        }
        view.put("lineItems", lines);
        return view;
    }

    /** Where the order goes: a made-up street in the destination country, with the buyer's name and e-mail. */
    private static Map<String, Object> fulfillmentStartInstruction(SalesOrder order) {
        SandboxAddresses.Address address = SandboxAddresses.of(order);
        Map<String, Object> contactAddress = new LinkedHashMap<>();
        contactAddress.put("addressLine1", address.line1());
        contactAddress.put("city", address.city());
        if (address.province() != null) {
            contactAddress.put("stateOrProvince", address.province());
        }
        contactAddress.put("postalCode", address.postalCode());
        contactAddress.put("countryCode", address.countryCode());
        Map<String, Object> shipTo = new LinkedHashMap<>();
        shipTo.put("fullName", order.getBuyer().getName());
        shipTo.put("contactAddress", contactAddress);
        shipTo.put("primaryPhone", Map.of("phoneNumber", "0000000000"));
        shipTo.put("email", order.getBuyer().getEmail());
        Map<String, Object> instruction = new LinkedHashMap<>();
        instruction.put("fulfillmentInstructionsType", "SHIP_TO");
        instruction.put("minEstimatedDeliveryDate", SandboxValues.millis(order.getOrderedAt().plusSeconds(2 * 86400)));
        instruction.put("maxEstimatedDeliveryDate", SandboxValues.millis(order.getOrderedAt().plusSeconds(5 * 86400)));
        instruction.put("ebaySupportedFulfillment", false);
        instruction.put("shippingStep", Map.of("shipTo", shipTo, "shippingCarrierCode",
                order.getCarrier() == null ? "Other" : order.getCarrier()));
        return instruction;
    }

    // --- Sell Inventory -----------------------------------------------------------------------

    @GetMapping("/sell/inventory/v1/inventory_item/{sku}")
    @Transactional(readOnly = true)
    ResponseEntity<Object> inventoryItem(@PathVariable String storeId, @PathVariable String sku,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace) {
        Store store = state.authorize(storeId, authorization, BEARER, marketplace);
        if (!orders.storeHasSoldSku(store.getId(), sku)) {
            throw restError(404, ITEM_NOT_FOUND, "We didn't find the entity you are requesting. Please verify the"
                    + " request");
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", sku);
        item.put("locale", store.getDefaultLanguage() + "_" + store.getMarketplaceCountry());
        item.put("product", Map.of("title", SandboxValues.title(sku), "brand", "Helloword"));
        item.put("condition", "NEW");
        item.put("availability", Map.of("shipToLocationAvailability",
                Map.of("quantity", itemStock.getOrDefault(store.getId() + "|" + sku, STOCK))));
        return ResponseEntity.ok(item);
    }

    @GetMapping("/sell/inventory/v1/offer")
    @Transactional(readOnly = true)
    ResponseEntity<Object> offers(@PathVariable String storeId, @RequestParam String sku,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace) {
        Store store = state.authorize(storeId, authorization, BEARER, marketplace);
        if (!orders.storeHasSoldSku(store.getId(), sku)) {
            throw restError(404, OFFER_NOT_FOUND, "This Offer is not available.");
        }
        String offerId = offerId(store, sku);
        int quantity = offerStock.getOrDefault(offerId, STOCK);
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("offerId", offerId);
        offer.put("sku", sku);
        offer.put("marketplaceId", store.getPlatformMarketplaceId());
        offer.put("format", "FIXED_PRICE");
        offer.put("availableQuantity", quantity);
        offer.put("listing", Map.of("listingId", itemId(store, sku), "listingStatus",
                quantity > 0 ? "ACTIVE" : "OUT_OF_STOCK"));
        offer.put("status", "PUBLISHED");
        return ResponseEntity.ok(Map.of("limit", 100, "size", 1, "total", 1, "offers", List.of(offer)));
    }

    @PostMapping("/sell/inventory/v1/bulk_update_price_quantity")
    @Transactional(readOnly = true)
    ResponseEntity<Object> bulkUpdate(@PathVariable String storeId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace, @RequestBody JsonNode body) {
        Store store = state.authorize(storeId, authorization, BEARER, marketplace);
        List<Map<String, Object>> responses = new ArrayList<>();
        for (JsonNode request : body.path("requests")) {
            String sku = request.path("sku").asText("");
            if (!orders.storeHasSoldSku(store.getId(), sku)) {
                responses.add(response(404, sku, null, ITEM_NOT_FOUND,
                        "We didn't find the entity you are requesting. Please verify the request"));
                continue;
            }
            JsonNode quantity = request.at("/shipToLocationAvailability/quantity");
            if (quantity.canConvertToInt()) {
                itemStock.put(store.getId() + "|" + sku, quantity.asInt());
                responses.add(response(200, sku, null, null, null));
            }
            for (JsonNode offer : request.path("offers")) {
                String offerId = offer.path("offerId").asText("");
                if (!offerId.equals(offerId(store, sku))) {
                    responses.add(response(404, sku, offerId, OFFER_NOT_FOUND, "This Offer is not available."));
                } else if (offer.path("availableQuantity").canConvertToInt()) {
                    offerStock.put(offerId, offer.path("availableQuantity").asInt());
                    responses.add(response(200, sku, offerId, null, null));
                }
            }
        }
        boolean allDone = responses.stream().allMatch(r -> Integer.valueOf(200).equals(r.get("statusCode")));
        return ResponseEntity.status(allDone ? 200 : 207).body(Map.of("responses", responses));
    }

    private static Map<String, Object> response(int status, String sku, String offerId, Integer errorId,
            String message) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", status);
        response.put("sku", sku);
        if (offerId != null) {
            response.put("offerId", offerId);
        }
        response.put("errors", message == null ? List.of() : List.of(error(errorId, message)));
        response.put("warnings", List.of());
        return response;
    }

    // --- Commerce Message ---------------------------------------------------------------------

    @GetMapping("/commerce/message/v1/conversation")
    ResponseEntity<Object> conversations(@PathVariable String storeId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace,
            @RequestParam(name = "conversation_type", required = false) String type,
            @RequestParam(name = "other_party_username", required = false) String otherParty,
            @RequestParam(name = "reference_id", required = false) String referenceId,
            @RequestParam(defaultValue = "25") int limit, @RequestParam(defaultValue = "0") int offset) {
        Store store = state.authorize(storeId, authorization, BEARER, marketplace);
        requireMembersType(type);
        List<Conversation> found = conversations.values().stream()
                .filter(c -> c.storeId().equals(store.getId()))
                .filter(c -> otherParty == null || c.buyer().equals(otherParty))
                .filter(c -> referenceId == null || c.referenceId().equals(referenceId))
                .sorted((a, b) -> b.created().compareTo(a.created())).toList();
        List<Map<String, Object>> page = found.stream().skip(Math.max(offset, 0)).limit(Math.max(limit, 1))
                .map(c -> conversationView(store, c)).toList();
        return ResponseEntity.ok(Map.of("conversations", page, "limit", limit, "offset", offset,
                "total", found.size()));
    }

    @GetMapping("/commerce/message/v1/conversation/{conversationId}")
    ResponseEntity<Object> conversation(@PathVariable String storeId, @PathVariable String conversationId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace,
            @RequestParam(name = "conversation_type", required = false) String type,
            @RequestParam(defaultValue = "25") int limit, @RequestParam(defaultValue = "0") int offset,
            HttpServletRequest request) {
        Store store = state.authorize(storeId, authorization, BEARER, marketplace);
        requireMembersType(type);
        Conversation conversation = conversations.get(conversationId);
        if (conversation == null || !conversation.storeId().equals(store.getId())) {
            throw restError(404, null, "The conversation " + conversationId + " was not found.");
        }
        List<Message> messages = conversation.messages();
        int from = Math.min(Math.max(offset, 0), messages.size());
        int to = Math.min(from + Math.max(limit, 1), messages.size());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("conversationId", conversation.id());
        page.put("conversationStatus", "ACTIVE");
        page.put("conversationType", "FROM_MEMBERS");
        page.put("limit", limit);
        page.put("offset", from);
        page.put("total", messages.size());
        page.put("messages", messages.subList(from, to).stream().map(EbaySandbox::messageView).toList());
        if (to < messages.size()) {
            page.put("next", request.getRequestURI() + "?conversation_type=FROM_MEMBERS&limit=" + limit
                    + "&offset=" + to);
        }
        return ResponseEntity.ok(page);
    }

    @PostMapping("/commerce/message/v1/send_message")
    ResponseEntity<Object> sendMessage(@PathVariable String storeId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace, @RequestBody JsonNode body) {
        Store store = state.authorize(storeId, authorization, BEARER, marketplace);
        String text = body.path("messageText").asText("");
        if (text.isBlank() || text.length() > MESSAGE_LIMIT) {
            throw restError(400, null, "messageText is required and may have at most " + MESSAGE_LIMIT
                    + " characters.");
        }
        Conversation conversation;
        if (body.hasNonNull("conversationId")) {
            conversation = conversations.get(body.path("conversationId").asText());
            if (conversation == null || !conversation.storeId().equals(store.getId())) {
                throw restError(404, null, "The conversation " + body.path("conversationId").asText()
                        + " was not found.");
            }
        } else {
            String buyer = body.path("otherPartyUsername").asText("");
            String referenceId = body.at("/reference/referenceId").asText("");
            if (buyer.isBlank() || referenceId.isBlank()
                    || !"LISTING".equals(body.at("/reference/referenceType").asText())) {
                throw restError(400, null, "Give either conversationId, or otherPartyUsername and a LISTING"
                        + " reference.");
            }
            conversation = new Conversation("CV-" + state.nextId(), store.getId(), buyer, referenceId,
                    state.clock().instant(), new CopyOnWriteArrayList<>());
            conversations.put(conversation.id(), conversation);
        }
        Message message = new Message("MSG-" + state.nextId(), text, store.getPlatformAccountId(),
                conversation.buyer(), state.clock().instant());
        conversation.messages().add(message);
        return ResponseEntity.status(HttpStatus.CREATED).body(messageView(message));
    }

    /** The store's conversations as the seller sees them in Seller Hub: what a test reads back to check a sending. */
    List<Conversation> conversationsOf(String storeId) {
        return conversations.values().stream().filter(c -> c.storeId().equals(storeId)).toList();
    }

    private static void requireMembersType(String type) {
        if (!"FROM_MEMBERS".equals(type) && !"FROM_EBAY".equals(type)) {
            throw restError(400, null, "conversation_type must be FROM_MEMBERS or FROM_EBAY.");
        }
    }

    private static Map<String, Object> conversationView(Store store, Conversation conversation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("conversationId", conversation.id());
        view.put("conversationStatus", "ACTIVE");
        view.put("conversationTitle", "Item " + conversation.referenceId() + " of " + store.getName());
        view.put("conversationType", "FROM_MEMBERS");
        view.put("createdDate", SandboxValues.millis(conversation.created()));
        view.put("referenceId", conversation.referenceId());
        view.put("referenceType", "LISTING");
        view.put("unreadCount", 0);
        List<Message> messages = conversation.messages();
        if (!messages.isEmpty()) {
            view.put("latestMessage", messageView(messages.get(messages.size() - 1)));
        }
        return view;
    }

    private static Map<String, Object> messageView(Message message) {
        return Map.of("messageId", message.id(), "messageBody", message.body(), "senderUsername", message.sender(),
                "recipientUsername", message.recipient(), "readStatus", false,
                "createdDate", SandboxValues.millis(message.at()));
    }

    private static Instant latest(SalesOrder order) {
        Instant latest = order.getOrderedAt();
        for (Instant at : new Instant[] {order.getShippedAt(), order.getDeliveredAt()}) {
            if (at != null && at.isAfter(latest)) {
                latest = at;
            }
        }
        return latest;
    }

    /** The payment disputes, as the claims feed reads them: the sandbox's buyers open none (an empty page). */
    @GetMapping("/sell/fulfillment/v1/payment_dispute_summary")
    ResponseEntity<Object> paymentDisputes(@PathVariable String storeId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = MARKETPLACE, required = false) String marketplace,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "200") int limit,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int offset) {
        state.authorize(storeId, authorization, BEARER, marketplace);
        return ResponseEntity.ok(Map.of("paymentDisputeSummaries", List.of(), "total", 0, "limit", limit,
                "offset", offset));
    }
}
