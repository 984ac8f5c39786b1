package com.helloword.aftersales.platform.paypal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.webhooks.paypal}: what a PayPal delivery must show before PayPal is asked to verify it.
 * The hosts a {@code PAYPAL-CERT-URL} may name (https only), how far {@code PAYPAL-TRANSMISSION-TIME} may be
 * from the application clock either way, and how many deliveries not verified yet one remote address may
 * make per window (a verified one is given back), with how many addresses are kept in memory at most. No
 * defaults here: application.yaml is their one home.
 */
@ConfigurationProperties("aftersales.webhooks.paypal")
record PaypalWebhookSettings(List<String> certHosts, Duration transmissionWindow, Integer unverifiedPerSource,
        Duration unverifiedWindow, Integer trackedSources) {

    PaypalWebhookSettings {
        certHosts = Objects.requireNonNull(certHosts, "aftersales.webhooks.paypal.cert-hosts is not set").stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty()).toList();
        Objects.requireNonNull(transmissionWindow, "aftersales.webhooks.paypal.transmission-window is not set");
        Objects.requireNonNull(unverifiedPerSource, "aftersales.webhooks.paypal.unverified-per-source is not set");
        Objects.requireNonNull(unverifiedWindow, "aftersales.webhooks.paypal.unverified-window is not set");
        Objects.requireNonNull(trackedSources, "aftersales.webhooks.paypal.tracked-sources is not set");
    }
}
