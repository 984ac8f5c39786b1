package com.helloword.aftersales.platform.amazon;

import static com.helloword.aftersales.platform.amazon.AmazonAdapter.PROVIDER;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.AccessTokens;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.Secret;
import com.helloword.aftersales.platform.StoreConnection;

/**
 * The Selling Partner API request plumbing every part of the Amazon adapter shares: the Login with Amazon access
 * token (refresh-token grant, cached, renewed once when Amazon refuses it) under the seller account's guards,
 * requests with {@code x-amz-access-token} and {@code User-Agent}, SP-API error bodies as {@link ProviderFailure}s
 * ({@link SpApiErrors}), and the store's ids and the request values every call checks the same way.
 */
final class SpApi {

    static final String ACCESS_TOKEN_HEADER = "x-amz-access-token";

    private static final MediaType FORM = MediaType.valueOf("application/x-www-form-urlencoded;charset=UTF-8");
    private static final MediaType HAL_JSON = MediaType.valueOf("application/hal+json");
    private static final long TOKEN_SECONDS = 3600;

    /** The app's LWA client and the seller's refresh token; prints as stars. */
    record LwaCredentials(Secret clientId, Secret clientSecret, Secret refreshToken) {
    }

    private final ProviderClient client;
    private final RestClient amazon;
    private final CredentialStore credentials;
    private final AccessTokens tokens;
    private final Clock clock;
    private final String tokenUrl;
    private final String userAgent;

    SpApi(ProviderClient client, CredentialStore credentials, Clock clock, String tokenUrl, String userAgent) {
        this.client = client;
        this.amazon = client.http().mutate().requestInterceptor(new SpApiErrors(PROVIDER)).build();
        this.credentials = credentials;
        this.tokens = new AccessTokens(clock);
        this.clock = clock;
        this.tokenUrl = tokenUrl;
        this.userAgent = userAgent;
    }

    ProviderClient client() {
        return client;
    }

    /** The HTTP client with Amazon's error bodies turned into failures, for a request that carries no token. */
    RestClient http() {
        return amazon;
    }

    String userAgent() {
        return userAgent;
    }

    /** Runs {@code action} with the store's access token; an expired or revoked token is renewed once. */
    <T> T withToken(String operation, StoreConnection store, Function<Secret, T> action) {
        return withToken(operation, store, true, action);
    }

    /** As above; an unrepeatable operation is retried inline only when Amazon certainly did not receive it. */
    <T> T withToken(String operation, StoreConnection store, boolean repeatable, Function<Secret, T> action) {
        if (store.apiBaseUrl() == null || store.apiBaseUrl().isBlank()) {
            throw refused("store " + store.storeId() + " has no SP-API endpoint (apiBaseUrl)");
        }
        LwaCredentials lwa = new LwaCredentials(
                credentials.require(PROVIDER, store.credentialsRef(), "client-id"),
                credentials.require(PROVIDER, store.credentialsRef(), "client-secret"),
                credentials.require(PROVIDER, store.credentialsRef(), "refresh-token"));
        Supplier<T> call = client.authorized(tokens, store.credentialsRef(), () -> accessToken(lwa), action);
        // SP-API quotas are per selling partner: each seller account has its own guards
        return repeatable ? client.call(store.credentialsRef(), operation, call)
                : client.callUnrepeatable(store.credentialsRef(), operation, call);
    }

    /** Login with Amazon, refresh-token grant; the answer's {@code expires_in} is in seconds (usually 3600). */
    private AccessTokens.Token accessToken(LwaCredentials lwa) {
        String form = "grant_type=refresh_token"
                + "&refresh_token=" + formValue(lwa.refreshToken().reveal())
                + "&client_id=" + formValue(lwa.clientId().reveal())
                + "&client_secret=" + formValue(lwa.clientSecret().reveal());
        JsonNode answer = client.json(amazon.post().uri(URI.create(tokenUrl))
                .header(HttpHeaders.USER_AGENT, userAgent)
                .accept(MediaType.APPLICATION_JSON)
                .contentType(FORM)
                .body(form));
        JsonNode token = answer.path("access_token");
        if (!token.isTextual() || token.asText().isBlank()) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "Login with Amazon answered without access_token");
        }
        long seconds = answer.path("expires_in").asLong(TOKEN_SECONDS);
        return new AccessTokens.Token(new Secret(token.asText()),
                clock.instant().plusSeconds(seconds > 0 ? seconds : TOKEN_SECONDS));
    }

    /** A request with the token; a body goes as JSON. */
    RestClient.RequestHeadersSpec<?> request(HttpMethod method, URI uri, Secret token, Object body) {
        RestClient.RequestBodySpec spec = amazon.method(method).uri(uri)
                .header(ACCESS_TOKEN_HEADER, token.reveal())
                .header(HttpHeaders.USER_AGENT, userAgent)
                .accept(MediaType.APPLICATION_JSON, HAL_JSON);
        return body == null ? spec : spec.contentType(MediaType.APPLICATION_JSON).body(client.toJson(body));
    }

    /** A GET with the token, its answer as JSON. */
    JsonNode get(URI uri, Secret token) {
        return client.json(request(HttpMethod.GET, uri, token, null));
    }

    static URI uri(StoreConnection store, String path) {
        return URI.create(store.apiBaseUrl() + path);
    }

    static URI uri(StoreConnection store, String path, String query) {
        return URI.create(store.apiBaseUrl() + path + "?" + query);
    }

    static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw refused("the request has no " + what);
        }
        return value;
    }

    static String marketplaceId(StoreConnection store) {
        if (store.marketplaceId() == null || store.marketplaceId().isBlank()) {
            throw refused("store " + store.storeId() + " has no Amazon marketplace id");
        }
        return store.marketplaceId();
    }

    static String sellerId(StoreConnection store) {
        if (store.accountId() == null || store.accountId().isBlank()) {
            throw refused("store " + store.storeId() + " has no Amazon seller id (accountId)");
        }
        return store.accountId();
    }

    /** A field's text, stripped; null when it is missing, no text or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    /** Percent-encodes a path segment or query value; SKUs may hold '/', '+', spaces and other reserved signs. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String formValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static ProviderFailure refused(String why) {
        return new ProviderFailure(PROVIDER, Kind.REJECTED, 0, why);
    }
}
