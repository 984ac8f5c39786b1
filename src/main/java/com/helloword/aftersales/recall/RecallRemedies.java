package com.helloword.aftersales.recall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.platform.MarketplacePort;

/**
 * The remedy a recall buyer chose, given once: a notice with {@code remedyDoneAt} is never refunded or replaced
 * again, and every platform call carries the key {@code recall:<recallKey>:refund:<noticeId>} (or
 * {@code :replacement:}), so a step that ran at the platform but not to its end is not paid twice when it runs
 * again. A buyer with affected units in several orders is refunded per order: then each order's key ends in
 * {@code :<platform order id>} (the operation journal keeps one result per key). Where the platform cannot
 * (Amazon refunds, a platform without exchange orders), a person does it by hand and records it.
 */
@Service
class RecallRemedies {

    private final RecallReturns returns;
    private final MarketplacePort marketplace;
    private final OutboxService outbox;
    private final Clock clock;

    RecallRemedies(RecallReturns returns, MarketplacePort marketplace, OutboxService outbox, Clock clock) {
        this.returns = returns;
        this.marketplace = marketplace;
        this.outbox = outbox;
        this.clock = clock;
    }

    static String key(Recall recall, RecallRemedy remedy, long noticeId, SalesOrder order, boolean severalOrders) {
        return "recall:" + recall.getRecallKey() + ":" + remedy.name().toLowerCase(java.util.Locale.ROOT) + ":"
                + noticeId + (severalOrders ? ":" + order.getPlatformOrderId() : "");
    }

    /** What the notice's units cost the buyer: the sum of their unit prices. */
    static BigDecimal price(List<RecallUnit> ofUnits) {
        return ofUnits.stream().map(RecallUnit::getUnitPrice).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Refunds the notice's units through the marketplace, per order, once. Returns true when a person must refund
     * by hand: a store of the buyer's orders does not refund through its API (nothing is refunded then, so the
     * person refunds it all in the seller portal).
     */
    @Transactional
    public boolean refund(long noticeId) {
        RecallNotice notice = returns.notice(noticeId);
        if (notice.getRemedyDoneAt() != null) {
            return false;
        }
        Recall recall = returns.recallOf(notice);
        Map<SalesOrder, List<RecallUnit>> byOrder = returns.byOrder(noticeId);
        if (byOrder.keySet().stream().anyMatch(o -> !marketplace.refundsThroughApi(o.getStore().getId()))) {
            returns.record(notice, "REFUND_BY_HAND", RecallReturns.SYSTEM, "refund " + due(byOrder)
                    + " in the seller portal: the platform cannot refund through its API");
            return true;
        }
        List<String> refs = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        for (Map.Entry<SalesOrder, List<RecallUnit>> entry : byOrder.entrySet()) {
            SalesOrder order = entry.getKey();
            BigDecimal amount = price(entry.getValue());
            try {
                MarketplacePort.RefundResult result = marketplace.refund(new MarketplacePort.RefundCommand(
                        order.getStore().getId(), order.getPlatformOrderId(), amount, order.getCurrency(),
                        "Recall " + recall.getRecallKey(),
                        key(recall, RecallRemedy.REFUND, noticeId, order, byOrder.size() > 1)));
                refs.add(result.platformRefundId());
                total = total.add(result.amount() == null ? amount : result.amount());
                currency = result.currency() == null ? order.getCurrency() : result.currency();
            } catch (PlatformCannotException cannot) {
                returns.record(notice, "REFUND_BY_HAND", RecallReturns.SYSTEM, "refund order "
                        + order.getPlatformOrderId() + " in the seller portal: " + cannot.insteadAdvice());
                return true;
            }
        }
        notice.remedyDone(String.join(", ", refs), total, currency, clock.instant());
        returns.record(notice, "REMEDY_DONE", RecallReturns.SYSTEM, "refunded " + total + " " + currency);
        return false;
    }

    private static String due(Map<SalesOrder, List<RecallUnit>> byOrder) {
        return byOrder.entrySet().stream().map(e -> price(e.getValue()).toPlainString() + " "
                + e.getKey().getCurrency() + " on order " + e.getKey().getPlatformOrderId())
                .collect(Collectors.joining(", "));
    }

