package com.helloword.aftersales.incident;

import org.camunda.bpm.engine.ProcessEngineException;

import com.helloword.aftersales.workflow.TaskFormRejection;

/** Names of the batch incident processes (bpmn/shipment-incident*.bpmn), their elements and variables. */
public final class ShipmentIncidentProcess {

    public static final String PROCESS_KEY = "shipmentIncidentProcess";
    public static final String CHUNK_PROCESS_KEY = "shipmentIncidentChunkProcess";
    public static final String REMEDY_PROCESS_KEY = "shipmentIncidentRemedyProcess";
    public static final String FOLLOW_UP_DECISION = "incidentFollowUp";

    public static final String SERVICE_TASK_REGISTER = "serviceTask_registerIncident";
    public static final String BUSINESS_RULE_TASK_FOLLOW_UP = "businessRuleTask_incidentFollowUp";
    public static final String SERVICE_TASK_FIND_ORDERS = "serviceTask_findAffectedOrders";
    public static final String SERVICE_TASK_MAIL_BUYERS = "serviceTask_mailBuyers";
    public static final String TIMER_REMINDER = "timer_reminderDue";
    public static final String SERVICE_TASK_REMIND = "serviceTask_remindBuyers";
    public static final String TIMER_CHOICE_ENDS = "timer_choiceEnds";
    public static final String SERVICE_TASK_DEFAULTS = "serviceTask_giveDefaultRemedies";
    public static final String SERVICE_TASK_COUNT_OPEN = "serviceTask_countOpenRemedies";
    public static final String TIMER_SETTLE_AGAIN = "timer_lookAgain";
    public static final String SERVICE_TASK_CLOSE = "serviceTask_closeIncident";
    public static final String SERVICE_TASK_RUN_CHUNK = "serviceTask_runChunk";
    public static final String SERVICE_TASK_CARRY_OUT = "serviceTask_carryOutRemedy";
    public static final String USER_TASK_BY_HAND = "userTask_carryOutByHand";

    public static final String VAR_INCIDENT_ID = "incidentId";
    public static final String VAR_INCIDENT_KEY = "incidentKey";
    public static final String VAR_CAUSE = "cause";
    public static final String VAR_DESTINATION_COUNTRY = "destinationCountry";
    public static final String VAR_FOLLOW_UP = "followUp";
    public static final String VAR_AFFECTED = "ordersAffected";
    public static final String VAR_REMINDER_AT = "reminderAt";
    public static final String VAR_CHOICE_ENDS_AT = "choiceEndsAt";
    public static final String VAR_OPEN = "openRemedies";
    public static final String VAR_SUMMARY = "summary";
    public static final String VAR_DECLARED_BY = "declaredBy";
    public static final String VAR_CHUNK_NO = "chunkNo";
    public static final String VAR_ROUND = "round";
    public static final String VAR_INCIDENT_ORDER_ID = "incidentOrderId";
    public static final String VAR_BY_HAND_GROUP = "byHandGroup";
    public static final String VAR_BY_HAND_NOTE = "byHandNote";
    public static final String VAR_PLATFORM_REF = "platformRef";

    /** Chunk rounds: the first mail, the reminder, the default remedy. */
    public static final int ROUND_NOTICE = 0;
    public static final int ROUND_REMINDER = 1;
    public static final int ROUND_DEFAULT = 2;

    private ShipmentIncidentProcess() {
    }

    static ProcessEngineException refuse(String reason) {
        return TaskFormRejection.because(reason);
    }
}
