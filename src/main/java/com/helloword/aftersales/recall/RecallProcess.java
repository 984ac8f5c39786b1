package com.helloword.aftersales.recall;

/** Names in {@code bpmn/product-recall.bpmn} and {@code bpmn/recall-notice-chunk.bpmn}, in one place for Java. */
public final class RecallProcess {

    public static final String PROCESS_KEY = "productRecallProcess";
    public static final String CHUNK_PROCESS_KEY = "recallNoticeChunkProcess";
    public static final String MARKET_RULES_DECISION = "recallMarketRules";
    public static final String POLICY_DECISION = "recallPolicy";

    public static final String SUB_PROCESS_TRIGGER_AND_ASSESS = "subProcess_triggerAndAssess";
    public static final String SUB_PROCESS_DECIDE_AND_PLAN = "subProcess_decideAndPlan";
    public static final String SUB_PROCESS_AUTHORITY_FILINGS = "subProcess_authorityFilings";
    public static final String SUB_PROCESS_NOTIFY_AND_TRACE = "subProcess_notifyAndTrace";
    public static final String SUB_PROCESS_RETURN_AND_DISPOSE = "subProcess_returnAndDispose";
    public static final String SUB_PROCESS_CLOSE_OUT = "subProcess_closeOut";

    public static final String USER_TASK_DECIDE = "userTask_decideRecall";
    public static final String USER_TASK_APPROVE_PLANS = "userTask_approvePlans";
    public static final String USER_TASK_FILE = "userTask_fileWithAuthority";
    public static final String USER_TASK_DELIST_BY_HAND = "userTask_delistByHand";
    public static final String USER_TASK_ROOT_CAUSE = "userTask_enterRootCause";
    public static final String USER_TASK_OFFER_RELISTING = "userTask_offerRelisting";
    public static final String SERVICE_TASK_RISK_REPORT = "serviceTask_buildRiskReport";
    public static final String SERVICE_TASK_DELIST = "serviceTask_delistOnStore";
    public static final String SERVICE_TASK_FIND_BUYERS = "serviceTask_findAffectedBuyers";
    public static final String SERVICE_TASK_QUEUE_CHUNK = "serviceTask_queueNoticeChunk";
    public static final String TIMER_MONITOR = "timer_monitorPeriod";
    public static final String TIMER_FILING_WARNING = "timer_filingWarning";
    public static final String TIMER_FILING_DEADLINE = "timer_filingDeadline";
    public static final String TIMER_REMINDERS = "timer_reminders";
    public static final String RECEIVE_TASK_NOTICES_QUEUED = "receiveTask_noticesQueued";

    public static final String MESSAGE_NOTICES_QUEUED = "aftersales.recallNoticesQueued";
    public static final String MESSAGE_TARGET_REACHED = "aftersales.recallTargetReached";
    public static final String MESSAGE_CLOSE_REQUESTED = "aftersales.recallCloseRequested";
    public static final String MESSAGE_CANCELLED = "aftersales.recallCancelled";
    public static final String ERROR_DELIST_BY_HAND = "delistByHand";

    /** Process variables: ids and small results only. */
    public static final String VAR_RECALL_ID = "recallId";
    public static final String VAR_RECALL_KEY = "recallKey";
    /** The recallPolicy table's outputs (monitorPeriod, completionTarget, reminderAfter ...), a small map. */
    public static final String VAR_POLICY = "recallPolicy";
    public static final String VAR_MONITOR_PERIOD = "monitorPeriod";
    public static final String VAR_REMINDER_CYCLE = "reminderCycle";
    public static final String VAR_FILING_WARN_BEFORE = "filingWarnBefore";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_DECISION_COMMENT = "decisionComment";
    /** Who decided or approved, when the API completes a task (Tasklist: the logged-in user). */
    public static final String VAR_ACTOR = "actor";
    public static final String VAR_PLANS_APPROVED = "plansApproved";
    public static final String VAR_PLAN_NOTE = "planNote";
    public static final String VAR_COUNTRY = "country";
    public static final String VAR_MARKET_RULE = "marketRule";
    public static final String VAR_AUTHORITY = "authority";
    public static final String VAR_FILING_REFERENCE = "filingReference";
    public static final String VAR_STORE_ID = "storeId";
    public static final String VAR_NOTICE_CHUNKS = "noticeChunks";
    public static final String VAR_CHUNK_NO = "chunkNo";
    /** 0: the notice itself; n: the n-th reminder. */
    public static final String VAR_ROUND = "round";
    public static final String VAR_REMINDER_ROUND = "reminderRound";
    public static final String VAR_TARGET_REACHED = "targetReached";
    public static final String VAR_DELISTED_STORES = "delistedStores";
    public static final String VAR_RELIST = "relist";
    public static final String VAR_ROOT_CAUSE = "rootCause";
    public static final String VAR_CORRECTIVE_ACTION = "correctiveAction";
    public static final String VAR_RECALL_VIEW = "recallView";
    /** The Tasklist start form's fields (removed once the recall is registered). */
    public static final String VAR_FORM_SKU = "sku";
    public static final String VAR_FORM_BATCHES = "batches";
    public static final String VAR_FORM_COUNTRIES = "countries";
    public static final String VAR_FORM_STORES = "storeIds";
    public static final String VAR_FORM_REASON = "reason";

    private static final String[] STAGE_NAMES = {"Cancelled", "Trigger and assess", "Decide and plan",
            "Notify and trace", "Return and dispose", "Close out"};

    private RecallProcess() {
    }

    static org.camunda.bpm.engine.ProcessEngineException refuse(String reason) {
        return com.helloword.aftersales.workflow.TaskFormRejection.because(reason);
    }

    /** The stage's name as the diagram shows it. */
    public static String stageName(int stage) {
        return stage >= 0 && stage < STAGE_NAMES.length ? STAGE_NAMES[stage] : "?";
    }
}