    /**
     * A person refunded in the seller portal: the amount (more than 0, at most the units' price) and the portal's
     * reference, with who did it (the task must be claimed). Refused with the reason otherwise.
     */
    @Transactional
    public void refundedByHand(long noticeId, BigDecimal amount, String reference, String who) {
        RecallNotice notice = returns.notice(noticeId);
        if (notice.getRemedyDoneAt() != null) {
            return;
        }
        if (who == null) {
            throw RecallTaskRefusal.because("Claim the task first: the refund is recorded with who made it");
        }
        List<RecallUnit> ofNotice = returns.unitsOf(noticeId);
        BigDecimal due = price(ofNotice);
        if (amount == null || amount.signum() <= 0 || amount.compareTo(due) > 0) {
            throw RecallTaskRefusal.because("Enter the amount refunded: more than 0 and at most " + due.toPlainString());
        }
        if (reference == null || reference.isBlank()) {
            throw RecallTaskRefusal.because("Enter the refund's reference from the seller portal");
        }
        String ref = reference.strip();
        notice.remedyDone("by hand: " + ref.substring(0, Math.min(100, ref.length())) + " (" + who + ")",
                amount.setScale(2, RoundingMode.HALF_UP), ofNotice.get(0).getCurrency(), clock.instant());
        returns.record(notice, "REMEDY_DONE", who, "refunded " + amount + " by hand, " + ref);
    }

    /**
     * Orders the replacement units at the platform, per order, once (one unit of the SKU per recalled unit; the
     * warehouse ships units of a safe batch). Returns true when the platform cannot create such an order: then the
     * warehouse ships the replacement by hand.
     */
    @Transactional
    public boolean orderReplacement(long noticeId) {
        RecallNotice notice = returns.notice(noticeId);
        if (notice.getRemedyDoneAt() != null) {
            return false;
        }
        Recall recall = returns.recallOf(notice);
        Map<SalesOrder, List<RecallUnit>> byOrder = returns.byOrder(noticeId);
        List<String> refs = new ArrayList<>();
        for (Map.Entry<SalesOrder, List<RecallUnit>> entry : byOrder.entrySet()) {
            SalesOrder order = entry.getKey();
            Map<String, Integer> perSku = new LinkedHashMap<>();
            entry.getValue().forEach(u -> perSku.merge(u.getSku(), 1, Integer::sum));
            List<MarketplacePort.ExchangeLine> lines = perSku.entrySet().stream()
                    .map(e -> new MarketplacePort.ExchangeLine(e.getKey(), e.getValue())).toList();
            try {
                MarketplacePort.ExchangeResult result = marketplace.createExchangeOrder(
                        new MarketplacePort.ExchangeOrderCommand(order.getStore().getId(), order.getPlatformOrderId(),
                                lines, "Replacement for recall " + recall.getRecallKey(),
                                key(recall, RecallRemedy.REPLACEMENT, noticeId, order, byOrder.size() > 1)));
                refs.add(result.platformOrderId());
            } catch (PlatformCannotException cannot) {
                returns.record(notice, "REPLACEMENT_BY_HAND", RecallReturns.SYSTEM, "ship the replacement for order "
                        + order.getPlatformOrderId() + " by hand: " + cannot.insteadAdvice());
                return true;
            }
        }
        notice.remedyDone(String.join(", ", refs), null, null, clock.instant());
        returns.record(notice, "REMEDY_DONE", RecallReturns.SYSTEM, "replacement ordered " + String.join(", ", refs));
        return false;
    }

    /**
     * The warehouse shipped the repaired units back, or the replacement by hand: the shipment's reference (e.g. the
     * tracking number) with who did it. Refused with the reason without a reference or an assignee.
     */
    @Transactional
    public void shippedByHand(long noticeId, String reference, String who) {
        RecallNotice notice = returns.notice(noticeId);
        if (notice.getRemedyDoneAt() != null) {
            return;
        }
        if (who == null) {
            throw RecallTaskRefusal.because("Claim the task first: the shipment is recorded with who sent it");
        }
        if (reference == null || reference.isBlank()) {
            throw RecallTaskRefusal.because("Enter the shipment's tracking number or reference");
        }
        String ref = reference.strip();
        notice.remedyDone("shipped: " + ref.substring(0, Math.min(100, ref.length())) + " (" + who + ")", null, null,
                clock.instant());
        returns.record(notice, "REMEDY_DONE", who, notice.getRemedy() + " shipped, " + ref);
    }

    /** The buyer is told their remedy was given (template {@code recall-remedy-done}), once. */
    @Transactional
    public void tellOutcome(long noticeId) {
        RecallNotice notice = returns.notice(noticeId);
        Recall recall = returns.recallOf(notice);
        Map<String, Object> model = new java.util.HashMap<>(returns.baseModel(recall, notice, returns.unitsOf(noticeId)));
        if (notice.getRemedyAmount() != null) {
            int digits = notice.getRemedyCurrency() == null ? 2
                    : java.util.Currency.getInstance(notice.getRemedyCurrency()).getDefaultFractionDigits();
            model.put("amount", notice.getRemedyAmount().setScale(Math.max(digits, 0), RoundingMode.HALF_UP)
                    .toPlainString());
            model.put("currency", notice.getRemedyCurrency());
        }
        outbox.queue(new MailRequest("recall:" + recall.getRecallKey() + ":remedy-done:" + noticeId, null,
                "recall-remedy-done", notice.getLanguage(), RecipientType.BUYER, notice.getBuyerId().toString(),
                model));
    }
}
