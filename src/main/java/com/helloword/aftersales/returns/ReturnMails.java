package com.helloword.aftersales.returns;

import java.math.RoundingMode;
import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.security.Groups;

/**
 * The return's mails: to the buyer in their language (the refusal explained, a reminder to send the parcel,
 * the outcome) and to the team leads (an SLA passed). Each is queued once per step through the outbox
 * ({@link ReturnService#queue}), so a retried step sends nothing twice.
 */
@Service
public class ReturnMails {

    private final ReturnService returns;
    private final OutboxService outbox;
    private final Clock clock;

    ReturnMails(ReturnService returns, OutboxService outbox, Clock clock) {
        this.returns = returns;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The polite explanation of a refusal in the buyer's language; an agent still reviews it. */
    @Transactional
    public void explainRefusal(long returnId) {
        ReturnRequest r = returns.returnOf(returnId);
        Map<String, Object> model = returns.baseModel(r);
        model.put("refusalReason", String.valueOf(r.getRefusalReason()));
        if (r.getLastDay() != null) {
            model.put("lastDay", r.getLastDay().toString());
        }
        if (r.getWindowDays() != null) {
            model.put("windowDays", r.getWindowDays());
        }
        returns.queue(r, "refused", "return-refused", model);
        r.record("BUYER_TOLD", "refusal explained: " + r.getRefusalReason(), clock.instant());
    }

    /** A reminder that the parcel has not been sent yet; one mail per reminder number. */
    @Transactional
    public void remind(long returnId, int number) {
        ReturnRequest r = returns.returnOf(returnId);
        Map<String, Object> model = returns.baseModel(r);
        model.put("tracking", String.valueOf(r.getLabelTracking()));
        returns.queue(r, "reminder-" + number, "return-reminder", model);
        r.record("REMINDED", "reminder " + number, clock.instant());
    }

    /** An SLA of the return passed (label 2 h, inspection 24 h): one mail to the team leads per SLA. */
    @Transactional
    public void late(long returnId, String what) {
        ReturnRequest r = returns.returnOf(returnId);
        outbox.queue(new MailRequest("return:" + r.getReturnKey() + ":late:" + what,
                r.getCaseId(), "return-late", "en",
                RecipientType.GROUP, Groups.TEAM_LEADS, Map.of("returnKey", r.getReturnKey(), "what", what,
                        "orderId", r.getOrder().getPlatformOrderId(), "storeName", r.getOrder().getStore().getName())));
        r.record("LATE", what, clock.instant());
    }

    /** The outcome in the buyer's language: refunded, exchanged, rejected with the reason, or not returned. */
    @Transactional
    public void tellOutcome(long returnId) {
        ReturnRequest r = returns.returnOf(returnId);
        Map<String, Object> model = returns.baseModel(r);
        model.put("outcome", String.valueOf(r.getOutcome()));
        if (r.getRefundAmount() != null) {
            model.put("amount", r.getRefundAmount().setScale(2, RoundingMode.HALF_UP).toPlainString());
            model.put("currency", r.getRefundCurrency());
        }
        if (r.getOutcome() == ReturnRequest.Outcome.EXCHANGE && r.getPlatformRef() != null) {
            model.put("exchangeOrderId", r.getPlatformRef());
        }
        returns.queue(r, "outcome", "return-outcome", model);
    }
}
