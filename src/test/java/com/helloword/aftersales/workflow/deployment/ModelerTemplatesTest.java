package com.helloword.aftersales.workflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The element templates a designer picks in Camunda Modeler call what the application has, and the diagrams'
 * tasks that use a template carry exactly what it sets; a broken template or diagram is reported.
 */
class ModelerTemplatesTest {

    private static final ModelerTemplates REPOSITORY = ModelerTemplates.ofRepository();

    private static final String REFUND = """
            {"$schema": "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json",
             "id": "probe.refund", "name": "Refund", "version": 2, "appliesTo": ["bpmn:ServiceTask"],
             "properties": [
               {"type": "Hidden", "value": "${returnSteps.refund(execution)}",
                "binding": {"type": "property", "name": "camunda:expression"}},
               {"type": "Hidden", "value": "true", "binding": {"type": "property", "name": "camunda:asyncBefore"}}]}""";
    private static final String RELEASE = """
            {"id": "probe.release", "name": "Release", "version": 1, "appliesTo": ["bpmn:ServiceTask"],
             "properties": [
               {"type": "Dropdown", "value": "${disputeSteps.release(execution, 'RESOLVED')}",
                "choices": [{"name": "Resolved", "value": "${disputeSteps.release(execution, 'RESOLVED')}"},
                            {"name": "Withdrawn", "value": "${disputeSteps.release(execution, 'WITHDRAWN')}"}],
                "binding": {"type": "property", "name": "camunda:expression"}},
               {"type": "String", "value": "42", "binding": {"type": "camunda:inputParameter", "name": "days"}}]}""";

    @Test
    void everyTemplateCallsAStepOrDelegateOfTheApplication() {
        assertThat(REPOSITORY.byId()).hasSizeGreaterThanOrEqualTo(30).containsKeys("aftersales.case.sendReply",
                "aftersales.return.refund", "aftersales.dispute.releaseFreeze", "aftersales.recall.delistSku",
                "aftersales.return.mailLabel", "aftersales.return.createLabel", "aftersales.quality.pausePurchasing");
        assertThat(REPOSITORY.problems(DeploymentGuardTest.APPLICATION)).isEmpty();
    }

