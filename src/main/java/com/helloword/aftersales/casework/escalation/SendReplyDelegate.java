package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_sendReply}: the agent's reply with the remedy, in the buyer's language, through the
 * outbox. On a process version from before {@code serviceTask_awaitBuyer} the case waits for the buyer
 * from here, as it did then, unless the remedy is still left for people.
 */
@Component("sendReplyDelegate")
class SendReplyDelegate implements JavaDelegate {

    private final BuyerReplies replies;
    private final CaseResolution resolution;

    SendReplyDelegate(BuyerReplies replies, CaseResolution resolution) {
        this.replies = replies;
        this.resolution = resolution;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).longValue();
        Object remedyId = execution.getVariable(EmergencyAfterSales.VAR_REMEDY_ID);
        replies.sendReply(caseId, remedyId == null ? null : ((Number) remedyId).longValue());
        if (execution.getBpmnModelInstance().getModelElementById(EmergencyAfterSales.SERVICE_TASK_AWAIT_BUYER) == null) {
            resolution.awaitBuyerUnlessRemedyByHand(caseId);
        }
    }
}
