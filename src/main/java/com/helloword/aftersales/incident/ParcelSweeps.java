package com.helloword.aftersales.incident;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The parcel sweeps' trigger on every node ({@code aftersales.incidents.parcels.sweep-interval}): registration,
 * the polling fallback, the quiet check. The work itself is claimed in the database ({@link ParcelTracking},
 * {@link ParcelWatches}), so several nodes share it and none owns it.
 */
@Component
@ConditionalOnProperty(name = "aftersales.incidents.parcels.sweep-enabled", havingValue = "true", matchIfMissing = true)
class ParcelSweeps {

    private static final Logger LOG = LoggerFactory.getLogger(ParcelSweeps.class);

    private final ParcelTracking tracking;
    private final ParcelWatches watches;

    ParcelSweeps(ParcelTracking tracking, ParcelWatches watches) {
        this.tracking = tracking;
        this.watches = watches;
    }

    @Scheduled(fixedDelayString = "${aftersales.incidents.parcels.sweep-interval:5m}",
            initialDelayString = "${aftersales.incidents.parcels.first-delay:1m}")
    void sweep() {
        run("registration", tracking::registerDue);
        run("polling", tracking::pollDue);
        run("quiet check", watches::checkQuiet);
    }

    /** One sweep's failure leaves the others to run; the next round tries it again. */
    private static void run(String sweep, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Parcel {} failed, the next round tries again: {}", sweep, e.toString());
        }
    }
}
