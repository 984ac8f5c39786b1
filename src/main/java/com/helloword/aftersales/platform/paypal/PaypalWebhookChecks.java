package com.helloword.aftersales.platform.paypal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.helloword.aftersales.web.AttemptLimiter;

/**
 * The cheap checks of a PayPal delivery, made before PayPal's verify-webhook-signature is called (each call
 * takes from the API's allowance): all {@code PAYPAL-*} transmission headers present, a certificate URL on
 * an allowed PayPal host over https, a transmission time near the application clock, and a remote address
 * within its allowance of deliveries not verified yet.
 */
@Component
class PaypalWebhookChecks {

    private final PaypalWebhookSettings settings;
    private final Clock clock;
    private final AttemptLimiter unverified;

    PaypalWebhookChecks(PaypalWebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.unverified = new AttemptLimiter(settings.unverifiedPerSource(), settings.unverifiedWindow(),
                settings.trackedSources(), clock);
    }

    /** Why the headers cannot be those of a PayPal delivery, or null when they may be. */
    String refusal(PaypalApi.SignatureHeaders headers) {
        List<String> missing = new ArrayList<>();
        absent(missing, "PAYPAL-TRANSMISSION-ID", headers.transmissionId());
        absent(missing, "PAYPAL-TRANSMISSION-TIME", headers.transmissionTime());
        absent(missing, "PAYPAL-TRANSMISSION-SIG", headers.transmissionSig());
        absent(missing, "PAYPAL-CERT-URL", headers.certUrl());
        absent(missing, "PAYPAL-AUTH-ALGO", headers.authAlgo());
        if (!missing.isEmpty()) {
            return "missing transmission headers: " + String.join(", ", missing);
        }
        if (!allowedCertificate(headers.certUrl().strip())) {
            return "PAYPAL-CERT-URL must be an https URL on " + String.join(", ", settings.certHosts());
        }
        Instant sent;
        try {
            sent = OffsetDateTime.parse(headers.transmissionTime().strip()).toInstant();
        } catch (DateTimeParseException e) {
            return "PAYPAL-TRANSMISSION-TIME is not an ISO-8601 time with offset: " + headers.transmissionTime();
        }
        Duration off = Duration.between(clock.instant(), sent).abs();
        if (off.compareTo(settings.transmissionWindow()) > 0) {
            return "PAYPAL-TRANSMISSION-TIME " + headers.transmissionTime() + " is more than "
                    + settings.transmissionWindow() + " away from this server's time";
        }
        return null;
    }

    /** Counts a delivery about to be verified against its source: empty when it may be, else the wait. */
    Optional<Duration> admit(String source) {
        return unverified.attempt(source);
    }

    /** PayPal confirmed the delivery: it does not count against its source. */
    void verified(String source) {
        unverified.giveBack(source);
    }

    private boolean allowedCertificate(String certUrl) {
        URI uri;
        try {
            uri = new URI(certUrl);
        } catch (URISyntaxException e) {
            return false;
        }
        String host = uri.getHost();
        return "https".equalsIgnoreCase(uri.getScheme()) && uri.getRawUserInfo() == null && host != null
                && (uri.getPort() == -1 || uri.getPort() == 443)
                && settings.certHosts().contains(host.toLowerCase(Locale.ROOT));
    }

    private static void absent(List<String> missing, String name, String value) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }
}
