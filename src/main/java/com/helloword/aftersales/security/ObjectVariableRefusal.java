package com.helloword.aftersales.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.web.CachedBodyRequest;

/**
 * Refuses {@code Object}-typed variables on the engine's REST API ({@code /engine-rest/*}) and on the one
 * the webapps call ({@code /camunda/api/engine/*}) with a 400. Such a variable names a Java class the
 * engine instantiates when the variable is read: with {@code "objectTypeName":"java.lang.ProcessBuilder"}
 * the engine stores it (204) and every later read fails with a 500, and serialized Java
 * ({@code application/x-java-serialized-object}) is refused by the engine only with a 500. Nothing this
 * application does takes an Object variable over HTTP: Tasklist's forms send String, Boolean, Long, Date
 * and Json values. The check is on the body, so it covers every path that takes variables (start, task
 * complete, variable PUT and modifications, message correlation, signals, ...), and a binary variable's
 * multipart {@code valueType}.
 */
class ObjectVariableRefusal extends OncePerRequestFilter {

    static final String REASON = "Variables of type Object are not accepted: they name a Java class the engine "
            + "would instantiate. Send the value as type Json (or String, Boolean, Long, Double, Date).";

    private static final Pattern MULTIPART_OBJECT = Pattern.compile(
            "name=\"?valueType\"?[^\\n]*\\n(?:[^\\n]+\\n)*?\\r?\\n\\s*object\\s*(\\r?\\n|--)",
            Pattern.CASE_INSENSITIVE);
    /**
     * The engine's older form of a binary variable upload: a part named {@code type} names the Java class a
     * JSON {@code data} part is read into. Nothing of ours sends it; it is refused whatever it names.
     */
    private static final Pattern MULTIPART_LEGACY_TYPE = Pattern.compile(
            "content-disposition:[^\\n]*\\bname=\"?type\"?\\s*(;|\\r?\\n)", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json;

    ObjectVariableRefusal(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        boolean multipart = contentType.startsWith("multipart/");
        if (!multipart && !contentType.isEmpty() && !contentType.contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        boolean refused = multipart
                ? namesAnObject(new String(body, StandardCharsets.ISO_8859_1))
                : namesAnObject(body);
        if (refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(json.writeValueAsBytes(Map.of("type", "InvalidRequestException",
                    "message", REASON, "code", 0)));
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean namesAnObject(String multipart) {
        return MULTIPART_OBJECT.matcher(multipart).find() || MULTIPART_LEGACY_TYPE.matcher(multipart).find();
    }

    private boolean namesAnObject(byte[] body) {
        if (body.length == 0) {
            return false;
        }
        try {
            return namesAnObject(json.readTree(body));
        } catch (JsonProcessingException notJson) {
            return false; // the engine answers that with its own 400
        } catch (IOException e) {
            return false;
        }
    }

    /** Any object in the tree typed Object, or carrying serialized Java, wherever it sits. */
    private static boolean namesAnObject(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type != null && type.isTextual() && type.asText().trim().equalsIgnoreCase("object")) {
                return true;
            }
            JsonNode format = node.get("serializationDataFormat");
            if (format != null && format.isTextual()
                    && format.asText().toLowerCase().contains("x-java-serialized-object")) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (namesAnObject(child)) {
                return true;
            }
        }
        return false;
    }
}
