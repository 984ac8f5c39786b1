package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code serviceTask_awaitBuyer}: the remedy is done and the buyer told; the case shows it waits for the buyer. */
@Component("awaitBuyerDelegate")
class AwaitBuyerDelegate implements JavaDelegate {

    private final CaseResolution resolution;

    AwaitBuyerDelegate(CaseResolution resolution) {
        this.resolution = resolution;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resolution.awaitBuyer(((Number) execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).longValue());
    }
}
