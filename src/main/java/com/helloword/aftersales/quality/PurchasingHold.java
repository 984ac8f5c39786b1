package com.helloword.aftersales.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * Purchasing of an SKU paused by the product-quality alert (its return rate more than 20 % above its
 * category's): the figures that raised it, the product team's cause and improvement plan, and who let
 * purchasing resume. One standing hold per SKU.
 */
@Entity
@Table(name = "purchasing_holds")
public class PurchasingHold extends CaseFileEntity {

    private String sku;
    private String activeSku;
    private String category;
    private BigDecimal returnRate;
    private BigDecimal categoryRate;
    @Column(name = "returns_count")
    private long returns;
    private long shipped;
    private Instant heldAt;
    private Instant planDueAt;
    private String cause;
    private String improvementPlan;
    private String plannedBy;
    private Instant plannedAt;
    private Instant releasedAt;
    private String releasedBy;
    private String releaseNote;
    private String processInstanceId;
    @Version
    private long version;

    protected PurchasingHold() {
    }

    public PurchasingHold(String sku, String category, double returnRate, double categoryRate, long returns,
            long shipped, Instant heldAt, Instant planDueAt) {
        this.sku = sku;
        this.activeSku = sku;
        this.category = category;
        this.returnRate = BigDecimal.valueOf(returnRate).setScale(4, RoundingMode.HALF_UP);
        this.categoryRate = BigDecimal.valueOf(categoryRate).setScale(4, RoundingMode.HALF_UP);
        this.returns = returns;
        this.shipped = shipped;
        this.heldAt = heldAt.truncatedTo(ChronoUnit.SECONDS);
        this.planDueAt = planDueAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The product team's answer: why the SKU comes back so often and what changes. */
    public void planned(String cause, String plan, String who, Instant at) {
        this.cause = cut(cause, 1000);
        this.improvementPlan = cut(plan, 2000);
        this.plannedBy = who;
        this.plannedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Purchasing may buy the SKU again. */
    public void release(String who, String note, Instant at) {
        this.activeSku = null;
        this.releasedAt = at.truncatedTo(ChronoUnit.SECONDS);
        this.releasedBy = who;
        this.releaseNote = cut(note, 1000);
    }

    public boolean isActive() {
        return releasedAt == null;
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    public String getSku() { return sku; }
    public String getCategory() { return category; }
    public BigDecimal getReturnRate() { return returnRate; }
    public BigDecimal getCategoryRate() { return categoryRate; }
    public long getReturns() { return returns; }
    public long getShipped() { return shipped; }
    public Instant getHeldAt() { return heldAt; }
    public Instant getPlanDueAt() { return planDueAt; }
    public String getCause() { return cause; }
    public String getImprovementPlan() { return improvementPlan; }
    public String getPlannedBy() { return plannedBy; }
    public Instant getPlannedAt() { return plannedAt; }
    public Instant getReleasedAt() { return releasedAt; }
    public String getReleasedBy() { return releasedBy; }
    public String getReleaseNote() { return releaseNote; }
    public String getProcessInstanceId() { return processInstanceId; }
}
