package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_readApprovalInputs}: sets the remedyApproval table's inputs from the case file,
 * right before {@code businessRuleTask_decideApproval} asks the table. It runs in the transaction of the
 * agent's completion and after it, so what the table sees is the case's order value and marketplace, not
 * what the completion claimed; the case comes from the business key, not from a variable.
 */
@Component("readApprovalInputsDelegate")
class ReadApprovalInputsDelegate implements JavaDelegate {

    private final RemedyApprovals approvals;

    ReadApprovalInputsDelegate(RemedyApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(approvals.inputs(execution.getProcessBusinessKey()));
    }
}
