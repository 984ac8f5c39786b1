package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code serviceTask_escalateUnclaimed}: calls the team leads when nobody took the case in time. */
@Component("escalateUnclaimedDelegate")
class EscalateUnclaimedDelegate implements JavaDelegate {

    private final CaseEscalation escalation;

    EscalateUnclaimedDelegate(CaseEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).longValue();
        execution.setVariable("escalated", escalation.escalateUnclaimed(execution.getProcessInstanceId(), caseId));
    }
}
