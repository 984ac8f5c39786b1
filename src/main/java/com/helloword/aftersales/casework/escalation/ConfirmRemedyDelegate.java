package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code serviceTask_confirmRemedyDone}: the by-hand step is done; the buyer hears that it happened. */
@Component("confirmRemedyDelegate")
class ConfirmRemedyDelegate implements JavaDelegate {

    private final BuyerReplies replies;

    ConfirmRemedyDelegate(BuyerReplies replies) {
        this.replies = replies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).longValue();
        long remedyId = ((Number) execution.getVariable(EmergencyAfterSales.VAR_REMEDY_ID)).longValue();
        replies.confirmRemedyDone(caseId, remedyId);
    }
}
