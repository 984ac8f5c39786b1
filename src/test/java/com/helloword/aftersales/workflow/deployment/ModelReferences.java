package com.helloword.aftersales.workflow.deployment;

import static com.helloword.aftersales.workflow.deployment.BpmnCheck.BPMN;
import static com.helloword.aftersales.workflow.deployment.BpmnCheck.CAMUNDA;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The references between the repository's models that the engine resolves only when a case reaches them: a user
 * task's {@code camunda:formRef} (a Camunda Form's id in bpmn/forms), a business rule task's
 * {@code camunda:decisionRef} (a decision id in dmn/), a call activity's {@code calledElement} (a process id in
 * bpmn/), and the {@code messageRef}, {@code signalRef}, {@code errorRef} and {@code escalationRef} of events and
 * tasks (a root element of the same file). Bean names are the deployment guard's: {@link DeploymentGuardTest}
 * runs it on every model.
 *
 * @param bpmn resource name to its XML
 * @param forms the Camunda Forms' ids
 * @param decisions the DMN decisions' ids
 */
record ModelReferences(Map<String, String> bpmn, Set<String> forms, Set<String> decisions) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Attribute of a BPMN element (no namespace) to the root element it must name. */
    private static final Map<String, String> ROOT_REFERENCES = Map.of("messageRef", "message", "signalRef",
            "signal", "errorRef", "error", "escalationRef", "escalation");

    static ModelReferences ofRepository() {
        Map<String, String> bpmn = new TreeMap<>();
        files(Path.of("bpmn"), ".bpmn").forEach(p -> bpmn.put(p.toString(), text(p)));
        Set<String> forms = files(Path.of("bpmn", "forms"), ".form").stream().map(ModelReferences::formId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> decisions = new TreeSet<>();
        for (Path dmn : files(Path.of("dmn"), ".dmn")) {
            Document document = ModelXml.read(dmn.toString(), text(dmn));
            ModelXml.elements(document, "*", "decision").forEach(d -> decisions.add(d.getAttribute("id")));
        }
        return new ModelReferences(bpmn, forms, decisions);
    }

    /** Every reference that names nothing, as "resource, element id: what it names". */
    List<String> problems() {
        Map<String, Document> documents = new TreeMap<>();
        bpmn.forEach((name, xml) -> documents.put(name, ModelXml.read(name, xml)));
        Set<String> processes = documents.values().stream()
                .flatMap(d -> ModelXml.elements(d, BPMN, "process").stream()).map(p -> p.getAttribute("id"))
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        documents.forEach((resource, document) -> {
            for (Element element : ModelXml.elements(document, BPMN, "*")) {
                String where = resource + ", " + ModelDom.where(element) + ": ";
                check(where, "camunda:formRef", ModelXml.attribute(element, CAMUNDA, "formRef"), forms,
                        "no Camunda Form in bpmn/forms has this id", problems);
                check(where, "camunda:decisionRef", ModelXml.attribute(element, CAMUNDA, "decisionRef"), decisions,
                        "no decision in dmn/ has this id", problems);
                check(where, "calledElement", ModelXml.attribute(element, null, "calledElement"), processes,
                        "no process in bpmn/ has this id", problems);
                ROOT_REFERENCES.forEach((attribute, root) -> check(where, attribute,
                        ModelXml.attribute(element, null, attribute), ids(document, root),
                        "no bpmn:" + root + " of this file has this id", problems));
            }
        });
        return problems;
    }

    private static void check(String where, String attribute, String value, Set<String> known, String reason,
            List<String> problems) {
        if (value != null && !known.contains(value)) {
            problems.add(where + attribute + "=\"" + value + "\": " + reason);
        }
    }

    private static Set<String> ids(Document document, String root) {
        return ModelXml.elements(document, BPMN, root).stream().map(e -> e.getAttribute("id"))
                .collect(Collectors.toSet());
    }

    static List<Path> files(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String formId(Path form) {
        try {
            return JSON.readTree(form.toFile()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same models with one resource replaced or added, for showing that a dangling reference is found. */
    ModelReferences with(String resource, String xml) {
        Map<String, String> changed = new TreeMap<>(bpmn);
        changed.put(resource, xml);
        return new ModelReferences(changed, forms, decisions);
    }
}
