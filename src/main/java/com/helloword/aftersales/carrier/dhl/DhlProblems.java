package com.helloword.aftersales.carrier.dhl;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.ErrorBodies;
import com.helloword.aftersales.integration.ProviderFailure;

/**
 * DHL's error answers made readable. Both the Shipment Tracking – Unified API (1.5.x) and the Parcel DE
 * Returns API (1.1.0) answer errors with RFC 7807 problem details ({@code title}, {@code status},
 * {@code detail}, {@code instance}); the Parcel DE APIs may also put that object under {@code status} or
 * {@code sstatus}. {@link com.helloword.aftersales.integration.ProviderClient} reports a refused request
 * with an excerpt of the raw body; this keeps its kind, status and {@code Retry-After} and says DHL's
 * title and detail instead, prefixed with what we were doing.
 */
final class DhlProblems {


    private DhlProblems() {
    }

    /** The failure with {@code context} in front and, for an HTTP error, DHL's title and detail. */
    static ProviderFailure readable(ProviderFailure failure, String context) {
        String provider = failure.provider();
        String message = failure.getMessage();
        String own = message.startsWith(provider + ": ") ? message.substring(provider.length() + 2) : message;
        String said = own;
        int status = failure.httpStatus();
        String marker = "HTTP " + status + ": ";
        int at = own.indexOf(marker);
        if (status >= 300 && at >= 0) {
            String problem = describe(own.substring(at + marker.length()));
            if (problem != null) {
                said = own.substring(0, at) + "HTTP " + status + " " + problem;
            }
        }
        return new ProviderFailure(provider, failure.kind(), status, context + ": " + said, failure.retryAfter(),
                failure);
    }

    /**
     * "title: detail" of a problem body, or null when the body is no problem object (then the raw excerpt
     * stays, which is also what happens to a body cut short by the excerpt).
     */
    static String describe(String body) {
        JsonNode root = ErrorBodies.object(body);
        if (root == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode problem : new JsonNode[] {root, root.path("status"), root.path("sstatus")}) {
            if (problem.isObject()) {
                add(parts, text(problem, "title"), text(problem, "detail"));
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static void add(List<String> parts, String title, String detail) {
        String said;
        if (detail == null) {
            said = title;
        } else if (title == null || detail.toLowerCase().startsWith(title.toLowerCase())) {
            // DHL often repeats the title at the start of the detail ("Bad Request - The request …")
            said = detail;
        } else {
            said = title + ": " + detail;
        }
        if (said != null && !parts.contains(said)) {
            parts.add(said);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
