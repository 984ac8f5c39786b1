package com.helloword.aftersales.workflow.deployment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Camunda Form ({@code .form}): JSON whose components are form fields and text. Components that put a
 * designer's HTML, a foreign page or a picture from elsewhere into the agents' Tasklist ({@code html},
 * {@code iframe}, {@code image}, {@code script}) are refused, as are kinds this check does not know.
 */
final class FormCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COMPONENTS = Set.of("default", "text", "textfield", "textarea", "number",
            "checkbox", "checklist", "radio", "select", "taglist", "datetime", "group", "dynamiclist", "separator",
            "spacer");

    private FormCheck() {
    }

    static List<String> problems(String resource, byte[] content) {
        JsonNode form;
        try {
            form = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return List.of(resource + ": not a Camunda Form (not JSON: " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            return List.of(resource + ": not a Camunda Form (" + e.getMessage() + ")");
        }
        if (form == null || !form.isObject()) {
            return List.of(resource + ": not a Camunda Form (no JSON object)");
        }
        List<String> problems = new ArrayList<>();
        check(resource, form, problems);
        return problems;
    }

    private static void check(String resource, JsonNode component, List<String> problems) {
        String type = component.path("type").asText("");
        if (!COMPONENTS.contains(type)) {
            problems.add(resource + ", " + component.path("id").asText("(no id)") + ": the form component type \""
                    + type + "\" is not allowed; forms use fields and text (" + String.join(", ",
                            COMPONENTS.stream().filter(t -> !t.equals("default")).sorted().toList()) + ")");
        }
        JsonNode children = component.path("components");
        if (!children.isMissingNode() && !children.isArray()) {
            problems.add(resource + ", " + component.path("id").asText("(no id)") + ": components is not a list");
        }
        for (JsonNode child : children) {
            if (child.isObject()) {
                check(resource, child, problems);
            } else {
                problems.add(resource + ": a form component is not a JSON object");
            }
        }
    }
}
