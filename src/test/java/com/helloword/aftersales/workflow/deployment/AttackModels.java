package com.helloword.aftersales.workflow.deployment;

/**
 * Small models for the deployment guard's tests, each deployable on an unguarded engine (they set
 * historyTimeToLive, so only the guard refuses them). The first is issue 18's: a timer start and a service task
 * whose expression makes dora an admin when the job executor runs it.
 */
final class AttackModels {

    static final String ESCALATION_KEY = "guardProbeEscalation";

    /** Issue 18 as reported: timer start, camunda:expression calling the identity service. */
    static final String ADMIN_ESCALATION = process(ESCALATION_KEY, """
            <bpmn:startEvent id="timer_now"><bpmn:timerEventDefinition id="timerDef_now">
              <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1M</bpmn:timeCycle>
            </bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:sequenceFlow id="flow_toGrant" sourceRef="timer_now" targetRef="serviceTask_grant"/>
            <bpmn:serviceTask id="serviceTask_grant" name="Grant"
                camunda:expression="${identityService.createMembership('dora','camunda-admin')}"/>
            <bpmn:sequenceFlow id="flow_toEnd" sourceRef="serviceTask_grant" targetRef="end_done"/>
            <bpmn:endEvent id="end_done"/>""");

    /** The reflection variant: a condition that walks from the execution to java.lang.System. */
    static final String REFLECTION_CONDITION = process("guardProbeReflection", """
            <bpmn:startEvent id="start_probe"/>
            <bpmn:sequenceFlow id="flow_toGateway" sourceRef="start_probe" targetRef="gateway_probe"/>
            <bpmn:exclusiveGateway id="gateway_probe" default="flow_otherwise"/>
            <bpmn:sequenceFlow id="flow_ifHome" sourceRef="gateway_probe" targetRef="end_home">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getClass().forName('java.lang.System').getProperty('user.home') != null}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="flow_otherwise" sourceRef="gateway_probe" targetRef="end_other"/>
            <bpmn:endEvent id="end_home"/>
            <bpmn:endEvent id="end_other"/>""");

    /** A property chain, no call: getters from a variable to its class loader. */
    static final String PROPERTY_CHAIN = userTask("guardProbeChain",
            "camunda:candidateGroups=\"${caseKey.class.classLoader.parent}\"", "");

    static final String SCRIPT_TASK = process("guardProbeScript", """
            <bpmn:startEvent id="start_probe"/>
            <bpmn:sequenceFlow id="flow_toScript" sourceRef="start_probe" targetRef="scriptTask_run"/>
            <bpmn:scriptTask id="scriptTask_run" name="Run" scriptFormat="groovy">
              <bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:sequenceFlow id="flow_toEnd" sourceRef="scriptTask_run" targetRef="end_done"/>
            <bpmn:endEvent id="end_done"/>""");

    static final String JUEL_DECISION = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                         xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="definitions_guardProbe" name="Probe" namespace="http://helloword.com/aftersales/test">
              <decision id="guardProbeDecision" name="Probe" camunda:historyTimeToLive="1">
                <decisionTable id="decisionTable_probe">
                  <input id="input_who" label="Who">
                    <inputExpression id="inputExpression_who" typeRef="string" expressionLanguage="juel">
                      <text>${identityService.createMembership('dora','camunda-admin')}</text>
                    </inputExpression>
                  </input>
                  <output id="output_ok" name="ok" typeRef="boolean"/>
                  <rule id="rule_any">
                    <inputEntry id="inputEntry_any"><text>-</text></inputEntry>
                    <outputEntry id="outputEntry_any"><text>true</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """.strip();

    static final String HTML_FORM = """
            <form><script>fetch('/engine-rest/user/demo/credentials')</script></form>""";

    private AttackModels() {
    }

    /** A one-user-task process with the task's attributes and its content (documentation, extensions). */
    static String userTask(String key, String attributes, String content) {
        return oneTask(key, "userTask", attributes, content);
    }

    /** A one-service-task process with the task's attributes and its content. */
    static String serviceTask(String key, String attributes, String content) {
        return oneTask(key, "serviceTask", attributes, content);
    }

    private static String oneTask(String key, String type, String attributes, String content) {
        return process(key, """
                <bpmn:startEvent id="start_probe"/>
                <bpmn:sequenceFlow id="flow_toTask" sourceRef="start_probe" targetRef="%1$s_probe"/>
                <bpmn:%1$s id="%1$s_probe" name="Probe" %2$s>%3$s</bpmn:%1$s>
                <bpmn:sequenceFlow id="flow_toEnd" sourceRef="%1$s_probe" targetRef="end_done"/>
                <bpmn:endEvent id="end_done"/>""".formatted(type, attributes, content));
    }

    static String process(String key, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                  id="definitions_%1$s" targetNamespace="http://helloword.com/aftersales/test">
                  <bpmn:process id="%1$s" name="Guard probe" isExecutable="true" camunda:historyTimeToLive="1">
                %2$s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, body).strip();
    }
}
