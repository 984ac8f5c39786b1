package com.helloword.aftersales.recall;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/** One safety-hazard case counted against a SKU's batch, with when: the recallTrigger table counts a window of them. */
@Entity
@Table(name = "recall_signal_cases")
public class RecallSignalCase extends CaseFileEntity {

    private String sku;
    private String batchLot;
    private String caseKey;
    private Instant countedAt;

    protected RecallSignalCase() {
    }

    RecallSignalCase(RecallSignalCounted counted) {
        this.sku = counted.sku();
        this.batchLot = counted.batchLot();
        this.caseKey = counted.caseKey();
        this.countedAt = counted.at().truncatedTo(ChronoUnit.SECONDS);
    }

    public String getSku() { return sku; }
    public String getBatchLot() { return batchLot; }
    public String getCaseKey() { return caseKey; }
    public Instant getCountedAt() { return countedAt; }
}
