package com.helloword.aftersales.recall;

/** Names in {@code bpmn/recall-return.bpmn} (stage 4 per buyer who chose a remedy), in one place for the Java side. */
public final class RecallReturnProcess {

    public static final String PROCESS_KEY = "recallReturnProcess";
    public static final String MESSAGE_UNITS_RECEIVED = "aftersales.recallUnitsReceived";

    public static final String SERVICE_TASK_CREATE_LABEL = "serviceTask_createLabel";
    public static final String USER_TASK_MAKE_LABEL = "userTask_makeLabelByHand";
    public static final String SERVICE_TASK_MAIL_LABEL = "serviceTask_mailLabel";
    public static final String RECEIVE_TASK_UNITS = "receiveTask_unitsReceived";
    public static final String TIMER_REMINDER = "timer_reminder";
    public static final String SERVICE_TASK_REMIND = "serviceTask_remindBuyer";
    public static final String TIMER_GIVE_UP = "timer_giveUp";
    public static final String SERVICE_TASK_GIVE_UP = "serviceTask_checkUnitsAtGiveUp";
    public static final String SERVICE_TASK_CHECK_UNITS = "serviceTask_checkUnits";
    public static final String USER_TASK_INSPECT = "userTask_inspectRecalledUnits";
    public static final String SERVICE_TASK_REFUND = "serviceTask_refund";
    public static final String USER_TASK_REFUND_BY_HAND = "userTask_refundByHand";
    public static final String SERVICE_TASK_REPLACEMENT = "serviceTask_orderReplacement";
    public static final String USER_TASK_SHIP_REPLACEMENT = "userTask_shipReplacementByHand";
    public static final String USER_TASK_SHIP_REPAIRED = "userTask_shipRepairedUnit";
    public static final String SERVICE_TASK_TELL_OUTCOME = "serviceTask_tellOutcome";
    public static final String END_REMEDY_DONE = "endEvent_remedyDone";
    public static final String END_NOT_RETURNED = "endEvent_notReturned";

    /** Started with these three only: ids and the buyer's choice. */
    public static final String VAR_RECALL_ID = "recallId";
    public static final String VAR_NOTICE_ID = "noticeId";
    public static final String VAR_REMEDY = "remedy";
    /** Small results the steps set. */
    public static final String VAR_LABEL_BY_HAND = "labelByHand";
    public static final String VAR_UNITS_BACK = "unitsBack";
    public static final String VAR_UNITS_DONE = "unitsDone";
    public static final String VAR_REFUND_BY_HAND = "refundByHand";
    public static final String VAR_REPLACEMENT_BY_HAND = "replacementByHand";
    /** What people enter in the forms. */
    public static final String VAR_LABEL_CARRIER = "labelCarrier";
    public static final String VAR_LABEL_TRACKING = "labelTracking";
    public static final String VAR_UNIT_OUTCOME = "unitOutcome";
    public static final String VAR_INSPECTION_NOTE = "inspectionNote";
    public static final String VAR_REFUNDED_AMOUNT = "refundedAmount";
    public static final String VAR_REFUND_REFERENCE = "refundReference";
    public static final String VAR_SHIPPED_REFERENCE = "shippedReference";
    /** Task-local: the notice's units as the worker reads them (refs and states, no buyer data). */
    public static final String VAR_NOTICE_VIEW = "noticeView";

    private RecallReturnProcess() {
    }

    /** The business key of a buyer's return process: {@code <recallKey>:<noticeId>}. */
    public static String businessKey(String recallKey, Long noticeId) {
        return recallKey + ":" + noticeId;
    }

    /** The notice of a business key made by {@link #businessKey}. */
    static long noticeIdOf(String businessKey) {
        return Long.parseLong(businessKey.substring(businessKey.lastIndexOf(':') + 1));
    }
}
