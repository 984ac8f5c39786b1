package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code serviceTask_sendReply}: the agent's reply with the remedy, in the buyer's language, through the outbox. */
@Component("sendReplyDelegate")
class SendReplyDelegate implements JavaDelegate {

    private final BuyerReplies replies;

    SendReplyDelegate(BuyerReplies replies) {
        this.replies = replies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).longValue();
        Object remedyId = execution.getVariable(EmergencyAfterSales.VAR_REMEDY_ID);
        replies.sendReply(caseId, remedyId == null ? null : ((Number) remedyId).longValue());
    }
}
