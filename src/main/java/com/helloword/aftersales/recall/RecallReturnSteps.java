package com.helloword.aftersales.recall;

import static com.helloword.aftersales.recall.RecallReturnProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service tasks and timers of {@code recallReturnProcess}, called as {@code ${recallReturnSteps.<step>(execution)}}:
 * each reads the notice's id and does one thing in the case file, the outbox or at a provider.
 */
@Component("recallReturnSteps")
public class RecallReturnSteps {

    private static final String REMINDERS_SENT = "remindersSent";

    private final RecallReturns returns;
    private final RecallRemedies remedies;
    private final RecallReturnSettings settings;

    RecallReturnSteps(RecallReturns returns, RecallRemedies remedies, RecallReturnSettings settings) {
        this.returns = returns;
        this.remedies = remedies;
        this.settings = settings;
    }

    private static long id(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_NOTICE_ID)).longValue();
    }

    public void createLabel(DelegateExecution execution) {
        execution.setVariable(VAR_LABEL_BY_HAND, returns.createLabel(id(execution)));
    }

    /** Mails the label; sets {@code unitsBack} when the warehouse has all units already (they came early). */
    public void mailLabel(DelegateExecution execution) {
        execution.setVariable(VAR_UNITS_BACK, returns.mailLabel(id(execution), 0));
    }

    public void remind(DelegateExecution execution) {
        Object sent = execution.getVariable(REMINDERS_SENT);
        int number = sent instanceof Number n ? n.intValue() + 1 : 1;
        returns.mailLabel(id(execution), number);
        execution.setVariable(REMINDERS_SENT, number);
    }

    /** The reminder timer's cycle (ISO repeating interval), from the configuration. */
    public String reminderCycle(DelegateExecution execution) {
        return settings.reminderCycle();
    }

    /** The give-up timer's duration (ISO), from the configuration. */
    public String giveUpAfter(DelegateExecution execution) {
        return settings.giveUpAfter().toString();
    }

    /**
     * The wait ended: the units may have come back just as it did (a scan racing the label mail), so they are
     * looked at once more; only when they are not back is the return given up.
     */
    public void checkUnitsAtGiveUp(DelegateExecution execution) {
        boolean back = returns.unitsBack(id(execution));
        execution.setVariable(VAR_UNITS_BACK, back);
        if (!back) {
            returns.notReturned(id(execution));
        }
    }

    /** Sets {@code unitsDone} when every unit is disposed or refurbished already (scanned so): no inspection task. */
    public void checkUnits(DelegateExecution execution) {
        execution.setVariable(VAR_UNITS_DONE, returns.unitsDone(id(execution)));
    }

    public void refund(DelegateExecution execution) {
        execution.setVariable(VAR_REFUND_BY_HAND, remedies.refund(id(execution)));
    }

    public void orderReplacement(DelegateExecution execution) {
        execution.setVariable(VAR_REPLACEMENT_BY_HAND, remedies.orderReplacement(id(execution)));
    }

    public void tellOutcome(DelegateExecution execution) {
        remedies.tellOutcome(id(execution));
    }
}
