package com.helloword.aftersales.workflow.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.model.dmn.Dmn;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A DMN resource: FEEL only. Any other expression language ({@code juel}, {@code javascript}, {@code groovy})
 * on the definitions, an input, an output, a rule's entry or a literal decision would run with the engine's
 * expression manager or a script engine. FEEL itself cannot reach Java: Camunda builds its FEEL engine with
 * external functions turned off.
 */
final class DmnCheck {

    /** The names the DMN engine takes for FEEL (its own constants live in an internal package). */
    private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
            "http://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20191111/feel/",
            "https://www.omg.org/spec/dmn/20211108/feel/", "https://www.omg.org/spec/dmn/20230324/feel/");

    private DmnCheck() {
    }

    static List<String> problems(String resource, byte[] content) {
        List<String> problems = new ArrayList<>();
        Document document = ModelDom.read(resource, "DMN",
                () -> Dmn.readModelFromStream(new ByteArrayInputStream(content)), problems);
        if (document != null) {
            check(resource, document.getDocumentElement(), problems);
        }
        return problems;
    }

    private static void check(String resource, Element element, List<String> problems) {
        String language = element.getAttributeNode("expressionLanguage") == null ? null
                : element.getAttribute("expressionLanguage");
        if (language != null && !FEEL.contains(language.trim().toLowerCase(Locale.ROOT))) {
            problems.add(resource + ", " + ModelDom.where(element) + ": expressionLanguage=\"" + language
                    + "\" is not allowed; decisions use FEEL");
        }
        for (Element child : ModelDom.children(element)) {
            check(resource, child, problems);
        }
    }
}
