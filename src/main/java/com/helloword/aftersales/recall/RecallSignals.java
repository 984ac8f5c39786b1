package com.helloword.aftersales.recall;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.OrderLine;
import com.helloword.aftersales.casefile.SalesOrder;

/** Counts a safety-hazard case against every SKU and batch of its order (once per SKU and batch). */
@Service
public class RecallSignals {

    private final RecallSignalRepository signals;

    RecallSignals(RecallSignalRepository signals) {
        this.signals = signals;
    }

    @Transactional
    public void safetyCase(String caseKey, SalesOrder order, Instant at) {
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
        }
    }
}
