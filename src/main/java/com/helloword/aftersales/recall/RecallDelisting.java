package com.helloword.aftersales.recall;

import com.helloword.aftersales.casefile.CaseFileEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Stopping the recalled SKU's sale on one store: each attempt's result, so every store's state is known. */
@Entity
@Table(name = "recall_delistings")
public class RecallDelisting extends CaseFileEntity {

    public static final String PENDING = "PENDING";
    public static final String DELISTED = "DELISTED";
    public static final String FAILED = "FAILED";
    public static final String RELISTED = "RELISTED";

    @Column(updatable = false)
    private Long recallId;
    @Column(updatable = false)
    private String storeId;
    @Column(updatable = false)
    private String platform;
    private String status;
    private int attempts;
    private String lastError;
    private String actions;
    private Instant delistedAt;
    private Instant relistedAt;
    @Version
    private long version;

    protected RecallDelisting() {
    }

    RecallDelisting(Long recallId, String storeId, String platform) {
        this.recallId = recallId;
        this.storeId = storeId;
        this.platform = platform;
        this.status = PENDING;
    }

    void delisted(List<String> actions, Instant at) {
        this.status = DELISTED;
        this.attempts++;
        this.lastError = null;
        this.actions = clip(String.join("; ", actions), 1000);
        this.delistedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void failed(String error) {
        this.status = FAILED;
        this.attempts++;
        this.lastError = clip(error, 1000);
    }

    void relisted(Instant at) {
        this.status = RELISTED;
        this.relistedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public Long getRecallId() { return recallId; }
    public String getStoreId() { return storeId; }
    public String getPlatform() { return platform; }
    public String getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public String getLastError() { return lastError; }
    public String getActions() { return actions; }
    public Instant getDelistedAt() { return delistedAt; }
    public Instant getRelistedAt() { return relistedAt; }
}
