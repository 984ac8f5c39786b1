package com.helloword.aftersales.casework.escalation;

import static com.helloword.aftersales.casework.escalation.CaseNotes.note;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseRemedy;
import com.helloword.aftersales.casework.CaseRemedyRepository;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.MailTemplates;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.notification.RenderedMail;
import com.helloword.aftersales.workflow.TaskFormRejection;

/**
 * What the buyer gets from the team: the reply with the remedy and its confirmation link, an answer
 * while the remedy's return runs, and the rating mail. Each is queued once (its outbox key names the
 * case and the remedy, task or rating) in the buyer's language, and recorded in the case file.
 */
@Service
public class BuyerReplies {

    private final AfterSalesCaseRepository cases;
    private final CaseRemedyRepository remedies;
    private final OutboxService outbox;
    private final MailTemplates templates;
    private final BuyerLinks links;
    private final Clock clock;

    BuyerReplies(AfterSalesCaseRepository cases, CaseRemedyRepository remedies, OutboxService outbox,
            MailTemplates templates, BuyerLinks links, Clock clock) {
        this.cases = cases;
        this.remedies = remedies;
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
        this.clock = clock;
    }

    /**
     * The reply to the buyer in their language, with the remedy and a link to say the problem is
     * solved; queued once per remedy. The case then waits for the buyer.
     */
    @Transactional
    public void sendReply(long caseId, Long remedyId) {
        AfterSalesCase c = caseOf(caseId);
        CaseRemedy remedy = remedyId == null ? null : remedies.findById(remedyId).orElse(null);
        String key = "case:" + c.getBusinessKey() + ":reply:" + (remedyId == null ? "0" : remedyId);
        if (c.getBuyer() != null) {
            Map<String, Object> model = replyModel(c, remedy, true);
            outbox.queue(new MailRequest(key, caseId, "case-reply", c.getLanguage(), RecipientType.BUYER,
                    c.getBuyer().getId().toString(), model));
            boolean recorded = c.getMessages().stream().anyMatch(m -> key.equals(m.getExternalMessageId()));
            if (!recorded) {
                RenderedMail mail = templates.render("case-reply", c.getLanguage(), model);
                c.addMessage(MessageDirection.OUTBOUND, "email", key, mail.subject(), mail.text(), mail.language(),
                        clock.instant());
            }
        }
        c.awaitBuyer();
    }

    /**
     * The agent's answer to a buyer who wrote while the remedy's return runs: one mail per task (the
     * task id names it), in the buyer's language; the case waits for the buyer again.
     */
    @Transactional
    public void replyDuringReturn(long caseId, String taskId, String text, String who) {
        if (note(text).isBlank()) {
            throw TaskFormRejection.because("Write the answer for the buyer");
        }
        AfterSalesCase c = caseOf(caseId);
        if (c.getBuyer() != null) {
            String key = "case:" + c.getBusinessKey() + ":answer:" + taskId;
            Map<String, Object> model = replyModel(c, null, true);
            model.put("agentNote", note(text));
            outbox.queue(new MailRequest(key, caseId, "case-reply", c.getLanguage(), RecipientType.BUYER,
                    c.getBuyer().getId().toString(), model));
            c.addMessage(MessageDirection.OUTBOUND, "email", key, "Answer by " + who, note(text), c.getLanguage(),
                    clock.instant());
        }
        c.awaitBuyer();
    }

    /**
     * What the reply template gets: ids, amounts and, for the buyer's mail, the confirmation link (an
     * agent's preview gets a placeholder instead); the buyer's name is added when it is sent.
     */
    public Map<String, Object> replyModel(AfterSalesCase c, CaseRemedy remedy, boolean withConfirmLink) {
        Map<String, Object> model = new HashMap<>();
        model.put("caseKey", c.getBusinessKey());
        if (c.getOrder() != null) {
            model.put("orderId", c.getOrder().getPlatformOrderId());
        }
        if (c.getStore() != null) {
            model.put("storeName", c.getStore().getName());
        }
        model.put("remedy", remedy == null ? "NONE" : remedy.getRemedy().name());
        if (remedy != null) {
            if (remedy.getPercent() != null) {
                model.put("percent", remedy.getPercent());
            }
            if (remedy.getAmount() != null) {
                model.put("amount", CaseView.money(remedy.getAmount()));
                model.put("currency", remedy.getCurrency());
            }
            if (remedy.getCouponCode() != null) {
                model.put("couponCode", remedy.getCouponCode());
            }
            if (remedy.getNote() != null && !remedy.getNote().isBlank()) {
                model.put("agentNote", remedy.getNote());
            }
        }
        model.put("confirmUrl", withConfirmLink ? links.confirmUrl(c.getBusinessKey()) : "#confirmation-link");
        return model;
    }

    /** The 1-5 rating mail: five links, one per star count. Queued once per case. */
    @Transactional
    public void requestRating(long caseId) {
        AfterSalesCase c = caseOf(caseId);
        if (c.getBuyer() == null || c.getRating() != null) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("caseKey", c.getBusinessKey());
        if (c.getStore() != null) {
            model.put("storeName", c.getStore().getName());
        }
        List<String> urls = new ArrayList<>();
        for (int stars = 1; stars <= 5; stars++) {
            urls.add(links.ratingUrl(c.getBusinessKey(), stars));
        }
        model.put("ratingUrls", urls);
        outbox.queue(new MailRequest("case:" + c.getBusinessKey() + ":rating", caseId, "case-rating", c.getLanguage(),
                RecipientType.BUYER, c.getBuyer().getId().toString(), model));
    }

    private AfterSalesCase caseOf(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
    }
}
