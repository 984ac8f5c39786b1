package com.helloword.aftersales.incident;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * One order an incident affects: mailed once, chosen once (by the buyer or by default), its remedy carried out
 * once. The version makes two clicks at the same moment one choice: the second transaction fails and changes
 * nothing.
 */
@Entity
@Table(name = "shipment_incident_orders")
public class IncidentOrder extends CaseFileEntity {

    public enum Status {
        /** Not mailed yet. */
        PENDING,
        /** Mailed; the buyer has not chosen. */
        MAILED,
        /** Chosen; the remedy is being carried out. */
        CHOSEN,
        /** The remedy is carried out. */
        EXECUTED,
        /** The platform cannot do it through its API (or the warehouse ships): people carry it out. */
        BY_HAND;

        boolean chosen() {
            return this == CHOSEN || this == EXECUTED || this == BY_HAND;
        }
    }

    /** Who chose. */
    public enum ChosenBy {
        BUYER, DEFAULT
    }

    @Column(updatable = false)
    private Long incidentId;
    @Column(updatable = false)
    private Long orderId;
    @Column(updatable = false)
    private Long buyerId;
    @Column(updatable = false)
    private String storeId;
    @Column(updatable = false)
    private String language;
    @Column(updatable = false)
    private int chunkNo;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant mailedAt;
    private Instant remindedAt;
    private Integer optionNo;
    @Enumerated(EnumType.STRING)
    private IncidentRemedy remedy;
    @Enumerated(EnumType.STRING)
    private ChosenBy chosenBy;
    private Instant chosenAt;
    private Instant executedAt;
    private String platformRef;
    private String couponCode;
    private BigDecimal amount;
    private String currency;
    private String note;
    @Version
    private long version;

    protected IncidentOrder() {
    }

    IncidentOrder(Long incidentId, Long orderId, Long buyerId, String storeId, String language, int chunkNo) {
        this.incidentId = incidentId;
        this.orderId = orderId;
        this.buyerId = buyerId;
        this.storeId = storeId;
        this.language = language;
        this.chunkNo = chunkNo;
        this.status = Status.PENDING;
    }

    void mailed(Instant at) {
        if (status == Status.PENDING) {
            status = Status.MAILED;
            mailedAt = at.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    void reminded(Instant at) {
        remindedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void chose(IncidentOption option, ChosenBy by, Instant at) {
        if (status.chosen()) {
            throw new IllegalStateException("Order " + orderId + " of incident " + incidentId + " has chosen already");
        }
        status = Status.CHOSEN;
        optionNo = option.getOptionNo();
        remedy = option.getRemedy();
        chosenBy = by;
        chosenAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void executed(String platformRef, String couponCode, BigDecimal amount, String currency, Instant at) {
        status = Status.EXECUTED;
        this.platformRef = platformRef;
        this.couponCode = couponCode;
        this.amount = amount;
        this.currency = currency;
        this.executedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void leftForPeople(String note) {
        status = Status.BY_HAND;
        this.note = note == null || note.length() <= 1000 ? note : note.substring(0, 1000);
    }

    public Long getIncidentId() { return incidentId; }
    public Long getOrderId() { return orderId; }
    public Long getBuyerId() { return buyerId; }
    public String getStoreId() { return storeId; }
    public String getLanguage() { return language; }
    public int getChunkNo() { return chunkNo; }
    public Status getStatus() { return status; }
    public Instant getMailedAt() { return mailedAt; }
    public Instant getRemindedAt() { return remindedAt; }
    public Integer getOptionNo() { return optionNo; }
    public IncidentRemedy getRemedy() { return remedy; }
    public ChosenBy getChosenBy() { return chosenBy; }
    public Instant getChosenAt() { return chosenAt; }
    public Instant getExecutedAt() { return executedAt; }
    public String getPlatformRef() { return platformRef; }
    public String getCouponCode() { return couponCode; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public String getNote() { return note; }
}
