package com.helloword.aftersales.support;

import org.springframework.mock.env.MockEnvironment;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import com.helloword.aftersales.integration.ProviderClients;

/** Provider settings for adapter tests: short timeouts and waits, so failure paths run in milliseconds. */
public final class ProviderTestSupport {

    private ProviderTestSupport() {
    }

    public static MockEnvironment environment(String provider) {
        MockEnvironment environment = new MockEnvironment();
        String prefix = "aftersales.providers." + provider + ".";
        environment.setProperty(prefix + "read-timeout", "500ms");
        environment.setProperty(prefix + "connect-timeout", "500ms");
        environment.setProperty(prefix + "max-attempts", "3");
        environment.setProperty(prefix + "retry-wait", "20ms");
        environment.setProperty(prefix + "max-retry-wait", "5s");
        environment.setProperty(prefix + "requests-per-second", "100");
        return environment;
    }

    /** Fresh clients (own registries, so no circuit breaker state leaks between tests). */
    public static ProviderClients clients(MockEnvironment environment) {
        return new ProviderClients(environment, new ObjectMapper(), RetryRegistry.ofDefaults(),
                CircuitBreakerRegistry.ofDefaults(), RateLimiterRegistry.ofDefaults());
    }
}
