package com.helloword.aftersales.incident;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.incidents.page}: how many requests with a link that is not valid (altered, made up, expired)
 * one remote address may send to the incident choice pages within a window (429 beyond), and how many addresses
 * are kept in memory at most. Valid links never count. No defaults here: application.yaml is their one home.
 */
@ConfigurationProperties("aftersales.incidents.page")
record IncidentPageSettings(Integer invalidLinksPerSource, Duration window, Integer trackedKeys) {

    IncidentPageSettings {
        Objects.requireNonNull(invalidLinksPerSource, "aftersales.incidents.page.invalid-links-per-source is not set");
        Objects.requireNonNull(window, "aftersales.incidents.page.window is not set");
        Objects.requireNonNull(trackedKeys, "aftersales.incidents.page.tracked-keys is not set");
    }
}
