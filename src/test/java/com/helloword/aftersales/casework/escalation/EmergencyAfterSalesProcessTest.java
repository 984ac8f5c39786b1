package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * {@code emergencyAfterSalesProcess} on the engine alone, one test per path, with the real
 * compensation and remedy-approval tables and the steps' delegates and task listener mocked (the mocks set the
 * variables the real ones set). Coverage of the flow nodes must stay ≥ 90 %.
 */
@Deployment(resources = {"bpmn/emergency-after-sales.bpmn", "dmn/compensation-tier.dmn", "dmn/remedy-approval.dmn",
        "bpmn/forms/answer-buyer.form", "bpmn/forms/approve-remedy.form", "bpmn/forms/answer-team-question.form",
        "bpmn/forms/manual-remedy-step.form", "bpmn/forms/follow-up-low-rating.form",
        "bpmn/forms/review-unresolved-case.form", "bpmn/forms/answer-during-return.form",
        "stubs/return-process-stub.bpmn20.xml"})
class EmergencyAfterSalesProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9).build();

    final List<String> escalated = new ArrayList<>();
    final List<Object> priorities = new ArrayList<>();
    boolean arbitrationProcessDeployed;
    final List<String> autoReplies = new ArrayList<>();
    final List<String> steps = new ArrayList<>();
    /** The order value the (mocked) case file gives the remedyApproval table, whatever a completion sets. */
    double caseOrderValueEur = 29.90;
    /** What the (mocked) remedy execution leaves for people: a group, or null. */
    String manualGroup;
    /** Whether the (mocked) "Answer buyer" task is closed, as the real follow-up step finds out. */
    boolean answerTaskClosed;
    /** The return the (mocked) remedy execution opens, or null. */
    Long returnId;
    /** The (mocked) knowledge base's article for a BLUE question, or null. */
    String article;

    @BeforeEach
    void mockSteps() {
        // the application's own engine may be running in the same JVM (the Spring tests)
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("escalateUnclaimedDelegate",
                (JavaDelegate) execution -> escalated.add(execution.getProcessBusinessKey()));
        Mocks.register("applyNewGradeDelegate", (JavaDelegate) execution -> {
            priorities.add(execution.getVariable("taskPriority"));
            if (answerTaskClosed) {
                execution.getProcessInstance().setVariable("unansweredFollowUp", true);
            }
        });
        Mocks.register("sendFirstReplyDelegate",
                (JavaDelegate) execution -> autoReplies.add(execution.getProcessBusinessKey()));
        Mocks.register("requestArbitrationDelegate",
                (JavaDelegate) execution -> execution.setVariable("arbitrationStarted", arbitrationProcessDeployed));
        Mocks.register("knowledgeBaseAnswerDelegate", (JavaDelegate) execution -> {
            steps.add("knowledgeBase");
            execution.setVariable("kbArticle", article);
        });
        Mocks.register("executeRemedyDelegate", (JavaDelegate) execution -> {
            steps.add("execute:" + execution.getVariable("remedyId"));
            execution.setVariable("manualStepGroup", manualGroup);
            execution.setVariable("manualStepInstruction", manualGroup == null ? null : "Ship a replacement");
            execution.setVariable("returnId", returnId);
            execution.setVariable("returnKey", returnId == null ? null : "RMA-" + returnId);
        });
        Mocks.register("sendReplyDelegate", (JavaDelegate) execution -> steps.add("reply"));
        Mocks.register("confirmRemedyDelegate", (JavaDelegate) execution -> steps.add("done:" + execution.getVariable("remedyId")));
        Mocks.register("awaitBuyerDelegate", (JavaDelegate) execution -> steps.add("await"));
        Mocks.register("closeCaseDelegate",
                (JavaDelegate) execution -> steps.add("close:" + execution.getVariable("resolution")));
        Mocks.register("requestRatingDelegate", (JavaDelegate) execution -> steps.add("rating"));
        Mocks.register("readApprovalInputsDelegate", (JavaDelegate) execution -> {
            Object remedy = execution.getVariable("remedy");
            execution.setVariable("remedy", remedy);
            execution.setVariable("percent", "REFUND".equals(remedy) ? 100
                    : execution.getVariable("remedyPercent") == null ? 0 : execution.getVariable("remedyPercent"));
            execution.setVariable("couponEur", 0.0);
            execution.setVariable("orderValueEur", caseOrderValueEur);
            execution.setVariable("marketplaceCountry", "FR");
        });
        Mocks.register("recordApprovalDelegate", (JavaDelegate) execution -> {
            Map<?, ?> decided = (Map<?, ?>) execution.getVariable("remedyApproval");
            String approval = (String) decided.get("approval");
            execution.setVariable("approval", approval);
            execution.setVariable("approverGroup", switch (approval) {
                case "TEAM_LEAD" -> "team-leads";
                case "DISPUTE_SPECIALIST" -> "dispute-specialists-" + decided.get("region");
                default -> "agent";
            });
        });
        Mocks.register("caseTaskListener", (TaskListener) this::caseTask);
    }

    /** Stands in for CaseTaskListener: what it sets for the next steps after each form. */
    private void caseTask(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
                && "userTask_answerBuyer".equals(task.getTaskDefinitionKey())) {
            task.setVariable("unansweredFollowUp", false);
            answerTaskClosed = false;
        }
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        if ("userTask_answerBuyer".equals(task.getTaskDefinitionKey())) {
            answerTaskClosed = true;
        }
        switch (task.getTaskDefinitionKey()) {
            case "userTask_answerBuyer" -> {
                if ("REPLY".equals(task.getVariable("agentAction"))) {
                    task.setVariable("remedyId", 7L);
                } else if ("ASK_TEAM".equals(task.getVariable("agentAction"))) {
                    task.setVariable("internalDue", new Date(System.currentTimeMillis() + 8 * 3600_000L));
                } else if ("CLOSE".equals(task.getVariable("agentAction"))) {
                    task.setVariable("resolution", "AGENT_CLOSED");
                }
            }
            case "userTask_approveRemedy" ->
                    task.setVariable("remedyApproved", "APPROVE".equals(task.getVariable("approvalDecision")));
            default -> {
            }
        }
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
        variables.put("quietPeriod", "P3D");
        variables.put("ratingWait", "P14D");
        return runtimeService().startProcessInstanceByKey("emergencyAfterSalesProcess", "AS-TEST", variables);
    }

    /** The Camunda Form Tasklist shows for the open task (formRef resolved against the deployment). */
    private String deployedForm(ProcessInstance pi) {
        try (var form = BpmnAwareTests.formService().getDeployedTaskForm(task(pi).getId())) {
            return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void correlate(String message, Map<String, Object> variables) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("AS-TEST")
                .setVariables(variables).correlate();
    }

    @Test
    void theAgentRepliesWithinTheirLimitAndTheBuyerConfirmsAndRatesWell() {
        ProcessInstance pi = start("NOT_RECEIVED", "YELLOW", "agents-de", 120);

        assertThat(pi).hasPassed("businessRuleTask_suggestCompensation").isWaitingAt("userTask_answerBuyer");
        assertThat(task(pi)).hasCandidateGroup("agents-de").hasDueDate(
                (Date) runtimeService().getVariable(pi.getId(), "firstReplyDue"));
        assertThat(deployedForm(pi)).contains("\"id\": \"answerBuyerForm\"", "\"key\": \"agentAction\"");
        assertThat(task(pi).getPriority()).isEqualTo(50);
        assertThat(runtimeService().getVariable(pi.getId(), "compensation").toString())
                .contains("RESHIP", "AGENT");

        complete(task(pi), withVariables("agentAction", "REPLY", "remedy", "RESHIP"));
        assertThat(pi).hasPassed("gateway_approvalNeeded", "gateway_toExecute").isWaitingAt("serviceTask_executeRemedy");
        execute(job("serviceTask_executeRemedy", pi));
        execute(job("serviceTask_sendReply", pi));

        assertThat(pi).hasPassed("endEvent_caseHandled").hasNotPassed("userTask_manualRemedyStep")
                .isWaitingAt("gateway_waitForBuyer");
        correlate("aftersales.buyerConfirmed", Map.of("resolution", "CONFIRMED"));
        execute(job("serviceTask_requestRating", pi));
        correlate("aftersales.ratingReceived", Map.of("rating", 5));

        assertThat(pi).hasPassed("endEvent_caseClosed").hasNotPassed("userTask_followUpLowRating").isEnded();
        assertThat(steps).containsExactly("execute:7", "reply", "await", "close:CONFIRMED", "rating");
        assertThat(escalated).isEmpty();
    }

    @Test
    void theProcessAsksTheApprovalTableWithTheCaseFilesOrderValueNotTheCompletions() {
        caseOrderValueEur = 900;
        ProcessInstance pi = start("LEGAL_THREAT", "RED", "agents-fr", 15);

        complete(task(pi), withVariables("agentAction", "REPLY", "remedy", "PARTIAL_REFUND_KEEP_ITEM",
                "remedyPercent", 120, "orderValueEur", 1.0));

        assertThat(pi).hasPassed("serviceTask_readApprovalInputs", "businessRuleTask_decideApproval",
                "serviceTask_recordApproval").isWaitingAt("userTask_approveRemedy");
        assertThat(task(pi)).hasCandidateGroup("dispute-specialists-eu");
        assertThat(runtimeService().getVariable(pi.getId(), "orderValueEur")).isEqualTo(900.0);
        assertThat(BpmnAwareTests.historyService().createHistoricDecisionInstanceQuery()
                .processInstanceId(pi.getId()).decisionDefinitionKey("remedyApproval").count())
                .as("Cockpit shows the evaluation").isEqualTo(1);
    }

    @Test
    void aRemedyBeyondTheAgentsLimitIsRefusedThenApprovedAndTheWarehouseShipsIt() {
        caseOrderValueEur = 200; // a refund without return and a reship of 200 EUR need a team lead
        manualGroup = "warehouse";
        ProcessInstance pi = start("DAMAGED", "YELLOW", "agents-fr", 120);

        complete(task(pi), withVariables("agentAction", "REPLY", "remedy", "REFUND"));
        assertThat(pi).isWaitingAt("userTask_approveRemedy");
        assertThat(task(pi)).hasCandidateGroup("team-leads");
        complete(task(pi), withVariables("approvalDecision", "REFUSE", "approvalNote", "Offer 30 % first"));

        assertThat(pi).hasPassed("gateway_approved").isWaitingAt("userTask_answerBuyer");
        complete(task(pi), withVariables("agentAction", "REPLY", "remedy", "RESHIP"));
        complete(task("userTask_approveRemedy", pi), withVariables("approvalDecision", "APPROVE"));
        execute(job("serviceTask_executeRemedy", pi));
        execute(job("serviceTask_sendReply", pi));

        assertThat(pi).isWaitingAt("userTask_manualRemedyStep");
        assertThat(task(pi)).hasCandidateGroup("warehouse");
        assertThat(steps).as("the reply went out, the case does not wait for the buyer yet")
                .containsExactly("execute:7", "reply");
        complete(task(pi), withVariables("trackingNumber", "00340434161094042557"));
        assertThat(pi).isWaitingAt("serviceTask_confirmRemedyDone").hasNotPassed("serviceTask_awaitBuyer");
        execute(job("serviceTask_confirmRemedyDone", pi));
        assertThat(pi).hasPassed("endEvent_caseHandled", "serviceTask_awaitBuyer").isWaitingAt("gateway_waitForBuyer");

        execute(job("timer_quietPeriod", pi));
        execute(job("serviceTask_requestRating", pi));
        correlate("aftersales.ratingReceived", Map.of("rating", 2));

        assertThat(pi).isWaitingAt("userTask_followUpLowRating");
        assertThat(task(pi)).hasCandidateGroup("team-leads");
        complete(task(pi), withVariables("followUpNote", "Called the buyer, sent a coupon"));
        assertThat(pi).hasPassed("endEvent_ratingFollowedUp").isEnded();
        assertThat(steps).containsExactly("execute:7", "reply", "done:7", "await", "close:null", "rating");
    }

    @Test
    void aBuyerWhoWritesWhileTheRemedyAwaitsApprovalIsAnsweredBeforeTheCaseWaits() {
        caseOrderValueEur = 200;
        ProcessInstance pi = start("DAMAGED", "YELLOW", "agents-fr", 120);
        complete(task(pi), withVariables("agentAction", "REPLY", "remedy", "REFUND"));
        assertThat(pi).isWaitingAt("userTask_approveRemedy");

        correlate("aftersales.buyerFollowUp", Map.of("taskPriority", 70));
        complete(task(pi), withVariables("approvalDecision", "APPROVE"));
        execute(job("serviceTask_executeRemedy", pi));
        execute(job("serviceTask_sendReply", pi));

        assertThat(pi).hasPassed("gateway_followUpUnanswered").hasNotPassed("gateway_waitForBuyer",
                "serviceTask_awaitBuyer").isWaitingAt("userTask_answerBuyer");
        complete(task(pi), withVariables("agentAction", "CLOSE"));
        assertThat(pi).hasPassed("gateway_closedByAgent");
    }

    @Test
    void theAgentAsksTheWarehouseThenClosesAndNoRatingComes() {
        ProcessInstance pi = start("MISSING_PARTS", "YELLOW", "agents-en", 120);

        complete(task(pi), withVariables("agentAction", "ASK_TEAM", "internalGroup", "warehouse",
                "internalQuestion", "Was the screw bag packed?"));
        assertThat(pi).isWaitingAt("userTask_answerTeamQuestion");
        assertThat(task(pi)).hasCandidateGroup("warehouse").hasDueDate(
                (Date) runtimeService().getVariable(pi.getId(), "internalDue"));
        complete(task(pi), withVariables("internalAnswer", "No, the packing line missed it"));

        assertThat(pi).isWaitingAt("userTask_answerBuyer");
        complete(task(pi), withVariables("agentAction", "CLOSE"));
        assertThat(pi).hasPassed("endEvent_agentClosed", "gateway_closedByAgent").hasNotPassed("gateway_waitForBuyer");
        execute(job("serviceTask_requestRating", pi));
        execute(job("timer_ratingWait", pi));

        assertThat(pi).hasPassed("endEvent_noRating").isEnded();
        assertThat(steps).containsExactly("close:AGENT_CLOSED", "rating");
        assertThat(pi).hasNotPassed("serviceTask_awaitBuyer");
    }

    @Test
    void aReturnRemedyRunsTheReturnProcessAndTheBuyerCanWriteMeanwhile() {
        returnId = 99L;
        ProcessInstance pi = start("DEFECTIVE", "YELLOW", "agents-it", 120);

        complete(task(pi), withVariables("agentAction", "REPLY", "remedy", "RETURN_AND_REFUND"));
        execute(job("serviceTask_executeRemedy", pi));
        execute(job("serviceTask_sendReply", pi));
        assertThat(pi).hasPassed("endEvent_caseHandled", "gateway_returnRunning").isWaitingAt("callActivity_return");
        ProcessInstance rma = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .singleResult();
        assertThat(rma.getBusinessKey()).isEqualTo("RMA-99");
        assertThat(runtimeService().getVariable(rma.getId(), "returnId")).isEqualTo(99L);

        correlate("aftersales.buyerReplied", Map.of());
        assertThat(pi).isWaitingAt("callActivity_return", "userTask_answerDuringReturn");
        assertThat(task("userTask_answerDuringReturn", pi)).hasCandidateGroup("agents-it");
        complete(task("userTask_answerDuringReturn", pi), withVariables("duringReturnReply", "Il reso è in corso."));
        assertThat(pi).hasPassed("endEvent_answeredDuringReturn");

        assertThat(steps).as("the case waits for the buyer only once the return is done")
                .containsExactly("execute:7", "reply");
        complete(task(rma));
        assertThat(pi).hasPassed("callActivity_return", "serviceTask_awaitBuyer").isWaitingAt("gateway_waitForBuyer");
        assertThat(steps).containsExactly("execute:7", "reply", "await");
    }

    @Test
    void aBlueQuestionWithAnArticleIsAnsweredAtOnceAndComesBackWhenTheBuyerWrites() {
        article = "knitwear-care";
        ProcessInstance pi = start("CARE_QUESTION", "BLUE", "agents-de", 240);

        execute(job("serviceTask_answerFromKnowledgeBase", pi));
        assertThat(pi).hasPassed("gateway_kbAnswered").hasNotPassed("userTask_answerBuyer")
                .isWaitingAt("gateway_waitForBuyer");

        correlate("aftersales.buyerReplied", Map.of());
        assertThat(pi).isWaitingAt("userTask_answerBuyer");
        assertThat(task(pi)).hasCandidateGroup("agents-de");
        assertThat(steps).containsExactly("knowledgeBase", "await");
    }

    @Test
    void aBlueQuestionWithoutAnArticleGoesToTheTeam() {
        article = null;
        ProcessInstance pi = start("GENERAL", "BLUE", "agents-en", 240);

        execute(job("serviceTask_answerFromKnowledgeBase", pi));
        assertThat(pi).hasPassed("gateway_kbAnswered").isWaitingAt("userTask_answerBuyer");
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
