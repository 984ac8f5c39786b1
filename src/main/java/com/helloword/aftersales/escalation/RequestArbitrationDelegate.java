package com.helloword.aftersales.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code serviceTask_requestArbitration}: hands an unresolved case to dispute arbitration. */
@Component("requestArbitrationDelegate")
class RequestArbitrationDelegate implements JavaDelegate {

    private final CaseEscalation escalation;

    RequestArbitrationDelegate(CaseEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).longValue();
        execution.setVariable(EmergencyAfterSales.VAR_ARBITRATION_STARTED,
                escalation.requestArbitration(execution.getProcessBusinessKey(), caseId));
    }
}
