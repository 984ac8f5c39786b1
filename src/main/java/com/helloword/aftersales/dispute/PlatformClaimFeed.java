package com.helloword.aftersales.dispute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.casefile.PlatformFeedCursor;
import com.helloword.aftersales.casefile.PlatformFeedCursorRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.platform.PlatformClaimNotice;

/**
 * Reads the claims feed of every active store whose platform has one (eBay's post-order cases and payment
 * disputes; Amazon's claims come as mail, Shopify's and PayPal's by webhook: those stores are skipped) from where
 * the last round stopped, and hands each claim to {@link PlatformClaims} in a transaction of its own. The cursor
 * moves on only after the claims it covers are taken; a claim read again is an update of the one known (taken once
 * per source and claim id), so a crash or two nodes reading at once open no second dispute.
 */
@Service
public class PlatformClaimFeed {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformClaimFeed.class);
    static final String FEED = "claims";
    /** A round reads at most this many pages per store. */
    static final int MAX_PAGES_PER_ROUND = 20;

    /** What a round did for one store. */
    public record StoreRound(String storeId, int read, int failed, String skipped) {
    }

    private final StoreRepository stores;
    private final PlatformFeedCursorRepository cursors;
    private final MarketplacePort marketplace;
    private final PlatformClaims claims;
    private final TransactionTemplate transaction;
    private final Duration firstLookBack;
    private final Clock clock;

    PlatformClaimFeed(StoreRepository stores, PlatformFeedCursorRepository cursors, MarketplacePort marketplace,
            PlatformClaims claims, TransactionTemplate transaction,
            @Value("${aftersales.disputes.claim-feed.first-look-back:P30D}") Duration firstLookBack, Clock clock) {
        this.stores = stores;
        this.cursors = cursors;
        this.marketplace = marketplace;
        this.claims = claims;
        this.transaction = transaction;
        this.firstLookBack = firstLookBack;
        this.clock = clock;
    }

    /** One round over every active store. */
    public List<StoreRound> readAll() {
        List<StoreRound> rounds = new ArrayList<>();
        for (Store store : stores.findAllByOrderByIdAsc()) {
            if (store.isActive()) {
                rounds.add(read(store.getId()));
            }
        }
        return rounds;
    }

    /** One round for one store: its claims feed from the stored cursor on, page by page. */
    public StoreRound read(String storeId) {
        PlatformFeedCursor cursor = transaction.execute(status -> cursors.findByStoreIdAndFeed(storeId, FEED)
                .orElseGet(() -> cursors.save(new PlatformFeedCursor(storeId, FEED, clock.instant()))));
        String position = cursor.getCursor();
        Instant since = clock.instant().minus(firstLookBack);
        int read = 0;
        int failed = 0;
        try {
            for (int page = 0; page < MAX_PAGES_PER_ROUND; page++) {
                MarketplacePort.PlatformClaimBatch batch = marketplace.platformClaims(
                        new MarketplacePort.PlatformClaimsQuery(storeId, since, position));
                for (PlatformClaimNotice notice : batch.claims()) {
                    read++;
                    try {
                        transaction.executeWithoutResult(status -> claims.on(notice));
                    } catch (RuntimeException refused) {
                        failed++;
                        LOG.warn("Store {}: claim {} not taken this round: {}", storeId, notice.claimId(),
                                refused.getMessage());
                    }
                }
                if (failed > 0) {
                    break; // the cursor stays before the claim that failed: read again next round
                }
                position = batch.cursor();
                String next = position;
                transaction.executeWithoutResult(status -> cursors.findByStoreIdAndFeed(storeId, FEED)
                        .ifPresent(c -> c.advance(next, clock.instant())));
                if (!batch.more()) {
                    break;
                }
            }
        } catch (PlatformCannotException noFeed) {
            return new StoreRound(storeId, 0, 0, noFeed.insteadAdvice());
        } catch (ProviderFailure failure) {
            LOG.warn("Store {}: claims feed not read this round: {}", storeId, failure.getMessage());
            return new StoreRound(storeId, read, failed, "failed: " + failure.getMessage());
        }
        return new StoreRound(storeId, read, failed, null);
    }
}
