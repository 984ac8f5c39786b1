package com.helloword.aftersales.recall;

/** Names in {@code bpmn/regulator-notice.bpmn}, in one place for the Java side. */
public final class RegulatorNoticeProcess {

    public static final String PROCESS_KEY = "regulatorNoticeProcess";
    public static final String USER_TASK_REVIEW = "userTask_reviewRegulatorNotice";
    public static final String SERVICE_TASK_START_RECALL = "serviceTask_startRecall";
    public static final String BUSINESS_KEY_PREFIX = "notice-";

    /** Process variables: the notice's id, its public summary (regulator text, no buyer data), the prefill. */
    public static final String VAR_NOTICE_ID = "noticeId";
    public static final String VAR_NOTICE_LABEL = "noticeLabel";
    public static final String VAR_NOTICE_SUMMARY = "noticeSummary";
    public static final String VAR_CANDIDATES = "candidateSummary";
    public static final String VAR_DECISION = "reviewDecision";
    public static final String VAR_SKU = "recallSku";
    public static final String VAR_BATCHES = "recallBatches";
    public static final String VAR_COUNTRIES = "recallCountries";
    public static final String VAR_REASON = "recallReason";
    public static final String VAR_NOTE = "reviewNote";
    public static final String VAR_RECALL_ID = "recallId";

    public static final String DECISION_START_RECALL = "START_RECALL";
    public static final String DECISION_DISMISS = "DISMISS";

    private RegulatorNoticeProcess() {
    }
}
