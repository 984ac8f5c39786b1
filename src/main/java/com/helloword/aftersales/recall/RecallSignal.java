package com.helloword.aftersales.recall;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.helloword.aftersales.casefile.CaseFileEntity;

/** How many safety-hazard cases a SKU's batch has drawn (batch "-" when the order line names none). */
@Entity
@Table(name = "recall_signals")
public class RecallSignal extends CaseFileEntity {

    static final String NO_BATCH = "-";

    private String sku;
    private String batchLot;
    private int safetyCases;
    private String lastCaseKey;
    private Instant lastCaseAt;
    @Version
    private long version;

    protected RecallSignal() {
    }

    RecallSignal(String sku, String batchLot) {
        this.sku = sku;
        this.batchLot = batchLot == null || batchLot.isBlank() ? NO_BATCH : batchLot;
    }

    void count(String caseKey, Instant at) {
        safetyCases++;
        lastCaseKey = caseKey;
        lastCaseAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    public String getSku() { return sku; }
    public String getBatchLot() { return batchLot; }
    public int getSafetyCases() { return safetyCases; }
    public String getLastCaseKey() { return lastCaseKey; }
    public Instant getLastCaseAt() { return lastCaseAt; }
}
