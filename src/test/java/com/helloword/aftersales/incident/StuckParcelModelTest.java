package com.helloword.aftersales.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.HashMap;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code stuckParcelProcess} on the engine alone, with the real carrierExceptionHandling table: a quiet watch ends
 * when the parcel moves or after its time, and each exception takes its branch (the address question with and
 * without an answer, customs, reship or refund, the carrier claim, logistics' review, nothing to do), and a
 * delivery ends an exception watch wherever it stands.
 */
@Deployment(resources = {"bpmn/stuck-parcel.bpmn", "bpmn/forms/handle-parcel-exception.form",
        "dmn/carrier-exception-handling.dmn"})
class StuckParcelModelTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95).build();

    /** Stands in for ParcelWatchSteps: records the steps, reads the table's row as the real one does. */
    public class Steps {
        public void openCase(DelegateExecution execution) {
            steps.add("case");
        }

        public void tellBuyerQuiet(DelegateExecution execution) {
            steps.add("quiet mail");
            execution.setVariable("stillQuiet", stillQuiet);
        }

        public void exceptionDecided(DelegateExecution execution) {
            Map<?, ?> row = (Map<?, ?>) execution.getVariable("exceptionHandling");
            execution.setVariable("handlingPath", row.get("path"));
            execution.setVariable("exceptionKind", row.get("kind"));
            execution.setVariable("teamGroup", row.get("teamGroup"));
            execution.setVariable("buyerMail", row.get("buyerMail"));
            execution.setVariable("addressAnswer", "NO_ANSWER");
        }

        public void tellBuyerException(DelegateExecution execution) {
            steps.add("exception mail");
        }

        public void askAddress(DelegateExecution execution) {
            steps.add("address mail");
        }

        public void closeWatch(DelegateExecution execution) {
            steps.add("closed " + execution.getVariable("watchOutcome"));
        }

        public void closeUnmoved(DelegateExecution execution) {
            steps.add("ended unmoved");
        }
    }

    final List<String> steps = new ArrayList<>();
    boolean stillQuiet = true;

    @BeforeEach
    void mockSteps() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("parcelWatchSteps", new Steps());
        Mocks.register("parcelWatchTaskListener", (TaskListener) task -> steps.add("task " + task.getName()));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance started(String kind, String status, String subStatus) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("watchId", 7L);
        variables.put("orderId", 70L);
        variables.put("watchKind", kind);
        variables.put("destinationCountry", "FR");
        variables.put("carrier", "Colissimo");
        variables.put("service", null);
        variables.put("status", status);
        variables.put("subStatus", subStatus);
        variables.put("watchOutcome", null);
        variables.put("watchMax", "P30D");
        variables.put("addressWait", "P5D");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("stuckParcelProcess", "parcel-watch:7",
                variables);
        execute(job("serviceTask_openCase", pi));
        return pi;
    }

    private ProcessInstance exception(String status, String subStatus) {
        ProcessInstance pi = started("EXCEPTION", status, subStatus);
        execute(job("serviceTask_exceptionDecided", pi));
        return pi;
    }

    private void closed(ProcessInstance pi, String end) {
        execute(job(pi));
        assertThat(pi).hasPassed(end).isEnded();
    }

    @Test
    void aQuietWatchClosesWhenTheParcelMoves() {
        ProcessInstance pi = started("QUIET", null, null);
        execute(job("serviceTask_tellBuyerQuiet", pi));
        assertThat(pi).isWaitingAt("gateway_waitForNews");

        runtimeService().createMessageCorrelation("aftersales.parcelMoved").processInstanceBusinessKey("parcel-watch:7")
                .setVariable("watchOutcome", "MOVED").correlate();
        closed(pi, "endEvent_parcelMoved");
        assertThat(steps).containsExactly("case", "quiet mail", "closed MOVED");
    }

    @Test
    void aParcelThatMovedBeforeTheMailEndsTheWatchThere() {
        stillQuiet = false;
        ProcessInstance pi = started("QUIET", null, null);
        execute(job("serviceTask_tellBuyerQuiet", pi));

        assertThat(pi).hasPassed("endEvent_movedBeforeMail").hasNotPassed("gateway_waitForNews").isEnded();
    }

    @Test
    void aQuietWatchEndsByItselfAfterItsTime() {
        ProcessInstance pi = started("QUIET", null, null);
        execute(job("serviceTask_tellBuyerQuiet", pi));

        execute(job("timer_watchMax", pi));
        closed(pi, "endEvent_watchExpired");
        assertThat(steps).containsExactly("case", "quiet mail", "ended unmoved");
    }

    @ParameterizedTest
    @CsvSource({
            "EXCEPTION, Exception_Security, serviceTask_tellBuyerCustoms, userTask_customsDocuments",
            "EXCEPTION, Exception_Returned, serviceTask_offerReshipOrRefund, userTask_reshipOrRefund",
            "EXCEPTION, Exception_Damage, serviceTask_tellBuyerLostOrDamaged, userTask_claimWithCarrier"})
    void anExceptionTellsTheBuyerThenLogisticsActs(String status, String subStatus, String mail, String userTask) {
        ProcessInstance pi = exception(status, subStatus);
        execute(job(mail, pi));
        assertThat(pi).isWaitingAt(userTask);
        assertThat(task(pi)).hasCandidateGroup("logistics");

        complete(task(pi));
        closed(pi, "endEvent_exceptionHandled");
        assertThat(steps).contains("exception mail").last().isEqualTo("closed null");
    }

    @Test
    void theAddressQuestionWaitsForTheBuyerOrForItsTime() {
        ProcessInstance answered = exception("DELIVERY_FAILURE", "DeliveryFailure_InvalidAddress");
        execute(job("serviceTask_askAddress", answered));
        runtimeService().createMessageCorrelation("aftersales.addressAnswered").processInstanceId(answered.getId())
                .setVariable("addressAnswer", "CONFIRMED").correlate();
        assertThat(answered).isWaitingAt("userTask_forwardAddress");
        assertThat(task(answered).getDescription()).contains("CONFIRMED");
        complete(task(answered));
        closed(answered, "endEvent_exceptionHandled");

        ProcessInstance silent = exception("DELIVERY_FAILURE", "DeliveryFailure_InvalidAddress");
        execute(job("serviceTask_askAddress", silent));
        execute(job("timer_addressWait", silent));
        assertThat(silent).hasPassed("timer_addressWait").isWaitingAt("userTask_forwardAddress");
        assertThat(task(silent).getDescription()).contains("NO_ANSWER");
    }

    @Test
    void anUnknownExceptionGoesToLogisticsAndADelayNowhere() {
        ProcessInstance unknown = exception("EXCEPTION", "Exception_Other");
        assertThat(unknown).isWaitingAt("userTask_reviewException");
        complete(task(unknown));
        closed(unknown, "endEvent_exceptionHandled");

        ProcessInstance delayed = exception("EXCEPTION", "Exception_Delayed");
        assertThat(delayed).hasPassed("gateway_handled").hasNotPassed("userTask_reviewException");
        closed(delayed, "endEvent_exceptionHandled");
        assertThat(steps).doesNotContain("exception mail");
    }

    @Test
    void aDeliveryEndsAnExceptionWatchWhereverItStands() {
        ProcessInstance pi = exception("EXCEPTION", "Exception_Security");
        execute(job("serviceTask_tellBuyerCustoms", pi));
        assertThat(pi).isWaitingAt("userTask_customsDocuments");

        runtimeService().createMessageCorrelation("aftersales.parcelDelivered").processInstanceId(pi.getId())
                .setVariable("watchOutcome", "DELIVERED").correlate();
        closed(pi, "endEvent_closedDelivered");
        assertThat(steps).last().isEqualTo("closed DELIVERED");
    }
}
