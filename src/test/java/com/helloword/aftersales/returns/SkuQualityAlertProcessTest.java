package com.helloword.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.helloword.aftersales.quality.QualityAlertSteps;

/**
 * {@code skuQualityAlert} on the engine alone: purchasing pauses, the product team's plan lets it
 * resume or keeps it paused, and a late plan reaches the managers while the task stays.
 */
@Deployment(resources = {"bpmn/sku-quality-alert.bpmn", "bpmn/forms/improvement-plan.form"})
class SkuQualityAlertProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9).build();

    /** Stands in for QualityAlertSteps. */
    public class Steps {
        public void pausePurchasing(DelegateExecution execution) {
            steps.add("pause");
        }

        public void planLate(DelegateExecution execution) {
            steps.add("late");
        }

        public void resumePurchasing(DelegateExecution execution) {
            steps.add("resume");
        }
    }

    final List<String> steps = new ArrayList<>();

    @BeforeEach
    void mockSteps() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("qualityAlertSteps", new Steps());
        Mocks.register("qualityAlertTaskListener", (TaskListener) task -> { });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance started() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("skuQualityAlert", "quality:QA-1:42",
                Map.of("holdId", 42L, "sku", "QA-1", "planDue", OffsetDateTime.now().plusDays(7).toString()));
        assertThat(pi).isWaitingAt("serviceTask_pausePurchasing");
        execute(job("serviceTask_pausePurchasing", pi));
        return pi;
    }

    @Test
    void purchasingPausesAndThePlanLetsItResume() {
        ProcessInstance pi = started();
        assertThat(pi).isWaitingAt("userTask_improvementPlan");
        assertThat(task(pi)).hasCandidateGroup("product-team");

        complete(task(pi), withVariables("cause", "seam opens", "improvementPlan", "new supplier",
                "resumePurchasing", "RESUME"));
        execute(job("serviceTask_resumePurchasing", pi));

        assertThat(pi).hasPassed("endEvent_purchasingResumed").isEnded();
        assertThat(steps).containsExactly("pause", "resume");
    }

    @Test
    void aLatePlanReachesTheManagersAndAPlanThatKeepsThePauseEndsWithoutResuming() {
        ProcessInstance pi = started();

        execute(job("timer_planDue", pi));
        execute(job("serviceTask_planLate", pi));
        assertThat(pi).hasPassed("endEvent_planLateReported").isWaitingAt("userTask_improvementPlan");

        complete(task(pi), withVariables("cause", "fabric", "improvementPlan", "test the next batch",
                "resumePurchasing", "KEEP_PAUSED"));

        assertThat(pi).hasPassed("endEvent_purchasingPaused").hasNotPassed("serviceTask_resumePurchasing").isEnded();
        assertThat(steps).containsExactly("pause", "late");
    }
}
