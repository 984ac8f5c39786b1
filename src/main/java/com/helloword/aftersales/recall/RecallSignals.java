package com.helloword.aftersales.recall;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.OrderLine;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.api.SafetyCaseOpened;

/**
 * Counts a safety-hazard case against every SKU and batch of its order (once per SKU and batch), and says so
 * ({@link RecallSignalCounted}) for the automatic recall trigger.
 */
@Service
public class RecallSignals {

    private final RecallSignalRepository signals;
    private final SalesOrderRepository orders;
    private final ApplicationEventPublisher events;

    RecallSignals(RecallSignalRepository signals, SalesOrderRepository orders, ApplicationEventPublisher events) {
        this.signals = signals;
        this.orders = orders;
        this.events = events;
    }

    /** A safety-hazard case counts in the same transaction as its intake. */
    @EventListener
    @Transactional
    public void on(SafetyCaseOpened opened) {
        safetyCase(opened.caseKey(), orders.findById(opened.orderId()).orElse(null), opened.at());
    }

    private void safetyCase(String caseKey, SalesOrder order, Instant at) {
        if (order == null) {
            return;
        }
        Set<String> counted = new LinkedHashSet<>();
        for (OrderLine line : order.getLines()) {
            RecallSignal probe = new RecallSignal(line.getSku(), line.getBatchLot());
            if (!counted.add(probe.getSku() + '\u0000' + probe.getBatchLot())) {
                continue;
            }
            RecallSignal signal = signals.findBySkuAndBatchLot(probe.getSku(), probe.getBatchLot())
                    .orElse(probe);
            signal.count(caseKey, at);
            signals.save(signal);
            events.publishEvent(new RecallSignalCounted(signal.getSku(), signal.getBatchLot(), caseKey, at));
        }
    }
}
