package com.helloword.aftersales.recall;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.recall-page}: how many requests with a link that is not valid (altered, made up, expired) one
 * remote address may send to the buyer's recall page within a window (429 beyond), and how many addresses are
 * kept in memory at most. Valid links never count. No defaults here: application.yaml is their one home.
 */
@ConfigurationProperties("aftersales.recall-page")
record RecallPageSettings(Integer invalidLinksPerSource, Duration window, Integer trackedKeys) {

    RecallPageSettings {
        Objects.requireNonNull(invalidLinksPerSource, "aftersales.recall-page.invalid-links-per-source is not set");
        Objects.requireNonNull(window, "aftersales.recall-page.window is not set");
        Objects.requireNonNull(trackedKeys, "aftersales.recall-page.tracked-keys is not set");
    }
}
