package com.helloword.aftersales.integration;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one provider is called: timeouts, retries, the documented request rate and when to stop
 * calling a provider that keeps failing. Bound from {@code aftersales.providers.<provider>.*}.
 */
public record ProviderSettings(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("1s") Duration retryWait,
        /** the longest we wait inside one call; a provider asking for longer gets the job retried later */
        @DefaultValue("60s") Duration maxRetryWait,
        @DefaultValue("5") double requestsPerSecond,
        @DefaultValue("10s") Duration permitWait,
        @DefaultValue("50") int failureRateThreshold,
        @DefaultValue("60s") Duration openStateWait) {

    public static ProviderSettings defaults() {
        return new ProviderSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(60), 5, Duration.ofSeconds(10), 50, Duration.ofSeconds(60));
    }
}
