package com.helloword.aftersales.incident;

/** The names of {@code stuckParcelProcess} (bpmn/stuck-parcel.bpmn) that Java uses: one place for them. */
final class StuckParcelProcess {

    static final String PROCESS_KEY = "stuckParcelProcess";
    static final String BUSINESS_KEY_PREFIX = "parcel-watch:";

    static final String VAR_WATCH_ID = "watchId";
    static final String VAR_ORDER_ID = "orderId";
    static final String VAR_KIND = "watchKind";
    static final String VAR_DESTINATION_COUNTRY = "destinationCountry";
    static final String VAR_CARRIER = "carrier";
    static final String VAR_SERVICE = "service";
    static final String VAR_STATUS = "status";
    static final String VAR_SUB_STATUS = "subStatus";
    static final String VAR_WATCH_MAX = "watchMax";
    static final String VAR_ADDRESS_WAIT = "addressWait";
    /** The carrierExceptionHandling table's row (business-rule task result). */
    static final String VAR_EXCEPTION_HANDLING = "exceptionHandling";
    static final String VAR_HANDLING_PATH = "handlingPath";
    static final String VAR_EXCEPTION_KIND = "exceptionKind";
    static final String VAR_TEAM_GROUP = "teamGroup";
    static final String VAR_WATCH_OUTCOME = "watchOutcome";
    static final String VAR_STILL_QUIET = "stillQuiet";
    static final String VAR_ADDRESS_ANSWER = "addressAnswer";
    static final String VAR_LOGISTICS_NOTE = "logisticsNote";

    static final String MESSAGE_PARCEL_MOVED = "aftersales.parcelMoved";
    static final String MESSAGE_PARCEL_DELIVERED = "aftersales.parcelDelivered";
    static final String MESSAGE_ADDRESS_ANSWERED = "aftersales.addressAnswered";

    static final String USER_TASK_FORWARD_ADDRESS = "userTask_forwardAddress";

    private StuckParcelProcess() {
    }

    static String businessKey(long watchId) {
        return BUSINESS_KEY_PREFIX + watchId;
    }

    /** The watch's id from the business key {@code parcel-watch:<id>}. */
    static long watchId(String businessKey) {
        return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
    }
}
