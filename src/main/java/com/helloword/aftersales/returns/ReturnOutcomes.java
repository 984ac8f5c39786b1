package com.helloword.aftersales.returns;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.workflow.WaitingProcesses;

/**
 * How a return ends: an agent's review of a refused (or to-be-approved) return, the warehouse's inspection
 * and its outcome, the close (declined on the platform too when refused there), and a return the buyer
 * ended on the platform before the parcel came back.
 */
@Service
public class ReturnOutcomes {

    private final ReturnService returns;
    private final MarketplacePort marketplace;
    private final WaitingProcesses waiting;
    private final Clock clock;

    ReturnOutcomes(ReturnService returns, MarketplacePort marketplace, WaitingProcesses waiting, Clock clock) {
        this.returns = returns;
        this.marketplace = marketplace;
        this.waiting = waiting;
        this.clock = clock;
    }

    /** An agent approved the return after all, or confirmed the refusal. */
    @Transactional
    public void reviewed(long returnId, boolean approved, String who, String note) {
        returns.returnOf(returnId).review(approved, who, note, clock.instant());
    }

    /** What the warehouse found. Refuses an incomplete inspection with the reason. */
    @Transactional
    public void inspected(long returnId, String grade, Boolean matchesComplaint, String outcome, Integer percent,
            String exchangeSku, String note, String who) {
        ReturnRequest r = returns.returnOf(returnId);
        if (grade == null || !grade.matches("[A-D]")) {
            throw ReturnProcess.refuse("Grade the condition A (as new) to D (unusable)");
        }
        ReturnRequest.Outcome chosen;
        try {
            chosen = ReturnRequest.Outcome.valueOf(outcome == null ? "" : outcome);
        } catch (IllegalArgumentException e) {
            throw ReturnProcess.refuse("Choose the outcome: refund, partial refund, exchange or reject");
        }
        if (chosen == ReturnRequest.Outcome.REFUSED || chosen == ReturnRequest.Outcome.NOT_RETURNED) {
            throw ReturnProcess.refuse("Choose the outcome: refund, partial refund, exchange or reject");
        }
        if (chosen == ReturnRequest.Outcome.PARTIAL_REFUND && (percent == null || percent < 1 || percent > 99)) {
            throw ReturnProcess.refuse("A partial refund is 1 to 99 % of the returned value");
        }
        if (chosen == ReturnRequest.Outcome.REJECTED && (note == null || note.isBlank())) {
            throw ReturnProcess.refuse("Say why the return is rejected; the buyer is told");
        }
        if (chosen == ReturnRequest.Outcome.EXCHANGE) {
            r.exchangeFor(exchangeSku);
        }
        r.inspected(grade, Boolean.TRUE.equals(matchesComplaint), chosen, (who == null ? "" : who + ": ")
                + (note == null ? "" : note.strip()), clock.instant());
        if (chosen == ReturnRequest.Outcome.PARTIAL_REFUND) {
            r.record("PARTIAL", percent + " %", clock.instant());
        }
    }

    /**
     * Closes the return. A refused return the buyer opened on the platform is declined there too, with
     * the refusal as the note (where the platform cannot, the timeline says what to do by hand).
     */
    @Transactional
    public void close(long returnId, String outcome) {
        ReturnRequest r = returns.returnOf(returnId);
        if (r.getStatus() == ReturnRequest.Status.CLOSED) {
            return;
        }
        ReturnRequest.Outcome closing = outcome == null ? null : ReturnRequest.Outcome.valueOf(outcome);
        if (closing == ReturnRequest.Outcome.REFUSED && r.getPlatformReturnId() != null) {
            declineOnPlatform(r);
        }
        r.close(closing, clock.instant());
    }

    /** What the buyer reads on the platform when the return is declined there (the mail says more). */
    static String declineNote(ReturnRequest r) {
        String why = switch (String.valueOf(r.getRefusalReason())) {
            case "WINDOW_PASSED" -> r.getLastDay() == null ? "The return period for this order has ended."
                    : "The return period for this order ended on " + r.getLastDay() + ".";
            case "NON_RETURNABLE" -> "This item cannot be returned unless it is faulty (for hygiene reasons or"
                    + " because it was made for you).";
            default -> "We cannot accept this return as it was requested.";
        };
        return why + " We have written to you by e-mail with the details; reply there and we will look again.";
    }

    private void declineOnPlatform(ReturnRequest r) {
        SalesOrder order = r.getOrder();
        try {
            MarketplacePort.PlatformReturnResult result = marketplace.declinePlatformReturn(
                    new MarketplacePort.PlatformReturnCommand(order.getStore().getId(), r.getPlatformReturnId(),
                            order.getPlatformOrderId(), declineNote(r),
                            "return:" + r.getReturnKey() + ":decline"));
            r.record("DECLINED_ON_PLATFORM", result.alreadyDone() ? "already declined" : result.state(),
                    clock.instant());
        } catch (PlatformCannotException cannot) {
            r.record("DECLINE_BY_HAND", cannot.insteadAdvice(), clock.instant());
        }
    }

    /**
     * The platform says the buyer's return is over there (cancelled by the buyer, closed, declined in the
     * platform's own admin). Before the parcel is back, a return opened on the platform ends here too
     * ("Close as cancelled": no reminders, no "not returned"); a return this system opened (an agent's
     * remedy the buyer also asked for there) only notes it, the case settles it. After the parcel is back
     * or the refund is paid, nothing changes: the platform's state then follows this system's own steps.
     * Returns whether the return was ended.
     */
    @Transactional
    public boolean overOnPlatform(long returnId, String state) {
        ReturnRequest r = returns.returnOf(returnId);
        if (r.getStatus() == ReturnRequest.Status.CLOSED || r.getReceivedAt() != null || r.getRefundAmount() != null) {
            return false;
        }
        r.record("OVER_ON_PLATFORM", state + " on " + r.getOrder().getStore().getPlatform(), clock.instant());
        if (r.getSource() != ReturnRequest.Source.PLATFORM) {
            return false;
        }
        return waiting.correlateIfWaiting(r.getProcessInstanceId(), ReturnProcess.MESSAGE_RETURN_CANCELLED, Map.of());
    }
}
