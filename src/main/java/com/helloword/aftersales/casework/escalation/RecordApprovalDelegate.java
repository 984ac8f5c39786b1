package com.helloword.aftersales.casework.escalation;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_recordApproval}: reads what {@code businessRuleTask_decideApproval} decided (the
 * result variable {@code remedyApproval}, set just before in the same transaction), records it on the
 * case's remedy and sets {@code approval} and {@code approverGroup} for the gateway and the approval task.
 * What nobody may approve is refused: the agent's completion is undone and the reason shown in Tasklist.
 */
@Component("recordApprovalDelegate")
class RecordApprovalDelegate implements JavaDelegate {

    private final RemedyApprovals approvals;

    RecordApprovalDelegate(RemedyApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object decided = execution.getVariable(EmergencyAfterSales.VAR_REMEDY_APPROVAL);
        if (!(decided instanceof Map<?, ?> result)) {
            throw new IllegalStateException("Decision table remedyApproval gave no single result: " + decided);
        }
        execution.setVariables(approvals.tableDecided(execution.getProcessBusinessKey(),
                RemedyApprovals.Answer.of(result)));
    }
}
