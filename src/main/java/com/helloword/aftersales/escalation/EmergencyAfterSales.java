package com.helloword.aftersales.escalation;

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
    public static final String VAR_TASK_PRIORITY = "taskPriority";
    public static final String VAR_ORDER_VALUE_EUR = "orderValueEur";
    public static final String VAR_BUYER_TIER = "buyerTier";
    public static final String VAR_RETURN_COUNT = "returnCount";
    /** The compensationTier table's suggestion: remedy, percent, couponEur, approval, note. */
    public static final String VAR_COMPENSATION = "compensation";

    private EmergencyAfterSales() {
    }
}
