package com.helloword.aftersales.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code recallReturnProcess} on the engine alone, one test per path: refund through the platform's API and by
 * hand, replacement ordered and shipped by hand, repair, the label by hand for an incomplete address, units back
 * before the label mail, a label step that fails and is retried, and the give-up timer. The steps and the task
 * listener are stand-ins that record what ran and set what the real ones set. Coverage at least 90 % of flow nodes.
 */
@Deployment(resources = {"bpmn/recall-return.bpmn", "bpmn/forms/recall-manual-label.form",
        "bpmn/forms/recall-inspect-units.form", "bpmn/forms/recall-refund-by-hand.form",
        "bpmn/forms/recall-ship-by-hand.form"})
class RecallReturnProcessTest {

    private static final String KEY = "RC-7:42";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9).build();

    /** Stands in for RecallReturnSteps: records each step, sets what the real steps set. */
    public class Steps {
        public void createLabel(DelegateExecution execution) {
            if (labelFailures > 0) {
                labelFailures--;
                throw new IllegalStateException("carrier down");
            }
            steps.add("label");
            execution.setVariable(RecallReturnProcess.VAR_LABEL_BY_HAND, addressIncomplete);
        }

        public void mailLabel(DelegateExecution execution) {
            steps.add("mail");
            execution.setVariable(RecallReturnProcess.VAR_UNITS_BACK, backEarly);
        }

        public void remind(DelegateExecution execution) {
            steps.add("remind");
        }

        public String reminderCycle(DelegateExecution execution) {
            return "R2/P7D";
        }

        public String giveUpAfter(DelegateExecution execution) {
            return "P42D";
        }

        public void checkUnitsAtGiveUp(DelegateExecution execution) {
            steps.add("giveUp");
            execution.setVariable(RecallReturnProcess.VAR_UNITS_BACK, backAtGiveUp);
        }

        public void checkUnits(DelegateExecution execution) {
            steps.add("check");
            execution.setVariable(RecallReturnProcess.VAR_UNITS_DONE, doneEarly);
        }

        public void refund(DelegateExecution execution) {
            steps.add("refund");
            execution.setVariable(RecallReturnProcess.VAR_REFUND_BY_HAND, refundByHand);
        }

        public void orderReplacement(DelegateExecution execution) {
            steps.add("replacement");
            execution.setVariable(RecallReturnProcess.VAR_REPLACEMENT_BY_HAND, replacementByHand);
        }

        public void tellOutcome(DelegateExecution execution) {
            steps.add("tell");
        }
    }

    final List<String> steps = new ArrayList<>();
    final List<String> tasksCompleted = new ArrayList<>();
    int labelFailures;
    boolean addressIncomplete;
    boolean backEarly;
    boolean doneEarly;
    boolean backAtGiveUp;
    boolean refundByHand;
    boolean replacementByHand;

    @BeforeEach
    void mockSteps() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("recallReturnSteps", new Steps());
        Mocks.register("recallReturnTaskListener", (TaskListener) this::listened);
    }

    /** Stands in for RecallReturnTaskListener: notes each completed task. */
    private void listened(DelegateTask task) {
        if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            tasksCompleted.add(task.getTaskDefinitionKey());
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance start(RecallRemedy remedy) {
        return runtimeService().startProcessInstanceByKey(RecallReturnProcess.PROCESS_KEY, KEY,
                Map.of(RecallReturnProcess.VAR_RECALL_ID, 7L, RecallReturnProcess.VAR_NOTICE_ID, 42L,
                        RecallReturnProcess.VAR_REMEDY, remedy.name()));
    }

    /** Start, label, label mail: waiting for the units. */
    private ProcessInstance labelled(RecallRemedy remedy) {
        ProcessInstance pi = start(remedy);
        execute(job(RecallReturnProcess.SERVICE_TASK_CREATE_LABEL, pi));
        execute(job(RecallReturnProcess.SERVICE_TASK_MAIL_LABEL, pi));
        return pi;
    }

    private void unitsReceived() {
        runtimeService().createMessageCorrelation(RecallReturnProcess.MESSAGE_UNITS_RECEIVED)
                .processInstanceBusinessKey(KEY).correlate();
    }

    /** Units received and inspected: at the remedy. */
    private ProcessInstance inspected(RecallRemedy remedy) {
        ProcessInstance pi = labelled(remedy);
        unitsReceived();
        assertThat(pi).isWaitingAt(RecallReturnProcess.USER_TASK_INSPECT);
        assertThat(task(pi)).hasCandidateGroup("warehouse");
        complete(task(pi), withVariables(RecallReturnProcess.VAR_UNIT_OUTCOME, "DISPOSED"));
        return pi;
    }

    @Test
    void aRefundThroughTheApiAfterTheLabelAReminderAndTheInspection() {
        ProcessInstance pi = start(RecallRemedy.REFUND);
        // the buyer's choice only wrote a job: the label is made in the background
        assertThat(pi).isWaitingAt(RecallReturnProcess.SERVICE_TASK_CREATE_LABEL);
        execute(job(RecallReturnProcess.SERVICE_TASK_CREATE_LABEL, pi));
        execute(job(RecallReturnProcess.SERVICE_TASK_MAIL_LABEL, pi));
        assertThat(pi).isWaitingAt(RecallReturnProcess.RECEIVE_TASK_UNITS);

        execute(job(RecallReturnProcess.TIMER_REMINDER, pi));
        execute(job(RecallReturnProcess.SERVICE_TASK_REMIND, pi));
        assertThat(pi).hasPassed("endEvent_reminded").isWaitingAt(RecallReturnProcess.RECEIVE_TASK_UNITS);

        unitsReceived();
        complete(task(pi), withVariables(RecallReturnProcess.VAR_UNIT_OUTCOME, "DISPOSED"));
        execute(job(RecallReturnProcess.SERVICE_TASK_REFUND, pi));
        execute(job(RecallReturnProcess.SERVICE_TASK_TELL_OUTCOME, pi));

        assertThat(pi).hasPassed(RecallReturnProcess.END_REMEDY_DONE).hasNotPassed(
                RecallReturnProcess.USER_TASK_REFUND_BY_HAND).isEnded();
        assertThat(steps).containsExactly("label", "mail", "remind", "check", "refund", "tell");
        assertThat(tasksCompleted).containsExactly(RecallReturnProcess.USER_TASK_INSPECT);
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aPlatformThatCannotRefundThroughItsApiGetsARefundByHandFromTheManagers() {
        refundByHand = true;
        ProcessInstance pi = inspected(RecallRemedy.REFUND);
        execute(job(RecallReturnProcess.SERVICE_TASK_REFUND, pi));

        assertThat(pi).isWaitingAt(RecallReturnProcess.USER_TASK_REFUND_BY_HAND)
                .hasNotPassed(RecallReturnProcess.SERVICE_TASK_TELL_OUTCOME);
        assertThat(task(pi)).hasCandidateGroup("managers");
        complete(task(pi), withVariables(RecallReturnProcess.VAR_REFUNDED_AMOUNT, 79.80,
                RecallReturnProcess.VAR_REFUND_REFERENCE, "SC-1"));
        execute(job(RecallReturnProcess.SERVICE_TASK_TELL_OUTCOME, pi));

        assertThat(pi).hasPassed(RecallReturnProcess.USER_TASK_REFUND_BY_HAND, RecallReturnProcess.END_REMEDY_DONE)
                .isEnded();
        assertThat(steps).containsExactly("label", "mail", "check", "refund", "tell");
    }

    @Test
    void aReplacementThePlatformOrdersNeedsNoHands() {
        ProcessInstance pi = inspected(RecallRemedy.REPLACEMENT);
        execute(job(RecallReturnProcess.SERVICE_TASK_REPLACEMENT, pi));
        execute(job(RecallReturnProcess.SERVICE_TASK_TELL_OUTCOME, pi));

        assertThat(pi).hasPassed(RecallReturnProcess.END_REMEDY_DONE)
                .hasNotPassed(RecallReturnProcess.USER_TASK_SHIP_REPLACEMENT, RecallReturnProcess.SERVICE_TASK_REFUND)
                .isEnded();
        assertThat(steps).containsExactly("label", "mail", "check", "replacement", "tell");
    }

    @Test
    void aReplacementThePlatformCannotOrderIsShippedByTheWarehouse() {
        replacementByHand = true;
        ProcessInstance pi = inspected(RecallRemedy.REPLACEMENT);
        execute(job(RecallReturnProcess.SERVICE_TASK_REPLACEMENT, pi));

        assertThat(pi).isWaitingAt(RecallReturnProcess.USER_TASK_SHIP_REPLACEMENT);
        assertThat(task(pi)).hasCandidateGroup("warehouse");
        complete(task(pi), withVariables(RecallReturnProcess.VAR_SHIPPED_REFERENCE, "00340434161094042557"));
        execute(job(RecallReturnProcess.SERVICE_TASK_TELL_OUTCOME, pi));
        assertThat(pi).hasPassed(RecallReturnProcess.END_REMEDY_DONE).isEnded();
    }

    @Test
    void aRepairIsShippedBackByTheWarehouse() {
        ProcessInstance pi = labelled(RecallRemedy.REPAIR);
        unitsReceived();
        complete(task(pi), withVariables(RecallReturnProcess.VAR_UNIT_OUTCOME, "REFURBISHED"));

        assertThat(pi).isWaitingAt(RecallReturnProcess.USER_TASK_SHIP_REPAIRED);
        assertThat(task(pi)).hasCandidateGroup("warehouse");
        complete(task(pi), withVariables(RecallReturnProcess.VAR_SHIPPED_REFERENCE, "00340434161094042558"));
        execute(job(RecallReturnProcess.SERVICE_TASK_TELL_OUTCOME, pi));

        assertThat(pi).hasPassed(RecallReturnProcess.END_REMEDY_DONE)
                .hasNotPassed(RecallReturnProcess.SERVICE_TASK_REFUND, RecallReturnProcess.SERVICE_TASK_REPLACEMENT)
                .isEnded();
        assertThat(tasksCompleted).containsExactly(RecallReturnProcess.USER_TASK_INSPECT,
                RecallReturnProcess.USER_TASK_SHIP_REPAIRED);
    }

    @Test
    void anIncompleteAddressHasTheWarehouseOrLogisticsMakeTheLabelByHand() {
        addressIncomplete = true;
        ProcessInstance pi = start(RecallRemedy.REFUND);
        execute(job(RecallReturnProcess.SERVICE_TASK_CREATE_LABEL, pi));

        assertThat(pi).isWaitingAt(RecallReturnProcess.USER_TASK_MAKE_LABEL);
        assertThat(task(pi)).hasCandidateGroup("warehouse");
        assertThat(task(pi)).hasCandidateGroup("logistics");
        complete(task(pi), withVariables(RecallReturnProcess.VAR_LABEL_CARRIER, "DHL",
                RecallReturnProcess.VAR_LABEL_TRACKING, "JJD000390007"));
        execute(job(RecallReturnProcess.SERVICE_TASK_MAIL_LABEL, pi));

        assertThat(pi).isWaitingAt(RecallReturnProcess.RECEIVE_TASK_UNITS);
        assertThat(steps).containsExactly("label", "mail");
    }

    @Test
    void aFailingLabelStepIsRetriedAndThenRunsOnce() {
        labelFailures = 1;
        ProcessInstance pi = start(RecallRemedy.REFUND);
        Job first = job(RecallReturnProcess.SERVICE_TASK_CREATE_LABEL, pi);
        try {
            managementService().executeJob(first.getId());
        } catch (IllegalStateException | org.camunda.bpm.engine.ProcessEngineException expected) {
            // the carrier was down: the job keeps its place with a retry less (R3/PT5M)
        }
        Job retried = job(RecallReturnProcess.SERVICE_TASK_CREATE_LABEL, pi);
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getExceptionMessage()).contains("carrier down");
        assertThat(steps).isEmpty();

        managementService().setJobDuedate(retried.getId(), null);
        execute(retried);
        assertThat(pi).isWaitingAt(RecallReturnProcess.SERVICE_TASK_MAIL_LABEL);
        assertThat(steps).containsExactly("label");
    }

    @Test
    void unitsBackAndDisposedBeforeTheLabelMailGoStraightToTheRemedy() {
        backEarly = true;
        doneEarly = true;
        ProcessInstance pi = labelled(RecallRemedy.REFUND);

        assertThat(pi).hasNotPassed(RecallReturnProcess.RECEIVE_TASK_UNITS, RecallReturnProcess.USER_TASK_INSPECT)
                .isWaitingAt(RecallReturnProcess.SERVICE_TASK_REFUND);
    }

    @Test
    void unitsThatNeverComeEndTheReturnAsNotReturned() {
        ProcessInstance pi = labelled(RecallRemedy.REFUND);
        execute(job(RecallReturnProcess.TIMER_GIVE_UP, pi));
        execute(job(RecallReturnProcess.SERVICE_TASK_GIVE_UP, pi));

        assertThat(pi).hasPassed(RecallReturnProcess.END_NOT_RETURNED)
                .hasNotPassed(RecallReturnProcess.SERVICE_TASK_REFUND).isEnded();
        assertThat(steps).containsExactly("label", "mail", "giveUp");
    }

    @Test
    void unitsScannedJustAsTheWaitEndedStillGetTheirInspection() {
        backAtGiveUp = true;
        ProcessInstance pi = labelled(RecallRemedy.REFUND);
        execute(job(RecallReturnProcess.TIMER_GIVE_UP, pi));
        execute(job(RecallReturnProcess.SERVICE_TASK_GIVE_UP, pi));

        assertThat(pi).hasNotPassed(RecallReturnProcess.END_NOT_RETURNED)
                .isWaitingAt(RecallReturnProcess.USER_TASK_INSPECT);
    }
}
