package com.helloword.aftersales.workflow.deployment;

import static com.helloword.aftersales.workflow.deployment.BpmnCheck.BPMN;
import static com.helloword.aftersales.workflow.deployment.BpmnCheck.CAMUNDA;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda Modeler's element templates (.camunda/element-templates) against the application and the diagrams:
 * each {@code camunda:expression} a template sets calls a step the application has
 * ({@code ${bean.method(execution, ...)}} with that many arguments), each {@code camunda:delegateExpression}
 * names one of its delegates; and each diagram element that says {@code camunda:modelerTemplate} names a known
 * template (and version) and carries the values the template's bindings set.
 */
final class ModelerTemplates {

    static final Path DIRECTORY = Path.of(".camunda", "element-templates");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("\\$\\{\\s*([A-Za-z_]\\w*)\\.([A-Za-z_]\\w*)\\((.*)\\)\\s*}");
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{\\s*([A-Za-z_]\\w*)\\s*}");

    /** Template id to the template. */
    private final Map<String, JsonNode> templates = new LinkedHashMap<>();
    private final List<String> duplicates = new ArrayList<>();
    private final List<JsonNode> all;

    ModelerTemplates(List<JsonNode> templates) {
        this.all = List.copyOf(templates);
        for (JsonNode template : templates) {
            if (this.templates.put(template.path("id").asText(), template) != null) {
                duplicates.add(template.path("id").asText() + ": two templates have this id");
            }
        }
    }

    /** Every template of the repository's directory (a file holds one template or a list of them). */
    static ModelerTemplates ofRepository() {
        List<JsonNode> all = new ArrayList<>();
        for (Path file : ModelReferences.files(DIRECTORY, ".json")) {
            all.addAll(parse(ModelReferences.text(file)));
        }
        return new ModelerTemplates(all);
    }

    static List<JsonNode> parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            List<JsonNode> list = new ArrayList<>();
            (node.isArray() ? node : JSON.createArrayNode().add(node)).forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, JsonNode> byId() {
        return templates;
    }

    /** What the templates set that the application does not have, as "template id: problem". */
    List<String> problems(ModelAllowList application) {
        List<String> problems = new ArrayList<>(duplicates);
        for (JsonNode template : all) {
            String id = template.path("id").asText();
            for (JsonNode property : template.path("properties")) {
                String binding = property.path("binding").path("name").asText();
                if (!property.path("binding").path("type").asText().equals("property")) {
                    continue;
                }
                for (String value : values(property)) {
                    if (binding.equals("camunda:expression")) {
                        step(value, application).ifPresent(p -> problems.add(id + ": " + p));
                    } else if (binding.equals("camunda:delegateExpression")) {
                        Matcher delegate = DELEGATE.matcher(value);
                        if (!delegate.matches() || !application.delegates().contains(delegate.group(1))) {
                            problems.add(id + ": \"" + value + "\" names no delegate or listener of the application");
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static Optional<String> step(String value, ModelAllowList application) {
        Matcher step = STEP.matcher(value);
        if (!step.matches()) {
            return Optional.of("\"" + value + "\" is not ${bean.step(execution, ...)}");
        }
        String bean = step.group(1);
        String method = step.group(2);
        List<String> arguments = Arrays.stream(step.group(3).split(",")).map(String::trim).toList();
        if (!arguments.get(0).equals("execution")) {
            return Optional.of("\"" + value + "\" does not pass the execution first");
        }
        if (!application.isBean().test(bean)) {
            return Optional.of("\"" + value + "\": the application has no bean " + bean);
        }
        if (!application.isStep(bean, method, arguments.size())) {
            return Optional.of("\"" + value + "\": " + bean + " has no step " + method + " with "
                    + arguments.size() + " argument(s)");
        }
        return Optional.empty();
    }

    /** The values a property may set: its value, or a dropdown's choices. */
    private static List<String> values(JsonNode property) {
        List<String> values = new ArrayList<>();
        property.path("choices").forEach(c -> values.add(c.path("value").asText()));
        if (values.isEmpty() && property.has("value")) {
            values.add(property.path("value").asText());
        }
        return values;
    }

    /** Every element of the diagram that says it uses a template but differs from it, with resource and id. */
    List<String> problems(String resource, String xml) {
        List<String> problems = new ArrayList<>();
        for (Element element : ModelXml.elements(ModelXml.read(resource, xml), BPMN, "*")) {
            String id = ModelXml.attribute(element, CAMUNDA, "modelerTemplate");
            if (id == null) {
                continue;
            }
            String where = resource + ", " + element.getAttribute("id") + ": ";
            JsonNode template = templates.get(id);
            if (template == null) {
                problems.add(where + "camunda:modelerTemplate=\"" + id + "\" is no template of " + DIRECTORY);
                continue;
            }
            String version = ModelXml.attribute(element, CAMUNDA, "modelerTemplateVersion");
            if (version != null && !version.equals(template.path("version").asText())) {
                problems.add(where + "uses version " + version + " of " + id + ", which is at version "
                        + template.path("version").asText());
            }
            String type = "bpmn:" + Character.toUpperCase(element.getLocalName().charAt(0))
                    + element.getLocalName().substring(1);
            List<String> appliesTo = new ArrayList<>();
            template.path("appliesTo").forEach(t -> appliesTo.add(t.asText()));
            if (!appliesTo.contains(type)) {
                problems.add(where + id + " does not apply to a " + type);
            }
            for (JsonNode property : template.path("properties")) {
                bound(element, property).ifPresent(p -> problems.add(where + p));
            }
        }
        return problems;
    }

    private static Optional<String> bound(Element element, JsonNode property) {
        JsonNode binding = property.path("binding");
        String name = binding.path("name").asText();
        String actual;
        switch (binding.path("type").asText()) {
            case "property" -> actual = name.startsWith("camunda:")
                    ? ModelXml.attribute(element, CAMUNDA, name.substring("camunda:".length()))
                    : ModelXml.attribute(element, null, name);
            case "camunda:inputParameter" -> actual = ModelXml.elements(element.getOwnerDocument(), CAMUNDA,
                    "inputParameter").stream().filter(p -> p.getAttribute("name").equals(name))
                    .filter(p -> isInside(p, element)).map(p -> p.getTextContent().trim()).findFirst().orElse(null);
            default -> {
                return Optional.of("the binding " + binding.path("type").asText() + " (" + name
                        + ") is not checked here; check it or bind a property");
            }
        }
        List<String> allowed = values(property);
        if (allowed.isEmpty() ? actual == null : !allowed.contains(actual)) {
            return Optional.of(name + (actual == null ? " is missing" : "=\"" + actual + "\"")
                    + "; the template sets " + (allowed.isEmpty() ? "it" : String.join(" or ", allowed)));
        }
        return Optional.empty();
    }

    private static boolean isInside(Element node, Element ancestor) {
        for (Node n = node.getParentNode(); n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
