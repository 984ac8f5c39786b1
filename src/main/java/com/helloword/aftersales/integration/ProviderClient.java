package com.helloword.aftersales.integration;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * Everything an adapter needs to call one provider: an HTTP client with timeouts, and a guard
 * around each operation (rate limiter at the provider's documented rate, inside a circuit breaker,
 * inside retries with backoff that honour {@code Retry-After}). Responses become JSON or a
 * {@link ProviderFailure} that says what happened.
 */
public final class ProviderClient {

    private static final int EXCERPT = 300;

    private final String provider;
    private final ProviderSettings settings;
    private final RestClient http;
    private final ObjectMapper objectMapper;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RateLimiterRegistry rateLimiters;
    private final Map<String, Guards> partitions = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    /**
     * The rate limiter, circuit breaker and retry policies of one partition: the whole provider, or
     * one store or seller account where the provider limits and fails per account (a Shopify shop is
     * its own host with its own cost bucket; one shop being down must not stop the others).
     */
    private record Guards(Retry retry, Retry unrepeatableRetry, CircuitBreaker circuitBreaker,
            RateLimiter rateLimiter) {
    }

    public ProviderClient(String provider, ProviderSettings settings, ObjectMapper objectMapper,
            RetryRegistry retries, CircuitBreakerRegistry circuitBreakers, RateLimiterRegistry rateLimiters,
            MeterRegistry meters) {
        this.provider = provider;
        this.meters = meters;
        this.settings = settings;
        this.objectMapper = objectMapper;
        // HTTP/1.1: every provider speaks it, and plain-http endpoints (sandbox, tests) get no h2c upgrade round trip
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout()).build());
        requestFactory.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder().requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.USER_AGENT, "helloword-aftersales/0.1 (Language=Java/17)").build();
        this.retries = retries;
        this.circuitBreakers = circuitBreakers;
        this.rateLimiters = rateLimiters;
    }

    private Guards guards(String partition) {
        return partitions.computeIfAbsent(partition, p -> {
            String name = p.isEmpty() ? provider : provider + "/" + p;
            return new Guards(
                    retries.retry(name, RetryConfig.custom()
                            .maxAttempts(settings.maxAttempts())
                            .retryOnException(this::worthRetrying)
                            .intervalBiFunction((attempt, outcome) -> waitBefore(attempt,
                                    outcome.isLeft() ? outcome.getLeft() : null).toMillis())
                            .build()),
                    retries.retry(name + "-unrepeatable", RetryConfig.custom()
                            .maxAttempts(settings.maxAttempts())
                            .retryOnException(e -> worthRetrying(e) && ((ProviderFailure) e).certainlyNotProcessed())
                            .intervalBiFunction((attempt, outcome) -> waitBefore(attempt,
                                    outcome.isLeft() ? outcome.getLeft() : null).toMillis())
                            .build()),
                    circuitBreakers.circuitBreaker(name, CircuitBreakerConfig.custom()
                            .failureRateThreshold(settings.failureRateThreshold())
                            .minimumNumberOfCalls(10)
                            .slidingWindowSize(20)
                            .waitDurationInOpenState(settings.openStateWait())
                            .recordException(e -> e instanceof ProviderFailure f && f.retryable()
                                    && f.kind() != ProviderFailure.Kind.RATE_LIMITED)
                            .build()),
                    rateLimiters.rateLimiter(name, rateLimiterConfig(settings)));
        });
    }

    private static RateLimiterConfig rateLimiterConfig(ProviderSettings settings) {
        double perSecond = settings.requestsPerSecond();
        // below one request per second the period grows instead (DHL allows one call every five seconds)
        int permits = perSecond >= 1 ? (int) Math.floor(perSecond) : 1;
        Duration period = perSecond >= 1 ? Duration.ofSeconds(1) : Duration.ofMillis(Math.round(1000 / perSecond));
        return RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(period)
                .timeoutDuration(settings.permitWait()).build();
    }

    public String provider() {
        return provider;
    }

    public RestClient http() {
        return http;
    }

    /** Runs one operation under the provider's rate limit, circuit breaker and retry policy. */
    public <T> T call(String operation, Supplier<T> action) {
        return call("", operation, action);
    }

    /** Like {@link #call}, under the guards of one partition (a store or seller account) of the provider. */
    public <T> T call(String partition, String operation, Supplier<T> action) {
        Guards guards = guards(partition);
        return guarded(operation, action, guards, guards.retry());
    }

    /**
     * Like {@link #call}, for an operation that must not run twice and that the provider cannot
     * de-duplicate (a label, a message): retried inline only when the provider certainly did not act
     * (429, no connection); after a timeout or 5xx the failure goes to the caller, whose record of
     * what was done decides.
     */
    public <T> T callUnrepeatable(String operation, Supplier<T> action) {
        return callUnrepeatable("", operation, action);
    }

    /** {@link #callUnrepeatable} under the guards of one partition of the provider. */
    public <T> T callUnrepeatable(String partition, String operation, Supplier<T> action) {
        Guards guards = guards(partition);
        return guarded(operation, action, guards, guards.unrepeatableRetry());
    }

    private <T> T guarded(String operation, Supplier<T> action, Guards guards, Retry policy) {
        Supplier<T> guarded = RateLimiter.decorateSupplier(guards.rateLimiter(), action);
        guarded = CircuitBreaker.decorateSupplier(guards.circuitBreaker(), guarded);
        guarded = Retry.decorateSupplier(policy, guarded);
        try {
            return guarded.get();
        } catch (RequestNotPermitted e) {
            throw counted(new ProviderFailure(provider, ProviderFailure.Kind.RATE_LIMITED, 0, operation
                    + ": our own limit of " + settings.requestsPerSecond() + " requests/s is used up", null, e));
        } catch (CallNotPermittedException e) {
            throw counted(new ProviderFailure(provider, ProviderFailure.Kind.UNAVAILABLE, 0, operation
                    + ": not called, it failed too often lately; trying again after " + settings.openStateWait(),
                    null, e));
        } catch (ProviderFailure e) {
            throw counted(e);
        }
    }

    /** A call that failed after its retries: counted per provider and kind ({@code aftersales.provider.failures}). */
    private ProviderFailure counted(ProviderFailure failure) {
        meters.counter("aftersales.provider.failures", "provider", provider, "kind", failure.kind().name()).increment();
        return failure;
    }

    /**
     * Like {@link #call}, with an OAuth access token: the token comes from the cache (or {@code fetch});
     * when the provider answers 401 the token is dropped, a new one fetched, and the action tried
     * once more. A second 401 means the credentials themselves are refused.
     */
    public <T> T callWithToken(String operation, AccessTokens tokens, String tokenKey,
            Supplier<AccessTokens.Token> fetch, Function<Secret, T> action) {
        return call(operation, authorized(tokens, tokenKey, fetch, action));
    }

    /**
     * The action with a token, renewed once when the provider refuses it. A token endpoint that
     * refuses the credentials themselves is not asked twice.
     */
    public <T> Supplier<T> authorized(AccessTokens tokens, String tokenKey, Supplier<AccessTokens.Token> fetch,
            Function<Secret, T> action) {
        return () -> {
            Secret token = tokens.token(tokenKey, fetch);
            try {
                return action.apply(token);
            } catch (ProviderFailure failure) {
                if (failure.kind() != ProviderFailure.Kind.UNAUTHORIZED) {
                    throw failure;
                }
                tokens.invalidate(tokenKey);
                return action.apply(tokens.token(tokenKey, fetch));
            }
        };
    }

    /** Sends the request and returns the JSON body of a 2xx answer; anything else is a {@link ProviderFailure}. */
    public JsonNode json(RestClient.RequestHeadersSpec<?> request) {
        String body = body(request);
        return parse(body);
    }

    /** Sends the request and returns the raw body of a 2xx answer. */
    public String body(RestClient.RequestHeadersSpec<?> request) {
        try {
            return request.exchange((req, response) -> {
                int status = response.getStatusCode().value();
                String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                if (status >= 200 && status < 300) {
                    return body;
                }
                throw failure(status, response.getHeaders(), body);
            });
        } catch (ResourceAccessException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new ProviderFailure(provider, ProviderFailure.Kind.TIMEOUT, 0,
                        "no answer within " + settings.readTimeout(), null, e);
            }
            String what = cause instanceof ConnectException ? "cannot connect" : "connection failed";
            throw new ProviderFailure(provider, ProviderFailure.Kind.UNAVAILABLE, 0,
                    what + ": " + (cause == null ? e.getMessage() : cause.getMessage()), null, e);
        }
    }

    public JsonNode parse(String body) {
        try {
            JsonNode node = objectMapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ProviderFailure(provider, ProviderFailure.Kind.MALFORMED, 200, "answered with an empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.MALFORMED, 200,
                    "answered with a body that is not JSON: " + excerpt(body), null, e);
        }
    }

    /** A required field of an answer; its absence means the answer is not what the provider documents. */
    public JsonNode require(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        if (value.isMissingNode() || value.isNull()) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.MALFORMED, 200,
                    "answer lacks " + pointer + ": " + excerpt(node.toString()));
        }
        return value;
    }

    public String toJson(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body", e);
        }
    }

    private ProviderFailure failure(int status, HttpHeaders headers, String body) {
        String detail = "HTTP " + status + ": " + excerpt(body);
        if (status == 429) {
            return new ProviderFailure(provider, ProviderFailure.Kind.RATE_LIMITED, status, "too many requests, "
                    + detail, retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)), null);
        }
        if (status == 401) {
            return new ProviderFailure(provider, ProviderFailure.Kind.UNAUTHORIZED, status,
                    "credentials refused, " + detail);
        }
        if (status == 408) {
            return new ProviderFailure(provider, ProviderFailure.Kind.TIMEOUT, status, detail);
        }
        if (status >= 500) {
            return new ProviderFailure(provider, ProviderFailure.Kind.UNAVAILABLE, status, "server error, " + detail,
                    retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)), null);
        }
        return new ProviderFailure(provider, ProviderFailure.Kind.REJECTED, status, "request refused, " + detail);
    }

    /** {@code Retry-After} as seconds (Shopify sends fractions) or as an HTTP date. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(header.trim()) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private boolean worthRetrying(Throwable e) {
        if (!(e instanceof ProviderFailure failure) || !failure.retryable()) {
            return false;
        }
        // a provider that wants us gone for longer than we may block is retried later by the job, not here
        return failure.retryAfter() == null || failure.retryAfter().compareTo(settings.maxRetryWait()) <= 0;
    }

    private Duration waitBefore(int attempt, Throwable failure) {
        if (failure instanceof ProviderFailure f && f.retryAfter() != null) {
            return f.retryAfter();
        }
        Duration wait = settings.retryWait().multipliedBy(1L << Math.min(attempt - 1, 16));
        return wait.compareTo(settings.maxRetryWait()) > 0 ? settings.maxRetryWait() : wait;
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }

}
