package com.helloword.aftersales.returns;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.returns.self-service}: how many times the self-service form may be sent per remote address
 * and per order number within a window (429 beyond), and how many addresses and order numbers are kept in
 * memory at most. No defaults here: application.yaml is their one home.
 */
@ConfigurationProperties("aftersales.returns.self-service")
record SelfServiceSettings(Integer attemptsPerSource, Integer attemptsPerOrder, Duration window, Integer trackedKeys) {

    SelfServiceSettings {
        Objects.requireNonNull(attemptsPerSource, "aftersales.returns.self-service.attempts-per-source is not set");
        Objects.requireNonNull(attemptsPerOrder, "aftersales.returns.self-service.attempts-per-order is not set");
        Objects.requireNonNull(window, "aftersales.returns.self-service.window is not set");
        Objects.requireNonNull(trackedKeys, "aftersales.returns.self-service.tracked-keys is not set");
    }
}
