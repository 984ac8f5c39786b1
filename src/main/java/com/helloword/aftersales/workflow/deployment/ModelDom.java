package com.helloword.aftersales.workflow.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.model.xml.ModelInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The W3C DOM of a model read by Camunda's model API (which parses it safely), for walking every node. */
final class ModelDom {

    private ModelDom() {
    }

    /**
     * The document {@code read} parses, or null with the reason added to {@code problems}; a document type
     * declaration (entities could hide an expression) is a problem too.
     */
    static Document read(String resource, String kind, Supplier<ModelInstance> read, List<String> problems) {
        Document document;
        try {
            document = (Document) read.get().getDocument().getDomSource().getNode();
        } catch (RuntimeException e) {
            problems.add(resource + ": not a " + kind + " model (" + e.getMessage() + ")");
            return null;
        }
        if (document.getDoctype() != null) {
            problems.add(resource + ": a document type declaration is not allowed");
        }
        return document;
    }

    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                children.add((Element) child);
            }
        }
        return children;
    }

    /** The element's own text, its text and CDATA parts joined as the engine reads them. */
    static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(child.getNodeValue());
                case Node.ENTITY_REFERENCE_NODE -> text.append(child.getTextContent());
                default -> { }
            }
        }
        return text.toString();
    }

    /** The id of the element or of its nearest ancestor with one, for messages. */
    static String where(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (e.hasAttribute("id")) {
                return e.getAttribute("id");
            }
        }
        return element.getLocalName();
    }

    static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }
}
