package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_applyNewGrade}: the open "Answer buyer" task takes the priority of the case's new
 * grade. When no such task is open (the case is with an approver or the warehouse), the message would
 * go unanswered: {@code unansweredFollowUp} brings the case back to the team after this round.
 */
@Component("applyNewGradeDelegate")
class ApplyNewGradeDelegate implements JavaDelegate {

    private final CaseEscalation escalation;

    ApplyNewGradeDelegate(CaseEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object priority = execution.getVariable(EmergencyAfterSales.VAR_TASK_PRIORITY);
        boolean answerTaskOpen = escalation.answerTaskOpen(execution.getProcessInstanceId());
        if (priority instanceof Number number && answerTaskOpen) {
            escalation.applyPriority(execution.getProcessInstanceId(), number.intValue());
        }
        if (!answerTaskOpen) {
            execution.getProcessInstance().setVariable(EmergencyAfterSales.VAR_UNANSWERED_FOLLOW_UP, true);
        }
    }
}
