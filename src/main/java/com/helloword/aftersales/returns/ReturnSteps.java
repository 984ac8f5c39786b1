package com.helloword.aftersales.returns;

import static com.helloword.aftersales.returns.ReturnProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code returnProcess}, called as {@code ${returnSteps.<step>(execution)}}:
 * each reads the return's id and does one thing in the case file, the outbox or at a provider.
 */
@Component("returnSteps")
public class ReturnSteps {

    private final ReturnService returns;
    private final ReturnShipping shipping;
    private final ReturnQuality quality;

    ReturnSteps(ReturnService returns, ReturnShipping shipping, ReturnQuality quality) {
        this.returns = returns;
        this.shipping = shipping;
        this.quality = quality;
    }

    private static long id(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_RETURN_ID)).longValue();
    }

    public void checkPolicy(DelegateExecution execution) {
        execution.setVariables(returns.checkPolicy(id(execution), execution.getProcessInstanceId()));
    }

    public void explainRefusal(DelegateExecution execution) {
        returns.explainRefusal(id(execution));
    }

    public void createLabel(DelegateExecution execution) {
        shipping.createLabel(id(execution));
    }

    /** Mails the label; sets {@code parcelBack} when the warehouse scanned the parcel already (it came early). */
    public void sendLabel(DelegateExecution execution) {
        shipping.sendLabel(id(execution));
        execution.setVariable(VAR_PARCEL_BACK, returns.returnOf(id(execution)).getReceivedAt() != null);
    }

    public void remind(DelegateExecution execution) {
        Object sent = execution.getVariable("remindersSent");
        int number = sent instanceof Number n ? n.intValue() + 1 : 1;
        returns.remind(id(execution), number);
        execution.setVariable("remindersSent", number);
    }

    /** The label SLA (2 h) or the inspection SLA (24 h) passed: the team leads hear of it. */
    public void late(DelegateExecution execution, String what) {
        returns.late(id(execution), what);
    }

    /** The refund-deadline timers' date (ISO), from the case file. */
    public String refundWarnAt(DelegateExecution execution) {
        return returns.refundWarnAt(id(execution));
    }

    /** Two days before the refund is due: the team leads hear of it when the refund can no longer wait. */
    public void refundDeadlineNear(DelegateExecution execution) {
        returns.refundDeadlineNear(id(execution));
    }

    public void refund(DelegateExecution execution) {
        Object percent = execution.getVariable(VAR_PARTIAL_PERCENT);
        boolean partial = "PARTIAL_REFUND".equals(execution.getVariable(VAR_OUTCOME));
        java.math.BigDecimal byHand = returns.refund(id(execution),
                partial && percent instanceof Number n ? n.intValue() : null);
        execution.setVariable(VAR_REFUND_BY_HAND, byHand != null);
        if (byHand != null) {
            execution.setVariable(VAR_REFUND_AMOUNT_DUE, byHand.doubleValue());
        }
    }

    public void orderExchange(DelegateExecution execution) {
        execution.setVariable(VAR_EXCHANGE_BY_HAND, !shipping.orderExchange(id(execution)));
    }

    public void tellOutcome(DelegateExecution execution) {
        returns.tellOutcome(id(execution));
    }

    /** Closes the return; an empty outcome keeps the inspection's (the expression language passes null as ""). */
    public void close(DelegateExecution execution, String outcome) {
        returns.close(id(execution), outcome == null || outcome.isBlank() ? null : outcome);
        quality.check(returns.returnOf(id(execution)).getSku());
    }
}
