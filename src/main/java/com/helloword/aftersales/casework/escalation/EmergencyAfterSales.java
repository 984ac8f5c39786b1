package com.helloword.aftersales.casework.escalation;

/** Names in {@code bpmn/emergency-after-sales.bpmn}, in one place for the Java side. */
public final class EmergencyAfterSales {

    public static final String PROCESS_KEY = "emergencyAfterSalesProcess";
    public static final String USER_TASK_ANSWER_BUYER = "userTask_answerBuyer";
    public static final String TIMER_CLAIM_DUE = "timer_claimDue";
    public static final String SERVICE_TASK_ESCALATE_UNCLAIMED = "serviceTask_escalateUnclaimed";
    public static final String MESSAGE_BUYER_FOLLOW_UP = "aftersales.buyerFollowUp";
    /** Sent (start message, business key = case) for the dispute-arbitration process. */
    public static final String MESSAGE_ARBITRATION_REQUESTED = "aftersales.arbitrationRequested";
    public static final String USER_TASK_REVIEW_UNRESOLVED = "userTask_reviewUnresolvedCase";
    public static final String VAR_RESOLUTION_DUE = "resolutionDue";
    public static final String VAR_ARBITRATION_STARTED = "arbitrationStarted";
    /** Set once the resolution time was handled (arbitration asked or team leads' review opened). */
    public static final String VAR_UNRESOLVED_HANDLED = "unresolvedHandled";
    /** The buyer wrote while no "Answer buyer" task was open: after this round the case goes back to the team. */
    public static final String VAR_UNANSWERED_FOLLOW_UP = "unansweredFollowUp";
    /** Whether the case's team works at the moment the case opened (TeamHours). */
    public static final String VAR_TEAM_OPEN = "teamOpen";

    /** Process variables: ids and small decision results only, never personal data. */
    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_CASE_KEY = "caseKey";
    public static final String VAR_SEVERITY = "severity";
    public static final String VAR_CATEGORY = "category";
    public static final String VAR_CANDIDATE_GROUP = "candidateGroup";
    public static final String VAR_CLAIM_DURATION = "claimDuration";
    public static final String VAR_FIRST_REPLY_DUE = "firstReplyDue";
    /**
     * A follow-up that raised the grade: the claim time of the new grade (a date), for the open task's
     * running claim timer. Transient: it lives only in the follow-up's transaction, so a later round's
     * timer, started from {@link #VAR_CLAIM_DURATION}, is never moved to it.
     */
    public static final String VAR_CLAIM_DUE = "claimDue";
    public static final String VAR_TASK_PRIORITY = "taskPriority";
    public static final String VAR_ORDER_VALUE_EUR = "orderValueEur";
    public static final String VAR_BUYER_TIER = "buyerTier";
    public static final String VAR_RETURN_COUNT = "returnCount";
    /** The compensationTier table's suggestion: remedy, percent, couponEur, approval, note. */
    public static final String VAR_COMPENSATION = "compensation";

    /** How the case was settled after "Answer buyer" (CaseResolution). */
    public static final String USER_TASK_APPROVE_REMEDY = "userTask_approveRemedy";
    public static final String USER_TASK_ASK_TEAM = "userTask_answerTeamQuestion";
    public static final String USER_TASK_MANUAL_STEP = "userTask_manualRemedyStep";
    public static final String USER_TASK_LOW_RATING = "userTask_followUpLowRating";
    /** The remedy's return runs as returnProcess; the buyer may write meanwhile. */
    public static final String CALL_ACTIVITY_RETURN = "callActivity_return";
    public static final String USER_TASK_ANSWER_DURING_RETURN = "userTask_answerDuringReturn";
    public static final String VAR_RETURN_ID = "returnId";
    public static final String VAR_RETURN_KEY = "returnKey";
    public static final String VAR_DURING_RETURN_REPLY = "duringReturnReply";
    public static final String SERVICE_TASK_EXECUTE_REMEDY = "serviceTask_executeRemedy";
    public static final String SERVICE_TASK_SEND_REPLY = "serviceTask_sendReply";
    /** After the by-hand step: the buyer hears that the remedy happened (not in versions before it). */
    public static final String SERVICE_TASK_CONFIRM_REMEDY = "serviceTask_confirmRemedyDone";
    /** The case shows WAITING_FOR_BUYER from here only (versions before it: after the reply). */
    public static final String SERVICE_TASK_AWAIT_BUYER = "serviceTask_awaitBuyer";
    public static final String SERVICE_TASK_REQUEST_RATING = "serviceTask_requestRating";
    public static final String EVENT_WAIT_FOR_BUYER = "gateway_waitForBuyer";
    public static final String TIMER_QUIET_PERIOD = "timer_quietPeriod";
    public static final String TIMER_RATING_WAIT = "timer_ratingWait";
    public static final String MESSAGE_BUYER_REPLIED = "aftersales.buyerReplied";
    public static final String MESSAGE_BUYER_CONFIRMED = "aftersales.buyerConfirmed";
    public static final String MESSAGE_RATING_RECEIVED = "aftersales.ratingReceived";

