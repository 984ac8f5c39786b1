package com.helloword.aftersales.casework.escalation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_applyNewGrade}: the open "Answer buyer" task takes the case's new grade: its priority,
 * its first-reply time as due date and its claim time for the running claim timer (both computed by intake
 * from the severityGrading table, never later than already promised). When no such task is open (the case
 * is with an approver or the warehouse), the message would go unanswered: {@code unansweredFollowUp}
 * brings the case back to the team after this round.
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
            escalation.applyGrade(execution.getProcessInstanceId(), number.intValue(),
                    date(execution, EmergencyAfterSales.VAR_FIRST_REPLY_DUE),
                    date(execution, EmergencyAfterSales.VAR_CLAIM_DUE));
        }
        if (!answerTaskOpen) {
            execution.getProcessInstance().setVariable(EmergencyAfterSales.VAR_UNANSWERED_FOLLOW_UP, true);
        }
    }

    private static Date date(DelegateExecution execution, String name) {
        return execution.getVariable(name) instanceof Date date ? date : null;
    }
}
