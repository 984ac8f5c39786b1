package com.helloword.aftersales.returns;

import static com.helloword.aftersales.returns.ReturnProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.workflow.LatestDecisions;

/**
 * The service tasks of {@code returnProcess}, called as {@code ${returnSteps.<step>(execution)}}:
 * each reads the return's id and does one thing in the case file, the outbox or at a provider.
 */
@Component("returnSteps")
public class ReturnSteps {

    private final ReturnService returns;
    private final ReturnPolicyStep policy;
    private final ReturnMails mails;
    private final ReturnOutcomes outcomes;
    private final ReturnRefunds refunds;
    private final ReturnShipping shipping;
    private final ReturnQuality quality;
    private final LatestDecisions decisions;

    ReturnSteps(ReturnService returns, ReturnPolicyStep policy, ReturnMails mails, ReturnOutcomes outcomes,
            ReturnRefunds refunds, ReturnShipping shipping, ReturnQuality quality, LatestDecisions decisions) {
        this.returns = returns;
        this.policy = policy;
        this.mails = mails;
        this.outcomes = outcomes;
        this.refunds = refunds;
        this.shipping = shipping;
        this.quality = quality;
        this.decisions = decisions;
    }

    private static long id(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_RETURN_ID)).longValue();
    }

    /** Before the policy task: the returnPolicy table's inputs, from the case file. */
    public void gatherPolicyInputs(DelegateExecution execution) {
        execution.setVariables(policy.inputs(id(execution), execution.getProcessInstanceId()));
    }

    /**
     * After the policy task, in its transaction: what the table decided goes on the return, with the version that
     * decided (the latest, as the task's binding); the process gets eligible, needsApproval and its settings.
     */
    public void recordPolicy(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> outputs = (Map<String, Object>) execution.getVariable(VAR_POLICY);
        if (outputs == null) {
            throw new IllegalStateException("The returnPolicy table matched no rule for return "
                    + execution.getVariable(VAR_RETURN_KEY) + "; its last row should catch the rest");
        }
        execution.setVariables(policy.record(id(execution), outputs,
                decisions.latestDefinitionId(POLICY_DECISION_KEY)));
    }

    /**
     * Only for instances of a process version from before the business-rule task that still wait at its old
     * first step ({@code serviceTask_checkPolicy}, e.g. a job that failed before the new version was deployed):
     * the same three steps in one, the table asked in its latest version. New versions never call it.
     */
    public void checkPolicy(DelegateExecution execution) {
        LatestDecisions.Evaluated decided = decisions.evaluate(POLICY_DECISION_KEY,
                policy.inputs(id(execution), execution.getProcessInstanceId()));
        execution.setVariables(policy.record(id(execution), decided.single().getEntryMap(), decided.definitionId()));
    }

    public void explainRefusal(DelegateExecution execution) {
        mails.explainRefusal(id(execution));
    }

    public void createLabel(DelegateExecution execution) {
        shipping.createLabel(id(execution));
    }

    /** Mails the label; sets {@code parcelBack} when the warehouse scanned the parcel already (it came early). */
    public void sendLabel(DelegateExecution execution) {
        shipping.sendLabel(id(execution));
        execution.setVariable(VAR_PARCEL_BACK, returns.returnOf(id(execution)).getReceivedAt() != null);
    }

    public void remind(DelegateExecution execution) {
        Object sent = execution.getVariable("remindersSent");
        int number = sent instanceof Number n ? n.intValue() + 1 : 1;
        mails.remind(id(execution), number);
        execution.setVariable("remindersSent", number);
    }

    /** The label SLA (2 h) or the inspection SLA (24 h) passed: the team leads hear of it. */
    public void late(DelegateExecution execution, String what) {
        mails.late(id(execution), what);
    }

    /** The refund-deadline timers' date (ISO), from the case file. */
    public String refundWarnAt(DelegateExecution execution) {
        return refunds.refundWarnAt(id(execution));
    }

    /** Shortly before the refund is due: the team leads hear of it when the refund can no longer wait. */
    public void refundDeadlineNear(DelegateExecution execution) {
        refunds.refundDeadlineNear(id(execution));
    }

    public void refund(DelegateExecution execution) {
        Object percent = execution.getVariable(VAR_PARTIAL_PERCENT);
        boolean partial = "PARTIAL_REFUND".equals(execution.getVariable(VAR_OUTCOME));
        java.math.BigDecimal byHand = refunds.refund(id(execution),
                partial && percent instanceof Number n ? n.intValue() : null);
        execution.setVariable(VAR_REFUND_BY_HAND, byHand != null);
        if (byHand != null) {
            execution.setVariable(VAR_REFUND_AMOUNT_DUE, byHand.doubleValue());
        }
    }

    public void orderExchange(DelegateExecution execution) {
        execution.setVariable(VAR_EXCHANGE_BY_HAND, !shipping.orderExchange(id(execution)));
    }

    public void tellOutcome(DelegateExecution execution) {
        mails.tellOutcome(id(execution));
    }

    /** Closes the return; an empty outcome keeps the inspection's (the expression language passes null as ""). */
    public void close(DelegateExecution execution, String outcome) {
        outcomes.close(id(execution), outcome == null || outcome.isBlank() ? null : outcome);
        quality.check(returns.returnOf(id(execution)).getSku());
    }
}
