package com.helloword.aftersales.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.OrderLine;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.security.Groups;

/**
 * The refund of a return: through the marketplace once, by hand in the seller portal where the platform
 * cannot, and the deadline it must meet (returnMarketWindow's refundDeadlineDays, recorded on the return by
 * the policy step): the team leads are warned {@code aftersales.returns.refund-warning} before it.
 */
@Service
public class ReturnRefunds {

    private final ReturnService returns;
    private final OutboxService outbox;
    private final MarketplacePort marketplace;
    private final ReturnSettings settings;
    private final Clock clock;

    ReturnRefunds(ReturnService returns, OutboxService outbox, MarketplacePort marketplace, ReturnSettings settings,
            Clock clock) {
        this.returns = returns;
        this.outbox = outbox;
        this.marketplace = marketplace;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * When the team leads are warned of a refund not yet paid: {@code aftersales.returns.refund-warning} (whole
     * days, 2 by default) before it is due, at the start of the day in the store's time zone (a year after the request when the table sets no bound). From the
     * case file, so no completion's variables can move it.
     */
    @Transactional(readOnly = true)
    public String refundWarnAt(long returnId) {
        ReturnRequest r = returns.returnOf(returnId);
        ZoneId zone = ReturnService.zone(r.getOrder());
        LocalDate day = r.getRefundDueOn() == null ? r.getRequestedAt().atZone(zone).toLocalDate().plusYears(1)
                : r.getRefundDueOn().minusDays(settings.refundWarning().toDays());
        return day.atStartOfDay(zone).toOffsetDateTime().toString();
    }

    /**
     * The refund of a return falls due soon (refund-warning) and is not paid. When the parcel is back or the
     * carrier has it (proof of sending, which under EU law starts the refund clock), the team leads are
     * told once; while the buyer has not sent it, the refund may wait and the timeline says so.
     */
    @Transactional
    public void refundDeadlineNear(long returnId) {
        ReturnRequest r = returns.returnOf(returnId);
        if (r.getRefundAmount() != null || r.getStatus() == ReturnRequest.Status.CLOSED || r.getRefundDueOn() == null) {
            return;
        }
        boolean refundDecided = r.getOutcome() == ReturnRequest.Outcome.REFUND
                || r.getOutcome() == ReturnRequest.Outcome.PARTIAL_REFUND;
        if (r.getWanted() == ReturnRequest.Wanted.EXCHANGE && !refundDecided) {
            return; // the buyer asked for an exchange, not their money back: no refund falls due
        }
        if (r.getTimeline().stream().anyMatch(e -> "REFUND_DUE_SOON".equals(e.getCode()))) {
            return;
        }
        boolean back = r.getReceivedAt() != null;
        boolean onItsWay = r.getTimeline().stream().anyMatch(e -> "TRACKING".equals(e.getCode()));
        if (!back && !onItsWay) {
            r.record("REFUND_WAITS", "refund due by " + r.getRefundDueOn() + ", but the buyer has not sent the parcel:"
                    + " the refund may wait for it or the buyer's proof of sending", clock.instant());
            return;
        }
        Map<String, Object> model = new HashMap<>(Map.of("returnKey", r.getReturnKey(), "what", "refund-deadline",
                "orderId", r.getOrder().getPlatformOrderId(), "storeName", r.getOrder().getStore().getName(),
                "refundDueOn", r.getRefundDueOn().toString(), "parcelBack", back));
        outbox.queue(new MailRequest("return:" + r.getReturnKey() + ":late:refund-deadline",
                r.getCaseId(), "return-late", "en",
                RecipientType.GROUP, Groups.TEAM_LEADS, model));
        r.record("REFUND_DUE_SOON", "refund due by " + r.getRefundDueOn() + (back ? "; the parcel is back"
                : "; the parcel is on its way"), clock.instant());
    }

    /**
     * Pays the refund for the returned goods through the marketplace, once (idempotency key per return).
     * Returns null when it is paid, or the amount a person must refund in the seller portal where the
     * platform cannot refund through its API (Amazon); the timeline says how.
     */
    @Transactional
    public BigDecimal refund(long returnId, Integer percent) {
        ReturnRequest r = returns.returnOf(returnId);
        if (r.getRefundAmount() != null) {
            return null;
        }
        SalesOrder order = r.getOrder();
        BigDecimal amount = amountToRefund(r, percent);
        boolean wholeOrder = r.getSku() == null && r.getQuantity() == null && (percent == null || percent >= 100);
        try {
            MarketplacePort.RefundResult result = marketplace.refund(new MarketplacePort.RefundCommand(
                    order.getStore().getId(), order.getPlatformOrderId(), wholeOrder ? null : amount,
                    order.getCurrency(), "Return " + r.getReturnKey(), "return:" + r.getReturnKey() + ":refund",
                    r.getPlatformReturnId()));
            r.refunded(result.amount() == null ? amount : result.amount(),
                    result.currency() == null ? order.getCurrency() : result.currency(), result.platformRefundId(),
                    clock.instant());
            return null;
        } catch (PlatformCannotException cannot) {
            BigDecimal due = amount.setScale(2, RoundingMode.HALF_UP);
            if (r.getRefundByHandAmount() == null) {
                r.refundByHand(due, cannot.insteadAdvice(), clock.instant());
            }
            return due;
        }
    }

    /**
     * A person refunded the return in the seller portal: the amount (at most the amount due, kept on the
     * return when the refund step found the platform cannot) and the portal's reference are recorded, with
     * who did it (the task's assignee: it must be claimed).
     */
    @Transactional
    public void refundedByHand(long returnId, BigDecimal amount, String reference, String who) {
        ReturnRequest r = returns.returnOf(returnId);
        if (r.getRefundAmount() != null) {
            return;
        }
        if (who == null) {
            throw ReturnProcess.refuse("Claim the task first: the refund is recorded with who made it");
        }
        BigDecimal due = r.getRefundByHandAmount() != null ? r.getRefundByHandAmount() : amountToRefund(r, null);
        if (amount == null || amount.signum() <= 0 || amount.compareTo(due) > 0) {
            throw ReturnProcess.refuse("Enter the amount refunded: more than 0 and at most "
                    + due.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + r.getOrder().getCurrency());
        }
        if (reference == null || reference.isBlank()) {
            throw ReturnProcess.refuse("Enter the refund's reference from the seller portal");
        }
        String ref = reference.strip();
        r.refunded(amount.setScale(2, RoundingMode.HALF_UP), r.getOrder().getCurrency(),
                "by hand: " + ref.substring(0, Math.min(100, ref.length())) + " (" + who + ")", clock.instant());
    }

    static BigDecimal amountToRefund(ReturnRequest r, Integer percent) {
        BigDecimal value = returnedValue(r);
        return percent == null || percent >= 100 ? value
                : value.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /**
     * What the returned goods are worth: the whole order without a SKU; the SKU's lines; of those, the
     * units that come back when the return names fewer than were bought.
     */
    static BigDecimal returnedValue(ReturnRequest r) {
        if (r.getSku() == null) {
            return r.getOrder().total();
        }
        List<OrderLine> lines = r.getOrder().getLines().stream().filter(l -> l.getSku().equals(r.getSku())).toList();
        BigDecimal total = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        int bought = lines.stream().mapToInt(OrderLine::getQuantity).sum();
        if (r.getQuantity() == null || bought <= 0 || r.getQuantity() >= bought) {
            return total;
        }
        return total.multiply(BigDecimal.valueOf(r.getQuantity())).divide(BigDecimal.valueOf(bought), 2,
                RoundingMode.HALF_UP);
    }
}
