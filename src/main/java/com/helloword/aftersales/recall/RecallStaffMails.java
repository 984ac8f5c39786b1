package com.helloword.aftersales.recall;

import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.security.Groups;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Mail to the recall's staff: a filing deadline near (recall managers) or missed (managers). */
@Component
class RecallStaffMails {

    private final OutboxService outbox;

    RecallStaffMails(OutboxService outbox) {
        this.outbox = outbox;
    }

    void filingDue(Recall recall, RecallFiling filing, boolean missed) {
        String group = missed ? Groups.MANAGERS : Groups.RECALL_MANAGERS;
        outbox.queue(new MailRequest("recall:" + recall.getRecallKey() + ":filing:" + filing.getAuthority() + ":"
                + (missed ? "missed" : "warned"), null, "recall-filing-due", "en", RecipientType.GROUP, group,
                Map.of("recallKey", recall.getRecallKey(), "sku", recall.getSku(), "authority",
                        filing.getAuthorityName(), "dueAt", filing.getDueAt().toString(), "missed", missed)));
    }
}
