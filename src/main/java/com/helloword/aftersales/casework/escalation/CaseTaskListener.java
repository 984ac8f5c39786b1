package com.helloword.aftersales.casework.escalation;

import static com.helloword.aftersales.casework.escalation.EmergencyAfterSales.*;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.Remedy;
import com.helloword.aftersales.incident.api.DeliveryInvestigations;
import com.helloword.aftersales.workflow.LatestDecisions;
import com.helloword.aftersales.workflow.TaskFormRejection;
import com.helloword.aftersales.workflow.TaskMarkdown;

/**
 * The user tasks of a case ({@code ${caseTaskListener}} on create and complete). On create, the
 * task is named after the case's grade ({@link CaseTaskNames}) and gets the case as its worker sees it
 * (task-local {@code caseView}, with the remedy the compensationTier table suggested); "Answer buyer" also gets
 * the table's suggestion filled into the form, the reply per remedy ({@code replyPreviews}) and, when the carrier
 * says delivered and the buyer not received, the proof-of-delivery note ({@code proofOfDelivery}, from the incident
 * capability) with the box that opens a carrier investigation on completion ({@code openCarrierInvestigation}). On
 * complete, what the person entered is checked and recorded in the case file (the approval an agent's remedy needs is the process's next step, not the
 * listener's: it must not trust what a completion sets); a choice that cannot be taken is refused with the reason (Tasklist
 * shows it and the task stays open).
 */
@Component("caseTaskListener")
class CaseTaskListener implements TaskListener {

    /** The table with the sizes the form offers when the suggestion carries none (dmn/usual-remedy-sizes.dmn). */
    static final String USUAL_REMEDY_SIZES = "usualRemedySizes";

    private final CaseView view;
    private final AgentChoices choices;
    private final RemedyApprovals approvals;
    private final BuyerReplies replies;
    private final ReplyPreviews previews;
    private final CaseResolution resolution;
    private final AfterSalesCaseRepository cases;
    private final LatestDecisions decisions;
    private final ObjectMapper json;
    private final DeliveryInvestigations deliveries;
    private final Clock clock;

