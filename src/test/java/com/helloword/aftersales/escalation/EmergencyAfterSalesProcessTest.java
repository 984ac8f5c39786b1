package com.helloword.aftersales.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * {@code emergencyAfterSalesProcess} on the engine alone, one test per path, with the real
 * compensation table and the steps' delegates mocked. Coverage of the flow nodes must stay ≥ 90 %.
 */
@Deployment(resources = {"bpmn/emergency-after-sales.bpmn", "dmn/compensation-tier.dmn"})
class EmergencyAfterSalesProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9).build();

    final List<String> escalated = new ArrayList<>();
    final List<Object> priorities = new ArrayList<>();
    boolean arbitrationProcessDeployed;
    final List<String> autoReplies = new ArrayList<>();

    @BeforeEach
    void mockSteps() {
        // the application's own engine may be running in the same JVM (the Spring tests)
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("escalateUnclaimedDelegate",
                (JavaDelegate) execution -> escalated.add(execution.getProcessBusinessKey()));
        Mocks.register("applyNewGradeDelegate",
                (JavaDelegate) execution -> priorities.add(execution.getVariable("taskPriority")));
        Mocks.register("sendFirstReplyDelegate",
                (JavaDelegate) execution -> autoReplies.add(execution.getProcessBusinessKey()));
        Mocks.register("requestArbitrationDelegate",
                (JavaDelegate) execution -> execution.setVariable("arbitrationStarted", arbitrationProcessDeployed));
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    private ProcessInstance start(String category, String severity, String team, int claimMinutes) {
        return start(category, severity, team, claimMinutes, true);
    }

    private ProcessInstance start(String category, String severity, String team, int claimMinutes, boolean open) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("teamOpen", open);
        variables.put("caseId", 42L);
        variables.put("caseKey", "AS-TEST");
        variables.put("category", category);
        variables.put("severity", severity);
        variables.put("candidateGroup", team);
        variables.put("claimDuration", "PT" + claimMinutes + "M");
        variables.put("firstReplyDue", new Date(System.currentTimeMillis() + 2 * 3600_000L));
        variables.put("resolutionDue", new Date(System.currentTimeMillis() + 72 * 3600_000L));
        variables.put("taskPriority", 50);
        variables.put("orderValueEur", 29.90);
        variables.put("buyerTier", "NEW");
        variables.put("returnCount", 0);
        return runtimeService().startProcessInstanceByKey("emergencyAfterSalesProcess", "AS-TEST", variables);
    }

    @Test
    void theTeamAnswersTheBuyerWithTheSuggestedRemedyAtHand() {
        ProcessInstance pi = start("NOT_RECEIVED", "YELLOW", "agents-de", 120);

        assertThat(pi).hasPassed("businessRuleTask_suggestCompensation").isWaitingAt("userTask_answerBuyer");
        assertThat(task()).hasCandidateGroup("agents-de").hasDueDate(
                (Date) runtimeService().getVariable(pi.getId(), "firstReplyDue"));
        assertThat(task().getPriority()).isEqualTo(50);
        assertThat(pi).variables().containsKey("compensation");
        assertThat(runtimeService().getVariable(pi.getId(), "compensation").toString())
                .contains("RESHIP", "AGENT");

        complete(task());

        assertThat(pi).hasPassed("endEvent_buyerAnswered").isEnded();
        assertThat(escalated).isEmpty();
    }

    @Test
    void aRedCaseOutsideTheTeamsHoursGetsAnAutomaticFirstReplyAtOnce() {
        ProcessInstance pi = start("SAFETY_HAZARD", "RED", "agents-ja", 15, false);

        assertThat(pi).isWaitingAt("serviceTask_sendAutomaticFirstReply");
        execute(job("serviceTask_sendAutomaticFirstReply", pi));

        assertThat(pi).hasPassed("gateway_toAnswer").isWaitingAt("userTask_answerBuyer");
        assertThat(autoReplies).containsExactly("AS-TEST");
    }

    @Test
    void aYellowCaseOutsideTheTeamsHoursWaitsForTheTeam() {
        ProcessInstance pi = start("DAMAGED", "YELLOW", "agents-ja", 120, false);

        assertThat(pi).isWaitingAt("userTask_answerBuyer").hasNotPassed("serviceTask_sendAutomaticFirstReply");
        assertThat(autoReplies).isEmpty();
    }

    @Test
    void whenTheClaimTimeIsOverTheTeamLeadsAreCalledAndTheTaskStays() {
        ProcessInstance pi = start("SAFETY_HAZARD", "RED", "agents-en", 15);

        execute(job("timer_claimDue", pi));
        assertThat(pi).isWaitingAt("serviceTask_escalateUnclaimed", "userTask_answerBuyer");
        execute(job("serviceTask_escalateUnclaimed", pi));

        assertThat(pi).hasPassed("endEvent_escalationDone").isWaitingAt("userTask_answerBuyer");
        assertThat(escalated).containsExactly("AS-TEST");
        assertThat(runtimeService().getVariable(pi.getId(), "compensation").toString())
                .contains("RETURN_AND_REFUND", "TEAM_LEAD");
    }

    @Test
    void anUnresolvedCaseGoesToArbitrationWhenAProcessTakesIt() {
        arbitrationProcessDeployed = true;
        ProcessInstance pi = start("DAMAGED", "YELLOW", "agents-fr", 120);

        execute(job("timer_resolutionDue", pi));
        execute(job("serviceTask_requestArbitration", pi));

        assertThat(pi).hasPassed("gateway_arbitrationTaken", "endEvent_arbitrationStarted")
                .isWaitingAt("userTask_answerBuyer");
    }

    @Test
    void anUnresolvedCaseGoesToTheTeamLeadsWhileNoArbitrationProcessTakesIt() {
        arbitrationProcessDeployed = false;
        ProcessInstance pi = start("DAMAGED", "YELLOW", "agents-fr", 120);

        execute(job("timer_resolutionDue", pi));
        execute(job("serviceTask_requestArbitration", pi));
        assertThat(pi).isWaitingAt("userTask_reviewUnresolvedCase", "userTask_answerBuyer");
        assertThat(task("userTask_reviewUnresolvedCase", pi)).hasCandidateGroup("team-leads");
        complete(task("userTask_reviewUnresolvedCase", pi));

        assertThat(pi).hasPassed("endEvent_unresolvedReviewed").isWaitingAt("userTask_answerBuyer");
    }

    @Test
    void aFollowUpAppliesTheNewGradeWhileTheTaskWaits() {
        ProcessInstance pi = start("DAMAGED", "YELLOW", "agents-fr", 120);

        runtimeService().createMessageCorrelation("aftersales.buyerFollowUp").processInstanceBusinessKey("AS-TEST")
                .setVariable("taskPriority", 90).correlate();

        assertThat(pi).hasPassed("startEvent_buyerFollowUp", "serviceTask_applyNewGrade", "endEvent_followUpNoted")
                .isWaitingAt("userTask_answerBuyer");
        assertThat(priorities).containsExactly(90);
    }
}
