package com.helloword.aftersales.casework.escalation;

import static com.helloword.aftersales.casework.escalation.CaseNotes.note;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import com.helloword.aftersales.casework.CaseStatus;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.casework.Remedy;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.MailTemplates;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.notification.RenderedMail;
import com.helloword.aftersales.workflow.TaskFormRejection;

/**
 * What the buyer gets from the team: the reply with the remedy and its confirmation link, the word that a
 * remedy left for people is done, an answer while the remedy's return runs, and the rating mail. Each is
 * queued once (its outbox key names the case and the remedy, task or rating) in the buyer's language, and
 * recorded in the case file. A mail states only what has happened: a remedy still left for people
 * ({@code BY_HAND}) is told as what we will do.
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
     * The reply to the buyer in their language, with the remedy; queued once per remedy. A remedy done
     * comes with a link to say the problem is solved; one left for people is told as what we will do,
     * and {@link #confirmRemedyDone} follows when they report it. The case's status is not this step's:
     * it waits for the buyer only once the remedy is done ({@link CaseResolution#awaitBuyer}).
     */
    @Transactional
    public void sendReply(long caseId, Long remedyId) {
        AfterSalesCase c = caseOf(caseId);
        CaseRemedy remedy = remedyId == null ? null : remedies.findById(remedyId).orElse(null);
        String key = "case:" + c.getBusinessKey() + ":reply:" + (remedyId == null ? "0" : remedyId);
        toBuyer(c, key, "case-reply", replyModel(c, remedy, true));
    }

    /**
     * The by-hand step of the remedy is reported done: the buyer hears that it happened (the refund made,
     * the replacement shipped with its tracking number), with the link to say the problem is solved.
     * Queued once per remedy; refused (a retry, then an incident) while the remedy is not done.
     */
    @Transactional
    public void confirmRemedyDone(long caseId, long remedyId) {
        AfterSalesCase c = caseOf(caseId);
        CaseRemedy remedy = remedies.findById(remedyId).filter(r -> r.getAfterSalesCase().getId() == caseId)
                .orElseThrow(() -> new IllegalStateException("No remedy " + remedyId + " on case " + caseId));
        if (remedy.getStatus() != CaseRemedy.Status.EXECUTED) {
            throw new IllegalStateException("Remedy " + remedyId + " of case " + c.getBusinessKey() + " is "
                    + remedy.getStatus() + ": the buyer is told it is done only once it is");
        }
        Map<String, Object> model = replyModel(c, remedy, true);
        if (remedy.getRemedy() == Remedy.RESHIP && remedy.getPlatformRef() != null) {
            model.put("trackingNumber", remedy.getPlatformRef());
        }
        toBuyer(c, "case:" + c.getBusinessKey() + ":done:" + remedyId, "case-remedy-done", model);
    }

    private void toBuyer(AfterSalesCase c, String key, String template, Map<String, Object> model) {
        if (c.getBuyer() == null) {
            return;
        }
        outbox.queue(new MailRequest(key, c.getId(), template, c.getLanguage(), RecipientType.BUYER,
                c.getBuyer().getId().toString(), model));
        boolean recorded = c.getMessages().stream().anyMatch(m -> key.equals(m.getExternalMessageId()));
        if (!recorded) {
            RenderedMail mail = templates.render(template, c.getLanguage(), model);
            c.addMessage(MessageDirection.OUTBOUND, "email", key, mail.subject(), mail.text(), mail.language(),
                    clock.instant());
        }
    }

    /**
     * The agent's answer to a buyer who wrote while the remedy's return runs: one mail per task (the
     * task id names it), in the buyer's language; the case waits for the buyer again (unless it still
     * shows the remedy pending: the return is not done).
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
        if (c.getStatus() != CaseStatus.REMEDY_PENDING) { // the return is still the remedy being carried out
            c.awaitBuyer();
        }
    }

    /**
     * What the reply template gets: ids, amounts, whether the remedy is still left for people
     * ({@code remedyPending}: the mail says what will happen) and, for the buyer's mail, the confirmation
     * link (an agent's preview gets a placeholder instead); the buyer's name is added when it is sent.
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
        model.put("remedyPending", remedy != null && remedy.getStatus() == CaseRemedy.Status.BY_HAND);
        if (remedy != null) {
            if (remedy.getPercent() != null) {
                model.put("percent", remedy.getPercent());
            }
            if (remedy.getAmount() != null) {
                model.put("amount", money(remedy.getAmount(), remedy.getCurrency()));
                model.put("currency", remedy.getCurrency());
            }
            if (remedy.getCouponCode() != null) {
                model.put("couponCode", remedy.getCouponCode());
            }
            if (remedy.getNote() != null && !remedy.getNote().isBlank()) {
                model.put("agentNote", remedy.getNote());
            }
        }
        model.put("confirmUrl", withConfirmLink ? links.confirmUrl(c.getBusinessKey(), c.getLanguage())
                : "#confirmation-link");
        return model;
    }

    /** An amount as the currency writes it in a reply: 2394 JPY, 17.94 EUR. */
    static String money(BigDecimal amount, String currency) {
        return amount.setScale(RemedyExecution.minorDigits(currency), RoundingMode.HALF_UP).toPlainString();
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
            urls.add(links.ratingUrl(c.getBusinessKey(), stars, c.getLanguage()));
        }
        model.put("ratingUrls", urls);
        outbox.queue(new MailRequest("case:" + c.getBusinessKey() + ":rating", caseId, "case-rating", c.getLanguage(),
                RecipientType.BUYER, c.getBuyer().getId().toString(), model));
    }

    private AfterSalesCase caseOf(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
    }
}
