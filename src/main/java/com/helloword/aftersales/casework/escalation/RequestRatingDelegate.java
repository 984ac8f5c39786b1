package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code serviceTask_requestRating}: the 1-5 rating mail in the buyer's language. */
@Component("requestRatingDelegate")
class RequestRatingDelegate implements JavaDelegate {

    private final CaseResolution resolution;

    RequestRatingDelegate(CaseResolution resolution) {
        this.resolution = resolution;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resolution.requestRating(((Number) execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).longValue());
    }
}
