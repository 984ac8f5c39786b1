package com.helloword.aftersales.recall;

import org.camunda.bpm.engine.ProcessEngineException;

import com.helloword.aftersales.workflow.TaskFormRejection;

/** What a person entered in a recall task form is refused with the reason; the task stays open. */
final class RecallTaskRefusal {

    private RecallTaskRefusal() {
    }

    static ProcessEngineException because(String reason) {
        return TaskFormRejection.because(reason);
    }
}