    /** The agent's form ("Answer buyer"): action, remedy and its size, a personal note, a question to another team. */
    public static final String VAR_AGENT_ACTION = "agentAction";
    public static final String ACTION_REPLY = "REPLY";
    public static final String ACTION_ASK_TEAM = "ASK_TEAM";
    public static final String ACTION_CLOSE = "CLOSE";
    public static final String VAR_REMEDY = "remedy";
    public static final String VAR_REMEDY_PERCENT = "remedyPercent";
    public static final String VAR_REMEDY_COUPON_EUR = "remedyCouponEur";
    public static final String VAR_REPLY_NOTE = "replyNote";
    public static final String VAR_INTERNAL_GROUP = "internalGroup";
    public static final String VAR_INTERNAL_QUESTION = "internalQuestion";
    public static final String VAR_INTERNAL_DUE_HOURS = "internalDueHours";
    public static final String VAR_INTERNAL_DUE = "internalDue";
    public static final String VAR_INTERNAL_ANSWER = "internalAnswer";
    public static final String VAR_ANSWERING_AGENT = "answeringAgent";
    /** Set from the agent's choice: the recorded remedy, the approval it needs and the group that gives it. */
    public static final String VAR_REMEDY_ID = "remedyId";
    /**
     * Who approves the chosen remedy: the inputs are read from the case file (RemedyApprovals), the
     * remedyApproval table (and the disputeRegion decision it requires) decides in the business-rule
     * task, whose single result (approval, region, reason) is {@link #VAR_REMEDY_APPROVAL}.
     */
    public static final String SERVICE_TASK_READ_APPROVAL_INPUTS = "serviceTask_readApprovalInputs";
    public static final String BUSINESS_RULE_TASK_DECIDE_APPROVAL = "businessRuleTask_decideApproval";
    public static final String SERVICE_TASK_RECORD_APPROVAL = "serviceTask_recordApproval";
    public static final String DECISION_REMEDY_APPROVAL = "remedyApproval";
    public static final String VAR_REMEDY_APPROVAL = "remedyApproval";
    /** The remedyApproval table's inputs besides remedy and orderValueEur (named as the table names them). */
    public static final String VAR_APPROVAL_PERCENT = "percent";
    public static final String VAR_APPROVAL_COUPON_EUR = "couponEur";
    public static final String VAR_MARKETPLACE_COUNTRY = "marketplaceCountry";
    public static final String VAR_APPROVAL = "approval";
    public static final String VAR_APPROVER_GROUP = "approverGroup";
    /** The approver's form: APPROVE or REFUSE; the listener turns it into the boolean remedyApproved. */
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_REMEDY_APPROVED = "remedyApproved";
    public static final String VAR_APPROVAL_NOTE = "approvalNote";
    /** Left for people after the automatic part of a remedy (RemedyExecution.Outcome). */
    public static final String VAR_MANUAL_GROUP = "manualStepGroup";
    public static final String VAR_MANUAL_INSTRUCTION = "manualStepInstruction";
    public static final String VAR_MANUAL_NOTE = "manualStepNote";
    public static final String VAR_TRACKING_NUMBER = "trackingNumber";
    public static final String VAR_RESOLUTION = "resolution";
    public static final String VAR_RATING = "rating";
    public static final String VAR_FOLLOW_UP_NOTE = "followUpNote";
    /** Configured waits (ISO-8601 durations): no word from the buyer, no rating. */
    public static final String VAR_QUIET_PERIOD = "quietPeriod";
    public static final String VAR_RATING_WAIT = "ratingWait";
    /** Task-local: the case as the person working the task sees it (CaseView), and the suggestion. */
    public static final String VAR_CASE_VIEW = "caseView";
    public static final String VAR_SUGGESTION = "suggestion";
    /**
     * Task-local on "Answer buyer" when the carrier says delivered and the buyer says not received: the proof of
     * delivery note (incident.api.DeliveryInvestigations), with the box {@link #VAR_OPEN_CARRIER_INVESTIGATION}.
     */
    public static final String VAR_PROOF_OF_DELIVERY = "proofOfDelivery";
    /** The agent's box on "Answer buyer": open a carrier investigation for the delivered parcel on completion. */
    public static final String VAR_OPEN_CARRIER_INVESTIGATION = "openCarrierInvestigation";
    /** Task-local on "Answer buyer" tasks created before {@link #VAR_REPLY_PREVIEWS}: the suggested remedy's reply. */
    public static final String VAR_REPLY_PREVIEW = "replyPreview";
    /** Task-local (Json): the reply per remedy, which the form shows for the remedy picked (ReplyPreviews). */
    public static final String VAR_REPLY_PREVIEWS = "replyPreviews";

    private EmergencyAfterSales() {
    }
}
