package com.helloword.aftersales.incident;

import static com.helloword.aftersales.incident.StuckParcelProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The service steps of {@code stuckParcelProcess} ({@code ${parcelWatchSteps.x(execution)}}). */
@Component("parcelWatchSteps")
public class ParcelWatchSteps {

    private final ParcelWatches watches;

    ParcelWatchSteps(ParcelWatches watches) {
        this.watches = watches;
    }

    private static long id(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_WATCH_ID)).longValue();
    }

    public void openCase(DelegateExecution execution) {
        watches.openCase(id(execution));
    }

    /** Sets {@code stillQuiet}: false when the parcel moved before the mail (the watch is closed then). */
    public void tellBuyerQuiet(DelegateExecution execution) {
        execution.setVariable(VAR_STILL_QUIET, watches.tellBuyerQuiet(id(execution)));
    }

    /** Reads the carrierExceptionHandling row into the variables the gateway and the tasks use. */
    public void exceptionDecided(DelegateExecution execution) {
        Object row = execution.getVariable(VAR_EXCEPTION_HANDLING);
        if (!(row instanceof Map<?, ?> map)) {
            throw new IllegalStateException("Decision table carrierExceptionHandling gave no row for watch "
                    + id(execution));
        }
        execution.setVariables(watches.exceptionDecided(id(execution), map));
    }

    public void tellBuyerException(DelegateExecution execution) {
        watches.tellBuyerException(id(execution), (String) execution.getVariable("buyerMail"), false);
    }

    public void askAddress(DelegateExecution execution) {
        watches.tellBuyerException(id(execution), (String) execution.getVariable("buyerMail"), true);
    }

    /** Closes the watch with {@code watchOutcome} (set by the message that ended it), else HANDLED. */
    public void closeWatch(DelegateExecution execution) {
        Object outcome = execution.getVariable(VAR_WATCH_OUTCOME);
        watches.close(id(execution), outcome == null ? "HANDLED" : outcome.toString());
    }

    /** The quiet watch ran out ({@code watch-max}) without news. */
    public void closeUnmoved(DelegateExecution execution) {
        watches.close(id(execution), "NOT_MOVED");
    }
}
