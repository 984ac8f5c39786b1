package com.helloword.aftersales.workflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;

/**
 * The guard's checks on resources: every model of the repository passes with the allow-list read from the
 * application's components, and each way out of it is refused with resource, element and reason.
 */
class DeploymentGuardTest {

    private static final String BASE = "com.helloword.aftersales";
    /** The application's components as Spring would define them, none instantiated. */
    static final ModelAllowList APPLICATION = applicationAllowList();
    private static final DeploymentGuard GUARD = DeploymentGuard.allowing(APPLICATION);

    private static ModelAllowList applicationAllowList() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        new ClassPathBeanDefinitionScanner(beans).scan(BASE);
        return ModelAllowList.fromBeans(beans, List.of(BASE));
    }

    static Stream<Path> repositoryModels() throws IOException {
        try (Stream<Path> bpmn = Files.walk(Path.of("bpmn")); Stream<Path> dmn = Files.walk(Path.of("dmn"))) {
            List<Path> files = Stream.concat(bpmn, dmn).filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            assertThat(files).as("the models of bpmn/, bpmn/forms/ and dmn/")
                    .anyMatch(p -> p.toString().endsWith(".bpmn")).anyMatch(p -> p.toString().endsWith(".form"))
                    .anyMatch(p -> p.toString().endsWith(".dmn"));
            return files.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("repositoryModels")
    void everyModelOfTheRepositoryPasses(Path model) throws IOException {
        assertThat(GUARD.problems(model.toString(), Files.readAllBytes(model))).isEmpty();
    }

    @Test
    void theAllowListIsReadFromTheApplicationsBeans() {
        assertThat(APPLICATION.delegates()).contains("closeCaseDelegate", "caseTaskListener", "returnTaskListener",
                "qualityAlertTaskListener").doesNotContain("returnSteps");
        assertThat(APPLICATION.isStep("returnSteps", "close", 2)).isTrue();
        assertThat(APPLICATION.isStep("returnSteps", "close", 1)).isFalse();
        assertThat(APPLICATION.isStep("qualityAlertSteps", "planLate", 1)).isTrue();
        assertThat(APPLICATION.isStep("returnSteps", "getClass", 0)).isFalse();
        assertThat(APPLICATION.isBean().test("returnSteps")).isTrue();
    }

    @Test
    void issue18sModelIsRefusedNamingItsTaskAndCall() {
        assertThat(problems("escalation.bpmn", AttackModels.ADMIN_ESCALATION)).singleElement().satisfies(p -> assertThat(p)
                .startsWith("escalation.bpmn, serviceTask_grant: camunda:expression")
                .contains("calls identityService.createMembership(...), which is not one of the application's steps",
                        "returnSteps.close"));
    }

    @Test
    void reflectionAndPropertyChainsAreRefused() {
        assertThat(problems("reflection.bpmn", AttackModels.REFLECTION_CONDITION)).singleElement()
                .satisfies(p -> assertThat(p).contains("flow_ifHome", "bpmn:conditionExpression",
                        "calls execution.getClass(...)"));
        assertThat(problems("chain.bpmn", AttackModels.PROPERTY_CHAIN)).singleElement()
                .satisfies(p -> assertThat(p).contains("userTask_probe", "camunda:candidateGroups",
                        "reads caseKey.class, a property"));
    }

    @Test
    void scriptsAreRefusedWhereverTheyHide() {
        assertThat(problems("script.bpmn", AttackModels.SCRIPT_TASK)).singleElement()
                .satisfies(p -> assertThat(p).contains("scriptTask_run", "bpmn:scriptTask is not allowed"));
        assertThat(problems("listener.bpmn", AttackModels.userTask("p", "", """
                <bpmn:extensionElements><camunda:executionListener event="start">
                  <camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script>
                </camunda:executionListener></bpmn:extensionElements>"""))).singleElement()
                .satisfies(p -> assertThat(p).contains("userTask_probe", "camunda:script is not allowed"));
        assertThat(problems("io.bpmn", AttackModels.serviceTask("p", "camunda:delegateExpression=\"${closeCaseDelegate}\"", """
                <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">
                  <camunda:script scriptFormat="groovy">'id'.execute()</camunda:script>
                </camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>""")))
                .singleElement().satisfies(p -> assertThat(p).contains("camunda:script is not allowed"));
        String groovyCondition = AttackModels.REFLECTION_CONDITION.replace(
                "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">",
                "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">");
        assertThat(problems("groovy.bpmn", groovyCondition))
                .anySatisfy(p -> assertThat(p).contains("flow_ifHome", "language=\"groovy\" is not allowed"));
    }

    @Test
    void javaClassesConnectorsFieldsAndForeignNamespacesAreRefused() {
        assertThat(problems("class.bpmn", AttackModels.serviceTask("p", "camunda:class=\"java.lang.Runtime\"", "")))
                .singleElement().satisfies(p -> assertThat(p).contains("serviceTask_probe", "camunda:class is not allowed"));
        assertThat(problems("listener-class.bpmn", AttackModels.userTask("p", "", """
                <bpmn:extensionElements><camunda:taskListener event="create" class="com.example.Evil"/>
                </bpmn:extensionElements>"""))).singleElement()
                .satisfies(p -> assertThat(p).contains("userTask_probe", "class is not allowed; runs a Java class"));
        assertThat(problems("connector.bpmn", AttackModels.serviceTask("p", "", """
                <bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId>
                </camunda:connector></bpmn:extensionElements>"""))).singleElement()
                .satisfies(p -> assertThat(p).contains("camunda:connector is not allowed"));
        assertThat(problems("field.bpmn", AttackModels.serviceTask("p", "camunda:delegateExpression=\"${closeCaseDelegate}\"",
                "<bpmn:extensionElements><camunda:field name=\"resolution\" stringValue=\"x\"/></bpmn:extensionElements>")))
                .singleElement().satisfies(p -> assertThat(p).contains("camunda:field is not allowed"));
        String activiti = AttackModels.serviceTask("p", "activiti:class=\"java.lang.Runtime\"", "")
                .replace("xmlns:camunda=", "xmlns:activiti=\"http://activiti.org/bpmn\" xmlns:camunda=");
        assertThat(problems("activiti.bpmn", activiti)).singleElement()
                .satisfies(p -> assertThat(p).contains("activiti:class", "http://activiti.org/bpmn", "is not allowed"));
        assertThat(problems("external.bpmn", AttackModels.serviceTask("p", "camunda:type=\"external\" camunda:topic=\"x\"",
                ""))).anySatisfy(p -> assertThat(p).contains("external tasks are not offered"));
    }

    @Test
    void aDelegateExpressionNamesOneOfTheApplicationsDelegates() {
        assertThat(problems("ok.bpmn", AttackModels.serviceTask("p", "camunda:delegateExpression=\"${closeCaseDelegate}\"",
                ""))).isEmpty();
        for (String reference : List.of("${identityService}", "${returnSteps}", "${closeCaseDelegate.getClass()}",
                "${variableWithADelegate}", "closeCaseDelegate")) {
            assertThat(problems("delegate.bpmn", AttackModels.serviceTask("p",
                    "camunda:delegateExpression=\"" + reference + "\"", ""))).as(reference).singleElement()
                    .satisfies(p -> assertThat(p).contains("camunda:delegateExpression",
                            "must be ${name} of one of the application's delegates or listeners", "closeCaseDelegate"));
        }
    }

    @Test
    void everyTextTheEngineMayEvaluateIsChecked() {
        // a user task's documentation becomes the task's description, an expression evaluated on creation
        assertThat(problems("doc.bpmn", AttackModels.userTask("p", "",
                "<bpmn:documentation>Hello ${identityService.deleteUser('demo')}</bpmn:documentation>")))
                .singleElement().satisfies(p -> assertThat(p).contains("userTask_probe", "bpmn:documentation",
                        "identityService.deleteUser"));
        // an expression split over a CDATA boundary is one expression to the engine
        String split = AttackModels.REFLECTION_CONDITION.replace("${execution.getClass()",
                "$<![CDATA[{identityService.createMembership('dora','camunda-admin')} ${execution.getClass()]]>");
        assertThat(problems("cdata.bpmn", split)).anySatisfy(p -> assertThat(p).contains(
                "identityService.createMembership"));
        assertThat(problems("message.bpmn", AttackModels.process("p", """
                <bpmn:startEvent id="start_probe"><bpmn:messageEventDefinition messageRef="message_probe"/></bpmn:startEvent>
                """).replace("</bpmn:definitions>",
                "<bpmn:message id=\"message_probe\" name=\"${runtimeService.toString()}\"/></bpmn:definitions>")))
                .singleElement().satisfies(p -> assertThat(p).contains("message_probe", "name",
                        "runtimeService.toString"));
    }

    @Test
    void embeddedFormsAndOtherResourcesAreRefused() {
        assertThat(problems("form-key.bpmn", AttackModels.userTask("p",
                "camunda:formKey=\"embedded:deployment:evil.html\"", ""))).singleElement()
                .satisfies(p -> assertThat(p).contains("camunda:formKey is not allowed", "camunda:formRef"));
        for (String name : List.of("evil.html", "evil.js", "case.cmmn", "diagram.png", "emergency.bpmn.txt")) {
            assertThat(problems(name, AttackModels.HTML_FORM)).as(name).singleElement().satisfies(p -> assertThat(p)
                    .startsWith(name + ": only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) may be deployed"));
        }
        assertThat(problems("evil.form", """
                {"id": "evilForm", "type": "default", "components": [{"type": "group", "id": "group_a",
                  "components": [{"type": "html", "id": "html_evil", "content": "<img src=x onerror=alert(1)>"}]}]}"""))
                .singleElement().satisfies(p -> assertThat(p).contains("evil.form, html_evil",
                        "the form component type \"html\" is not allowed"));
        assertThat(problems("broken.form", "<html/>")).singleElement()
                .satisfies(p -> assertThat(p).contains("not a Camunda Form"));
    }

    @Test
    void decisionsUseFeelOnly() {
        assertThat(problems("juel.dmn", AttackModels.JUEL_DECISION)).singleElement().satisfies(p -> assertThat(p)
                .contains("juel.dmn, inputExpression_who: expressionLanguage=\"juel\" is not allowed; decisions use FEEL"));
        String feel = AttackModels.JUEL_DECISION.replace("expressionLanguage=\"juel\"", "expressionLanguage=\"feel\"")
                .replace("${identityService.createMembership('dora','camunda-admin')}", "who");
        assertThat(problems("feel.dmn", feel)).isEmpty();
        String scriptDefault = feel.replace("namespace=\"http://helloword.com/aftersales/test\"",
                "namespace=\"http://helloword.com/aftersales/test\" expressionLanguage=\"javascript\"");
        assertThat(problems("js.dmn", scriptDefault)).singleElement()
                .satisfies(p -> assertThat(p).contains("definitions_guardProbe", "expressionLanguage=\"javascript\""));
    }

    @Test
    void documentTypesAndUnreadableModelsAreRefused() {
        String withEntity = AttackModels.userTask("p", "camunda:candidateGroups=\"&x;\"", "").replace(
                "<bpmn:definitions", "<!DOCTYPE d [<!ENTITY x \"${identityService.x()}\">]><bpmn:definitions");
        assertThat(problems("doctype.bpmn", withEntity)).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith(
                "doctype.bpmn"));
        assertThat(problems("broken.bpmn", "<bpmn:definitions")).singleElement()
                .satisfies(p -> assertThat(p).startsWith("broken.bpmn: not a BPMN 2.0 model"));
    }

    @Test
    void aRefusedDeploymentNamesEveryProblemInABadRequest() {
        assertThatThrownBy(() -> GUARD.check(Map.of("escalation.bpmn", bytes(AttackModels.ADMIN_ESCALATION),
                "evil.html", bytes(AttackModels.HTML_FORM)))).isInstanceOf(BadUserRequestException.class)
                .hasMessageStartingWith("Deployment refused: a model may use only what the element templates offer")
                .hasMessageContaining("serviceTask_grant").hasMessageContaining("evil.html: only BPMN");
    }

    private static List<String> problems(String name, String content) {
        return GUARD.problems(name, bytes(content));
    }

    private static byte[] bytes(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
