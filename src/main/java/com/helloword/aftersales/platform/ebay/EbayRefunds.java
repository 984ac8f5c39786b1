package com.helloword.aftersales.platform.ebay;

import static com.helloword.aftersales.platform.ebay.EbayAdapter.PLATFORM;
import static com.helloword.aftersales.platform.ebay.EbayApi.PROVIDER;
import static com.helloword.aftersales.platform.ebay.EbayValues.firstText;
import static com.helloword.aftersales.platform.ebay.EbayValues.hasActivity;
import static com.helloword.aftersales.platform.ebay.EbayValues.money;
import static com.helloword.aftersales.platform.ebay.EbayValues.reference;
import static com.helloword.aftersales.platform.ebay.EbayValues.refundComment;
import static com.helloword.aftersales.platform.ebay.EbayValues.refundReason;
import static com.helloword.aftersales.platform.ebay.EbayValues.withReference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.PartialRefundOffer;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.platform.ebay.EbayApi.Family;
import com.helloword.aftersales.platform.ebay.OrderMoney.IssuedRefund;

/**

/**
 * eBay refunds: of an order (Fulfillment API {@code issue_refund}, journaled in the shared {@link RefundJournal},
 * as eBay returns no refund comment), of a return (Post-Order {@code issue_refund} on the return) and the
 * partial-refund offer on a return; see {@link EbayAdapter} for the idempotency rules.
 */
final class EbayRefunds {

    private final EbayApi api;
    private final ProviderClient client;
    private final RefundJournal journal;

    EbayRefunds(EbayApi api, RefundJournal journal) {
        this.api = api;
        this.client = api.client();
        this.journal = journal;
    }

    RefundResult refund(StoreConnection store, RefundCommand command) {
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

    RefundResult offerPartialRefund(StoreConnection store, PartialRefundOffer offer) {
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

    RefundResult offerOnReturn(StoreConnection store, String returnId, BigDecimal amount, String currency,
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
            JsonNode detail = EbayReturns.returnDetail(session, returnId);
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
                answer = session.postSigned(Family.POST_ORDER, EbayReturns.returnUri(session, returnId, "/issue_refund"), body);
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
            for (JsonNode estimate : EbayReturns.returnPart(returnAnswer, "refundInfo")
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
        for (JsonNode entry : EbayReturns.returnPart(returnAnswer, "responseHistory")) {
            if ("SELLER_ISSUE_REFUND".equals(entry.path("activity").asText())) {
                refunds.add(entry.at("/creationDate/value").asText(entry.path("creationDate").asText("")));
            }
        }
        return refunds;
    }

    static PlatformCannotException partialRefundOnlyOnReturns() {
        return new PlatformCannotException(PLATFORM, "offer a partial refund", "eBay takes a partial-refund offer"
                + " only on a return request, not on an item-not-received inquiry or a case; refund in full, or"
                + " agree an amount with the buyer by message and refund it on the order");
    }
}
