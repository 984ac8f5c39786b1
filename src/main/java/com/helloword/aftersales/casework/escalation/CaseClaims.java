package com.helloword.aftersales.casework.escalation;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.casework.AfterSalesCaseRepository;

/**
 * When somebody first takes a case's answer task (Tasklist's claim, or a task given to them), the case keeps the
 * time: the claim figures of the managers' metrics compare it with the claim time. The engine's task events reach
 * us through the Spring Boot starter's eventing ({@code camunda.bpm.eventing.task}, on by default), inside the
 * engine's transaction, so the BPMN needs no extra listener.
 */
@Component
class CaseClaims {

    private final AfterSalesCaseRepository cases;
    private final Clock clock;

    CaseClaims(AfterSalesCaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_ASSIGNMENT + "'")
    public void assigned(DelegateTask task) {
        if (task.getAssignee() == null || !EmergencyAfterSales.USER_TASK_ANSWER_BUYER.equals(task.getTaskDefinitionKey())
                || task.getExecution() == null) {
            return;
        }
        cases.findByBusinessKey(task.getExecution().getProcessBusinessKey())
                .ifPresent(c -> c.claimed(clock.instant()));
    }
}
