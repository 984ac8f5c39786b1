package com.helloword.aftersales.quality;

import static com.helloword.aftersales.quality.QualityAlerts.VAR_HOLD_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The service steps of {@code skuQualityAlert} ({@code ${qualityAlertSteps.x(execution)}}). */
@Component("qualityAlertSteps")
public class QualityAlertSteps {

    private final QualityAlerts alerts;

    QualityAlertSteps(QualityAlerts alerts) {
        this.alerts = alerts;
    }

    private static long id(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_HOLD_ID)).longValue();
    }

    public void pausePurchasing(DelegateExecution execution) {
        alerts.tellPurchasingPaused(id(execution));
    }

    public void planLate(DelegateExecution execution) {
        alerts.planLate(id(execution));
    }

    public void resumePurchasing(DelegateExecution execution) {
        alerts.release(id(execution), "improvement plan", "the product team's plan lets purchasing resume");
    }
}
