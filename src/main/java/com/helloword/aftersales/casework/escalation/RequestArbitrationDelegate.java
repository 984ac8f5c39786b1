package com.helloword.aftersales.casework.escalation;

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
        // the timer is a fixed date inside "Handle the case", so it fires again at once when the buyer's
        // reply brings the case back after it: arbitration (or the team leads' review) is asked once
        if (Boolean.TRUE.equals(execution.getVariable(EmergencyAfterSales.VAR_UNRESOLVED_HANDLED))) {
            execution.setVariable(EmergencyAfterSales.VAR_ARBITRATION_STARTED, true);
            return;
        }
        long caseId = ((Number) execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).longValue();
        execution.setVariable(EmergencyAfterSales.VAR_ARBITRATION_STARTED,
                escalation.requestArbitration(execution.getProcessBusinessKey(), caseId));
        execution.getProcessInstance().setVariable(EmergencyAfterSales.VAR_UNRESOLVED_HANDLED, true);
    }
}