    CaseTaskListener(CaseView view, AgentChoices choices, RemedyApprovals approvals, BuyerReplies replies,
            ReplyPreviews previews, CaseResolution resolution, AfterSalesCaseRepository cases,
            LatestDecisions decisions, ObjectMapper json, DeliveryInvestigations deliveries, Clock clock) {
        this.view = view;
        this.choices = choices;
        this.approvals = approvals;
        this.replies = replies;
        this.previews = previews;
        this.resolution = resolution;
        this.cases = cases;
        this.decisions = decisions;
        this.json = json;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        // the case comes from the process's business key, not from a variable: a completion may set variables
        long caseId = cases.findByBusinessKey(task.getExecution().getProcessBusinessKey())
                .orElseThrow(() -> new IllegalStateException("No case " + task.getExecution().getProcessBusinessKey()))
                .getId();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, caseId);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task, caseId);
        }
    }

    private void created(DelegateTask task, long caseId) {
        AfterSalesCase afterSalesCase = cases.findById(caseId).orElseThrow();
        // the list shows the name: severity, category and language first, then the diagram's name
        task.setName(CaseTaskNames.of(afterSalesCase, task.getBpmnModelElementInstance().getName()));
        // "Answer buyer" shows the suggestion beside the remedy it fills in (suggestion), the other forms in the view
        boolean answer = USER_TASK_ANSWER_BUYER.equals(task.getTaskDefinitionKey());
        task.setVariableLocal(VAR_CASE_VIEW, view.render(caseId, clock.instant(), answer ? null : suggestion(task)));
        switch (task.getTaskDefinitionKey()) {
            case USER_TASK_ANSWER_BUYER -> {
                task.setVariable(VAR_UNANSWERED_FOLLOW_UP, false); // the team has every message in view again
                suggest(task, caseId);
                // delivered but not received: the proof of delivery and the investigation box (unticked each round)
                task.setVariableLocal(VAR_PROOF_OF_DELIVERY, deliveries.proofOfDeliveryNote(caseId).orElse(null));
                task.setVariable(VAR_OPEN_CARRIER_INVESTIGATION, false);
            }
            case USER_TASK_ASK_TEAM -> task.setVariable(VAR_INTERNAL_ANSWER, null);
            case USER_TASK_APPROVE_REMEDY -> {
                task.setVariable(VAR_APPROVAL_DECISION, null);
                task.setVariable(VAR_APPROVAL_NOTE, null);
            }
            default -> {
            }
        }
    }

    /** The compensationTier suggestion, filled into the form unless the agent already chose (a later round). */
    private void suggest(DelegateTask task, long caseId) {
        Object suggested = task.getVariable(VAR_COMPENSATION);
        Map<?, ?> compensation = suggested instanceof Map<?, ?> map ? map : Map.of();
        String remedy = compensation.get("remedy") == null ? Remedy.NONE.name() : compensation.get("remedy").toString();
        // the table says 0 for "none"; the form then offers the usual sizes (usualRemedySizes table)
        // should the agent switch to such a remedy (an empty number field also left form-js's drop-down
        // unable to open again in Tasklist: TasklistFormBrowserTest)
        Number percent = positive((Number) compensation.get("percent"));
        Number couponEur = positive((Number) compensation.get("couponEur"));
        if (task.getVariable(VAR_REMEDY) == null) {
            Map<String, Object> category = new HashMap<>();
            category.put("category", task.getVariable(VAR_CATEGORY));
            DmnDecisionResultEntries usual = decisions.evaluate(USUAL_REMEDY_SIZES, category).single();
            task.setVariable(VAR_AGENT_ACTION, ACTION_REPLY);
            task.setVariable(VAR_REMEDY, remedy);
            task.setVariable(VAR_REMEDY_PERCENT, (percent != null ? percent : (Number) usual.getEntry("percent"))
                    .intValue());
            task.setVariable(VAR_REMEDY_COUPON_EUR, (couponEur != null ? couponEur
                    : (Number) usual.getEntry("couponEur")).doubleValue());
        }
        task.setVariableLocal(VAR_SUGGESTION, suggestion(task));
        // the reply for each remedy, as it will be sent: the form shows the one for the remedy picked
        AfterSalesCase c = cases.findById(caseId).orElseThrow();
        try {
            task.setVariableLocal(VAR_REPLY_PREVIEWS, SpinValues.jsonValue(json.writeValueAsString(previews.of(c)))
                    .create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the reply previews of case " + c.getBusinessKey(), e);
        }
    }

    /**
     * The remedy the compensationTier table suggested for the case, as one line of Markdown
     * ("**Suggested:** PARTIAL_REFUND_KEEP_ITEM 30 % · approval AGENT"); null before the table was asked.
     */
    private static String suggestion(DelegateTask task) {
        if (!(task.getVariable(VAR_COMPENSATION) instanceof Map<?, ?> compensation)) {
            return null;
        }
        Object remedy = compensation.get("remedy") == null ? Remedy.NONE.name() : compensation.get("remedy");
        Number percent = positive((Number) compensation.get("percent"));
        Number couponEur = positive((Number) compensation.get("couponEur"));
        StringBuilder text = new StringBuilder("**Suggested:** ").append(remedy);
        if (percent != null) {
            text.append(' ').append(percent).append(" %");
        }
        if (couponEur != null) {
            text.append(' ').append(couponEur).append(" EUR");
        }
        text.append(" · approval ").append(compensation.get("approval"));
        if (compensation.get("note") != null) {
            text.append(" · ").append(TaskMarkdown.escape(compensation.get("note").toString()));
        }
        return text.toString();
    }

    /**
     * A case still running on a version of the process from before {@code businessRuleTask_decideApproval}
     * goes from this task straight to the approval gateway: for it, the same table is asked here, on the
     * same case-file inputs, so an earlier remedy's {@code approval} is never reused.
     */
    private static boolean decidesApprovalHere(DelegateTask task) {
        return task.getBpmnModelElementInstance().getModelInstance()
                .getModelElementById(BUSINESS_RULE_TASK_DECIDE_APPROVAL) == null;
    }

    /**
     * A case still running on a version of the process from before {@code serviceTask_confirmRemedyDone}
     * ends the round after this task: for it, the buyer is told here that the remedy is done, and the case
     * waits for the buyer from here.
     */
    private static boolean tellsDoneHere(DelegateTask task) {
        return task.getBpmnModelElementInstance().getModelInstance()
                .getModelElementById(SERVICE_TASK_CONFIRM_REMEDY) == null;
    }

    private Map<String, Object> approvalOfEarlierVersion(DelegateTask task) {
        String caseKey = task.getExecution().getProcessBusinessKey();
        Map<String, Object> inputs = approvals.inputs(caseKey);
        task.setVariables(inputs);
        Map<String, Object> result = decisions.evaluate("remedyApproval", inputs).single().getEntryMap();
        return approvals.tableDecided(caseKey, RemedyApprovals.Answer.of(result));
    }

    private void completed(DelegateTask task, long caseId) {
        String who = who(task);
        switch (task.getTaskDefinitionKey()) {
            case USER_TASK_ANSWER_BUYER -> {
                // who approves the remedy is decided next in the process (businessRuleTask_decideApproval)
                Map<String, Object> next = choices.agentDecided(caseId, new AgentChoices.AgentChoice(
                        string(task, VAR_AGENT_ACTION), string(task, VAR_REMEDY), integer(task, VAR_REMEDY_PERCENT),
                        number(task, VAR_REMEDY_COUPON_EUR), string(task, VAR_REPLY_NOTE),
                        string(task, VAR_INTERNAL_GROUP), string(task, VAR_INTERNAL_QUESTION),
                        integer(task, VAR_INTERNAL_DUE_HOURS)), who);
                task.setVariables(withoutNulls(next));
                if (Boolean.TRUE.equals(task.getVariable(VAR_OPEN_CARRIER_INVESTIGATION))) {
                    openInvestigation(caseId, who);
                }
                if (ACTION_REPLY.equals(string(task, VAR_AGENT_ACTION)) && decidesApprovalHere(task)) {
                    task.setVariables(withoutNulls(approvalOfEarlierVersion(task)));
                }
            }
            case USER_TASK_APPROVE_REMEDY -> {
                String decision = string(task, VAR_APPROVAL_DECISION);
                if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
                    throw TaskFormRejection.because("Approve or refuse the remedy");
                }
                approvals.approverDecided(caseId, "APPROVE".equals(decision), who, string(task, VAR_APPROVAL_NOTE));
                task.setVariable(VAR_REMEDY_APPROVED, "APPROVE".equals(decision));
            }
            case USER_TASK_ASK_TEAM -> resolution.teamAnswered(caseId, string(task, VAR_INTERNAL_GROUP),
                    string(task, VAR_INTERNAL_ANSWER), who);
            case USER_TASK_MANUAL_STEP -> {
                Optional<Long> done = resolution.manualStepDone(caseId, string(task, VAR_MANUAL_GROUP),
                        string(task, VAR_MANUAL_NOTE), string(task, VAR_TRACKING_NUMBER), who);
                if (done.isPresent() && tellsDoneHere(task)) {
                    replies.confirmRemedyDone(caseId, done.get());
                    resolution.awaitBuyer(caseId);
                }
            }
            case USER_TASK_LOW_RATING -> resolution.followUpDone(caseId, string(task, VAR_FOLLOW_UP_NOTE), who);
            case USER_TASK_ANSWER_DURING_RETURN -> replies.replyDuringReturn(caseId, task.getId(),
                    string(task, VAR_DURING_RETURN_REPLY), who);
            default -> {
            }
        }
    }

    /** The agent ticked "open a carrier investigation": recorded now, opened at the carrier by its own process. */
    private void openInvestigation(long caseId, String who) {
        try {
            deliveries.requestInvestigation(caseId, who);
        } catch (IllegalStateException cannot) {
            throw TaskFormRejection.because(cannot.getMessage());
        }
    }

    private String who(DelegateTask task) {
        // Tasklist completes only claimed tasks; a REST completion without a claim names no one
        return task.getAssignee() != null ? task.getAssignee() : "unclaimed";
    }

    private static Number positive(Number value) {
        return value == null || value.doubleValue() <= 0 ? null : value;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> variables) {
        Map<String, Object> copy = new HashMap<>();
        variables.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    private static String string(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static Integer integer(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                throw TaskFormRejection.because(name + " must be a whole number, not " + s);
            }
        }
        return null;
    }

    private static Double number(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Double.valueOf(s.trim());
            } catch (NumberFormatException e) {
                throw TaskFormRejection.because(name + " must be a number, not " + s);
            }
        }
        return null;
    }
}
