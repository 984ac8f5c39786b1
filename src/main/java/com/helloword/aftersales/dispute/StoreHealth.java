package com.helloword.aftersales.dispute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.platform.MarketplacePort;

/**
 * The steps of {@code storeHealthProcess} ({@code ${storeHealth.<step>(execution)}}): which stores to check, each
 * store's dispute rate over {@code aftersales.disputes.store-health.window} (disputes opened / orders placed), the
 * storeHealth table's answer, and the pause and release of the store's listings through the marketplace port
 * (every SKU the store has sold: stock to 0 and back; what a platform cannot do is noted for a person). The
 * variables of one store live in its multi-instance execution, so the stores checked side by side do not mix.
 */
@Component("storeHealth")
public class StoreHealth {

    public static final String PROCESS_KEY = "storeHealthProcess";
    /** Starts a check of the stores named in {@code storeIds} (all active stores without it). */
    public static final String MESSAGE_CHECK = "aftersales.storeHealthCheckRequested";
    static final String VAR_STORE_IDS = "storeIds";
    static final String VAR_STORE_ID = "storeId";
    static final String VAR_ALREADY_PAUSED = "alreadyPaused";
    static final String VAR_DISPUTES = "disputes";
    static final String VAR_ORDERS = "orders";
    static final String VAR_RATE = "disputeRatePercent";
    static final String VAR_HEALTH = "health";
    static final String VAR_ALERT = "alert";
    static final String VAR_PAUSE_ID = "pauseId";
    static final String VAR_RELEASED_BY = "releasedBy";

    private final StoreRepository stores;
    private final SalesOrderRepository orders;
    private final DisputeRepository disputes;
    private final StoreListingPauseRepository pauses;
    private final MarketplacePort marketplace;
    private final Duration window;
    private final Clock clock;

    StoreHealth(StoreRepository stores, SalesOrderRepository orders, DisputeRepository disputes,
            StoreListingPauseRepository pauses, MarketplacePort marketplace,
            @Value("${aftersales.disputes.store-health.window}") Duration window, Clock clock) {
        this.stores = stores;
        this.orders = orders;
        this.disputes = disputes;
        this.pauses = pauses;
        this.marketplace = marketplace;
        this.window = window;
        this.clock = clock;
    }

    /** Every active store, unless the start named the stores ({@code storeIds}, with the check's message). */
    @Transactional(readOnly = true)
    public void storesToCheck(DelegateExecution execution) {
        if (execution.getVariable(VAR_STORE_IDS) instanceof List<?> named && !named.isEmpty()) {
            return;
        }
        execution.setVariable(VAR_STORE_IDS, new ArrayList<>(stores.findAllByOrderByIdAsc().stream()
                .filter(Store::isActive).map(Store::getId).toList()));
    }

    /** The store's disputes and orders over the window, and whether its listings are paused already. */
    @Transactional(readOnly = true)
    public void measure(DelegateExecution execution) {
        String storeId = String.valueOf(execution.getVariable(VAR_STORE_ID));
        Instant since = clock.instant().minus(window);
        long opened = disputes.countByStoreIdAndOpenedAtGreaterThanEqual(storeId, since);
        long placed = orders.countByStoreIdAndOrderedAtGreaterThanEqual(storeId, since);
        double rate = placed == 0 ? 0.0 : BigDecimal.valueOf(opened * 100.0 / placed).setScale(3, RoundingMode.HALF_UP)
                .doubleValue();
        execution.setVariableLocal(VAR_DISPUTES, (int) opened);
        execution.setVariableLocal(VAR_ORDERS, (int) placed);
        execution.setVariableLocal(VAR_RATE, rate);
        execution.setVariableLocal(VAR_ALREADY_PAUSED, pauses.findByOpenStoreId(storeId).isPresent());
        execution.setVariableLocal(VAR_HEALTH, null);
        execution.setVariableLocal(VAR_ALERT, false);
        execution.setVariableLocal(VAR_PAUSE_ID, null);
        execution.setVariableLocal(VAR_RELEASED_BY, null);
    }

    /** The storeHealth table answered: {@code alert}. */
    public void healthAnswered(DelegateExecution execution) {
        Object health = execution.getVariable(VAR_HEALTH);
        Object alert = health instanceof Map<?, ?> row ? row.get("alert") : null;
        if (!(alert instanceof Boolean)) {
            throw new IllegalStateException("Decision table storeHealth gave no alert for store "
                    + execution.getVariable(VAR_STORE_ID));
        }
        execution.setVariable(VAR_ALERT, alert);
    }

    /** Pauses every listing of the store; records the pause (one open pause per store). */
    @Transactional
    public void pause(DelegateExecution execution) {
        String storeId = String.valueOf(execution.getVariable(VAR_STORE_ID));
        StoreListingPause pause = pauses.saveAndFlush(new StoreListingPause(storeId,
                ((Number) execution.getVariable(VAR_DISPUTES)).intValue(),
                ((Number) execution.getVariable(VAR_ORDERS)).intValue(),
                BigDecimal.valueOf(((Number) execution.getVariable(VAR_RATE)).doubleValue()),
                execution.getProcessInstanceId(), clock.instant()));
        List<String> skus = orders.skusOfStore(storeId);
        List<String> done = new ArrayList<>();
        for (String sku : skus) {
            try {
                done.addAll(marketplace.delistSku(new MarketplacePort.DelistCommand(storeId, sku, "dispute rate "
                        + execution.getVariable(VAR_RATE) + " % over " + window.toDays() + " days",
                        "store-health:" + pause.getId() + ":pause:" + sku)).actions());
            } catch (PlatformCannotException cannot) {
                done.add(sku + ": by hand: " + cannot.insteadAdvice());
            }
        }
        pause.paused(String.join(",", skus), String.join("\n", done));
        execution.setVariable(VAR_PAUSE_ID, pause.getId());
    }

    /** The manager released the store: its listings are sold again. */
    @Transactional
    public void release(DelegateExecution execution) {
        StoreListingPause pause = pauses.findById(((Number) execution.getVariable(VAR_PAUSE_ID)).longValue())
                .orElseThrow();
        List<String> done = new ArrayList<>();
        for (String sku : pause.getSkus() == null || pause.getSkus().isBlank() ? new String[0]
                : pause.getSkus().split(",")) {
            try {
                done.addAll(marketplace.relistSku(new MarketplacePort.RelistCommand(pause.getStoreId(), sku,
                        "store released by " + execution.getVariable(VAR_RELEASED_BY),
                        "store-health:" + pause.getId() + ":release:" + sku)).actions());
            } catch (PlatformCannotException cannot) {
                done.add(sku + ": by hand: " + cannot.insteadAdvice());
            }
        }
        Object by = execution.getVariable(VAR_RELEASED_BY);
        pause.released(by == null ? null : by.toString(), String.join("\n", done), clock.instant());
    }
}
