package com.helloword.aftersales.returns;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hibernate.Hibernate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.platform.PlatformReturnNotices;
import com.helloword.aftersales.workflow.LatestDecisions;

/**
 * Takes in the returns buyers open on the platforms, from a feed (eBay, Amazon) or a webhook
 * (Shopify): each platform return is kept once per store ({@link PlatformReturnEntry}), its reason
 * put in this system's words by the designers' table {@code platformReturnReason}, and it becomes a
 * return of this system with the platform's request time. One whose order is not in the case file
 * yet is kept UNMATCHED with the reason and tried again on every sync; nothing is dropped. One that
 * is already over on the platform when first seen (closed, cancelled) is kept as IGNORED.
 */
@Service
public class PlatformReturnIntake implements PlatformReturnNotices {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformReturnIntake.class);
    static final String REASON_DECISION = "platformReturnReason";

    private final PlatformReturnEntryRepository entries;
    private final StoreRepository stores;
    private final SalesOrderRepository orders;
    private final ReturnService returns;
    private final ReturnOutcomes outcomes;
    private final LatestDecisions decisions;
    private final List<String> overWords;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    PlatformReturnIntake(PlatformReturnEntryRepository entries, StoreRepository stores, SalesOrderRepository orders,
            ReturnService returns, ReturnOutcomes outcomes, LatestDecisions decisions, ReturnSettings settings,
            PlatformTransactionManager transactions, Clock clock) {
        this.entries = entries;
        this.stores = stores;
        this.orders = orders;
        this.returns = returns;
        this.outcomes = outcomes;
        this.decisions = decisions;
        this.overWords = settings.platformStatesOver().stream().map(w -> w.toUpperCase(Locale.ROOT)).toList();
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What taking one platform return did this time. */
    public enum Outcome {
        /** A return of this system was opened now: its return process started. */
        OPENED,
        /** Kept before (opened, or set aside as over on the platform) or joined a return already open: nothing new. */
        KNOWN,
        /** Its order (or its item on the order) is not in the case file yet: kept, tried again later. */
        UNMATCHED,
        /** Over on the platform when first seen: kept as IGNORED, nothing opened. */
        IGNORED,
        /** Opening it failed (rolled back): kept with the reason, tried again on the next round. */
        FAILED
    }

    /** The kept platform return and what this call did with it. */
    public record Taken(PlatformReturnEntry entry, Outcome outcome) {
    }

    /**
     * Takes one platform return: opened as a return of this system when its order is known, kept
     * UNMATCHED with the reason otherwise (also when opening failed, so the next round tries again).
     * The same platform return again updates what is kept and opens nothing new.
     *
     * @throws IllegalArgumentException when the platform return has no id or no order id, or the store is unknown
     */
    public PlatformReturnEntry take(String storeId, MarketplacePort.PlatformReturn platformReturn) {
        return takeCounted(storeId, platformReturn).entry();
    }

    /** As {@link #take}, saying what this call did (for the sync's report). */
    public Taken takeCounted(String storeId, MarketplacePort.PlatformReturn platformReturn) {
        Store store = check(storeId, platformReturn);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // a webhook's own transaction: a failure rolls it all back and the platform delivers it again
            return takeNow(store, platformReturn);
        }
        try {
            return newTransaction.execute(status -> takeNow(store, platformReturn));
        } catch (RuntimeException failure) {
            // whatever failed is rolled back; the platform return is kept for the next round, with the reason
            LOG.warn("Platform return {} of store {} not opened: {}", platformReturn.platformReturnId(), storeId,
                    failure.toString());
            return newTransaction.execute(status -> {
                PlatformReturnEntry entry = entry(store, platformReturn);
                if (entry.getStatus() == PlatformReturnEntry.Status.OPENED) {
                    // another node or round opened it meanwhile (the failure was this one's duplicate insert)
                    Hibernate.initialize(entry.getReturnRequest());
                    return new Taken(entry, Outcome.KNOWN);
                }
                entry.unmatched("failed: " + failure.getMessage(), clock.instant());
                return new Taken(entry, Outcome.FAILED);
            });
        }
    }

    @Override
    public String received(String storeId, MarketplacePort.PlatformReturn platformReturn) {
        PlatformReturnEntry entry = take(storeId, platformReturn);
        return "return " + entry.getPlatformReturnId() + " " + entry.getStatus()
                + (entry.getProblem() == null ? "" : " (" + entry.getProblem() + ")");
    }

    /**
     * The platform's news of returns it knows (Shopify's returns/cancel, returns/decline, returns/close):
     * every kept line of the platform return ({@code id}, or {@code id:line}) takes the new state, and
     * an opened one that is now over there ends as {@link ReturnOutcomes#overOnPlatform} says. Returns how
     * many kept platform returns it touched (0: not one this system knows).
     */
    @Override
    public int stateChanged(String storeId, String platformReturnId, String state) {
        int touched = 0;
        for (PlatformReturnEntry entry : entries.findByStoreIdAndPlatformReturnIdStartingWithOrderByIdAsc(storeId,
                platformReturnId)) {
            String id = entry.getPlatformReturnId();
            if (id.equals(platformReturnId) || id.startsWith(platformReturnId + ":")) {
                take(storeId, asPlatformReturn(entry, state));
                touched++;
            }
        }
        return touched;
    }

    /** Tries the UNMATCHED platform returns again (their orders may have been imported since): how many opened now. */
    public int retryUnmatched() {
        return retryUnmatchedByStore().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** As {@link #retryUnmatched}, per store: the return processes started now. */
    public Map<String, Integer> retryUnmatchedByStore() {
        Map<String, Integer> opened = new TreeMap<>();
        for (PlatformReturnEntry entry : entries.findByStatusOrderByIdAsc(PlatformReturnEntry.Status.UNMATCHED)) {
            Taken after = takeCounted(entry.getStoreId(), asPlatformReturn(entry, entry.getPlatformState()));
            if (after.outcome() == Outcome.OPENED) {
                opened.merge(entry.getStoreId(), 1, Integer::sum);
            }
        }
        return opened;
    }

    /** The latest platform returns seen, newest first (at most 200), for the API. */
    public List<PlatformReturnEntry> recent() {
        return entries.findNewestWithReturns();
    }

    private Taken takeNow(Store store, MarketplacePort.PlatformReturn platformReturn) {
        PlatformReturnEntry entry = entry(store, platformReturn);
        boolean wasOver = over(entry.getPlatformState());
        entry.update(platformReturn.state(), platformReturn.carrier(), platformReturn.trackingNumber());
        if (entry.getStatus() == PlatformReturnEntry.Status.OPENED) {
            if (!wasOver && over(entry.getPlatformState())) {
                outcomes.overOnPlatform(entry.getReturnRequest().getId(), entry.getPlatformState());
            }
            Hibernate.initialize(entry.getReturnRequest()); // the caller reads it after the transaction
            return new Taken(entry, Outcome.KNOWN);
        }
        if (entry.getStatus() == PlatformReturnEntry.Status.IGNORED) {
            return new Taken(entry, Outcome.KNOWN);
        }
        if (over(entry.getPlatformState())) {
            entry.ignored("already " + entry.getPlatformState() + " on the platform before this system opened it",
                    clock.instant());
            return new Taken(entry, Outcome.IGNORED);
        }
        String orderId = platformReturn.platformOrderId().trim();
        Optional<SalesOrder> order = orders.findWithLines(store.getId(), orderId);
        String problem = order.isEmpty() ? "order " + orderId + " is not in the case file yet (import it; tried again)"
                : platformReturn.sku() == null || platformReturn.sku().isBlank()
                        || order.get().getLines().stream().anyMatch(l -> l.getSku().equals(platformReturn.sku().trim()))
                        ? null : "SKU " + platformReturn.sku() + " is not on order " + orderId;
        if (problem != null) {
            entry.unmatched(problem, clock.instant());
            return new Taken(entry, Outcome.UNMATCHED);
        }
        ReturnService.Opened opened = returns.open(ReturnService.NewReturn.fromPlatform(store.getId(), orderId,
                platformReturn.sku() == null || platformReturn.sku().isBlank() ? null : platformReturn.sku().trim(),
                platformReturn.quantity() > 0 ? platformReturn.quantity() : null, entry.getReason(), entry.getWanted(), entry.getPlatformReturnId(), platformReturn.requestedAt()));
        if (opened.created()) {
            boolean known = Boolean.TRUE.equals(reason(store.getPlatform().name(), entry.getPlatformReason())
                    .get("known"));
            opened.request().record("FROM_PLATFORM", store.getPlatform() + " return " + entry.getPlatformReturnId()
                    + ", reason " + entry.getPlatformReason() + (known ? "" : " (a code the platformReturnReason"
                    + " table does not name: taken as " + entry.getReason() + ")"), clock.instant());
        }
        entry.opened(opened.request(), clock.instant());
        return new Taken(entry, opened.created() ? Outcome.OPENED : Outcome.KNOWN);
    }

    private PlatformReturnEntry entry(Store store, MarketplacePort.PlatformReturn platformReturn) {
        Optional<PlatformReturnEntry> known = entries.lockByStoreIdAndPlatformReturnId(store.getId(),
                platformReturn.platformReturnId().trim());
        if (known.isPresent()) {
            return known.get();
        }
        Map<String, Object> mapped = reason(store.getPlatform().name(), platformReturn.platformReason());
        String wanted = platformReturn.wanted() == null ? "REFUND" : platformReturn.wanted().trim()
                .toUpperCase(Locale.ROOT);
        return entries.saveAndFlush(new PlatformReturnEntry(store.getId(), platformReturn.platformReturnId().trim(),
                platformReturn.platformOrderId().trim(), platformReturn.sku(), platformReturn.quantity(),
                platformReturn.platformReason(), (String) mapped.get("reason"),
                "EXCHANGE".equals(wanted) ? "EXCHANGE" : "REFUND",
                platformReturn.state(), platformReturn.carrier(), platformReturn.trackingNumber(),
                platformReturn.requestedAt(), clock.instant()));
    }

    /**
     * Whether the platform's state says the return is over (closed, cancelled, declined, rejected or
     * refunded there): seen like that the first time, it asks nothing of this system. The words are
     * {@code aftersales.returns.platform-states-over}: a platform naming a state anew needs no Java change.
     */
    boolean over(String state) {
        if (state == null) {
            return false;
        }
        String s = state.toUpperCase(Locale.ROOT);
        return overWords.stream().anyMatch(s::contains);
    }

    /** A kept platform return as the platform would send it again, in the given state. */
    private static MarketplacePort.PlatformReturn asPlatformReturn(PlatformReturnEntry entry, String state) {
        return new MarketplacePort.PlatformReturn(entry.getPlatformReturnId(), entry.getPlatformOrderId(),
                entry.getSku(), entry.getQuantity(), entry.getPlatformReason(), entry.getWanted(),
                entry.getRequestedAt(), state, entry.getCarrier(), entry.getTrackingNumber());
    }

    private Store check(String storeId, MarketplacePort.PlatformReturn platformReturn) {
        if (platformReturn == null || platformReturn.platformReturnId() == null
                || platformReturn.platformReturnId().isBlank()) {
            throw new IllegalArgumentException("a platform return needs the platform's return id");
        }
        if (platformReturn.platformOrderId() == null || platformReturn.platformOrderId().isBlank()) {
            throw new IllegalArgumentException("platform return " + platformReturn.platformReturnId()
                    + " names no order");
        }
        return stores.findById(storeId).orElseThrow(() -> new IllegalArgumentException("No store " + storeId));
    }

    private Map<String, Object> reason(String platform, String platformReason) {
        return decisions.evaluate(REASON_DECISION, Map.of("platform", platform,
                "platformReason", platformReason == null ? "" : platformReason.trim().toUpperCase(Locale.ROOT)))
                .single().getEntryMap();
    }
}
