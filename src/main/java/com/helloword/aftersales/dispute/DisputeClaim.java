package com.helloword.aftersales.dispute;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/** A platform's claim that joined a dispute (one per source and claim id), as the platform last told it. */
@Entity
@Table(name = "dispute_claims")
public class DisputeClaim extends CaseFileEntity {

    @Column(updatable = false)
    private Long disputeId;
    @Column(updatable = false)
    private String source;
    @Column(updatable = false)
    private String claimId;
    private String claimType;
    private String status;
    private boolean closed;
    private Instant respondBy;
    private BigDecimal amount;
    private String currency;
    private String platformReason;
    private Instant updatedAt;

    protected DisputeClaim() {
    }

    DisputeClaim(Long disputeId, String source, String claimId) {
        this.disputeId = disputeId;
        this.source = source;
        this.claimId = claimId;
    }

    /** Takes what the platform says now; returns whether anything changed. */
    boolean update(String claimType, String status, boolean closed, Instant respondBy, BigDecimal amount,
            String currency, String platformReason, Instant at) {
        Instant due = respondBy == null ? null : respondBy.truncatedTo(ChronoUnit.SECONDS);
        boolean changed = !java.util.Objects.equals(this.status, status) || this.closed != closed
                || !java.util.Objects.equals(this.respondBy, due) || !java.util.Objects.equals(this.claimType, claimType);
        this.claimType = claimType;
        this.status = status == null || status.length() <= 64 ? status : status.substring(0, 64);
        this.closed = closed;
        this.respondBy = due;
        this.amount = amount;
        this.currency = currency;
        this.platformReason = platformReason == null || platformReason.length() <= 100 ? platformReason
                : platformReason.substring(0, 100);
        this.updatedAt = at.truncatedTo(ChronoUnit.SECONDS);
        return changed;
    }

    public Long getDisputeId() { return disputeId; }
    public String getSource() { return source; }
    public String getClaimId() { return claimId; }
    public String getClaimType() { return claimType; }
    public String getStatus() { return status; }
    public boolean isClosed() { return closed; }
    public Instant getRespondBy() { return respondBy; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public String getPlatformReason() { return platformReason; }
    public Instant getUpdatedAt() { return updatedAt; }
}
