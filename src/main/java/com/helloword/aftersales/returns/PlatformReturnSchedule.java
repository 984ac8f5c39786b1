package com.helloword.aftersales.returns;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the platforms' return feeds every few minutes (15 by default: Amazon makes a report in
 * minutes, eBay's search is cheap). Two nodes reading at once take each platform return once (the
 * unique store + platform return id; the loser of a race finds the winner's return).
 */
@Component
@ConditionalOnProperty(name = "aftersales.returns.platform-feed.enabled", havingValue = "true", matchIfMissing = true)
class PlatformReturnSchedule {

    private final PlatformReturnSync sync;

    PlatformReturnSchedule(PlatformReturnSync sync) {
        this.sync = sync;
    }

    @Scheduled(fixedDelayString = "${aftersales.returns.platform-feed.interval:15m}",
            initialDelayString = "${aftersales.returns.platform-feed.first-delay:1m}")
    void read() {
        sync.syncAll();
    }
}
