package com.helloword.aftersales.dispute;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * A store's listings paused because its dispute rate crossed the storeHealth table's threshold, until a manager
 * releases them. {@code openStoreId} is the store's id while paused (unique: one open pause per store).
 */
@Entity
@Table(name = "store_listing_pauses")
public class StoreListingPause extends CaseFileEntity {

    @Column(updatable = false)
    private String storeId;
    private String openStoreId;
    @Column(updatable = false)
    private int disputes;
    @Column(updatable = false)
    private int orders;
    @Column(updatable = false)
    private BigDecimal disputeRate;
    private String skus;
    private String detail;
    private String processInstanceId;
    @Column(updatable = false)
    private Instant pausedAt;
    private Instant releasedAt;
    private String releasedBy;

    protected StoreListingPause() {
    }

    StoreListingPause(String storeId, int disputes, int orders, BigDecimal disputeRate, String processInstanceId,
            Instant at) {
        this.storeId = storeId;
        this.openStoreId = storeId;
        this.disputes = disputes;
        this.orders = orders;
        this.disputeRate = disputeRate;
        this.processInstanceId = processInstanceId;
        this.pausedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void paused(String skus, String detail) {
        this.skus = clip(skus);
        this.detail = clip(detail);
    }

    void released(String by, String detail, Instant at) {
        this.openStoreId = null;
        this.releasedBy = by;
        this.detail = clip((this.detail == null ? "" : this.detail + "\n") + detail);
        this.releasedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    public String getStoreId() { return storeId; }
    public int getDisputes() { return disputes; }
    public int getOrders() { return orders; }
    public BigDecimal getDisputeRate() { return disputeRate; }
    public String getSkus() { return skus; }
    public String getDetail() { return detail; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getPausedAt() { return pausedAt; }
    public Instant getReleasedAt() { return releasedAt; }
    public String getReleasedBy() { return releasedBy; }
    public boolean isOpen() { return releasedAt == null; }
}
