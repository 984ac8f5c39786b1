package com.helloword.aftersales.recall;

import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The buyer's recall notice and reminders, through the outbox, each once per key. */
@Component
public class RecallNoticeMails {

    private final OutboxService outbox;
    private final RecallMarketPlanRepository plans;

    RecallNoticeMails(OutboxService outbox, RecallMarketPlanRepository plans) {
        this.outbox = outbox;
        this.plans = plans;
    }

    public void queueNotice(Recall recall, RecallNotice notice) {
        String template = plans.findByRecallIdAndCountry(recall.getId(), notice.getCountry())
                .map(RecallMarketPlan::getNoticeTemplate).orElse("recall-notice");
        outbox.queue(new MailRequest("recall:" + recall.getRecallKey() + ":notice:" + notice.getBuyerId(), null,
                template, notice.getLanguage(), RecipientType.BUYER, notice.getBuyerId().toString(),
                Map.of("recallKey", recall.getRecallKey(), "sku", recall.getSku())));
    }

    public void queueReminder(Recall recall, RecallNotice notice, int round) {
        outbox.queue(new MailRequest("recall:" + recall.getRecallKey() + ":reminder:" + round + ":"
                + notice.getBuyerId(), null, "recall-reminder", notice.getLanguage(), RecipientType.BUYER,
                notice.getBuyerId().toString(), Map.of("recallKey", recall.getRecallKey(), "sku", recall.getSku())));
    }
}
