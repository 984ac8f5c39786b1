package com.helloword.aftersales.platform.ebay;

import static com.helloword.aftersales.platform.ebay.EbayApi.PROVIDER;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.OperationJournal;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.platform.MarketplaceAdapter;
import com.helloword.aftersales.platform.MarketplacePort.BuyerMessageCommand;
import com.helloword.aftersales.platform.MarketplacePort.ClaimRef;
import com.helloword.aftersales.platform.MarketplacePort.ClaimResponseCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistResult;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeOrderCommand;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeResult;
import com.helloword.aftersales.platform.MarketplacePort.HoldResult;
import com.helloword.aftersales.platform.MarketplacePort.OrderHoldCommand;
import com.helloword.aftersales.platform.MarketplacePort.PartialRefundOffer;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;
import com.helloword.aftersales.platform.MarketplacePort.PlatformLabel;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturn;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnResult;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnsQuery;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.MarketplacePort.ShipTo;
import com.helloword.aftersales.platform.MarketplacePort.ShipToRef;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.platform.StreetSplitter;
import com.helloword.aftersales.platform.ebay.EbayApi.Family;
import com.helloword.aftersales.platform.ebay.EbayApi.Session;
import com.helloword.aftersales.platform.ebay.OrderMoney.IssuedRefund;

/**
 * eBay through Sell Fulfillment API v1 (getOrder, issueRefund), Sell Inventory API v1 (getInventoryItem,
 * getOffers, bulkUpdatePriceQuantity), Commerce Message API v1 (getConversations, getConversation, sendMessage)
 * and Post-Order API v2 (return search, get, decide, initiate_shipping_label, get_shipping_label and issue_refund;
 * inquiry get, issue_refund and provide_shipment_info; case get and issue_refund), with OAuth user tokens from Identity API v1 ({@link EbayApi}); calls that move money carry eBay's
 * digital signature for EU/UK sellers ({@link EbaySigner}).
 * <p>
 * Claim ids are {@code case:<id>}, {@code inquiry:<id>} or {@code return:<id>}. A bare id is a case, except in
 * {@link #offerPartialRefund}, where it is a return, the only claim eBay takes a partial-refund offer on.
 * <p>
 * Idempotency: texts eBay keeps (offer comments, messages) end with a short reference derived from the idempotency
 * key ({@code Ref HW-…}) that a repeated call looks for first. eBay returns no refund comment, so refunds are
 * recognised through the shared {@link RefundJournal}; a full refund of an order with nothing left to refund is
 * reported as already done. eBay has no order hold.
 */
@Component
class EbayAdapter implements MarketplaceAdapter {

    static final String PLATFORM = "eBay";
    static final String DEFAULT_SCOPES = "https://api.ebay.com/oauth/api_scope"
            + " https://api.ebay.com/oauth/api_scope/sell.fulfillment"
            + " https://api.ebay.com/oauth/api_scope/sell.inventory"
            + " https://api.ebay.com/oauth/api_scope/commerce.message";
    /** Marketplaces whose sellers are EU/UK-domiciled as a rule; their money calls must be signed. */
    static final String EU_UK_MARKETPLACES =
            "EBAY_AT,EBAY_BE,EBAY_DE,EBAY_ES,EBAY_FR,EBAY_GB,EBAY_IE,EBAY_IT,EBAY_NL,EBAY_PL";

    /** ReasonForRefundEnum of the Fulfillment API; any other reason text is sent as OTHER_ADJUSTMENT. */
    private static final Set<String> REFUND_REASONS = Set.of("BUYER_CANCEL", "SELLER_CANCEL", "ITEM_NOT_RECEIVED",
            "BUYER_RETURN", "ITEM_NOT_AS_DESCRIBED", "OTHER_ADJUSTMENT", "SHIPPING_DISCOUNT");
    private static final int REFUND_COMMENT_LIMIT = 100;
    private static final int MESSAGE_LIMIT = 2000;
    private static final int MESSAGE_PAGE = 50;
    private static final int MESSAGES_SEARCHED = 200;
    /** Returns per search page. */
    private static final int RETURN_PAGE = 25;
    /** How far back eBay's return search reaches: 18 months, kept a little short. */
    private static final Duration SEARCH_REACH = Duration.ofDays(540);
    private static final String REQUESTED = "RETURN_REQUESTED";
    /**
     * A return that has ended: CLOSED in both ReturnStatusEnum ({@code status}) and ReturnStateEnum
     * ({@code state}), whoever closed it (the buyer cancelling is a close with a buyerCloseReason), and
     * REPLACEMENT_CLOSED, "the replacement item has been received and the return request has been closed".
     */
    static final Set<String> CLOSED = Set.of("CLOSED", "REPLACEMENT_CLOSED");
    /** ReturnStatusEnum: "the return request has been escalated to a return case". */
    private static final String ESCALATED = "ESCALATED";
    /** Post-Order's date format, UTC with milliseconds. */
    private static final DateTimeFormatter POST_ORDER_DATE = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final EbayApi api;
    private final ProviderClient client;
    private final Clock clock;
    private final RefundJournal journal;

    EbayAdapter(ProviderClients clients, CredentialStore credentials, Clock clock, OperationJournal operations,
            @Value("${aftersales.providers.ebay.api-base-url:https://api.ebay.com}") String apiBaseUrl,
            @Value("${aftersales.providers.ebay.token-path:/identity/v1/oauth2/token}") String tokenPath,
            @Value("${aftersales.providers.ebay.oauth-scopes:" + DEFAULT_SCOPES + "}") String scopes,
            @Value("${aftersales.providers.ebay.signature-marketplaces:" + EU_UK_MARKETPLACES + "}")
            String signatureMarketplaces) {
        Set<String> signing = Arrays.stream(signatureMarketplaces.split(",")).map(String::strip)
                .filter(marketplace -> !marketplace.isEmpty()).collect(Collectors.toUnmodifiableSet());
        String base = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
        this.api = new EbayApi(clients.forProvider(PROVIDER), credentials, clock,
                new EbayApi.Settings(base, tokenPath, scopes, signing));
        this.client = api.client();
        this.clock = clock;
        this.journal = new RefundJournal(operations);
    }

