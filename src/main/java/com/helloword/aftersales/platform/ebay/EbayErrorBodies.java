package com.helloword.aftersales.platform.ebay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.ErrorBodies;

/**
 * Rewrites eBay's error bodies into one readable line before the provider client quotes them in a failure, so an
 * incident says "eBay error 34917: This order was already refunded." instead of a cut-off JSON excerpt. Understood
 * forms: RESTful APIs {@code {"errors":[…]}}; Post-Order {@code {"errorMessage":{"error":[…]}}} and
 * {@code {"error":[…]}}; OAuth {@code {"error":"invalid_grant","error_description":"…"}}. Any other body passes
 * unchanged, and status and headers ({@code Retry-After}) are never touched.
 */
final class EbayErrorBodies implements ClientHttpRequestInterceptor {


    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        if (response.getStatusCode().value() < 400) {
            return response;
        }
        byte[] raw = response.getBody().readAllBytes();
        String readable = describe(new String(raw, StandardCharsets.UTF_8));
        return new Rewritten(response, readable == null ? raw : readable.getBytes(StandardCharsets.UTF_8));
    }

    /** eBay's errors as one line, or null when the body is not one of eBay's error forms. */
    static String describe(String body) {
        JsonNode root = ErrorBodies.object(body);
        if (root == null) {
            return null;
        }
        JsonNode errors = root.at("/errorMessage/error");
        if (errors.isMissingNode()) {
            errors = root.has("errors") ? root.path("errors") : root.path("error");
        }
        if (errors.isTextual()) {
            String description = root.path("error_description").asText("");
            return "eBay OAuth " + errors.asText() + (description.isBlank() ? "" : ": " + description);
        }
        return describeErrors(errors);
    }

    /** A list of eBay error objects (errorId, message, longMessage) as one line, or null when there are none. */
    static String describeErrors(JsonNode errors) {
        List<String> lines = new ArrayList<>();
        for (JsonNode error : errors.isObject() ? List.of(errors) : errors) {
            String message = error.path("message").asText("").strip();
            String longMessage = error.path("longMessage").asText("").strip();
            StringBuilder line = new StringBuilder("eBay error");
            if (error.hasNonNull("errorId")) {
                line.append(' ').append(error.path("errorId").asText());
            }
            line.append(": ").append(message.isEmpty() ? longMessage : message);
            if (!message.isEmpty() && !longMessage.isEmpty() && !longMessage.equals(message)) {
                line.append(" (").append(longMessage).append(')');
            }
            lines.add(line.toString());
        }
        return lines.isEmpty() ? null : String.join("; ", lines);
    }

    /** The same response with another body. */
    private static final class Rewritten implements ClientHttpResponse {

        private final ClientHttpResponse original;
        private final byte[] body;

        Rewritten(ClientHttpResponse original, byte[] body) {
            this.original = original;
            this.body = body;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return original.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return original.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return original.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            original.close();
        }
    }
}
