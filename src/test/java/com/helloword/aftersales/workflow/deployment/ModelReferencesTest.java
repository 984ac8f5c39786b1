package com.helloword.aftersales.workflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every form, decision, called process, message, signal, error and escalation a model of bpmn/ names exists in
 * bpmn/forms, dmn/ or the model itself; and a model naming one that does not is reported with its element.
 * (Delegates, listeners and steps: {@link DeploymentGuardTest#everyModelOfTheRepositoryPasses}.)
 */
class ModelReferencesTest {

    private static final ModelReferences REPOSITORY = ModelReferences.ofRepository();

    @Test
    void everyReferenceOfTheRepositorysModelsResolves() {
        assertThat(REPOSITORY.bpmn().keySet()).hasSizeGreaterThanOrEqualTo(16).contains("bpmn/emergency-after-sales.bpmn");
        assertThat(REPOSITORY.forms()).contains("answerBuyerForm", "switchRouteCarrierForm");
        assertThat(REPOSITORY.decisions()).contains("severityGrading", "carrierRouteHealth", "caseClaimType");
        assertThat(REPOSITORY.problems()).isEmpty();
    }

    @Test
    void aDanglingFormDecisionOrCalledProcessIsReported() {
        String model = AttackModels.process("referenceProbe", """
                <bpmn:startEvent id="start_probe"/>
                <bpmn:userTask id="userTask_answer" camunda:formRef="answerBuyerFrom" camunda:formRefBinding="latest"/>
                <bpmn:userTask id="userTask_fine" camunda:formRef="answerBuyerForm" camunda:formRefBinding="latest"/>
                <bpmn:businessRuleTask id="businessRuleTask_grade" camunda:decisionRef="severityGradings"/>
                <bpmn:callActivity id="callActivity_return" calledElement="returnsProcess"/>
                <bpmn:callActivity id="callActivity_fine" calledElement="referenceProbe"/>""");

        assertThat(REPOSITORY.with("probe.bpmn", model).problems()).containsExactly(
                "probe.bpmn, userTask_answer: camunda:formRef=\"answerBuyerFrom\": no Camunda Form in bpmn/forms"
                        + " has this id",
                "probe.bpmn, businessRuleTask_grade: camunda:decisionRef=\"severityGradings\": no decision in dmn/"
                        + " has this id",
                "probe.bpmn, callActivity_return: calledElement=\"returnsProcess\": no process in bpmn/ has this id");
    }

    @Test
    void aMessageSignalOrErrorTheFileDoesNotDeclareIsReported() {
        String model = AttackModels.process("referenceProbe", """
                <bpmn:startEvent id="start_probe"><bpmn:messageEventDefinition id="med_start" messageRef="Message_Known"/></bpmn:startEvent>
                <bpmn:intermediateCatchEvent id="catch_followUp"><bpmn:messageEventDefinition id="med_followUp" messageRef="Message_FollowUp"/></bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="catch_recall"><bpmn:signalEventDefinition id="sed_recall" signalRef="Signal_Recall"/></bpmn:intermediateCatchEvent>
                <bpmn:endEvent id="end_failed"><bpmn:errorEventDefinition id="eed_failed" errorRef="Error_Failed"/></bpmn:endEvent>"""
                ).replace("</bpmn:definitions>", "<bpmn:message id=\"Message_Known\" name=\"aftersales.known\"/>"
                        + "</bpmn:definitions>");

        assertThat(REPOSITORY.with("probe.bpmn", model).problems()).containsExactlyInAnyOrder(
                "probe.bpmn, med_followUp: messageRef=\"Message_FollowUp\": no bpmn:message of this file has this id",
                "probe.bpmn, sed_recall: signalRef=\"Signal_Recall\": no bpmn:signal of this file has this id",
                "probe.bpmn, eed_failed: errorRef=\"Error_Failed\": no bpmn:error of this file has this id");
    }
}