    @Override
    public Platform platform() {
        return Platform.EBAY;
    }

    // --- refunds ------------------------------------------------------------------------------

    @Override
    public RefundResult refund(StoreConnection store, RefundCommand command) {
        if (command.platformReturnId() != null && !command.platformReturnId().isBlank()) {
            return refundReturn(store, command);
        }
        String key = store.storeId() + "|" + command.idempotencyKey();
        String reason = refundReason(command.reason());
        String comment = refundComment(command.reason(), reason, reference(command.idempotencyKey()));
        return api.call("refund", store, true, session -> {
            Map<String, String> order = Map.of("orderId", command.platformOrderId());
            OrderMoney money = OrderMoney.of(session.get(Family.REST,
                    session.uri("/sell/fulfillment/v1/order/{orderId}", order)), client);
            Optional<RefundResult> earlier = earlierRefund(key, money);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (command.currency() != null && !command.currency().equalsIgnoreCase(money.currency())) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "order " + command.platformOrderId()
                        + " is settled in " + money.currency() + ", not " + command.currency());
            }
            BigDecimal refundable = money.refundable();
            Optional<IssuedRefund> latest = money.latest();
            if (command.amount() == null && refundable.signum() == 0 && latest.isPresent()) {
                return new RefundResult(latest.get().id(), money.refunded(), money.currency(), true);
            }
            BigDecimal wanted = command.amount() == null ? refundable : command.amount();
            if (wanted.signum() <= 0 || wanted.compareTo(refundable) > 0) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "cannot refund " + wanted.toPlainString()
                        + " " + money.currency() + " on order " + command.platformOrderId() + "; refundable now: "
                        + refundable.toPlainString());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reasonForRefund", reason);
            body.put("comment", comment);
            body.put("orderLevelRefundAmount", Map.of("value", wanted.toPlainString(), "currency", money.currency()));
            journal.attempted(key, money.refundIds());
            JsonNode answer;
            try {
                answer = session.postSigned(Family.REST,
                        session.uri("/sell/fulfillment/v1/order/{orderId}/issue_refund", order), body);
            } catch (ProviderFailure failure) {
                if (failure.kind() == Kind.REJECTED) {
                    journal.forget(key);
                }
                throw failure;
            }
            if ("FAILED".equals(answer.path("refundStatus").asText())) {
                journal.forget(key);
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "eBay could not refund order "
                        + command.platformOrderId() + " (refundStatus FAILED); check the seller's payment option"
                        + " in Seller Hub");
            }
            RefundResult result = new RefundResult(client.require(answer, "/refundId").asText(), wanted,
                    money.currency(), false);
            journal.issued(key, result);
            return result;
        });
    }

    /** This key's refund if it was made before: journaled as issued, or appeared since an unanswered attempt. */
    private Optional<RefundResult> earlierRefund(String key, OrderMoney money) {
        RefundJournal.Entry entry = journal.find(key);
        if (entry instanceof RefundJournal.Issued issued) {
            RefundResult result = issued.result();
            return Optional.of(new RefundResult(result.platformRefundId(), result.amount(), result.currency(), true));
        }
        if (entry instanceof RefundJournal.Attempt attempt) {
            Optional<IssuedRefund> landed = money.newSince(attempt.refundIdsBefore());
            if (landed.isPresent()) {
                RefundResult result = new RefundResult(landed.get().id(), landed.get().amount(), money.currency(),
                        true);
                journal.issued(key, result);
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }

    @Override
    public RefundResult offerPartialRefund(StoreConnection store, PartialRefundOffer offer) {
        if (offer.claimId() == null || offer.claimId().isBlank()) {
            throw new PlatformCannotException(PLATFORM, "offer a partial refund", "eBay takes a partial-refund"
                    + " offer only on a return request, and this claim has no return id; agree the amount with the"
                    + " buyer by message, then refund it on the order");
        }
        EbayClaimId id = EbayClaimId.parse(offer.claimId(), EbayClaimId.Kind.RETURN);
        if (id.kind() != EbayClaimId.Kind.RETURN) {
            throw partialRefundOnlyOnReturns();
        }
        return offerOnReturn(store, id.id(), offer.amount(), offer.currency(), offer.message(),
                offer.idempotencyKey());
    }

    private RefundResult offerOnReturn(StoreConnection store, String returnId, BigDecimal amount, String currency,
            String message, String idempotencyKey) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("a partial refund offer needs a positive amount, not " + amount);
        }
        String offerCurrency = currency != null ? currency : store.currency();
        if (offerCurrency == null) {
            throw new IllegalArgumentException("a partial refund offer needs a currency; store " + store.storeId()
                    + " has none");
        }
        String ref = reference(idempotencyKey);
        return api.call("offerPartialRefund", store, true, session -> {
            Map<String, String> ret = Map.of("returnId", returnId);
            JsonNode detail = session.get(Family.POST_ORDER, session.uri("/post-order/v2/return/{returnId}", ret));
            if (hasActivity(detail, "SELLER_OFFER_PARTIAL_REFUND", ref)) {
                return new RefundResult("return:" + returnId, amount, offerCurrency, true);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("decision", "OFFER_PARTIAL_REFUND");
            body.put("partialRefundAmount", Map.of("value", amount, "currency", offerCurrency));
            body.put("comments", Map.of("content", withReference(message, ref)));
            session.postSigned(Family.POST_ORDER, session.uri("/post-order/v2/return/{returnId}/decide", ret), body);
            return new RefundResult("return:" + returnId, amount, offerCurrency, false);
        });
    }

    // --- returns opened on eBay -----------------------------------------------------------------

    /**
     * Return requests of the seller from {@code GET /post-order/v2/return/search}, oldest first
     * ({@code sort=+FILING_DATE}) from the cursor's creation date on. The buyer's comments stay on eBay, and
     * no label is given (the label is eBay's, see {@link #platformReturnLabel}).
     * <p>
     * The search names the returned line by listing ({@code creationInfo.item.itemId}) and transaction id, not by
     * SKU, so the SKU is looked up in the order ({@link #skuOf}, Fulfillment API {@code getOrder}), read once
     * per order on a page. A failure reading an order fails the page, so the cursor does not pass the return;
     * only an order eBay does not know (404) or a line without a SKU leaves the SKU empty, and the return then
     * stands for the whole order.
     */
    @Override
    public PlatformReturnBatch platformReturns(StoreConnection store, PlatformReturnsQuery query) {
        Instant now = clock.instant();
        EbayReturnCursor cursor = EbayReturnCursor.of(query.cursor(), query.since(), now);
        return api.call("platformReturns", store, false, session -> {
            Instant earliest = now.minus(SEARCH_REACH);
            Instant from = cursor.since().isBefore(earliest) ? earliest : cursor.since();
            int skip = from.equals(cursor.since()) ? cursor.skip() : 0;
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("from", POST_ORDER_DATE.format(from));
            variables.put("to", POST_ORDER_DATE.format(now));
            variables.put("sort", "+FILING_DATE");
            variables.put("limit", RETURN_PAGE);
            variables.put("offset", skip);
            JsonNode page = session.get(Family.POST_ORDER, session.uri("/post-order/v2/return/search"
                    + "?creation_date_range_from={from}&creation_date_range_to={to}&sort={sort}&limit={limit}"
                    + "&offset={offset}", variables));
            List<PlatformReturn> returns = new ArrayList<>();
            Instant newest = from;
            int atNewest = skip;
            Map<String, JsonNode> orders = new HashMap<>();
            for (JsonNode member : page.path("members")) {
                PlatformReturn found = platformReturn(member,
                        orderId -> orders.computeIfAbsent(orderId, id -> returnedOrder(session, id)));
                returns.add(found);
                if (found.requestedAt().isAfter(newest)) {
                    newest = found.requestedAt();
                    atNewest = 1;
                } else if (found.requestedAt().equals(newest)) {
                    atNewest++;
                }
            }
            JsonNode total = page.at("/paginationOutput/totalEntries");
            boolean more = total.canConvertToInt() ? total.asInt() > skip + returns.size()
                    : returns.size() >= RETURN_PAGE;
            // with more to read, the next page starts after what was read; otherwise the next round reads the
            // newest instant again, so a return created in the same millisecond is not passed over
            EbayReturnCursor next = new EbayReturnCursor(newest, more ? atNewest : 0);
            return new PlatformReturnBatch(List.copyOf(returns), next.format(), more && !returns.isEmpty());
        });
    }

    private PlatformReturn platformReturn(JsonNode member, Function<String, JsonNode> orders) {
        String returnId = requireText(member, "returnId");
        JsonNode creation = member.path("creationInfo");
        JsonNode item = creation.path("item");
        String itemId = firstText(item, "itemId");
        String transactionId = firstText(item, "transactionId");
        String orderId = firstText(member, "orderId");
        String sku = null;
        if (orderId != null) {
            sku = skuOf(orders.apply(orderId), itemId, transactionId);
        } else {
            // no order id: the return names its order by the legacy id (item-transaction), and its SKU is not
            // looked up
            if (itemId == null || transactionId == null) {
                throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "return " + returnId + " names no order: "
                        + abbreviate(member.toString()));
            }
            orderId = itemId + "-" + transactionId;
        }
        Instant requestedAt = instant(creation.path("creationDate"));
        if (requestedAt == null) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "return " + returnId + " has no creation date");
        }
        String type = firstText(member, "currentType");
        if (type == null) {
            type = firstText(creation, "type");
        }
        int quantity = item.path("returnQuantity").asInt(1);
        return new PlatformReturn(returnId, orderId, sku, quantity > 0 ? quantity : 1,
                firstText(creation, "reason"), "REPLACEMENT".equals(type) ? "EXCHANGE" : "REFUND", requestedAt,
                requireText(member, "status", "state"), null, null);
    }

    /** The order of a return ({@code getOrder}); a missing node when eBay does not know the order (404). */
    private static JsonNode returnedOrder(Session session, String orderId) {
        try {
            return session.get(Family.REST, session.uri("/sell/fulfillment/v1/order/{orderId}",
                    Map.of("orderId", orderId)));
        } catch (ProviderFailure failure) {
            if (failure.httpStatus() == 404) {
                return MissingNode.getInstance();
            }
            throw failure;
        }
    }

    /**
     * The SKU of the order line a return names: the line item whose {@code legacyItemId} is the return's item
     * id. When several lines come from one listing (variations), the one whose {@code lineItemId} is the return's
     * transaction id, unless they all have the same SKU. Null when no line matches, the match is not certain, or
     * the line has no SKU (a listing made without one).
     */
    static String skuOf(JsonNode order, String itemId, String transactionId) {
        if (itemId == null) {
            return null;
        }
        List<JsonNode> lines = new ArrayList<>();
        for (JsonNode line : order.path("lineItems")) {
            if (itemId.equals(line.path("legacyItemId").asText())) {
                lines.add(line);
            }
        }
        if (lines.size() > 1 && transactionId != null) {
            for (JsonNode line : lines) {
                if (transactionId.equals(line.path("lineItemId").asText())) {
                    return firstText(line, "sku");
                }
            }
        }
        Set<String> skus = new LinkedHashSet<>();
        for (JsonNode line : lines) {
            String sku = firstText(line, "sku");
            if (sku == null) {
                return null;
            }
            skus.add(sku);
        }
        return skus.size() == 1 ? skus.iterator().next() : null;
    }

    /**
     * {@code decide} APPROVE while eBay lists SELLER_APPROVE_REQUEST among the seller's options. Without that
     * option the return was approved already (by the seller, or by eBay's return rules) or has gone on from
     * there, which is reported as done, unless it ended otherwise: a return eBay closed ({@link #CLOSED}: the
     * buyer cancelled it, eBay refunded or closed it, or it ran out) or one escalated to a case cannot be approved
     * any more, and nothing must go on as if it had been; a declined one is a rejection.
     */
    @Override
    public PlatformReturnResult approvePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        String returnId = command.platformReturnId();
        String text = withReference(command.note(), reference(command.idempotencyKey()));
        return api.call("approvePlatformReturn", store, true, session -> {
            JsonNode summary = returnSummary(session, returnId);
            if (sellerMay(summary, "SELLER_APPROVE_REQUEST")) {
                session.postSigned(Family.POST_ORDER, returnUri(session, returnId, "/decide"),
                        Map.of("decision", "APPROVE", "comments", Map.of("content", text)));
                return new PlatformReturnResult(returnState(returnSummary(session, returnId)), false);
            }
            String state = returnState(summary);
            JsonNode detail = returnDetail(session, returnId);
            String closed = closedState(summary);
            if (closed != null) {
                String why = firstText(returnPart(detail, "closeInfo"), "returnCloseReason", "buyerCloseReason");
                throw new PlatformCannotException(PLATFORM, "approve return " + returnId, "eBay has closed the"
                        + " return (" + closed + (why == null ? "" : ", " + why) + "), so there is nothing to approve"
                        + " and no eBay label or refund goes through it; look at the return and the order in Seller"
                        + " Hub, and if the item still comes back, handle it as a return of the order here");
            }
            if (ESCALATED.equals(firstText(summary, "status"))) {
                throw new PlatformCannotException(PLATFORM, "approve return " + returnId, "the return was escalated"
                        + " to an eBay return case, where eBay decides now; answer the case in Seller Hub (Returns"
                        + " and cases) and handle what eBay decides here");
            }
            if (hasActivity(detail, "SELLER_DECLINE_REQUEST", null)) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "return " + returnId + " was declined on"
                        + " eBay and is " + state + "; it can no longer be approved");
            }
            if (REQUESTED.equals(state)) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "eBay offers no approval of return "
                        + returnId + " now (" + state + "); look at it in Seller Hub");
            }
            return new PlatformReturnResult(state, true);
        });
    }

    /** {@code decide} DECLINE with the note as the comments the buyer reads; declined before, it is done. */
    @Override
    public PlatformReturnResult declinePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        String returnId = command.platformReturnId();
        String text = withReference(command.note(), reference(command.idempotencyKey()));
        return api.call("declinePlatformReturn", store, true, session -> {
            JsonNode summary = returnSummary(session, returnId);
            if (sellerMay(summary, "SELLER_DECLINE_REQUEST")) {
                session.postSigned(Family.POST_ORDER, returnUri(session, returnId, "/decide"),
                        Map.of("decision", "DECLINE", "comments", Map.of("content", text)));
                return new PlatformReturnResult(returnState(returnSummary(session, returnId)), false);
            }
            String state = returnState(summary);
            if (hasActivity(returnDetail(session, returnId), "SELLER_DECLINE_REQUEST", null)) {
                return new PlatformReturnResult(state, true);
            }
            throw new PlatformCannotException(PLATFORM, "decline return " + returnId, "eBay offers no decline now,"
                    + " the return is " + state + " (approved, or eBay decided it); if it must still be refused,"
                    + " ask eBay to step in from the return in Seller Hub");
        });
    }

    /**
     * eBay's own return label ({@code initiate_shipping_label}): eBay gives it to the buyer in the return, so
     * no PDF is fetched. When eBay refuses, a label made earlier is looked up ({@code get_shipping_label});
     * without one the return does not qualify for an eBay label and the carrier makes it.
     */
    @Override
    public PlatformLabel platformReturnLabel(StoreConnection store, PlatformReturnCommand command) {
        String returnId = command.platformReturnId();
        return api.call("platformReturnLabel", store, false, session -> {
            JsonNode label;
            try {
                label = session.post(Family.POST_ORDER, returnUri(session, returnId, "/initiate_shipping_label"),
                        Map.of());
            } catch (ProviderFailure failure) {
                if (failure.kind() != Kind.REJECTED) {
                    throw failure;
                }
                label = earlierLabel(session, returnId);
                if (label == null) {
                    throw new PlatformCannotException(PLATFORM, "make an eBay return label for return " + returnId,
                            "eBay refused (" + EbayApi.detail(failure) + "); the return does not qualify for an"
                            + " eBay label, so make the label with the own carrier and add its tracking to the"
                            + " return");
                }
            }
            String tracking = firstText(label, "trackingNumber");
            if (tracking == null) {
                throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "eBay's return label for " + returnId
                        + " has no tracking number: " + abbreviate(label.toString()));
            }
            return new PlatformLabel(firstText(label, "carrier"), tracking, null, true);
        });
    }

    /** The label eBay has for the return already, or null when it has none. */
    private JsonNode earlierLabel(Session session, String returnId) {
        try {
            JsonNode label = session.get(Family.POST_ORDER, returnUri(session, returnId, "/get_shipping_label"));
            return firstText(label, "trackingNumber") == null ? null : label;
        } catch (ProviderFailure failure) {
            if (failure.kind() == Kind.REJECTED) {
                return null;
            }
            throw failure;
        }
    }

    /**
     * A refund that settles an eBay return ({@code issue_refund} on the return, which eBay then closes): the
     * whole estimated refund, itemized as eBay estimated it, or the amount asked for as purchase price. Like
     * the order refunds it is journaled; the refunds a return had are the SELLER_ISSUE_REFUND entries of its
     * response history.
     */
    private RefundResult refundReturn(StoreConnection store, RefundCommand command) {
        String returnId = EbayClaimId.parse(command.platformReturnId(), EbayClaimId.Kind.RETURN).id();
        String key = store.storeId() + "|" + command.idempotencyKey();
        String comment = withReference(command.reason(), reference(command.idempotencyKey()));
        return api.call("refund", store, true, session -> {
            if (journal.find(key) instanceof RefundJournal.Issued issued) {
                RefundResult result = issued.result();
                return new RefundResult(result.platformRefundId(), result.amount(), result.currency(), true);
            }
            JsonNode detail = returnDetail(session, returnId);
            ReturnMoney money = ReturnMoney.of(detail, returnId);
            Set<String> refundsBefore = returnRefunds(detail);
            if (journal.find(key) instanceof RefundJournal.Attempt attempt
                    && !attempt.refundIdsBefore().containsAll(refundsBefore)) {
                RefundResult result = new RefundResult("return:" + returnId, command.amount() == null
                        ? money.total() : command.amount(), money.currency(), true);
                journal.issued(key, result);
                return result;
            }
            if (command.amount() == null && !refundsBefore.isEmpty()) {
                return new RefundResult("return:" + returnId, money.total(), money.currency(), true);
            }
            if (command.currency() != null && !command.currency().equalsIgnoreCase(money.currency())) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "return " + returnId + " is refunded in "
                        + money.currency() + ", not " + command.currency());
            }
            BigDecimal total = command.amount() == null ? money.total() : command.amount();
            if (total.signum() <= 0 || total.compareTo(money.total()) > 0) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "cannot refund " + total.toPlainString()
                        + " " + money.currency() + " on return " + returnId + "; eBay estimates "
                        + money.total().toPlainString());
            }
            List<Map<String, Object>> items = command.amount() == null ? money.itemized()
                    : List.of(refundItem("PURCHASE_PRICE", total, money.currency()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("refundDetail", Map.of("itemizedRefundDetail", items,
                    "totalAmount", Map.of("value", total, "currency", money.currency())));
            body.put("comments", Map.of("content", comment));
            journal.attempted(key, refundsBefore);
            JsonNode answer;
            try {
                answer = session.postSigned(Family.POST_ORDER, returnUri(session, returnId, "/issue_refund"), body);
            } catch (ProviderFailure failure) {
                if (failure.kind() == Kind.REJECTED) {
                    journal.forget(key);
                }
                throw failure;
            }
            if ("FAILED".equals(answer.path("refundStatus").asText())) {
                journal.forget(key);
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "eBay could not refund return " + returnId
                        + " (refundStatus FAILED); check the seller's payment option in Seller Hub");
            }
            RefundResult result = new RefundResult("return:" + returnId, total, money.currency(), false);
            journal.issued(key, result);
            return result;
        });
    }

    /** What eBay estimates the seller refunds on a return, itemized by refund fee type. */
    private record ReturnMoney(BigDecimal total, String currency, List<Map<String, Object>> itemized) {

        static ReturnMoney of(JsonNode returnAnswer, String returnId) {
            BigDecimal total = BigDecimal.ZERO;
            String currency = null;
            List<Map<String, Object>> itemized = new ArrayList<>();
            for (JsonNode estimate : returnPart(returnAnswer, "refundInfo")
                    .at("/estimatedRefundDetail/itemizedRefundDetails")) {
                BigDecimal amount = money(estimate.path("estimatedAmount"));
                String feeType = firstText(estimate, "refundFeeType");
                String itemCurrency = firstText(estimate.path("estimatedAmount"), "currency");
                if (amount == null || feeType == null || itemCurrency == null || amount.signum() <= 0) {
                    continue;
                }
                if (currency != null && !currency.equals(itemCurrency)) {
                    throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "return " + returnId
                            + " estimates refunds in " + currency + " and " + itemCurrency);
                }
                currency = itemCurrency;
                total = total.add(amount);
                itemized.add(refundItem(feeType, amount, itemCurrency));
            }
            if (currency == null) {
                throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "return " + returnId + " has no estimated"
                        + " refund (refundInfo.estimatedRefundDetail)");
            }
            return new ReturnMoney(total, currency, List.copyOf(itemized));
        }
    }

    private static Map<String, Object> refundItem(String feeType, BigDecimal amount, String currency) {
        return Map.of("refundFeeType", feeType, "refundAmount", Map.of("value", amount, "currency", currency));
    }

    /** The refunds a return had: the dates of its SELLER_ISSUE_REFUND entries. */
    private static Set<String> returnRefunds(JsonNode returnAnswer) {
        Set<String> refunds = new LinkedHashSet<>();
        for (JsonNode entry : returnPart(returnAnswer, "responseHistory")) {
            if ("SELLER_ISSUE_REFUND".equals(entry.path("activity").asText())) {
                refunds.add(entry.at("/creationDate/value").asText(entry.path("creationDate").asText("")));
            }
        }
        return refunds;
    }

    /** A part of a return's detail, in {@code detail} (eBay) or at the top. */
    private static JsonNode returnPart(JsonNode returnAnswer, String field) {
        JsonNode part = returnAnswer.path("detail").path(field);
        return part.isMissingNode() ? returnAnswer.path(field) : part;
    }

    private JsonNode returnSummary(Session session, String returnId) {
        return client.require(session.get(Family.POST_ORDER, session.uri(
                "/post-order/v2/return/{returnId}?fieldgroups=SUMMARY", Map.of("returnId", returnId))), "/summary");
    }

    private static JsonNode returnDetail(Session session, String returnId) {
        return session.get(Family.POST_ORDER, returnUri(session, returnId, ""));
    }

    private static URI returnUri(Session session, String returnId, String action) {
        return session.uri("/post-order/v2/return/{returnId}" + action, Map.of("returnId", returnId));
    }

    private static String returnState(JsonNode summary) {
        return requireText(summary, "status", "state");
    }

    /** The closed status or state of a return summary, or null while the return is open. */
    private static String closedState(JsonNode summary) {
        for (String field : List.of("status", "state")) {
            String value = firstText(summary, field);
            if (value != null && CLOSED.contains(value)) {
                return value;
            }
        }
        return null;
    }

    private static boolean sellerMay(JsonNode summary, String action) {
        for (JsonNode option : summary.path("sellerAvailableOptions")) {
            if (action.equals(option.path("actionType").asText())) {
                return true;
            }
        }
        return false;
    }

    // --- holds --------------------------------------------------------------------------------

    @Override
    public HoldResult holdOrder(StoreConnection store, OrderHoldCommand command) {
        throw new PlatformCannotException(PLATFORM, "hold an order", "eBay has no order hold; keep the order from"
                + " being shipped (no label, a note on the order in Seller Hub), or cancel it in Seller Hub if it"
                + " must not ship at all");
    }

    @Override
    public HoldResult releaseOrder(StoreConnection store, OrderHoldCommand command) {
        throw new PlatformCannotException(PLATFORM, "release an order", "eBay has no order hold, so this system"
                + " never placed one; ship the order as usual");
    }

    // --- delisting ----------------------------------------------------------------------------

    @Override
    public DelistResult delistSku(StoreConnection store, DelistCommand command) {
        String sku = command.sku();
        return api.call("delistSku", store, false, session -> {
            Map<String, String> skuVariable = Map.of("sku", sku);
            JsonNode item;
            try {
                item = inventoryGet(session, session.uri("/sell/inventory/v1/inventory_item/{sku}", skuVariable));
            } catch (ProviderFailure failure) {
                if (failure.httpStatus() == 404) {
                    throw new ProviderFailure(PROVIDER, Kind.REJECTED, 404, "SKU " + sku + " is not in eBay's"
                            + " Inventory API for store " + store.storeId() + " (" + EbayApi.detail(failure) + ");"
                            + " a listing created in Seller Hub or through the Trading API can only be ended there:"
                            + " end it in Seller Hub", null, failure);
                }
                throw failure;
            }
            List<String> offerIds = new ArrayList<>();
            for (JsonNode offer : offers(session, skuVariable).path("offers")) {
                if ("PUBLISHED".equals(offer.path("status").asText())
                        && offer.path("availableQuantity").asInt(-1) != 0) {
                    offerIds.add(client.require(offer, "/offerId").asText());
                }
            }
            int quantity = item.at("/availability/shipToLocationAvailability/quantity").asInt(0);
            if (quantity == 0 && offerIds.isEmpty()) {
                return new DelistResult(List.of("SKU " + sku + " already has no stock on eBay"));
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("sku", sku);
            request.put("shipToLocationAvailability", Map.of("quantity", 0));
            if (!offerIds.isEmpty()) {
                request.put("offers", offerIds.stream()
                        .map(offerId -> Map.of("offerId", offerId, "availableQuantity", 0)).toList());
            }
            JsonNode answer = session.post(Family.REST,
                    session.uri("/sell/inventory/v1/bulk_update_price_quantity", Map.of()),
                    Map.of("requests", List.of(request)));
            List<String> refusals = new ArrayList<>();
            for (JsonNode response : answer.path("responses")) {
                int status = response.path("statusCode").asInt(0);
                if (status != 200) {
                    String errors = EbayErrorBodies.describeErrors(response.path("errors"));
                    refusals.add(response.path("offerId").asText(sku) + ": HTTP " + status
                            + (errors == null ? "" : " " + errors));
                }
            }
            if (!refusals.isEmpty()) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "bulkUpdatePriceQuantity refused for SKU "
                        + sku + ": " + String.join("; ", refusals));
            }
            return new DelistResult(List.of("stock of SKU " + sku + " set to 0 on eBay"
                    + (offerIds.isEmpty() ? "" : ", and on published offer(s) " + String.join(", ", offerIds))));
        });
    }

    /** Offers of a SKU; a SKU without offers is answered with 404. */
    private JsonNode offers(Session session, Map<String, String> skuVariable) {
        try {
            return inventoryGet(session, session.uri("/sell/inventory/v1/offer?sku={sku}", skuVariable));
        } catch (ProviderFailure failure) {
            if (failure.httpStatus() == 404) {
                return client.parse("{\"offers\": []}");
            }
            throw failure;
        }
    }

    /** The Inventory API answers an expired token with 403 errorId 1100 instead of 401; it gets the same refresh. */
    private JsonNode inventoryGet(Session session, URI uri) {
        try {
            return session.get(Family.REST, uri);
        } catch (ProviderFailure failure) {
            if (failure.httpStatus() == 403 && failure.getMessage().contains("eBay error 1100:")) {
                throw new ProviderFailure(PROVIDER, Kind.UNAUTHORIZED, 403, EbayApi.detail(failure)
                        + " (the Inventory API says so for an expired token and for a token without the"
                        + " sell.inventory scope)", null, failure);
            }
            throw failure;
        }
    }

    // --- buyer messages -----------------------------------------------------------------------

    @Override
    public void sendBuyerMessage(StoreConnection store, BuyerMessageCommand command) {
        String ref = reference(command.idempotencyKey());
        String text = withReference(command.text(), ref);
        if (text.length() > MESSAGE_LIMIT) {
            throw new IllegalArgumentException("eBay messages have at most " + MESSAGE_LIMIT + " characters, this"
                    + " one " + text.length());
        }
        api.call("sendBuyerMessage", store, false, session -> {
            JsonNode order = session.get(Family.REST, session.uri("/sell/fulfillment/v1/order/{orderId}",
                    Map.of("orderId", command.platformOrderId())));
            String buyer = client.require(order, "/buyer/username").asText();
            String itemId = client.require(order, "/lineItems/0/legacyItemId").asText();
            URI search = session.uri("/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS"
                    + "&other_party_username={buyer}&reference_type=LISTING&reference_id={itemId}&limit={limit}",
                    Map.of("buyer", buyer, "itemId", itemId, "limit", MESSAGE_PAGE));
            String conversationId = null;
            for (JsonNode conversation : session.get(Family.REST, search).path("conversations")) {
                if (sentBefore(session, conversation, ref)) {
                    return null;
                }
                if (conversationId == null) {
                    conversationId = client.require(conversation, "/conversationId").asText();
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            if (conversationId != null) {
                body.put("conversationId", conversationId);
            } else {
                body.put("otherPartyUsername", buyer);
                body.put("reference", Map.of("referenceType", "LISTING", "referenceId", itemId));
            }
            body.put("messageText", text);
            client.require(session.post(Family.REST, session.uri("/commerce/message/v1/send_message", Map.of()),
                    body), "/messageId");
            return null;
        });
    }

    private boolean sentBefore(Session session, JsonNode conversation, String ref) {
        if (conversation.at("/latestMessage/messageBody").asText("").contains(ref)) {
            return true;
        }
        String conversationId = client.require(conversation, "/conversationId").asText();
        for (int offset = 0; offset < MESSAGES_SEARCHED; offset += MESSAGE_PAGE) {
            JsonNode page = session.get(Family.REST, session.uri("/commerce/message/v1/conversation/{id}"
                    + "?conversation_type=FROM_MEMBERS&limit={limit}&offset={offset}",
                    Map.of("id", conversationId, "limit", MESSAGE_PAGE, "offset", offset)));
            for (JsonNode message : page.path("messages")) {
                if (message.path("messageBody").asText("").contains(ref)) {
                    return true;
                }
            }
            if (!page.hasNonNull("next")) {
                break;
            }
        }
        return false;
    }

    // --- claims -------------------------------------------------------------------------------

    @Override
    public PlatformClaim getClaim(StoreConnection store, ClaimRef ref) {
        EbayClaimId id = EbayClaimId.parse(ref.claimId(), EbayClaimId.Kind.CASE);
        return api.call("getClaim", store, false, session -> {
            Map<String, String> variables = Map.of("id", id.id());
            return switch (id.kind()) {
                case CASE -> caseClaim(ref.claimId(), session.get(Family.POST_ORDER,
                        session.uri("/post-order/v2/casemanagement/{id}", variables)));
                case INQUIRY -> inquiryClaim(ref.claimId(), session.get(Family.POST_ORDER,
                        session.uri("/post-order/v2/inquiry/{id}", variables)));
                case RETURN -> returnClaim(ref.claimId(), client.require(session.get(Family.POST_ORDER,
                        session.uri("/post-order/v2/return/{id}?fieldgroups=SUMMARY", variables)), "/summary"));
            };
        });
    }

    private PlatformClaim caseClaim(String claimId, JsonNode found) {
        JsonNode amount = found.path("claimAmount");
        Instant respondBy = instant(found.at("/caseDetails/expirationDate"));
        JsonNode days = found.at("/actionDeadlines/daysToExpireWithoutResponse");
        if (respondBy == null && days.canConvertToInt()) {
            respondBy = clock.instant().plus(Duration.ofDays(days.asInt()));
        }
        return new PlatformClaim(claimId, "CASE_" + found.path("caseType").asText("UNKNOWN"),
                requireText(found, "status", "caseStatusEnum"), firstText(found, "escalateReason"),
                money(amount), firstText(amount, "currency"), respondBy, firstText(found, "orderId"));
    }

    private PlatformClaim inquiryClaim(String claimId, JsonNode found) {
        JsonNode amount = found.path("claimAmount");
        Instant respondBy = instant(found.path("sellerMakeItRightByDate"));
        if (respondBy == null) {
            respondBy = instant(found.at("/inquiryDetails/expirationDate"));
        }
        return new PlatformClaim(claimId, "INQUIRY_ITEM_NOT_RECEIVED",
                requireText(found, "status", "inquiryStatusEnum"), firstText(found, "creationReason"),
                money(amount), firstText(amount, "currency"), respondBy, firstText(found, "orderId"));
    }

    private PlatformClaim returnClaim(String claimId, JsonNode summary) {
        JsonNode amount = summary.at("/sellerTotalRefund/estimatedRefundAmount");
        String type = firstText(summary, "currentType");
        return new PlatformClaim(claimId, "RETURN_" + (type == null ? "UNKNOWN" : type),
                requireText(summary, "status", "state"), firstText(summary.path("creationInfo"), "reason"),
                money(amount), firstText(amount, "currency"),
                instant(summary.at("/sellerResponseDue/respondByDate")), firstText(summary, "orderId"));
    }

    @Override
    public void respondToClaim(StoreConnection store, ClaimResponseCommand command) {
        EbayClaimId id = EbayClaimId.parse(command.claimId(), EbayClaimId.Kind.CASE);
        switch (command.action()) {
            case ACCEPT -> accept(store, id, command);
            case OFFER_PARTIAL_REFUND -> {
                if (id.kind() != EbayClaimId.Kind.RETURN) {
                    throw partialRefundOnlyOnReturns();
                }
                offerOnReturn(store, id.id(), command.amount(), command.currency(), command.note(),
                        command.idempotencyKey());
            }
            case PROVIDE_TRACKING -> {
                if (id.kind() != EbayClaimId.Kind.INQUIRY) {
                    throw new PlatformCannotException(PLATFORM, "add tracking to a " + kindName(id), "eBay's API"
                            + " takes the seller's tracking only on an item-not-received inquiry (on cases and"
                            + " returns the shipment info is the buyer's return parcel); add it to the case in"
                            + " Seller Hub");
                }
                provideTracking(store, id.id(), command);
            }
        }
    }

    /** A return is approved; an inquiry or case is refunded in full, as eBay refunds them. */
    private void accept(StoreConnection store, EbayClaimId id, ClaimResponseCommand command) {
        String key = store.storeId() + "|" + command.idempotencyKey();
        String text = withReference(command.note(), reference(command.idempotencyKey()));
        api.call("respondToClaim", store, true, session -> {
            if (id.kind() == EbayClaimId.Kind.RETURN) {
                approveReturn(session, id.id(), text);
            } else {
                refundClaim(session, id, text, key);
            }
            return null;
        });
    }

    private void approveReturn(Session session, String returnId, String text) {
        Map<String, String> ret = Map.of("returnId", returnId);
        JsonNode detail = session.get(Family.POST_ORDER, session.uri("/post-order/v2/return/{returnId}", ret));
        if (hasActivity(detail, "SELLER_APPROVE_REQUEST", null)) {
            return;
        }
        session.postSigned(Family.POST_ORDER, session.uri("/post-order/v2/return/{returnId}/decide", ret),
                Map.of("decision", "APPROVE", "comments", Map.of("content", text)));
    }

    private void refundClaim(Session session, EbayClaimId id, String text, String key) {
        if (journal.find(key) instanceof RefundJournal.Issued) {
            return;
        }
        boolean isCase = id.kind() == EbayClaimId.Kind.CASE;
        String path = isCase ? "/post-order/v2/casemanagement/{id}" : "/post-order/v2/inquiry/{id}";
        Map<String, String> variables = Map.of("id", id.id());
        JsonNode claim = session.get(Family.POST_ORDER, session.uri(path, variables));
        String status = requireText(claim, "status", isCase ? "caseStatusEnum" : "inquiryStatusEnum");
        if ("CLOSED".equals(status) || "CS_CLOSED".equals(status)) {
            return;
        }
        if ("CLOSED_WITH_ESCALATION".equals(status)) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "inquiry " + id.id() + " was escalated to a"
                    + " case; answer the case instead");
        }
        JsonNode answer = session.postSigned(Family.POST_ORDER, session.uri(path + "/issue_refund", variables),
                Map.of("comments", Map.of("content", text)));
        if ("FAILED".equals(answer.at("/refundResult/refundStatus").asText())) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "eBay could not refund " + kindName(id) + " "
                    + id.id() + " (refundStatus FAILED); check the seller's payment option in Seller Hub");
        }
        JsonNode amount = claim.path("claimAmount");
        journal.issued(key, new RefundResult(kindName(id) + ":" + id.id(), money(amount),
                firstText(amount, "currency"), false));
    }

    private void provideTracking(StoreConnection store, String inquiryId, ClaimResponseCommand command) {
        if (command.carrier() == null || command.carrier().isBlank() || command.trackingNumber() == null
                || command.trackingNumber().isBlank()) {
            throw new IllegalArgumentException("tracking for inquiry " + inquiryId + " needs carrier and number");
        }
        api.call("respondToClaim", store, false, session -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("shippingCarrierName", command.carrier());
            body.put("trackingNumber", command.trackingNumber().replaceAll("[\\s-]", ""));
            body.put("shippedWithTracking", true);
            if (command.note() != null && !command.note().isBlank()) {
                body.put("sellerComments", Map.of("content", command.note().strip()));
            }
            session.post(Family.POST_ORDER, session.uri("/post-order/v2/inquiry/{id}/provide_shipment_info",
                    Map.of("id", inquiryId)), body);
            return null;
        });
    }

    private static PlatformCannotException partialRefundOnlyOnReturns() {
        return new PlatformCannotException(PLATFORM, "offer a partial refund", "eBay takes a partial-refund offer"
                + " only on a return request, not on an item-not-received inquiry or a case; refund in full, or"
                + " agree an amount with the buyer by message and refund it on the order");
    }

    private static String kindName(EbayClaimId id) {
        return id.kind().name().toLowerCase(Locale.ROOT);
    }

    /** Whether a return's response history has the activity, with the reference in its notes if one is given. */
    private static boolean hasActivity(JsonNode returnAnswer, String activity, String ref) {
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

    // --- delivery address and exchanges ---------------------------------------------------------

    /**
     * The ship-to of the order's first fulfillment instruction ({@code getOrder}). For eBay International
     * Shipping and the Global Shipping Program the ship-to is eBay's hub, so the buyer's own address is the
     * instruction's {@code finalDestinationAddress}. eBay stops returning name and address 90 days after the
     * order, the e-mail address after 14 (then it is null).
     */
    @Override
    public ShipTo getShipTo(StoreConnection store, ShipToRef ref) {
        return api.call("getShipTo", store, false, session -> {
            JsonNode order = session.get(Family.REST, session.uri("/sell/fulfillment/v1/order/{orderId}",
                    Map.of("orderId", ref.platformOrderId())));
            for (JsonNode instruction : order.path("fulfillmentStartInstructions")) {
                JsonNode shipTo = instruction.at("/shippingStep/shipTo");
                JsonNode address = instruction.path("ebaySupportedFulfillment").asBoolean(false)
                        && instruction.path("finalDestinationAddress").isObject()
                        ? instruction.path("finalDestinationAddress") : shipTo.path("contactAddress");
                String line1 = firstText(address, "addressLine1");
                if (line1 == null) {
                    continue;
                }
                String country = firstText(address, "countryCode");
                StreetSplitter.Split street = StreetSplitter.split(line1, firstText(address, "addressLine2"), country);
                return new ShipTo(firstText(shipTo, "fullName"), street.street(), street.houseNumber(),
                        firstText(address, "postalCode"), firstText(address, "city"), country,
                        firstText(shipTo, "email"));
            }
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "eBay shows no delivery address for order "
                    + ref.platformOrderId() + " (digital or collected order, or older than 90 days, after which eBay"
                    + " no longer returns it); take the address from the order in Seller Hub");
        });
    }

    @Override
    public ExchangeResult createExchangeOrder(StoreConnection store, ExchangeOrderCommand command) {
        throw new PlatformCannotException(PLATFORM, "create an exchange order", "eBay has no API to create an order"
                + " for a buyer; send the replacement through your own fulfilment (a shipment outside eBay to the"
                + " order's address), add its tracking to the buyer's return or case in Seller Hub, and note it on"
                + " the case here");
    }

    // --- values -------------------------------------------------------------------------------

    /** A short, stable reference to an idempotency key that can stand in texts eBay keeps. */
    static String reference(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "Ref HW-" + HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withReference(String text, String ref) {
        return text == null || text.isBlank() ? ref : text.strip() + "\n\n" + ref;
    }

    private static String refundReason(String reason) {
        String upper = reason == null ? "" : reason.strip().toUpperCase(Locale.ROOT);
        return REFUND_REASONS.contains(upper) ? upper : "OTHER_ADJUSTMENT";
    }

    /** eBay's refund comment holds 100 characters: the reason text, cut if need be, then the reference. */
    private static String refundComment(String reason, String enumReason, String ref) {
        if (reason == null || reason.isBlank() || reason.strip().equalsIgnoreCase(enumReason)) {
            return ref;
        }
        String text = reason.strip();
        int room = REFUND_COMMENT_LIMIT - ref.length() - 1;
        return (text.length() > room ? text.substring(0, room - 1) + "…" : text) + " " + ref;
    }

    /** The amount of an eBay Amount: a string in the RESTful APIs, a number in Post-Order. */
    private static BigDecimal money(JsonNode amount) {
        JsonNode value = amount.path("value");
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null
                : OrderMoney.decimal(value);
    }

    /** A Post-Order DateTime ({@code {"value": "…"}}) or a plain ISO-8601 string; null when absent. */
    private static Instant instant(JsonNode date) {
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

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = node.path(field).asText("");
            if (!value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String requireText(JsonNode node, String... fields) {
        String value = firstText(node, fields);
        if (value == null) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "answer lacks " + String.join(" and ", fields)
                    + ": " + abbreviate(node.toString()));
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
