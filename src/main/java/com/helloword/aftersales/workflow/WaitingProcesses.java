package com.helloword.aftersales.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Messages to one process instance that may or may not be waiting for them (a buyer's reply, a
 * parcel scan, a click on a link). Whether it waits is asked first: a correlation that fails inside
 * a Spring transaction marks the whole transaction for rollback, even when the failure is caught.
 */
@Component
public class WaitingProcesses {

    private final RuntimeService runtime;

    WaitingProcesses(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Correlates the message when the process waits for it; returns whether it did. */
    public boolean correlateIfWaiting(String processInstanceId, String message, Map<String, Object> variables) {
        if (processInstanceId == null || runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventType("message").eventName(message).count() == 0) {
            return false;
        }
        runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).setVariables(variables)
                .correlate();
        return true;
    }
}