    @Test
    void everyDiagramTaskWithATemplateCarriesWhatTheTemplateSets() {
        Map<String, Long> uses = new TreeMap<>();
        for (Path bpmn : ModelReferences.files(Path.of("bpmn"), ".bpmn")) {
            String xml = ModelReferences.text(bpmn);
            assertThat(REPOSITORY.problems(bpmn.toString(), xml)).as(bpmn.toString()).isEmpty();
            REPOSITORY.byId().keySet().forEach(id -> uses.merge(id,
                    (long) xml.split("camunda:modelerTemplate=\"" + id.replace(".", "\\.") + "\"", -1).length - 1,
                    Long::sum));
        }
        assertThat(uses).as("diagram tasks per template").containsEntry("aftersales.dispute.releaseFreeze", 3L)
                .containsEntry("aftersales.parcelWatch.messageBuyer", 5L).containsEntry("aftersales.return.refund", 1L)
                .allSatisfy((id, count) -> assertThat(count).as(id + " is used by a diagram task").isPositive());
        assertThat(uses.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
    }

    @Test
    void aTemplateNamingAMissingBeanStepOrDelegateIsReported() {
        ModelerTemplates broken = new ModelerTemplates(ModelerTemplates.parse("[" + String.join(",",
                REFUND.replace("returnSteps.refund", "refundSteps.refund"),
                REFUND.replace("probe.refund", "probe.refundAll").replace("returnSteps.refund", "returnSteps.refundAll"),
                REFUND.replace("probe.refund", "probe.close").replace("returnSteps.refund", "returnSteps.close"),
                REFUND.replace("probe.refund", "probe.delegate").replace("\"camunda:expression\"",
                        "\"camunda:delegateExpression\"").replace("${returnSteps.refund(execution)}", "${refundDelegate}"),
                RELEASE.replace("'WITHDRAWN'", "'WITHDRAWN', 'now'"), RELEASE) + "]"));

        assertThat(broken.problems(DeploymentGuardTest.APPLICATION)).containsExactly(
                "probe.release: two templates have this id",
                "probe.refund: \"${refundSteps.refund(execution)}\": the application has no bean refundSteps",
                "probe.refundAll: \"${returnSteps.refundAll(execution)}\": returnSteps has no step refundAll with 1"
                        + " argument(s)",
                "probe.close: \"${returnSteps.close(execution)}\": returnSteps has no step close with 1 argument(s)",
                "probe.delegate: \"${refundDelegate}\" names no delegate or listener of the application",
                "probe.release: \"${disputeSteps.release(execution, 'WITHDRAWN', 'now')}\": disputeSteps has no step"
                        + " release with 3 argument(s)");
        assertThat(new ModelerTemplates(ModelerTemplates.parse(REFUND)).problems(DeploymentGuardTest.APPLICATION))
                .isEmpty();
    }

    @Test
    void aDiagramTaskDifferingFromItsTemplateIsReported() {
        ModelerTemplates probes = new ModelerTemplates(List.of(ModelerTemplates.parse(REFUND).get(0),
                ModelerTemplates.parse(RELEASE).get(0)));
        String days = "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"days\">%s"
                + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>";

        assertThat(probes.problems("ok.bpmn", AttackModels.serviceTask("p", "camunda:modelerTemplate=\"probe.refund\""
                + " camunda:modelerTemplateVersion=\"2\" camunda:asyncBefore=\"true\""
                + " camunda:expression=\"${returnSteps.refund(execution)}\"", ""))).isEmpty();
        assertThat(probes.problems("ok.bpmn", AttackModels.serviceTask("p", "camunda:modelerTemplate=\"probe.release\""
                + " camunda:expression=\"${disputeSteps.release(execution, 'WITHDRAWN')}\"", days.formatted("42"))))
                .isEmpty();

        assertThat(probes.problems("changed.bpmn", AttackModels.serviceTask("p",
                "camunda:modelerTemplate=\"probe.refund\" camunda:modelerTemplateVersion=\"1\""
                        + " camunda:expression=\"${returnSteps.remind(execution)}\"", ""))).containsExactly(
                "changed.bpmn, serviceTask_probe: uses version 1 of probe.refund, which is at version 2",
                "changed.bpmn, serviceTask_probe: camunda:expression=\"${returnSteps.remind(execution)}\"; the"
                        + " template sets ${returnSteps.refund(execution)}",
                "changed.bpmn, serviceTask_probe: camunda:asyncBefore is missing; the template sets true");
        assertThat(probes.problems("choice.bpmn", AttackModels.serviceTask("p",
                "camunda:modelerTemplate=\"probe.release\" camunda:expression=\"${disputeSteps.release(execution,"
                        + " 'LOST')}\"", days.formatted("7")))).containsExactly(
                "choice.bpmn, serviceTask_probe: camunda:expression=\"${disputeSteps.release(execution, 'LOST')}\";"
                        + " the template sets ${disputeSteps.release(execution, 'RESOLVED')} or"
                        + " ${disputeSteps.release(execution, 'WITHDRAWN')}",
                "choice.bpmn, serviceTask_probe: days=\"7\"; the template sets 42");
        assertThat(probes.problems("unknown.bpmn", AttackModels.serviceTask("p",
                "camunda:modelerTemplate=\"probe.refunds\"", ""))).containsExactly(
                "unknown.bpmn, serviceTask_probe: camunda:modelerTemplate=\"probe.refunds\" is no template of "
                        + Path.of(".camunda", "element-templates"));
        assertThat(probes.problems("user.bpmn", AttackModels.userTask("p", "camunda:modelerTemplate=\"probe.refund\""
                + " camunda:modelerTemplateVersion=\"2\" camunda:asyncBefore=\"true\""
                + " camunda:expression=\"${returnSteps.refund(execution)}\"", ""))).containsExactly(
                "user.bpmn, userTask_probe: probe.refund does not apply to a bpmn:UserTask");
    }
}
