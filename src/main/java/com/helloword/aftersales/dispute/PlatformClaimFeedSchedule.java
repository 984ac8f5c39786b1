package com.helloword.aftersales.dispute;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the platforms' claims feeds every few minutes (10 by default; eBay answers a case within days, its
 * respond-by dates are days away). Off with {@code aftersales.disputes.claim-feed.enabled=false} (the tests read by
 * calling {@link PlatformClaimFeed#read}).
 */
@Component
@ConditionalOnProperty(name = "aftersales.disputes.claim-feed.enabled", havingValue = "true", matchIfMissing = true)
class PlatformClaimFeedSchedule {

    private final PlatformClaimFeed feed;

    PlatformClaimFeedSchedule(PlatformClaimFeed feed) {
        this.feed = feed;
    }

    @Scheduled(fixedDelayString = "${aftersales.disputes.claim-feed.interval:10m}",
            initialDelayString = "${aftersales.disputes.claim-feed.first-delay:2m}")
    void read() {
        feed.readAll();
    }
}
