package com.helloword.aftersales.escalation;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Refuses what a person entered in a task form, with the reason: the task stays open, nothing is
 * kept, and the REST API that Tasklist uses answers 400 with the message (a plain engine exception
 * would be a 500). Camunda documents FormFieldValidationException for custom form validation; it
 * lives in an impl package, so this is the one class allowed to name it (ArchitectureTest).
 */
final class TaskFormRejection {

    private TaskFormRejection() {
    }

    static RuntimeException because(String reason) {
        return new FormFieldValidationException("taskForm", reason);
    }
}
