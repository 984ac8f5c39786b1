package com.helloword.aftersales.casework.escalation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.CaseRemedy;
import com.helloword.aftersales.casework.Remedy;
import com.helloword.aftersales.notification.MailTemplates;

/**
 * The standard reply as "Answer buyer" shows it before the agent chooses: one text per remedy the form
 * offers, from the template, the model and the tense the mail will have ({@link BuyerReplies#replyModel};
 * a remedy that will be left for people, such as an Amazon refund, in the future tense:
 * {@link RemedyExecution#willBeLeftForPeople}), so that the form can show the one for the remedy picked.
 * <p>
 * What the agent types is not known yet: {@value #PERCENT} stands for the percent entered and {@value #AMOUNT}
 * for the amount, and the form's FEEL fills them in (bpmn/forms/answer-buyer.form): a coupon's amount is the
 * value entered, a partial refund's comes from {@code partialRefundAmounts}, the amount of each whole percent
 * from 1 to {@value #PREVIEWED_PERCENTS} worked out as the reply will work it out. Like every task variable
 * it holds no personal data: the greeting has no name (the mail gets it when it is sent) and the
 * confirmation link is a placeholder.
 */
@Component
class ReplyPreviews {

    /** Where the preview has the percent the agent enters. */
    static final String PERCENT = "%PERCENT%";
    /** Where the preview has the amount the agent's entry comes to. */
    static final String AMOUNT = "%AMOUNT%";
    /**
     * The percents the form can show a partial refund's amount for (1 to this: the form's own range); for
     * another, the form shows a placeholder. Not a limit: what may be refunded is the remedyApproval table's.
     */
    static final int PREVIEWED_PERCENTS = 200; // above any approval limit: the remedyApproval table decides

    private final BuyerReplies replies;
    private final RemedyExecution execution;
    private final MailTemplates templates;
    private final Clock clock;

    ReplyPreviews(BuyerReplies replies, RemedyExecution execution, MailTemplates templates, Clock clock) {
        this.replies = replies;
        this.execution = execution;
        this.templates = templates;
        this.clock = clock;
    }

    /** {@code texts}: remedy → the reply's text; {@code partialRefundAmounts}: the amount of 1 %, 2 %, ... */
    Map<String, Object> of(AfterSalesCase c) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Remedy remedy : Remedy.values()) {
            texts.put(remedy.name(), text(c, remedy));
        }
        List<String> amounts = new ArrayList<>();
        if (c.getOrder() != null) {
            for (int percent = 1; percent <= PREVIEWED_PERCENTS; percent++) {
                amounts.add(BuyerReplies.money(AgentChoices.partialRefund(c, percent), c.getOrder().getCurrency()));
            }
        }
        Map<String, Object> previews = new LinkedHashMap<>();
        previews.put("texts", texts);
        previews.put("partialRefundAmounts", amounts);
        return previews;
    }

    /** The reply with this remedy as the buyer would read it, the agent's numbers as placeholders. */
    String text(AfterSalesCase c, Remedy remedy) {
        String currency = c.getOrder() == null ? null : c.getOrder().getCurrency();
        CaseRemedy preview = switch (remedy) {
            case REFUND -> new CaseRemedy(c, remedy, 100, AgentChoices.fullRefund(c), currency, "preview", null,
                    clock.instant());
            case COUPON -> new CaseRemedy(c, remedy, null, null, AgentChoices.COUPON_CURRENCY, "preview", null,
                    clock.instant());
            default -> new CaseRemedy(c, remedy, null, null, currency, "preview", null, clock.instant());
        };
        if (execution.willBeLeftForPeople(c, remedy)) {
            preview.leftForPeople();
        }
        // the preview carries no working confirmation link: only the buyer gets one
        Map<String, Object> model = replies.replyModel(c, preview, false);
        switch (remedy) {
            case PARTIAL_REFUND_KEEP_ITEM -> {
                model.put("percent", PERCENT);
                model.put("amount", AMOUNT);
                model.put("currency", currency == null ? "" : currency);
            }
            case GOODWILL_DISCOUNT -> model.put("percent", PERCENT);
            case COUPON -> {
                model.put("amount", AMOUNT);
                model.put("currency", AgentChoices.COUPON_CURRENCY);
            }
            default -> {
            }
        }
        return templates.render("case-reply", c.getLanguage(), model).text();
    }
}
