package com.helloword.aftersales.recall;

import java.time.Instant;
import java.util.List;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;

/** {@code GET /api/recall-signals}: SKUs and batches by safety-hazard cases, most first. */
@RestController
class RecallSignalController {

    record SignalView(String sku, String batch, int safetyCases, String lastCaseKey, Instant lastCaseAt) {
    }

    private final RecallSignalRepository signals;
    private final ApiAccess access;

    RecallSignalController(RecallSignalRepository signals, ApiAccess access) {
        this.signals = signals;
        this.access = access;
    }

    @GetMapping("/api/recall-signals")
    @Transactional(readOnly = true)
    List<SignalView> signals() {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.RECALL_MANAGERS, Groups.PRODUCT_TEAM);
        return signals.findTop100ByOrderBySafetyCasesDescLastCaseAtDesc().stream()
                .map(s -> new SignalView(s.getSku(), s.getBatchLot(), s.getSafetyCases(), s.getLastCaseKey(),
                        s.getLastCaseAt()))
                .toList();
    }
}
