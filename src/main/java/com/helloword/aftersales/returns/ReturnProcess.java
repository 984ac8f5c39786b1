package com.helloword.aftersales.returns;

import org.camunda.bpm.engine.ProcessEngineException;

import com.helloword.aftersales.workflow.TaskFormRejection;

/** Names in {@code bpmn/return-process.bpmn}, in one place for the Java side. */
public final class ReturnProcess {

    public static final String PROCESS_KEY = "returnProcess";
    /** Gathers the returnPolicy table's inputs from the case file (asynchronous: the first job of a return). */
    public static final String SERVICE_TASK_POLICY_INPUTS = "serviceTask_gatherPolicyInputs";
    /** Asks the returnPolicy table (binding latest); its single result is {@link #VAR_POLICY}. */
    public static final String BUSINESS_RULE_TASK_CHECK_POLICY = "businessRuleTask_checkPolicy";
    public static final String POLICY_DECISION_KEY = ReturnPolicy.DECISION_KEY;
    /** Records the decision on the return; in the policy task's transaction, so nothing can change it between. */
    public static final String SERVICE_TASK_RECORD_POLICY = "serviceTask_recordPolicy";
    public static final String MESSAGE_RETURN_RECEIVED = "aftersales.returnReceived";
    /** The buyer withdrew the return on the platform (or it was closed there) before the parcel came back. */
    public static final String MESSAGE_RETURN_CANCELLED = "aftersales.returnCancelled";
    public static final String USER_TASK_REVIEW = "userTask_reviewReturn";
    public static final String USER_TASK_INSPECT = "userTask_inspectReturn";
    public static final String USER_TASK_MANUAL_EXCHANGE = "userTask_shipExchangeByHand";
    public static final String USER_TASK_MANUAL_REFUND = "userTask_refundByHand";
    public static final String SERVICE_TASK_CREATE_LABEL = "serviceTask_createLabel";
    public static final String TIMER_LABEL_SLA = "timer_labelSla";
    public static final String TIMER_INSPECTION_SLA = "timer_inspectionSla";
    public static final String TIMER_REMINDER = "timer_reminder";
    public static final String TIMER_GIVE_UP = "timer_notReturned";

    /** Process variables: ids and small decision results only. */
    public static final String VAR_RETURN_ID = "returnId";
    public static final String VAR_RETURN_KEY = "returnKey";
    public static final String VAR_REVIEW_GROUP = "reviewGroup";
    public static final String VAR_LABEL_SLA = "labelSla";
    public static final String VAR_INSPECTION_SLA = "inspectionSla";
    public static final String VAR_REMINDER_CYCLE = "reminderCycle";
    public static final String VAR_GIVE_UP_AFTER = "giveUpAfter";
    /** The returnPolicy table's outputs (eligible, windowDays, postagePaidBy ... ruleNote), a small map. */
    public static final String VAR_POLICY = "policy";
    public static final String VAR_ELIGIBLE = "eligible";
    public static final String VAR_NEEDS_APPROVAL = "needsApproval";
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_NOTE = "reviewNote";
    public static final String VAR_RETURN_APPROVED = "returnApproved";
    public static final String VAR_CONDITION_GRADE = "conditionGrade";
    public static final String VAR_MATCHES_COMPLAINT = "matchesComplaint";
    public static final String VAR_OUTCOME = "outcome";
    public static final String VAR_PARTIAL_PERCENT = "partialPercent";
    public static final String VAR_INSPECTION_NOTE = "inspectionNote";
    public static final String VAR_EXCHANGE_BY_HAND = "exchangeByHand";
    public static final String VAR_EXCHANGE_SKU = "exchangeSku";
    public static final String VAR_PARCEL_BACK = "parcelBack";
    public static final String VAR_EXCHANGE_NOTE = "exchangeNote";
    /** The platform cannot refund through its API (Amazon): a person refunds in the seller portal. */
    public static final String VAR_REFUND_BY_HAND = "refundByHand";
    /** What the refund by hand should be (a suggestion for the form; the case file bounds it). */
    public static final String VAR_REFUND_AMOUNT_DUE = "refundAmountDue";
    public static final String VAR_REFUNDED_AMOUNT = "refundedAmount";
    public static final String VAR_REFUND_REFERENCE = "refundReference";
    public static final String VAR_RETURN_VIEW = "returnView";

    private ReturnProcess() {
    }

    static ProcessEngineException refuse(String reason) {
        return TaskFormRejection.because(reason);
    }
}
