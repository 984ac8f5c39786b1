package com.helloword.aftersales.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * One remedy an agent chose for a case: what, how much, who chose and who approved it, and what
 * the platform answered when it was carried out. A case may have several (the buyer came back).
 */
@Entity
@Table(name = "case_remedies")
public class CaseRemedy extends CaseFileEntity {

    public enum Status {
        /** Chosen, waiting for the approval it needs. */
        PROPOSED,
        /** Approved (or within the agent's own limit), not carried out yet. */
        APPROVED,
        /** The approver said no; the agent chooses again. */
        REJECTED,
        /**
         * Left for people, not done yet: a refund the platform has no API for (done by hand in its seller
         * portal), the warehouse's reship. EXECUTED when the person reports it done.
         */
        BY_HAND,
        /** Carried out (money refunded, coupon issued, return opened, the by-hand step reported done). */
        EXECUTED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", updatable = false)
    private AfterSalesCase afterSalesCase;
    @Enumerated(EnumType.STRING)
    private Remedy remedy;
    private Integer percent;
    private BigDecimal amount;
    private String currency;
    private String couponCode;
    private String chosenBy;
    private String approval;
    private String approvedBy;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String platformRef;
    private String note;
    private Instant chosenAt;
    private Instant executedAt;
    @Version
    private long version;

    protected CaseRemedy() {
    }

    /** A remedy as chosen, complete (amounts already worked out), before it is saved. */
    public CaseRemedy(AfterSalesCase afterSalesCase, Remedy remedy, Integer percent, BigDecimal amount,
            String currency, String chosenBy, String note, Instant chosenAt) {
        this.afterSalesCase = afterSalesCase;
        this.remedy = remedy;
        this.percent = percent;
        this.amount = amount;
        this.currency = currency;
        this.chosenBy = chosenBy;
        this.note = note == null || note.length() <= 1000 ? note : note.substring(0, 1000);
        this.chosenAt = chosenAt.truncatedTo(ChronoUnit.SECONDS);
        this.status = Status.PROPOSED;
    }

    /** The approval the remedyApproval table asked for; AGENT approves itself. */
    public void requireApproval(String approval) {
        this.approval = approval;
        if ("AGENT".equals(approval)) {
            this.status = Status.APPROVED;
            this.approvedBy = chosenBy;
        }
    }

    public void decide(boolean approved, String approver) {
        if (status != Status.PROPOSED) {
            throw new IllegalStateException("Remedy " + getId() + " is " + status + ", not waiting for approval");
        }
        this.status = approved ? Status.APPROVED : Status.REJECTED;
        this.approvedBy = approver;
    }

    /** Carried out; {@code amount} is what the platform actually refunded where it says. */
    public void executed(String platformRef, String couponCode, BigDecimal amount, Instant at) {
        this.status = Status.EXECUTED;
        this.amount = amount;
        this.platformRef = platformRef;
        this.couponCode = couponCode;
        this.executedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Carried out as far as the system can: what is left is a step for people ({@link Status#BY_HAND}). */
    public void leftForPeople() {
        this.status = Status.BY_HAND;
    }

    /**
     * The person reported the by-hand step done; {@code reference} is what they name it by (the
     * replacement's tracking number), null for none.
     */
    public void doneByHand(String reference, Instant at) {
        if (status != Status.BY_HAND) {
            throw new IllegalStateException("Remedy " + getId() + " is " + status + ", not left for people");
        }
        this.status = Status.EXECUTED;
        if (reference != null && !reference.isBlank()) {
            this.platformRef = reference.trim().length() <= 128 ? reference.trim() : reference.trim().substring(0, 128);
        }
        this.executedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    public AfterSalesCase getAfterSalesCase() { return afterSalesCase; }
    public Remedy getRemedy() { return remedy; }
    public Integer getPercent() { return percent; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public String getCouponCode() { return couponCode; }
    public String getChosenBy() { return chosenBy; }
    public String getApproval() { return approval; }
    public String getApprovedBy() { return approvedBy; }
    public Status getStatus() { return status; }
    public String getPlatformRef() { return platformRef; }
    public String getNote() { return note; }
    public Instant getChosenAt() { return chosenAt; }
    public Instant getExecutedAt() { return executedAt; }
}
