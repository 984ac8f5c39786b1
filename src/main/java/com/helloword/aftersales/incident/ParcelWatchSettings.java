package com.helloword.aftersales.incident;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.incidents.parcels}: the parcel watch's operating settings (the business rules, how long a
 * parcel may be quiet and what happens on an exception, are the parcelQuietLimit and carrierExceptionHandling
 * tables). No defaults here: application.yaml is their one home; see docs/parcel-watch.md.
 *
 * @param registrationBatch  registrations sent per sweep at most
 * @param registrationRetry  how long a rejected tracking number waits before it is sent again
 * @param pollAfter          a registered parcel with no news this long is polled (the push went quiet)
 * @param pollClaim          how long a node holds the poll of one parcel it claimed
 * @param pollBatch          parcels polled per sweep at most
 * @param quietCandidateAfter parcels with no news this long are checked against the parcelQuietLimit table
 * @param quietBatch         quiet candidates checked per sweep at most
 * @param quietRecheck       a parcel not quiet long enough yet is asked again after this at the latest
 * @param watchMax           a quiet watch ends by itself after this long without news (ISO-8601 duration)
 * @param addressWait        how long the address question waits for the buyer before logistics acts anyway
 * @param exceptionStatuses  the tracking statuses that open an exception watch (carrierExceptionHandling decides)
 * @param trackingLink       the buyer's live tracking page; {@code {number}} is the tracking number
 */
@ConfigurationProperties("aftersales.incidents.parcels")
record ParcelWatchSettings(Integer registrationBatch, Duration registrationRetry, Duration pollAfter,
        Duration pollClaim, Integer pollBatch, Duration quietCandidateAfter, Integer quietBatch, Duration quietRecheck, Duration watchMax,
        Duration addressWait, List<String> exceptionStatuses, String trackingLink) {

    ParcelWatchSettings {
        String prefix = "aftersales.incidents.parcels.";
        Objects.requireNonNull(registrationBatch, prefix + "registration-batch is not set");
        Objects.requireNonNull(registrationRetry, prefix + "registration-retry is not set");
        Objects.requireNonNull(pollAfter, prefix + "poll-after is not set");
        Objects.requireNonNull(pollClaim, prefix + "poll-claim is not set");
        Objects.requireNonNull(pollBatch, prefix + "poll-batch is not set");
        Objects.requireNonNull(quietCandidateAfter, prefix + "quiet-candidate-after is not set");
        Objects.requireNonNull(quietBatch, prefix + "quiet-batch is not set");
        Objects.requireNonNull(quietRecheck, prefix + "quiet-recheck is not set");
        Objects.requireNonNull(watchMax, prefix + "watch-max is not set");
        Objects.requireNonNull(addressWait, prefix + "address-wait is not set");
        Objects.requireNonNull(exceptionStatuses, prefix + "exception-statuses is not set");
        Objects.requireNonNull(trackingLink, prefix + "tracking-link is not set");
        exceptionStatuses = List.copyOf(exceptionStatuses);
    }

    String trackingUrl(String trackingNumber) {
        return trackingLink.replace("{number}", java.net.URLEncoder.encode(trackingNumber,
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
