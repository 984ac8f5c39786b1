package com.helloword.aftersales.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code serviceTask_applyNewGrade}: the open task takes the priority of the case's new grade. */
@Component("applyNewGradeDelegate")
class ApplyNewGradeDelegate implements JavaDelegate {

    private final CaseEscalation escalation;

    ApplyNewGradeDelegate(CaseEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object priority = execution.getVariable(EmergencyAfterSales.VAR_TASK_PRIORITY);
        if (priority instanceof Number number) {
            escalation.applyPriority(execution.getProcessInstanceId(), number.intValue());
        }
    }
}
