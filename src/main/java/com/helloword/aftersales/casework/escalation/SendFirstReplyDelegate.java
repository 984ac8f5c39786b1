package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code serviceTask_sendAutomaticFirstReply}: the buyer hears from us at once, in their language. */
@Component("sendFirstReplyDelegate")
class SendFirstReplyDelegate implements JavaDelegate {

    private final CaseEscalation escalation;

    SendFirstReplyDelegate(CaseEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).longValue();
        escalation.sendAutomaticFirstReply(caseId);
    }
}
