package com.helloword.aftersales.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reading a provider's error body, whatever it turned out to be: every adapter turns refusals into readable
 * {@link ProviderFailure} messages from bodies that may be JSON of the provider's own error form, HTML of a
 * gateway, or nothing. One home for the lenient reading, so no adapter throws while explaining a failure.
 */
public final class ErrorBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBodies() {
    }

    /** The body as JSON, or null when it is empty or no JSON at all. */
    public static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** The body as a JSON object, or null when it is anything else (empty, an array, no JSON). */
    public static JsonNode object(String body) {
        JsonNode root = json(body);
        return root != null && root.isObject() ? root : null;
    }

    /** The body on one line, cut after {@code max} characters, for a failure's message. */
    public static String excerpt(String body, int max) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
