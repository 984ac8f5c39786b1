package com.helloword.aftersales.platform.paypal;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.AccessTokens;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ErrorBodies;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.Secret;

/**
 * The PayPal REST transport: OAuth 2 client credentials ({@code POST /v1/oauth2/token}, Basic
 * {@code client-id:client-secret}), bearer-token requests under the provider's rate limit, circuit
 * breaker and retries, and PayPal's error bodies ({@code name}, {@code message}, {@code debug_id},
 * {@code details[]} or {@code issues[]}; on the token endpoint {@code error}, {@code error_description})
 * turned into {@link ProviderFailure}s a person can act on. Also the webhook postback
 * {@code POST /v1/notifications/verify-webhook-signature}.
 */
@Component
class PaypalApi {

    static final String PROVIDER = "paypal";
    private static final int EXCERPT = 300;

    private final ProviderClient client;
    private final CredentialStore credentials;
    private final AccessTokens tokens;
    private final Clock clock;
    private final String baseUrl;

    PaypalApi(ProviderClients clients, CredentialStore credentials, Clock clock,
            @Value("${aftersales.providers.paypal.base-url:https://api-m.paypal.com}") String baseUrl) {
        this.client = clients.forProvider(PROVIDER);
        this.credentials = credentials;
        this.clock = clock;
        this.tokens = new AccessTokens(clock);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    Clock clock() {
        return clock;
    }

    ProviderClient client() {
        return client;
    }

    /**
     * One guarded operation with a bearer token of the credentials {@code ref}; the whole action is
     * repeated on a retry, so an action that changes something must first look whether it is done.
     */
    <T> T withToken(String operation, String ref, Function<String, T> action) {
        return client.callWithToken(operation, tokens, ref, () -> fetchToken(ref),
                token -> action.apply(token.reveal()));
    }

    /** A path and query under the base URL, e.g. {@code /v1/customer/disputes?page_size=50}. */
    URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    JsonNode get(String bearer, URI uri) {
        return client.parse(send("GET " + uri.getRawPath(), client.http().get().uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .accept(MediaType.APPLICATION_JSON)));
    }

    JsonNode postJson(String bearer, String path, Object body, String requestId) {
        return client.parse(send("POST " + path, client.http().post().uri(uri(path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .header("PayPal-Request-Id", requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(client.toJson(body))));
    }

    /** A {@code multipart/form-data} request whose JSON goes in the part named {@code input}. */
    JsonNode postMultipart(String bearer, String path, Object input, String requestId) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.APPLICATION_JSON);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("input", new HttpEntity<>(client.toJson(input).getBytes(StandardCharsets.UTF_8), partHeaders));
        return client.parse(send("POST " + path, client.http().post().uri(uri(path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .header("PayPal-Request-Id", requestId)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .accept(MediaType.APPLICATION_JSON)
                .body(parts)));
    }

    /** The signature headers PayPal sends with each webhook delivery. */
    record SignatureHeaders(String authAlgo, String certUrl, String transmissionId, String transmissionSig,
            String transmissionTime) {
    }

    /** The postback body; the event goes in verbatim, as received, so nothing re-serialised can differ. */
    private record VerifyRequest(@JsonProperty("auth_algo") String authAlgo,
            @JsonProperty("cert_url") String certUrl,
            @JsonProperty("transmission_id") String transmissionId,
            @JsonProperty("transmission_sig") String transmissionSig,
            @JsonProperty("transmission_time") String transmissionTime,
            @JsonProperty("webhook_id") String webhookId,
            @JsonProperty("webhook_event") @JsonRawValue String webhookEvent) {
    }

    /**
     * Asks PayPal whether it sent this event to the webhook configured as {@code webhook-id} of
     * {@code ref}. {@code rawEvent} must be one JSON object (the caller has parsed it).
     */
    boolean verifyWebhookSignature(String ref, SignatureHeaders headers, String rawEvent) {
        String webhookId = credentials.require(PROVIDER, ref, "webhook-id").reveal();
        VerifyRequest request = new VerifyRequest(headers.authAlgo(), headers.certUrl(), headers.transmissionId(),
                headers.transmissionSig(), headers.transmissionTime(), webhookId, rawEvent);
        String path = "/v1/notifications/verify-webhook-signature";
        return withToken("verifyWebhookSignature", ref, bearer -> {
            JsonNode answer = client.parse(send("POST " + path, client.http().post().uri(uri(path))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(client.toJson(request))));
            return "SUCCESS".equals(client.require(answer, "/verification_status").asText());
        });
    }

    private AccessTokens.Token fetchToken(String ref) {
        Secret id = credentials.require(PROVIDER, ref, "client-id");
        Secret secret = credentials.require(PROVIDER, ref, "client-secret");
        String basic = Base64.getEncoder().encodeToString((id.reveal() + ":" + secret.reveal())
                .getBytes(StandardCharsets.UTF_8));
        String path = "/v1/oauth2/token";
        JsonNode answer = client.parse(send("POST " + path + " for " + ref, client.http().post().uri(uri(path))
                .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body("grant_type=client_credentials")));
        String token = client.require(answer, "/access_token").asText();
        long expiresIn = client.require(answer, "/expires_in").asLong();
        if (expiresIn <= 0) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "token for " + ref + " expires at once ("
                    + "expires_in " + answer.path("expires_in").asText() + ")");
        }
        return new AccessTokens.Token(new Secret(token), clock.instant().plusSeconds(expiresIn));
    }

    /** Sends a request; the body of a 2xx answer, or a failure in PayPal's words. */
    private String send(String what, RestClient.RequestHeadersSpec<?> request) {
        try {
            return request.exchange((req, response) -> {
                int status = response.getStatusCode().value();
                String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                if (status >= 200 && status < 300) {
                    return body;
                }
                throw failure(what, status, response.getHeaders(), body);
            });
        } catch (ResourceAccessException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new ProviderFailure(PROVIDER, Kind.TIMEOUT, 0, what + ": no answer in time", null, e);
            }
            String how = cause instanceof ConnectException ? "cannot connect" : "connection failed";
            throw new ProviderFailure(PROVIDER, Kind.UNAVAILABLE, 0, what + ": " + how + ": "
                    + (cause == null ? e.getMessage() : cause.getMessage()), null, e);
        }
    }

    static ProviderFailure failure(String what, int status, HttpHeaders headers, String body) {
        String detail = what + " answered HTTP " + status + ": " + describe(body, headers.getFirst("Paypal-Debug-Id"));
        if (status == 429) {
            return new ProviderFailure(PROVIDER, Kind.RATE_LIMITED, status, "rate limited, " + detail,
                    retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)), null);
        }
        if (status == 401) {
            return new ProviderFailure(PROVIDER, Kind.UNAUTHORIZED, status, "credentials refused, " + detail);
        }
        if (status == 403) {
            // scopes are fixed when a token is issued: one refresh picks up a newly enabled Disputes feature
            return new ProviderFailure(PROVIDER, Kind.UNAUTHORIZED, status, "not permitted (is the Disputes "
                    + "feature enabled for the app, and is it the seller's own dispute?), " + detail);
        }
        if (status == 408) {
            return new ProviderFailure(PROVIDER, Kind.TIMEOUT, status, detail);
        }
        if (status >= 500) {
            return new ProviderFailure(PROVIDER, Kind.UNAVAILABLE, status, "server error, " + detail,
                    retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)), null);
        }
        return new ProviderFailure(PROVIDER, Kind.REJECTED, status, "refused, " + detail);
    }

    /**
     * PayPal's error body in one line: {@code NAME: message; ISSUE: description (field) …
     * [debug_id …]}, or the OAuth form {@code error: error_description}, or an excerpt of anything else.
     */
    static String describe(String body, String debugHeader) {
        JsonNode error = ErrorBodies.json(body);
        if (error == null || !error.isObject()) {
            return ErrorBodies.excerpt(body, EXCERPT) + (debugHeader == null ? "" : " [debug_id " + debugHeader + "]");
        }
        if (error.hasNonNull("error") && !error.hasNonNull("name")) {
            return error.path("error").asText() + ": " + error.path("error_description").asText("(no description)");
        }
        StringBuilder text = new StringBuilder();
        text.append(error.path("name").asText("ERROR"));
        if (error.hasNonNull("message")) {
            text.append(": ").append(error.path("message").asText());
        }
        List<String> issues = new ArrayList<>();
        for (String array : List.of("details", "issues")) {
            for (JsonNode issue : error.path(array)) {
                StringBuilder line = new StringBuilder(issue.path("issue").asText("?"));
                if (issue.hasNonNull("description")) {
                    line.append(": ").append(issue.path("description").asText());
                }
                if (issue.hasNonNull("field")) {
                    line.append(" (").append(issue.path("field").asText()).append(')');
                }
                issues.add(line.toString());
            }
        }
        if (!issues.isEmpty()) {
            text.append("; ").append(String.join("; ", issues));
        }
        String debugId = error.path("debug_id").asText(debugHeader);
        if (debugId != null) {
            text.append(" [debug_id ").append(debugId).append(']');
        }
        return text.toString();
    }

    /** PayPal does not promise {@code Retry-After}; when it is there it is taken as seconds. */
    private static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
