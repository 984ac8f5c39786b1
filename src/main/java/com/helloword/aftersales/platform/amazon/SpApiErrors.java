package com.helloword.aftersales.platform.amazon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.ErrorBodies;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;

/**
 * Reads Amazon's error answers before {@link com.helloword.aftersales.integration.ProviderClient} sees them, because
 * Amazon does not say everything with the status code: an expired or revoked access token comes back as
 * {@code 403 {"errors":[{"code":"Unauthorized","details":"The access token you provided has expired."}]}} (not 401),
 * throttling is {@code 429 QuotaExceeded} without {@code Retry-After}, and Login with Amazon answers a refused refresh
 * token with {@code 400 {"error":"invalid_grant"}}. Every non-2xx answer becomes a {@link ProviderFailure} carrying
 * Amazon's own words and its request id; transport errors (timeouts, refused connections) pass through untouched.
 */
final class SpApiErrors implements ClientHttpRequestInterceptor {

    /** One entry of SP-API's {@code {"errors": [...]}}; {@code details} is optional and often empty. */
    record SpApiError(String code, String message, String details) {

        String describe() {
            String text = (code.isEmpty() ? "" : code + ": ") + message;
            return details.isBlank() ? text : text + " (" + details + ")";
        }
    }

    static final String REQUEST_ID = "x-amzn-RequestId";
    static final String RATE_LIMIT = "x-amzn-RateLimit-Limit";

    private static final Set<String> REFUSED_GRANTS = Set.of("invalid_grant", "invalid_client", "unauthorized_client");
    private static final int EXCERPT = 300;

    private final String provider;

    SpApiErrors(String provider) {
        this.provider = provider;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        int status = response.getStatusCode().value();
        if (status < 400) {
            return response;
        }
        HttpHeaders headers = response.getHeaders();
        String text;
        try (response) {
            text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        }
        throw failure(status, headers, text);
    }

    ProviderFailure failure(int status, HttpHeaders headers, String body) {
        List<SpApiError> errors = errors(body);
        JsonNode lwa = lwaError(body);
        String said = !errors.isEmpty() ? errors.stream().map(SpApiError::describe).collect(Collectors.joining("; "))
                : lwa != null ? lwa.path("error").asText() + ": " + lwa.path("error_description").asText("")
                : ErrorBodies.excerpt(body, EXCERPT);
        String requestId = headers.getFirst(REQUEST_ID);
        String detail = "HTTP " + status + " " + said + (requestId == null ? "" : " [request " + requestId + "]");
        if (status == 429 || errors.stream().anyMatch(e -> "QuotaExceeded".equals(e.code()))) {
            return new ProviderFailure(provider, Kind.RATE_LIMITED, status, "throttled by Amazon, " + detail,
                    waitForOneToken(headers.getFirst(RATE_LIMIT)), null);
        }
        if (lwa != null && REFUSED_GRANTS.contains(lwa.path("error").asText())) {
            return new ProviderFailure(provider, Kind.UNAUTHORIZED, status, "Login with Amazon refused the app's "
                    + "credentials, " + detail + "; authorize the app again in Seller Central and store the new "
                    + "refresh token");
        }
        if (status == 401 || (status == 403 && accessRefused(errors))) {
            return new ProviderFailure(provider, Kind.UNAUTHORIZED, status, "access refused (expired or revoked "
                    + "token, or the app lacks the role for this operation), " + detail);
        }
        if (status == 408) {
            return new ProviderFailure(provider, Kind.TIMEOUT, status, detail);
        }
        if (status >= 500) {
            return new ProviderFailure(provider, Kind.UNAVAILABLE, status, "server error, " + detail);
        }
        return new ProviderFailure(provider, Kind.REJECTED, status, "request refused, " + detail);
    }

    /**
     * A 403 about the token or access as such; other 403s keep their meaning (the Messaging API answers an action
     * not allowed for the order with 403 "Invalid amazonOrderId and template combination.").
     */
    private static boolean accessRefused(List<SpApiError> errors) {
        if (errors.isEmpty()) {
            return true;
        }
        return errors.stream().map(e -> (e.message() + " " + e.details()).toLowerCase(Locale.ROOT))
                .anyMatch(text -> text.contains("token") || text.contains("access to requested resource is denied"));
    }

    /**
     * Amazon sends no {@code Retry-After}; when it names the rate of the usage plan, one token of the bucket is
     * back after 1/rate seconds. Without it the client's own backoff applies.
     */
    static Duration waitForOneToken(String rateLimit) {
        if (rateLimit == null || rateLimit.isBlank()) {
            return null;
        }
        try {
            double perSecond = Double.parseDouble(rateLimit.trim());
            return perSecond > 0 ? Duration.ofMillis((long) Math.ceil(1000 / perSecond)) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** SP-API's {@code errors} list of an answer, or an empty list when the answer has none (or is no JSON). */
    static List<SpApiError> errors(String body) {
        List<SpApiError> errors = new ArrayList<>();
        JsonNode node = ErrorBodies.json(body);
        if (node != null) {
            for (JsonNode error : node.path("errors")) {
                errors.add(new SpApiError(error.path("code").asText(""), error.path("message").asText(""),
                        error.path("details").asText("")));
            }
        }
        return errors;
    }

    private static JsonNode lwaError(String body) {
        JsonNode node = ErrorBodies.json(body);
        return node != null && node.path("error").isTextual() ? node : null;
    }
}
