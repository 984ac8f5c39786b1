package com.helloword.aftersales.dispute;

import org.camunda.bpm.engine.ProcessEngineException;

import com.helloword.aftersales.workflow.TaskFormRejection;

/** Names in {@code bpmn/dispute-arbitration.bpmn} and {@code bpmn/dispute-freeze-release.bpmn}, one place for Java. */
public final class DisputeProcess {

    public static final String PROCESS_KEY = "disputeArbitrationProcess";
    public static final String RELEASE_PROCESS_KEY = "disputeFreezeReleaseProcess";
    public static final String DEADLINE_DECISION = "platformResponseDeadline";
    public static final String REGION_DECISION = "disputeRegion";
    public static final String APPROVAL_DECISION = "remedyApproval";

    /** Interrupting event sub-process: the platform or the buyer withdrew the claim. */
    public static final String MESSAGE_WITHDRAWN = "aftersales.disputeWithdrawn";
    /** Interrupting event sub-process: the platform closed every claim of the dispute. */
    public static final String MESSAGE_CLOSED_BY_PLATFORM = "aftersales.disputeClosedByPlatform";

    public static final String USER_TASK_ARBITRATE = "userTask_arbitrate";
    public static final String USER_TASK_APPROVE = "userTask_approveDecision";
    public static final String USER_TASK_ANSWER_BY_HAND = "userTask_answerByHand";
    public static final String TIMER_WARN = "timer_deadlineNear";
    public static final String TIMER_MISSED = "timer_deadlinePassed";
    public static final String ERROR_ANSWER_BY_HAND = "answerByHand";

    // ids and small results the process carries
    public static final String VAR_DISPUTE_ID = "disputeId";
    public static final String VAR_DISPUTE_KEY = "disputeKey";
    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_JOINED = "joinedOpenDispute";
    public static final String VAR_MARKETPLACE_COUNTRY = "marketplaceCountry";
    public static final String VAR_SOURCE = "claimSource";
    public static final String VAR_CLAIM_TYPE = "claimType";
    public static final String VAR_REGION = "region";
    public static final String VAR_CANDIDATE_GROUP = "candidateGroup";
    public static final String VAR_DEADLINE = "deadline";
    public static final String VAR_RESPOND_BY = "respondBy";
    public static final String VAR_WARN_AT = "warnAt";
    public static final String VAR_FROZEN = "frozenOrders";
    public static final String VAR_EVIDENCE_LINK = "evidenceLink";
    public static final String VAR_DISPUTE_VIEW = "disputeView";
    // the decision (the arbitrate form / the API) and the approval
    public static final String VAR_DECISION = "decision";
    public static final String VAR_PERCENT = "percentOfOrder";
    public static final String VAR_COMMENT = "decisionComment";
    public static final String VAR_APPROVE = "approve";
    public static final String VAR_APPROVAL_COMMENT = "approvalComment";
    public static final String VAR_SECOND_APPROVAL = "needsSecondApproval";
    public static final String VAR_APPROVAL_RULE = "approvalRule";
    public static final String VAR_BY_HAND_REASON = "byHandReason";
    public static final String VAR_BY_HAND_NOTE = "byHandNote";
    // the remedyApproval table's inputs, read from the dispute record by the step before it
    public static final String VAR_REMEDY = "remedy";
    public static final String VAR_APPROVAL_PERCENT = "percent";
    public static final String VAR_COUPON_EUR = "couponEur";
    public static final String VAR_ORDER_VALUE_EUR = "orderValueEur";
    // the Tasklist start form's fields
    public static final String VAR_FORM_STORE = "formStoreId";
    public static final String VAR_FORM_ORDER = "formPlatformOrderId";
    public static final String VAR_FORM_CLAIM_TYPE = "formClaimType";
    public static final String VAR_FORM_REASON = "formReason";

    private DisputeProcess() {
    }

    /** A refusal Tasklist and {@code /engine-rest} show as the form's error; nothing of the completion is kept. */
    static ProcessEngineException refuse(String reason) {
        return TaskFormRejection.because(reason);
    }
}
