package com.helloword.aftersales.recall;

import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.platform.MarketplacePort;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stops (and after a cancellation restores) the recalled SKU's sale store by store, each store's result
 * recorded. A failed attempt is written in its own transaction before the failure goes on to the job, so the
 * row says FAILED with the error while the engine retries and, at the end, shows an incident.
 */
@Service
class StoreDelistings {

    private final RecallRepository recalls;
    private final RecallDelistingRepository delistings;
    private final RecallEventRepository events;
    private final StoreRepository stores;
    private final MarketplacePort marketplace;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    StoreDelistings(RecallRepository recalls, RecallDelistingRepository delistings, RecallEventRepository events,
            StoreRepository stores, MarketplacePort marketplace, PlatformTransactionManager transactions, Clock clock) {
        this.recalls = recalls;
        this.delistings = delistings;
        this.events = events;
        this.stores = stores;
        this.marketplace = marketplace;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The stores to delist on (the recall's, or every active store), each with a PENDING row from now on. */
    @Transactional
    public List<String> plan(Long recallId) {
        Recall recall = recalls.findById(recallId).orElseThrow();
        List<Store> all = stores.findAllByOrderByIdAsc();
        List<Store> chosen = recall.getStoreIds().isEmpty() ? all.stream().filter(Store::isActive).toList()
                : all.stream().filter(s -> recall.getStoreIds().contains(s.getId())).toList();
        for (Store store : chosen) {
            if (delistings.findByRecallIdAndStoreId(recallId, store.getId()).isEmpty()) {
                delistings.save(new RecallDelisting(recallId, store.getId(), store.getPlatform().name()));
            }
        }
        return chosen.stream().map(Store::getId).toList();
    }

    /**
     * Delists on one store; false when its platform has no API for it (a person delists in the seller portal).
     * A technical failure is thrown on, for the job to retry.
     */
    @Transactional
    public boolean delist(Long recallId, String storeId) {
        Recall recall = recalls.findById(recallId).orElseThrow();
        RecallDelisting row = delistings.findByRecallIdAndStoreId(recallId, storeId).orElseThrow();
        if (RecallDelisting.DELISTED.equals(row.getStatus())) {
            return true;
        }
        MarketplacePort.DelistResult result;
        try {
            result = marketplace.delistSku(new MarketplacePort.DelistCommand(storeId, recall.getSku(),
                    "Product recall " + recall.getRecallKey(), "recall:" + recall.getRecallKey() + ":delist:" + storeId));
        } catch (PlatformCannotException e) {
            row.failed("no API, to be delisted by hand: " + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            recordFailure(row.getId(), e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
        row.delisted(result.actions(), clock.instant());
        events.save(new RecallEvent(recallId, clock.instant(), "DELISTED", null,
                storeId + ": " + String.join("; ", result.actions())));
        return true;
    }

    @Transactional
    public void delistedByHand(Long recallId, String storeId, String by) {
        RecallDelisting row = delistings.findByRecallIdAndStoreId(recallId, storeId).orElseThrow();
        row.delisted(List.of("delisted by hand in the seller portal"), clock.instant());
        events.save(new RecallEvent(recallId, clock.instant(), "DELISTED", by, storeId + ": by hand"));
    }

    /** Restores the sale on a store where this recall delisted it (after a cancellation); once per store. */
    @Transactional
    public void relist(Long recallId, String storeId) {
        Recall recall = recalls.findById(recallId).orElseThrow();
        RecallDelisting row = delistings.findByRecallIdAndStoreId(recallId, storeId).orElseThrow();
        if (!RecallDelisting.DELISTED.equals(row.getStatus())) {
            return;
        }
        MarketplacePort.RelistResult result;
        try {
            result = marketplace.relistSku(new MarketplacePort.RelistCommand(storeId, recall.getSku(),
                    "Recall " + recall.getRecallKey() + " cancelled", "recall:" + recall.getRecallKey() + ":relist:"
                            + storeId));
        } catch (PlatformCannotException e) {
            events.save(new RecallEvent(recallId, clock.instant(), "RELIST_BY_HAND", null,
                    storeId + ": the platform has no API to relist; relist in the seller portal"));
            return;
        } catch (RuntimeException e) {
            recordFailure(row.getId(), "relist: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
        row.relisted(clock.instant());
        events.save(new RecallEvent(recallId, clock.instant(), "RELISTED", null,
                storeId + ": " + String.join("; ", result.actions())));
    }

    private void recordFailure(Long rowId, String error) {
        ownTransaction.executeWithoutResult(status -> delistings.findById(rowId).ifPresent(r -> r.failed(error)));
    }

    /** The stores where the SKU was delisted (to offer relisting after a cancellation). */
    @Transactional(readOnly = true)
    public List<String> delisted(Long recallId) {
        return delistings.findByRecallIdOrderByStoreId(recallId).stream()
                .filter(d -> RecallDelisting.DELISTED.equals(d.getStatus())).map(RecallDelisting::getStoreId).toList();
    }
}
