package com.helloword.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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

/**
 * {@code returnProcess} on the engine alone, one test per outcome, with the label SLA, reminders,
 * the give-up timer and the inspection SLA fired as timers; the steps and the task listener are
 * stand-ins that record what ran and set what the real ones set. The policy is the real returnPolicy
 * table in its business-rule task: the stand-in gathers inputs that make it refuse, ask for approval or
 * accept. Coverage ≥ 90 % of flow nodes.
 */
@Deployment(resources = {"bpmn/return-process.bpmn", "dmn/return-policy.dmn", "bpmn/forms/review-return.form",
        "bpmn/forms/inspect-return.form", "bpmn/forms/ship-exchange.form", "bpmn/forms/refund-by-hand.form"})
class ReturnProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9).build();

    /** Stands in for ReturnSteps: records each step, sets what the real steps set. */
    public class Steps {
        public void gatherPolicyInputs(DelegateExecution execution) {
            steps.add("policy");
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("market", "DE");
            inputs.put("reason", "CHANGED_MIND");
            inputs.put("daysSinceDelivery", eligible ? 3 : 30); // 30 days: past the German 14-day window
            inputs.put("buyerTier", "NEW");
            inputs.put("productCategory", "GENERAL");
            inputs.put("storeWindowDays", null);
            inputs.put("serialReturner", needsApproval);
            execution.setVariables(inputs);
        }

        /** As ReturnSteps.recordPolicy: the table's outputs become the gateway's variables. */
        public void recordPolicy(DelegateExecution execution) {
            @SuppressWarnings("unchecked")
            Map<String, Object> policy = (Map<String, Object>) execution.getVariable(ReturnProcess.VAR_POLICY);
            decided.add(policy);
            execution.setVariable("eligible", policy.get("eligible"));
            execution.setVariable("needsApproval", policy.get("needsAgentApproval"));
            execution.setVariable("reviewGroup", "agents-de");
        }

        public String refundWarnAt(DelegateExecution execution) {
            return java.time.LocalDate.now().plusDays(12).atStartOfDay(java.time.ZoneId.of("Europe/Berlin"))
                    .toOffsetDateTime().toString(); // as ReturnRefunds.refundWarnAt makes it
        }

        public void refundDeadlineNear(DelegateExecution execution) {
            steps.add("refundDue");
        }

        public void explainRefusal(DelegateExecution execution) {
            steps.add("explain");
        }

        public void createLabel(DelegateExecution execution) {
            steps.add("label");
        }

        public void sendLabel(DelegateExecution execution) {
            steps.add("sendLabel");
            execution.setVariable("parcelBack", parcelScannedEarly);
        }

        public void remind(DelegateExecution execution) {
            steps.add("remind");
        }

        public void late(DelegateExecution execution, String what) {
            steps.add("late:" + what);
        }

        public void refund(DelegateExecution execution) {
            steps.add("refund");
            execution.setVariable("refundByHand", refundByHand);
            if (refundByHand) {
                execution.setVariable("refundAmountDue", 39.90);
            }
        }

        public void orderExchange(DelegateExecution execution) {
            steps.add("exchange");
            execution.setVariable("exchangeByHand", exchangeByHand);
        }

        public void tellOutcome(DelegateExecution execution) {
            steps.add("tell");
        }

        public void close(DelegateExecution execution, String outcome) {
            steps.add("close:" + outcome);
        }
    }

    final List<String> steps = new ArrayList<>();
    final List<Map<String, Object>> decided = new ArrayList<>();
    boolean eligible = true;
    boolean needsApproval;
    boolean exchangeByHand;
    boolean refundByHand;
    boolean parcelScannedEarly;

    @BeforeEach
    void mockSteps() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("returnSteps", new Steps());
        Mocks.register("returnTaskListener", (TaskListener) this::reviewed);
    }

    /** Stands in for ReturnTaskListener: the review's boolean. */
    private void reviewed(DelegateTask task) {
        if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
                && "userTask_reviewReturn".equals(task.getTaskDefinitionKey())) {
            task.setVariable("returnApproved", "APPROVE".equals(task.getVariable("reviewDecision")));
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance start() {
        ProcessInstance pi = started();
        execute(job(ReturnProcess.SERVICE_TASK_POLICY_INPUTS, pi));
        return pi;
    }

    private ProcessInstance started() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("returnId", 5L);
        variables.put("returnKey", "RMA-TEST");
        variables.put("labelSla", "PT2H");
        variables.put("inspectionSla", "PT24H");
        variables.put("reminderCycle", "R2/P5D");
        variables.put("giveUpAfter", "P21D");
        return runtimeService().startProcessInstanceByKey("returnProcess", "RMA-TEST", variables);
    }

    private void parcelScanned() {
        runtimeService().createMessageCorrelation("aftersales.returnReceived").processInstanceBusinessKey("RMA-TEST")
                .correlate();
    }

    @Test
    void anEligibleReturnGetsItsLabelIsRemindedScannedInspectedAndRefunded() {
        ProcessInstance pi = started();
        // asked in the background, not in the caller's request
        assertThat(pi).isWaitingAt(ReturnProcess.SERVICE_TASK_POLICY_INPUTS);
        execute(job(ReturnProcess.SERVICE_TASK_POLICY_INPUTS, pi));
        assertThat(pi).hasPassed(ReturnProcess.BUSINESS_RULE_TASK_CHECK_POLICY, ReturnProcess.SERVICE_TASK_RECORD_POLICY)
                .isWaitingAt("serviceTask_createLabel");
        assertThat(decided).singleElement().satisfies(policy -> assertThat(policy).containsEntry("eligible", true)
                .containsEntry("windowDays", 14).containsEntry("postagePaidBy", "BUYER"));

        // the label step is stuck (DHL down): after 2 h the team leads hear of it, the step stays
        execute(job("timer_labelSla", pi));
        execute(job("serviceTask_labelLate", pi));
        assertThat(pi).hasPassed("endEvent_labelLateReported").isWaitingAt("serviceTask_createLabel");
        execute(job("serviceTask_createLabel", pi));
        execute(job("serviceTask_sendLabel", pi));
        assertThat(pi).isWaitingAt("receiveTask_parcelBack");

        execute(job("timer_reminder", pi));
        execute(job("serviceTask_remind", pi));
        assertThat(pi).hasPassed("endEvent_reminded").isWaitingAt("receiveTask_parcelBack");

        parcelScanned();
        assertThat(pi).isWaitingAt("userTask_inspectReturn");
        assertThat(task(pi)).hasCandidateGroup("warehouse");
        complete(task(pi), withVariables("conditionGrade", "A", "outcome", "REFUND"));
        execute(job("serviceTask_refund", pi));
        execute(job("serviceTask_tellOutcome", pi));

        assertThat(pi).hasPassed("endEvent_returnClosed").isEnded();
        assertThat(steps).containsExactly("policy", "late:label", "label", "sendLabel", "remind", "refund", "tell",
                "close:");
    }

    @Test
    void aRefusedReturnIsExplainedAndAnAgentConfirmsTheRefusal() {
        eligible = false;
        ProcessInstance pi = start();

        assertThat(decided).singleElement().satisfies(policy -> assertThat(policy).containsEntry("eligible", false)
                .containsEntry("refusalReason", "WINDOW_PASSED"));
        execute(job("serviceTask_explainRefusal", pi));
        assertThat(pi).isWaitingAt("userTask_reviewReturn");
        assertThat(task(pi)).hasCandidateGroup("agents-de");
        complete(task(pi), withVariables("reviewDecision", "REFUSE"));
        execute(job("serviceTask_closeRefused", pi)); // it may decline the return on the platform: its own job

        assertThat(pi).hasPassed("endEvent_returnRefused").isEnded();
        assertThat(steps).containsExactly("policy", "explain", "close:REFUSED");
    }

    @Test
    void aSerialReturnerIsApprovedByAnAgentAndTheExchangeGoesOutByHand() {
        needsApproval = true;
        exchangeByHand = true;
        ProcessInstance pi = start();

        assertThat(decided).singleElement().satisfies(policy -> assertThat(policy).containsEntry("eligible", true)
                .containsEntry("needsAgentApproval", true));
        assertThat(pi).hasNotPassed("serviceTask_explainRefusal").isWaitingAt("userTask_reviewReturn");
        complete(task(pi), withVariables("reviewDecision", "APPROVE"));
        execute(job("serviceTask_createLabel", pi));
        execute(job("serviceTask_sendLabel", pi));
        parcelScanned();

        // nobody inspects it within 24 h: the team leads hear of it, the task stays
        execute(job("timer_inspectionSla", pi));
        execute(job("serviceTask_inspectionLate", pi));
        assertThat(pi).hasPassed("endEvent_inspectionLateReported").isWaitingAt("userTask_inspectReturn");
        complete(task(pi), withVariables("conditionGrade", "A", "outcome", "EXCHANGE"));
        execute(job("serviceTask_orderExchange", pi));
        assertThat(pi).isWaitingAt("userTask_shipExchangeByHand");
        complete(task(pi), withVariables("exchangeNote", "Sent by DHL 00340434161094042557"));
        execute(job("serviceTask_tellOutcome", pi));

        assertThat(pi).hasPassed("endEvent_returnClosed").isEnded();
        assertThat(steps).containsExactly("policy", "label", "sendLabel", "late:inspection", "exchange", "tell",
                "close:");
    }

    @Test
    void anExchangeThePlatformCreatesNeedsNoHands() {
        ProcessInstance pi = start();
        execute(job("serviceTask_createLabel", pi));
        execute(job("serviceTask_sendLabel", pi));
        parcelScanned();
        complete(task(pi), withVariables("conditionGrade", "B", "outcome", "EXCHANGE"));
        execute(job("serviceTask_orderExchange", pi));

        assertThat(pi).hasPassed("gateway_exchangeByHand").hasNotPassed("userTask_shipExchangeByHand")
                .isWaitingAt("serviceTask_tellOutcome");
    }

    @Test
    void aRejectedReturnIsToldWithoutARefund() {
        ProcessInstance pi = start();
        execute(job("serviceTask_createLabel", pi));
        execute(job("serviceTask_sendLabel", pi));
        parcelScanned();
        complete(task(pi), withVariables("conditionGrade", "D", "outcome", "REJECTED",
                "inspectionNote", "Not our item"));
        execute(job("serviceTask_tellOutcome", pi));

        assertThat(pi).hasNotPassed("serviceTask_refund").hasPassed("endEvent_returnClosed").isEnded();
    }

    @Test
    void aParcelScannedBeforeTheLabelMailGoesStraightToInspection() {
        parcelScannedEarly = true;
        ProcessInstance pi = start();
        execute(job("serviceTask_createLabel", pi));
        execute(job("serviceTask_sendLabel", pi));

        assertThat(pi).hasPassed("gateway_alreadyBack").hasNotPassed("receiveTask_parcelBack")
                .isWaitingAt("userTask_inspectReturn");
    }

    @Test
    void aParcelThatNeverComesClosesTheReturnAsNotReturned() {
        ProcessInstance pi = start();
        execute(job("serviceTask_createLabel", pi));
        execute(job("serviceTask_sendLabel", pi));

        execute(job("timer_notReturned", pi));

        assertThat(pi).hasPassed("endEvent_notReturned").isEnded();
        assertThat(steps).containsExactly("policy", "label", "sendLabel", "close:NOT_RETURNED");
    }

    @Test
    void theRefundDeadlineIsWatchedWhileTheParcelIsAwayAndWhileItWaitsForInspection() {
        ProcessInstance pi = start();
        execute(job("serviceTask_createLabel", pi));
        execute(job("serviceTask_sendLabel", pi));

        // two days before the refund is due the parcel is still away: the step looks, the wait goes on
        execute(job("timer_refundDueWhileAway", pi));
        execute(job("serviceTask_refundDueSoon", pi));
        assertThat(pi).hasPassed("endEvent_refundDueReported").isWaitingAt("receiveTask_parcelBack");

        parcelScanned();
        execute(job("timer_refundDueAtInspection", pi));
        execute(job("serviceTask_refundDueSoon", pi));
        assertThat(pi).isWaitingAt("userTask_inspectReturn");
        complete(task(pi), withVariables("conditionGrade", "A", "outcome", "REFUND"));
        execute(job("serviceTask_refund", pi));
        execute(job("serviceTask_tellOutcome", pi));

        assertThat(pi).hasPassed("endEvent_returnClosed").isEnded();
        assertThat(steps).containsExactly("policy", "label", "sendLabel", "refundDue", "refundDue", "refund", "tell",
                "close:");
    }

    @Test
    void aPlatformThatCannotRefundGetsARefundByHandBeforeTheBuyerIsTold() {
        refundByHand = true;
        ProcessInstance pi = start();
        execute(job("serviceTask_createLabel", pi));
        execute(job("serviceTask_sendLabel", pi));
        parcelScanned();
        complete(task(pi), withVariables("conditionGrade", "A", "outcome", "REFUND"));
        execute(job("serviceTask_refund", pi));

        assertThat(pi).isWaitingAt("userTask_refundByHand").hasNotPassed("serviceTask_tellOutcome");
        assertThat(task(pi)).hasCandidateGroup("agents-de");
        // the refund by hand waits and the deadline nears: the team leads hear of it, the task stays
        execute(job("timer_refundDueByHand", pi));
        execute(job("serviceTask_refundDueSoon", pi));
        assertThat(pi).isWaitingAt("userTask_refundByHand");
        complete(task(pi), withVariables("refundedAmount", 39.90, "refundReference", "SC-REF-1"));
        execute(job("serviceTask_tellOutcome", pi));

        assertThat(pi).hasPassed("userTask_refundByHand", "endEvent_returnClosed").isEnded();
        assertThat(steps).containsExactly("policy", "label", "sendLabel", "refund", "refundDue", "tell", "close:");
    }

    @Test
    void aReturnTheBuyerWithdrewOnThePlatformEndsWithoutRemindersOrNotReturned() {
        ProcessInstance pi = start();
        execute(job("serviceTask_createLabel", pi));
        execute(job("serviceTask_sendLabel", pi));
        assertThat(pi).isWaitingAt("receiveTask_parcelBack");

        runtimeService().createMessageCorrelation("aftersales.returnCancelled").processInstanceBusinessKey("RMA-TEST")
                .correlate();

        assertThat(pi).hasPassed("endEvent_returnCancelled").hasNotPassed("serviceTask_remind").isEnded();
        assertThat(steps).containsExactly("policy", "label", "sendLabel", "close:CANCELLED");
    }
}
