package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_executeRemedy}: carries out the approved remedy; sets {@code manualStepGroup}
 * and {@code manualStepInstruction} when people still have something to do, and {@code returnId} /
 * {@code returnKey} when the remedy's return is to run (null otherwise).
 */
@Component("executeRemedyDelegate")
class ExecuteRemedyDelegate implements JavaDelegate {

    private final RemedyExecution execution;

    ExecuteRemedyDelegate(RemedyExecution execution) {
        this.execution = execution;
    }

    @Override
    public void execute(DelegateExecution process) {
        long remedyId = ((Number) process.getVariable(EmergencyAfterSales.VAR_REMEDY_ID)).longValue();
        RemedyExecution.Outcome outcome = execution.execute(remedyId);
        process.setVariable(EmergencyAfterSales.VAR_MANUAL_GROUP, outcome.manualGroup());
        process.setVariable(EmergencyAfterSales.VAR_MANUAL_INSTRUCTION, outcome.manualInstruction());
        process.setVariable(EmergencyAfterSales.VAR_RETURN_ID, outcome.returnId());
        process.setVariable(EmergencyAfterSales.VAR_RETURN_KEY, outcome.returnKey());
    }
}
