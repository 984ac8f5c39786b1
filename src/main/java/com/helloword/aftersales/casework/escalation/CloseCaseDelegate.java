package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_closeCase}: the case is settled. {@code resolution} says how: CONFIRMED (the
 * buyer's link), AGENT_CLOSED (the agent's choice); none set means the quiet period passed.
 */
@Component("closeCaseDelegate")
class CloseCaseDelegate implements JavaDelegate {

    private final CaseResolution resolution;

    CloseCaseDelegate(CaseResolution resolution) {
        this.resolution = resolution;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).longValue();
        Object how = execution.getVariable(EmergencyAfterSales.VAR_RESOLUTION);
        resolution.close(caseId, how == null ? CaseResolution.QUIET_PERIOD : how.toString());
    }
}
