package com.helloword.aftersales.workflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.ModelerDeployment;

/**
 * Issue 18 over {@code /engine-rest/deployment/create}, as Camunda Modeler deploys: dora (process-designers)
 * may change our models but not run code as the engine; a refusal is a 400 with the reason, and nothing of it
 * is deployed. The engine's own API (the path of the auto-deployment) refuses the same.
 */
@IntegrationTest
class DeploymentGuardRestTest {

    private static final String PREFIX = "deployment-guard-test-";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @AfterEach
    void removeTestDeployments() {
        repositoryService.createDeploymentQuery().deploymentNameLike(PREFIX + "%").list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }

    @Test
    void issue18sAdminEscalationIsRefusedAndDoraStaysADesigner() {
        HttpResponse<String> answer = deploy("dora", "escalation", Map.of("escalation.bpmn",
                AttackModels.ADMIN_ESCALATION));

        assertRefused(answer, "escalation", "escalation.bpmn, serviceTask_grant: camunda:expression",
                "calls identityService.createMembership(...), which is not one of the application's steps");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(AttackModels.ESCALATION_KEY)
                .count()).isZero();
        assertThat(identityService.createUserQuery().userId("dora").memberOfGroup("camunda-admin").count()).isZero();
    }

    @Test
    void theReflectionVariantsAreRefused() {
        assertRefused(deploy("dora", "reflection", Map.of("reflection.bpmn", AttackModels.REFLECTION_CONDITION)),
                "reflection", "flow_ifHome", "calls execution.getClass(...)");
        assertRefused(deploy("dora", "chain", Map.of("chain.bpmn", AttackModels.PROPERTY_CHAIN)), "chain",
                "userTask_probe", "reads caseKey.class, a property");
    }

    @Test
    void scriptTasksHtmlFormsAndJuelDecisionsAreRefused() {
        assertRefused(deploy("dora", "script", Map.of("script.bpmn", AttackModels.SCRIPT_TASK)), "script",
                "scriptTask_run", "bpmn:scriptTask is not allowed");
        assertRefused(deploy("dora", "html", Map.of("answer.html", AttackModels.HTML_FORM)), "html",
                "answer.html: only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) may be deployed");
        assertRefused(deploy("dora", "juel", Map.of("probe.dmn", AttackModels.JUEL_DECISION)), "juel",
                "probe.dmn, inputExpression_who: expressionLanguage=\"juel\" is not allowed");
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("guardProbeDecision")
                .count()).isZero();
    }

    @Test
    void theAdminIsRefusedTooThereIsNoExemption() {
        assertRefused(deploy("demo", "admin", Map.of("escalation.bpmn", AttackModels.ADMIN_ESCALATION)), "admin",
                "serviceTask_grant", "identityService.createMembership");
    }

    @Test
    void aDesignersChangeToOurOwnModelDeploys() {
        String model = resource("bpmn/emergency-after-sales.bpmn");
        assertThat(model).contains("name=\"Close case\"");
        String changed = model.replace("name=\"Close case\"", "name=\"Close the case\"");

        HttpResponse<String> answer = deploy("dora", "emergency", Map.of("emergency-after-sales.bpmn", changed,
                "approve-remedy.form", resource("bpmn/forms/approve-remedy.form"), "remedy-approval.dmn",
                resource("dmn/remedy-approval.dmn")));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String deploymentId = Http.json(answer).get("id").asText();
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("emergencyAfterSalesProcess").latestVersion().singleResult();
        assertThat(latest.getDeploymentId()).isEqualTo(deploymentId);
        assertThat(repositoryService.getBpmnModelInstance(latest.getId()).getModelElementById("serviceTask_closeCase")
                .getAttributeValue("name")).isEqualTo("Close the case");
    }

    @Test
    void theEnginesOwnApiRefusesTheSame() {
        assertThatThrownBy(() -> repositoryService.createDeployment().name(PREFIX + "java-api")
                .addString("escalation.bpmn", AttackModels.ADMIN_ESCALATION).deploy())
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("serviceTask_grant")
                .hasMessageContaining("identityService.createMembership");
        assertThat(repositoryService.createDeploymentQuery().deploymentName(PREFIX + "java-api").count()).isZero();
    }

    private void assertRefused(HttpResponse<String> answer, String name, String... reasons) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(Http.json(answer).get("message").asText()).startsWith("Deployment refused:").contains(reasons);
        assertThat(repositoryService.createDeploymentQuery().deploymentName(PREFIX + name).count())
                .as("nothing deployed").isZero();
    }

    private HttpResponse<String> deploy(String user, String name, Map<String, String> files) {
        return ModelerDeployment.deploy(http, user, PREFIX + name, files);
    }

    private static String resource(String path) {
        return ModelerDeployment.resource(path);
    }
}
