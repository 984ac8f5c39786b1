package com.helloword.aftersales.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay delivers: how often it looks, how many at a time, how long a claim holds,
 * and the retry schedule (backoff doubling from {@code backoff} up to {@code maxBackoff}, at most
 * {@code maxAttempts} attempts, then FAILED for a manager to see).
 */
@ConfigurationProperties("aftersales.mail.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration backoff,
        @DefaultValue("30m") Duration maxBackoff) {

    Duration backoffAfter(int attempts) {
        Duration wait = backoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
