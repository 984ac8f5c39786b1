package com.helloword.aftersales.returns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.PlatformFeedCursor;
import com.helloword.aftersales.casefile.PlatformFeedCursorRepository;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort;

/**
 * Reads each active store's return feed on its platform (eBay return requests, Amazon's returns
 * report) from where the last round stopped, and hands every return to {@link PlatformReturnIntake}.
 * The cursor moves on only after the returns it covers are kept, so a crash reads them again
 * (taken once all the same). A store whose platform has no feed (Shopify: webhooks) is skipped.
 */
@Service
public class PlatformReturnSync {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformReturnSync.class);
    static final String FEED = "returns";
    /** A round reads at most this many pages per store, so one busy store cannot hold up the others. */
    static final int MAX_PAGES_PER_ROUND = 20;

    /**
     * What this round did for one store, and nothing it did before: platform returns read from the feed;
     * {@code opened}, return processes started now (also for returns kept waiting from earlier rounds whose
     * order is imported now); {@code alreadyKnown}, read again but kept before or joined to a return already
     * open (nothing new); {@code unmatched}, waiting for their order; {@code ignored}, over on the platform
     * when first seen; {@code failed}, opening failed (kept, tried again next round); {@code rejected},
     * without the ids this system needs (logged as errors); and why the store was skipped or failed.
     */
    public record StoreRound(String storeId, int read, int opened, int alreadyKnown, int unmatched, int ignored,
            int failed, int rejected, String skipped) {

        static StoreRound skipped(String storeId, String why) {
            return new StoreRound(storeId, 0, 0, 0, 0, 0, 0, 0, why);
        }

        StoreRound plusOpened(int more) {
            return new StoreRound(storeId, read, opened + more, alreadyKnown, unmatched, ignored, failed, rejected,
                    skipped);
        }
    }

    /** Counts a round's outcomes as it goes. */
    private static final class Tally {
        int read;
        int rejected;
        final EnumMap<PlatformReturnIntake.Outcome, Integer> outcomes =
                new EnumMap<>(PlatformReturnIntake.Outcome.class);

        void add(PlatformReturnIntake.Outcome outcome) {
            outcomes.merge(outcome, 1, Integer::sum);
        }

        int of(PlatformReturnIntake.Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }

        StoreRound round(String storeId, String skipped) {
            return new StoreRound(storeId, read, of(PlatformReturnIntake.Outcome.OPENED),
                    of(PlatformReturnIntake.Outcome.KNOWN), of(PlatformReturnIntake.Outcome.UNMATCHED),
                    of(PlatformReturnIntake.Outcome.IGNORED), of(PlatformReturnIntake.Outcome.FAILED), rejected,
                    skipped);
        }
    }

    private final StoreRepository stores;
    private final PlatformFeedCursorRepository cursors;
    private final MarketplacePort marketplace;
    private final PlatformReturnIntake intake;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration firstLookBack;

    PlatformReturnSync(StoreRepository stores, PlatformFeedCursorRepository cursors, MarketplacePort marketplace,
            PlatformReturnIntake intake, TransactionTemplate transaction, Clock clock,
            @Value("${aftersales.returns.platform-feed.first-look-back:P30D}") Duration firstLookBack) {
        this.stores = stores;
        this.cursors = cursors;
        this.marketplace = marketplace;
        this.intake = intake;
        this.transaction = transaction;
        this.clock = clock;
        this.firstLookBack = firstLookBack;
    }

    /**
     * A round asked for by a person (the API), for one store or (null) all: run as the system, on a thread of its own, since the
     * engine would otherwise check the person's authorisations for the system's own work (the reason
     * table, the return processes it starts).
     */
    public List<StoreRound> syncNow(String storeId) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "platform-return-sync");
            t.setDaemon(true);
            return t;
        });
        try {
            return thread.submit(() -> storeId == null ? syncAll() : List.of(sync(storeId))).get(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the return feeds", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the return feeds took longer than 10 minutes; the round goes on", e);
        } finally {
            thread.shutdown();
        }
    }

    /**
     * One round over all active stores, then the platform returns still waiting for their order (those
     * opened now count in their store's {@code opened}).
     */
    public List<StoreRound> syncAll() {
        List<StoreRound> rounds = new ArrayList<>();
        for (Store store : stores.findAllByOrderByIdAsc()) {
            if (store.isActive()) {
                try {
                    rounds.add(sync(store.getId()));
                } catch (RuntimeException failure) {
                    // one store's trouble (a cursor the adapter refuses, a database hiccup) holds up no other
                    LOG.error("Store {}: return feed failed this round", store.getId(), failure);
                    rounds.add(StoreRound.skipped(store.getId(), "failed: " + failure.getMessage()));
                }
            }
        }
        Map<String, Integer> late = intake.retryUnmatchedByStore();
        if (!late.isEmpty()) {
            LOG.info("Platform returns opened now that their orders are known, per store: {}", late);
        }
        rounds.replaceAll(round -> round.plusOpened(late.getOrDefault(round.storeId(), 0)));
        return rounds;
    }

    /** One round for one store: its feed from the stored cursor on, page by page. */
    public StoreRound sync(String storeId) {
        PlatformFeedCursor cursor = transaction.execute(status -> cursors.findByStoreIdAndFeed(storeId, FEED)
                .orElseGet(() -> cursors.save(new PlatformFeedCursor(storeId, FEED, clock.instant()))));
        String position = cursor.getCursor();
        Instant since = clock.instant().minus(firstLookBack);
        Tally tally = new Tally();
        try {
            for (int page = 0; page < MAX_PAGES_PER_ROUND; page++) {
                MarketplacePort.PlatformReturnBatch batch = marketplace.platformReturns(
                        new MarketplacePort.PlatformReturnsQuery(storeId, since, position));
                for (MarketplacePort.PlatformReturn platformReturn : batch.returns()) {
                    tally.read++;
                    try {
                        tally.add(intake.takeCounted(storeId, platformReturn).outcome());
                    } catch (IllegalArgumentException incomplete) {
                        LOG.error("Store {}: the platform sent a return this system cannot keep: {}", storeId,
                                incomplete.getMessage());
                        tally.rejected++;
                    }
                }
                position = batch.cursor();
                save(storeId, position);
                if (!batch.more()) {
                    break;
                }
            }
        } catch (PlatformCannotException noFeed) {
            return StoreRound.skipped(storeId, noFeed.insteadAdvice());
        } catch (ProviderFailure failure) {
            LOG.warn("Store {}: return feed not read this round: {}", storeId, failure.getMessage());
            return tally.round(storeId, "failed: " + failure.getMessage());
        }
        StoreRound round = tally.round(storeId, null);
        if (round.read() > 0) {
            LOG.info("Store {}: {} platform return(s) read, {} opened now, {} already known, {} waiting for their "
                    + "order", storeId, round.read(), round.opened(), round.alreadyKnown(), round.unmatched());
        }
        return round;
    }

    private void save(String storeId, String position) {
        transaction.executeWithoutResult(status -> cursors.findByStoreIdAndFeed(storeId, FEED)
                .ifPresent(c -> c.advance(position, clock.instant())));
    }
}
