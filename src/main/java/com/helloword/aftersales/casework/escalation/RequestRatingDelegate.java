package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code serviceTask_requestRating}: the 1-5 rating mail in the buyer's language. */
@Component("requestRatingDelegate")
class RequestRatingDelegate implements JavaDelegate {

    private final BuyerReplies replies;

    RequestRatingDelegate(BuyerReplies replies) {
        this.replies = replies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        replies.requestRating(((Number) execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).longValue());
    }
}
