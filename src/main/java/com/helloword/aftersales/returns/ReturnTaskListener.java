package com.helloword.aftersales.returns;

import static com.helloword.aftersales.returns.ReturnProcess.*;
import static com.helloword.aftersales.workflow.TaskMarkdown.escape;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;


/**
 * The user tasks of {@code returnProcess} ({@code ${returnTaskListener}} on create and complete):
 * on create the task gets the return as its worker sees it ({@code returnView}: codes in words, times in
 * the store's zone) and the inspection its 24 h due date; on complete what the person entered is checked and recorded, or refused with
 * the reason (Tasklist shows it, the task stays open).
 */
@Component("returnTaskListener")
class ReturnTaskListener implements TaskListener {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ReturnService returns;
    private final ReturnOutcomes outcomes;
    private final ReturnRefunds refunds;
    private final Clock clock;
    private final Duration inspectionTime;

    ReturnTaskListener(ReturnService returns, ReturnOutcomes outcomes, ReturnRefunds refunds, Clock clock,
            @Value("${aftersales.returns.inspection-time:PT24H}") Duration inspectionTime) {
        this.returns = returns;
        this.outcomes = outcomes;
        this.refunds = refunds;
        this.clock = clock;
        this.inspectionTime = inspectionTime;
    }

    @Override
    public void notify(DelegateTask task) {
        // the return comes from the process's business key (its return key), not from a variable a completion may set
        long returnId = returns.byKey(task.getExecution().getProcessBusinessKey()).getId();
        String who = task.getAssignee() == null ? "unclaimed" : task.getAssignee();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            ReturnRequest shown = returns.returnOf(returnId);
            task.setVariableLocal(VAR_RETURN_VIEW, markdown(returns.view(shown.getReturnKey()),
                    ReturnService.zone(shown.getOrder())));
            if (USER_TASK_INSPECT.equals(task.getTaskDefinitionKey())) {
                task.setDueDate(Date.from(clock.instant().plus(inspectionTime)));
                if (task.getVariable(VAR_EXCHANGE_SKU) == null && shown.getSku() != null) {
                    task.setVariable(VAR_EXCHANGE_SKU, shown.getSku()); // the same item unless the warehouse names another
                }
            }
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        switch (task.getTaskDefinitionKey()) {
            case USER_TASK_REVIEW -> {
                Object decision = task.getVariable(VAR_REVIEW_DECISION);
                if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
                    throw refuse("Approve the return or confirm the refusal");
                }
                outcomes.reviewed(returnId, "APPROVE".equals(decision), who, text(task, VAR_REVIEW_NOTE));
                task.setVariable(VAR_RETURN_APPROVED, "APPROVE".equals(decision));
            }
            case USER_TASK_INSPECT -> {
                Object percent = task.getVariable(VAR_PARTIAL_PERCENT);
                outcomes.inspected(returnId, text(task, VAR_CONDITION_GRADE),
                        Boolean.TRUE.equals(task.getVariable(VAR_MATCHES_COMPLAINT))
                                || "true".equals(String.valueOf(task.getVariable(VAR_MATCHES_COMPLAINT))),
                        text(task, VAR_OUTCOME), percent instanceof Number n ? n.intValue() : null,
                        text(task, VAR_EXCHANGE_SKU), text(task, VAR_INSPECTION_NOTE), who);
            }
            case USER_TASK_MANUAL_EXCHANGE -> {
                String note = text(task, VAR_EXCHANGE_NOTE);
                if (note == null || note.isBlank()) {
                    throw refuse("Say how the exchange went out (order or tracking number)");
                }
                ReturnRequest r = returns.returnOf(returnId);
                r.record("EXCHANGE_SHIPPED", who + ": " + note.strip(), clock.instant());
            }
            case USER_TASK_MANUAL_REFUND -> {
                Object amount = task.getVariable(VAR_REFUNDED_AMOUNT);
                refunds.refundedByHand(returnId, amount instanceof Number n ? new java.math.BigDecimal(n.toString())
                        : null, text(task, VAR_REFUND_REFERENCE), task.getAssignee());
            }
            default -> {
            }
        }
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    /**
     * The return as the team reads it in the forms: codes in words ({@link ReturnWords}), times in the store's
     * zone. Ids and small facts only; the buyer's own words are escaped.
     */
    static String markdown(ReturnView r, ZoneId zone) {
        StringBuilder md = new StringBuilder();
        md.append("**Return ").append(r.returnKey()).append("** · order ").append(escape(r.platformOrderId()))
                .append(r.sku() == null ? "" : " · SKU " + escape(r.sku())).append(" · ")
                .append(ReturnWords.reason(r.reason())).append(" · wants ").append(ReturnWords.wanted(r.wanted()))
                .append(" · ").append(ReturnWords.status(r.status())).append("\n\n");
        md.append("From: ").append(ReturnWords.source(r.source()))
                .append(r.caseKey() == null ? "" : " (case " + r.caseKey() + ")").append("\n\n");
        if (r.exchangeWish() != null) {
            md.append("The buyer would like instead: *").append(escape(r.exchangeWish())).append("*\n\n");
        }
        if (r.eligible() != null) {
            md.append(r.eligible() ? "Within the policy"
                    : "**Refused by the policy:** " + ReturnWords.refusal(r.refusalReason())).append(window(r))
                    .append(" · postage paid by ").append(ReturnWords.payer(r.postagePaidBy()))
                    .append(Boolean.TRUE.equals(r.freePickup()) ? " · free pickup" : "")
                    .append(Boolean.TRUE.equals(r.freeExchange()) ? " · free exchange" : "").append("\n\n");
        }
        if (r.labelTracking() != null) {
            md.append("Label ").append(escape(r.carrier())).append(' ').append(escape(r.labelTracking()))
                    .append("\n\n");
        }
        md.append("| When (").append(zone.getId()).append(") | Step | Detail |\n|---|---|---|\n");
        for (ReturnView.Step step : r.timeline()) {
            md.append("| ").append(WHEN.format(step.at().atZone(zone))).append(" | ")
                    .append(ReturnWords.step(step.code())).append(" | ")
                    .append(escape(ReturnWords.inText(step.detail()))).append(" |\n");
        }
        return md.toString();
    }

    /** The return window: its days and last day; an order not delivered yet has it start at the delivery. */
    private static String window(ReturnView r) {
        if (r.windowDays() == null) {
            return "";
        }
        if (r.windowDays() == 0) {
            return " · no time limit";
        }
        return " · window " + r.windowDays() + " days" + (r.lastDay() != null ? " · last day " + r.lastDay()
                : " from the delivery (not delivered yet)");
    }
}
