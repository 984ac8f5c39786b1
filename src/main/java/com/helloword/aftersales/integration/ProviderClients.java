package com.helloword.aftersales.integration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * One {@link ProviderClient} per provider name ({@code shopify}, {@code seventeentrack} …), set up
 * from {@code aftersales.providers.<name>.*} and registered with Resilience4j's registries, so their
 * retries, circuit breakers and rate limiters appear in the metrics under the provider's name.
 */
@Component
public class ProviderClients {

    private final Environment environment;
    private final ObjectMapper objectMapper;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RateLimiterRegistry rateLimiters;
    private final MeterRegistry meters;
    private final Map<String, ProviderClient> clients = new ConcurrentHashMap<>();

    /** Outside the application (tests, tools): failures are counted in a registry nobody reads. */
    public ProviderClients(Environment environment, ObjectMapper objectMapper, RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers, RateLimiterRegistry rateLimiters) {
        this(environment, objectMapper, retries, circuitBreakers, rateLimiters, new SimpleMeterRegistry());
    }

    @Autowired
    public ProviderClients(Environment environment, ObjectMapper objectMapper, RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers, RateLimiterRegistry rateLimiters, MeterRegistry meters) {
        this.meters = meters;
        this.environment = environment;
        this.objectMapper = objectMapper;
        this.retries = retries;
        this.circuitBreakers = circuitBreakers;
        this.rateLimiters = rateLimiters;
    }

    public ProviderClient forProvider(String provider) {
        return clients.computeIfAbsent(provider, name -> new ProviderClient(name, settings(name), objectMapper,
                retries, circuitBreakers, rateLimiters, meters));
    }

    ProviderSettings settings(String provider) {
        return Binder.get(environment).bind("aftersales.providers." + provider, ProviderSettings.class)
                .orElseGet(ProviderSettings::defaults);
    }
}
