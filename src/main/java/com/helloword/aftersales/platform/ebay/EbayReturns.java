package com.helloword.aftersales.platform.ebay;

import static com.helloword.aftersales.platform.ebay.EbayAdapter.PLATFORM;
import static com.helloword.aftersales.platform.ebay.EbayApi.PROVIDER;
import static com.helloword.aftersales.platform.ebay.EbayValues.abbreviate;
import static com.helloword.aftersales.platform.ebay.EbayValues.firstText;
import static com.helloword.aftersales.platform.ebay.EbayValues.hasActivity;
import static com.helloword.aftersales.platform.ebay.EbayValues.instant;
import static com.helloword.aftersales.platform.ebay.EbayValues.reference;
import static com.helloword.aftersales.platform.ebay.EbayValues.requireText;
import static com.helloword.aftersales.platform.ebay.EbayValues.withReference;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.PlatformLabel;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturn;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnResult;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnsQuery;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.platform.ebay.EbayApi.Family;
import com.helloword.aftersales.platform.ebay.EbayApi.Session;

/**

/**
 * Returns opened on eBay (Post-Order API v2): the return search that feeds this system's platform returns, the
 * seller's decision (approve, decline) and eBay's own return label; the refund of a return is
 * {@link EbayRefunds}'.
 */
final class EbayReturns {

    /** Returns per search page. */
    private static final int RETURN_PAGE = 25;
    /** How far back eBay's return search reaches: 18 months, kept a little short. */
    private static final Duration SEARCH_REACH = Duration.ofDays(540);
    private static final String REQUESTED = "RETURN_REQUESTED";
    /** ReturnStatusEnum: "the return request has been escalated to a return case". */
    private static final String ESCALATED = "ESCALATED";
    /** Post-Order's date format, UTC with milliseconds. */
    private static final DateTimeFormatter POST_ORDER_DATE = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final EbayApi api;
    private final ProviderClient client;
    private final Clock clock;

    EbayReturns(EbayApi api, Clock clock) {
        this.api = api;
        this.client = api.client();
        this.clock = clock;
    }

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
    PlatformReturnBatch platformReturns(StoreConnection store, PlatformReturnsQuery query) {
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
     * there, which is reported as done, unless it ended otherwise: a return eBay closed
     * ({@link EbayAdapter#CLOSED}: the buyer cancelled it, eBay refunded or closed it, or it ran out) or one
     * escalated to a case cannot be approved any more, and nothing must go on as if it had been; a declined one
     * is a rejection.
     */
    PlatformReturnResult approvePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        String returnId = command.platformReturnId();
        NotOffered approvedOrEnded = (session, summary) -> {
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
        };
        return decide(store, command, "approvePlatformReturn", "SELLER_APPROVE_REQUEST", "APPROVE",
                approvedOrEnded);
    }

    /** {@code decide} DECLINE with the note as the comments the buyer reads; declined before, it is done. */
    PlatformReturnResult declinePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        String returnId = command.platformReturnId();
        NotOffered declinedBefore = (session, summary) -> {
            String state = returnState(summary);
            if (hasActivity(returnDetail(session, returnId), "SELLER_DECLINE_REQUEST", null)) {
                return new PlatformReturnResult(state, true);
            }
            throw new PlatformCannotException(PLATFORM, "decline return " + returnId, "eBay offers no decline now,"
                    + " the return is " + state + " (approved, or eBay decided it); if it must still be refused,"
                    + " ask eBay to step in from the return in Seller Hub");
        };
        return decide(store, command, "declinePlatformReturn", "SELLER_DECLINE_REQUEST", "DECLINE",
                declinedBefore);
    }

    /** What a decision does when eBay does not offer it now: reports the return's state, or refuses. */
    private interface NotOffered {
        PlatformReturnResult answer(Session session, JsonNode summary);
    }

    /**
     * {@code decide} with the note (and the command's reference) as the comments the buyer reads, while eBay lists
     * {@code option} among the seller's options; otherwise {@code notOffered} says what became of the return.
     */
    private PlatformReturnResult decide(StoreConnection store, PlatformReturnCommand command, String operation,
            String option, String decision, NotOffered notOffered) {
        String returnId = command.platformReturnId();
        String text = withReference(command.note(), reference(command.idempotencyKey()));
        return api.call(operation, store, true, session -> {
            JsonNode summary = returnSummary(session, returnId);
            if (!sellerMay(summary, option)) {
                return notOffered.answer(session, summary);
            }
            session.postSigned(Family.POST_ORDER, returnUri(session, returnId, "/decide"),
                    Map.of("decision", decision, "comments", Map.of("content", text)));
            return new PlatformReturnResult(returnState(returnSummary(session, returnId)), false);
        });
    }

    /**
     * eBay's own return label ({@code initiate_shipping_label}): eBay gives it to the buyer in the return, so
     * no PDF is fetched. When eBay refuses, a label made earlier is looked up ({@code get_shipping_label});
     * without one the return does not qualify for an eBay label and the carrier makes it.
     */
    PlatformLabel platformReturnLabel(StoreConnection store, PlatformReturnCommand command) {
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

    /** A part of a return's detail, in {@code detail} (eBay) or at the top. */
    static JsonNode returnPart(JsonNode returnAnswer, String field) {
        JsonNode part = returnAnswer.path("detail").path(field);
        return part.isMissingNode() ? returnAnswer.path(field) : part;
    }

    private JsonNode returnSummary(Session session, String returnId) {
        return client.require(session.get(Family.POST_ORDER, session.uri(
                "/post-order/v2/return/{returnId}?fieldgroups=SUMMARY", Map.of("returnId", returnId))), "/summary");
    }

    static JsonNode returnDetail(Session session, String returnId) {
        return session.get(Family.POST_ORDER, returnUri(session, returnId, ""));
    }

    static URI returnUri(Session session, String returnId, String action) {
        return session.uri("/post-order/v2/return/{returnId}" + action, Map.of("returnId", returnId));
    }

    private static String returnState(JsonNode summary) {
        return requireText(summary, "status", "state");
    }

    /** The closed status or state of a return summary, or null while the return is open. */
    private static String closedState(JsonNode summary) {
        for (String field : List.of("status", "state")) {
            String value = firstText(summary, field);
            if (value != null && EbayAdapter.CLOSED.contains(value)) {
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
}
