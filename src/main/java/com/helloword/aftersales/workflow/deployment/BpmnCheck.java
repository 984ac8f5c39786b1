package com.helloword.aftersales.workflow.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * A BPMN resource against the allow-list: every element, attribute and text of the document, by namespace.
 * The elements and Camunda settings are those our models and Modeler's element templates use; every
 * expression in them is a {@link PlainExpressions plain one}; {@code camunda:delegateExpression} names one of
 * the application's delegates or listeners. Refused with a reason: Java classes, scripts (tasks, listeners,
 * conditions, input/output), connectors, field injection, generated and embedded forms, external tasks, and any
 * other namespace (the engine also reads the old {@code activiti} one as its own).
 */
final class BpmnCheck {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");
    /** Namespaces of attributes the engine does not read: declarations, schema types, Modeler's and colours. */
    private static final Set<String> INERT_ATTRIBUTES = Set.of("http://www.w3.org/2000/xmlns/",
            "http://www.w3.org/2001/XMLSchema-instance", "http://www.w3.org/XML/1998/namespace",
            "http://camunda.org/schema/modeler/1.0", "http://bpmn.io/schema/bpmn/biocolor/1.0",
            "http://www.omg.org/spec/BPMN/non-normative/color/1.0");

    private static final Set<String> BPMN_ELEMENTS = Set.of("definitions", "process", "collaboration",
            "participant", "messageFlow", "laneSet", "lane", "flowNodeRef", "childLaneSet", "documentation",
            "extensionElements", "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent",
            "boundaryEvent", "messageEventDefinition", "timerEventDefinition", "timeDate", "timeDuration",
            "timeCycle", "errorEventDefinition", "escalationEventDefinition", "signalEventDefinition",
            "conditionalEventDefinition", "condition", "terminateEventDefinition", "compensateEventDefinition",
            "linkEventDefinition", "cancelEventDefinition", "incoming", "outgoing", "sequenceFlow",
            "conditionExpression", "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
            "task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "businessRuleTask",
            "callActivity", "subProcess", "transaction", "multiInstanceLoopCharacteristics", "loopCardinality",
            "completionCondition", "message", "error", "escalation", "signal", "textAnnotation", "text",
            "association", "group", "category", "categoryValue", "dataObject", "dataObjectReference",
            "dataStoreReference", "dataInputAssociation", "dataOutputAssociation", "sourceRef", "targetRef");
    private static final Map<String, String> BPMN_REFUSED = Map.of(
            "scriptTask", "a script task runs code written in the model",
            "script", "a script runs code written in the model");

    private static final Set<String> CAMUNDA_ELEMENTS = Set.of("taskListener", "executionListener",
            "failedJobRetryTimeCycle", "in", "out", "inputOutput", "inputParameter", "outputParameter", "list",
            "map", "entry", "value", "properties", "property");
    private static final Map<String, String> CAMUNDA_REFUSED = Map.of(
            "script", "a script runs code written in the model",
            "field", "field injection writes into the application's delegates",
            "connector", "a connector calls out of the engine",
            "formData", "generated forms are not offered; user tasks use Camunda Forms (camunda:formRef)",
            "errorEventDefinition", "external-task error events are not offered");

    /** The Camunda settings of flow elements that our models and the element templates use. */
    private static final Set<String> CAMUNDA_ATTRIBUTES = Set.of("asyncBefore", "asyncAfter", "exclusive",
            "jobPriority", "taskPriority", "historyTimeToLive", "isStartableInTasklist", "versionTag",
            "candidateStarterGroups", "candidateStarterUsers", "initiator", "assignee", "candidateGroups",
            "candidateUsers", "dueDate", "followUpDate", "priority", "formRef", "formRefBinding", "formRefVersion",
            "decisionRef", "decisionRefBinding", "decisionRefVersion", "decisionRefVersionTag",
            "decisionRefTenantId", "mapDecisionResult", "resultVariable", "delegateExpression", "expression",
            "calledElementBinding", "calledElementVersion", "calledElementVersionTag", "calledElementTenantId",
            "errorCodeVariable", "errorMessageVariable", "escalationCodeVariable", "collection", "elementVariable",
            "variableName", "variableEvents", "modelerTemplate", "modelerTemplateVersion");
    private static final Map<String, String> CAMUNDA_ATTRIBUTES_REFUSED = Map.of(
            "class", "runs a Java class named in the model; use one of the application's delegates"
                    + " (camunda:delegateExpression=\"${name}\")",
            "formKey", "names an embedded or external form; user tasks use Camunda Forms (camunda:formRef)",
            "type", "external tasks are not offered",
            "topic", "external tasks are not offered",
            "resource", "loads a script",
            "scriptFormat", "names a script language",
            "variableMappingClass", "runs a Java class named in the model",
            "variableMappingDelegateExpression", "variable mapping delegates are not offered");
    /** The definitions' expressionLanguage the BPMN schema fills in; the engine does not read it. */
    private static final String XPATH = "http://www.w3.org/1999/XPath";
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private final ModelAllowList allowed;
    private final PlainExpressions expressions;

