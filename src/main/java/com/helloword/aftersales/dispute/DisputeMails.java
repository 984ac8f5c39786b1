package com.helloword.aftersales.dispute;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.security.Groups;

/**
 * The dispute's mail: the buyer's outcome in their language ({@code templates/mail/dispute-outcome}, twelve
 * languages) and the staff's deadline notes ({@code dispute-deadline}, English). Queued in the outbox once per
 * decision (the idempotency key names it); personal data is looked up when the mail goes out.
 */
@Component
class DisputeMails {

    private final OutboxService outbox;

    DisputeMails(OutboxService outbox) {
        this.outbox = outbox;
    }

    /**
     * The buyer's mail. {@code viaPlatform}: the decision answered a platform claim (a partial refund is then an
     * offer the buyer accepts there, a contest is proof the platform decides on), which the mail says as such.
     */
    void outcome(Dispute dispute, SalesOrder order, boolean viaPlatform) {
        Map<String, Object> model = new HashMap<>();
        model.put("disputeKey", dispute.getKey());
        model.put("orderId", dispute.getPlatformOrderId());
        model.put("storeName", order.getStore().getName());
        model.put("outcome", dispute.getDecision().name());
        if (dispute.getDecisionAmount() != null && dispute.getDecision() != DisputeOutcome.CONTEST
                && dispute.getDecision() != DisputeOutcome.RESHIP) {
            model.put("amount", dispute.getDecisionAmount().toPlainString());
            model.put("currency", dispute.getCurrency());
        }
        if (viaPlatform) {
            model.put("offer", "platform");
        }
        outbox.queue(new MailRequest("dispute:" + dispute.getKey() + ":outcome:" + dispute.getDecidedAt(),
                dispute.getCaseId(), "dispute-outcome", order.getBuyer().getLanguage(), RecipientType.BUYER,
                order.getBuyer().getId().toString(), model));
    }

    /** The deadline is near ({@code stage} NEAR, to the specialists) or passed (PASSED, to the managers too). */
    void deadline(Dispute dispute, String stage) {
        Map<String, Object> model = Map.of("disputeKey", dispute.getKey(), "orderId", dispute.getPlatformOrderId(),
                "storeId", dispute.getStoreId(), "respondBy", String.valueOf(dispute.getRespondBy()), "stage", stage);
        outbox.queue(new MailRequest("dispute:" + dispute.getKey() + ":deadline:" + stage + ":"
                + dispute.getRespondBy(), dispute.getCaseId(), "dispute-deadline", "en", RecipientType.GROUP,
                dispute.getCandidateGroup(), model));
        if ("PASSED".equals(stage)) {
            outbox.queue(new MailRequest("dispute:" + dispute.getKey() + ":deadline:managers:" + dispute.getRespondBy(),
                    dispute.getCaseId(), "dispute-deadline", "en", RecipientType.GROUP, Groups.MANAGERS, model));
        }
    }
}