    BpmnCheck(ModelAllowList allowed) {
        this.allowed = allowed;
        this.expressions = new PlainExpressions(allowed);
    }

    List<String> problems(String resource, byte[] content) {
        List<String> problems = new ArrayList<>();
        Document document = ModelDom.read(resource, "BPMN 2.0",
                () -> Bpmn.readModelFromStream(new ByteArrayInputStream(content)), problems);
        if (document != null) {
            check(resource, document.getDocumentElement(), problems);
        }
        return problems;
    }

    private void check(String resource, Element element, List<String> problems) {
        String namespace = element.getNamespaceURI();
        String name = ModelDom.localName(element);
        String where = resource + ", " + ModelDom.where(element) + ": ";
        if (BPMN.equals(namespace)) {
            if (BPMN_REFUSED.containsKey(name)) {
                problems.add(where + "bpmn:" + name + " is not allowed; " + BPMN_REFUSED.get(name));
                return;
            }
            if (!BPMN_ELEMENTS.contains(name)) {
                problems.add(where + "bpmn:" + name + " is not among the elements a model may use");
                return;
            }
        } else if (CAMUNDA.equals(namespace)) {
            if (CAMUNDA_REFUSED.containsKey(name)) {
                problems.add(where + "camunda:" + name + " is not allowed; " + CAMUNDA_REFUSED.get(name));
                return;
            }
            if (!CAMUNDA_ELEMENTS.contains(name)) {
                problems.add(where + "camunda:" + name + " is not among the extensions a model may use");
                return;
            }
        } else if (!DIAGRAM.contains(namespace)) {
            problems.add(where + "the element " + element.getNodeName() + " (namespace " + namespace
                    + ") is not allowed; models use BPMN and Camunda's extensions only");
            return;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            attribute(where, element, (Attr) attributes.item(i), problems);
        }
        String text = ModelDom.ownText(element);
        expressions.problem(text).ifPresent(p -> problems.add(where + "the text of " + element.getNodeName() + " "
                + p));
        for (Element child : ModelDom.children(element)) {
            check(resource, child, problems);
        }
    }

    private void attribute(String where, Element element, Attr attribute, List<String> problems) {
        String namespace = attribute.getNamespaceURI();
        String name = ModelDom.localName(attribute);
        String value = attribute.getValue();
        if (namespace != null && INERT_ATTRIBUTES.contains(namespace)) {
            return;
        }
        boolean camundaElement = CAMUNDA.equals(element.getNamespaceURI());
        if (CAMUNDA.equals(namespace) || namespace == null && camundaElement) {
            String shown = camundaElement ? name : "camunda:" + name;
            if (CAMUNDA_ATTRIBUTES_REFUSED.containsKey(name)) {
                problems.add(where + shown + " is not allowed; " + CAMUNDA_ATTRIBUTES_REFUSED.get(name));
            } else if (name.equals("delegateExpression")) {
                delegate(value).ifPresent(p -> problems.add(where + shown + " " + p));
            } else if (!camundaElement && !CAMUNDA_ATTRIBUTES.contains(name)) {
                problems.add(where + shown + " is not among the settings a model may use");
            } else {
                expressions.problem(value).ifPresent(p -> problems.add(where + shown + " " + p));
            }
        } else if (namespace == null) {
            boolean schemaDefault = name.equals("expressionLanguage") && value.equals(XPATH);
            if (Set.of("language", "scriptFormat", "expressionLanguage").contains(name) && !schemaDefault) {
                problems.add(where + name + "=\"" + value + "\" is not allowed; expressions are the engine's"
                        + " default language, never scripts");
            } else {
                expressions.problem(value).ifPresent(p -> problems.add(where + name + " " + p));
            }
        } else {
            problems.add(where + "the attribute " + attribute.getName() + " (namespace " + namespace
                    + ") is not allowed");
        }
    }

    private Optional<String> delegate(String value) {
        Matcher reference = BEAN_REFERENCE.matcher(value.trim());
        if (reference.matches() && allowed.delegates().contains(reference.group(1))) {
            return Optional.empty();
        }
        return Optional.of("\"" + value + "\" must be ${name} of one of the application's delegates or listeners ("
                + String.join(", ", allowed.delegates()) + ")");
    }
}
