package com.helloword.aftersales.recall;

import com.helloword.aftersales.casefile.CaseFileEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One affected buyer of a recall: one notice listing all their affected orders, whether they opened their
 * recall page (reached), the remedy they chose, the return label and the remedy's execution. Found in
 * stage 3 and queued in chunks ({@code chunkNo}), each chunk once.
 */
@Entity
@Table(name = "recall_notices")
public class RecallNotice extends CaseFileEntity {

    public static final String PENDING = "PENDING";
    public static final String QUEUED = "QUEUED";

    @Column(updatable = false)
    private Long recallId;
    @Column(updatable = false)
    private Long buyerId;
    @Column(updatable = false)
    private String country;
    private String language;
    @Column(updatable = false)
    private int chunkNo;
    private int orderCount;
    private int unitCount;
    private String status;
    private Instant queuedAt;
    private int remindersSent;
    private Instant lastReminderAt;
    private Instant openedAt;
    @Enumerated(EnumType.STRING)
    private RecallRemedy remedy;
    private Instant remedyChosenAt;
    private String labelCarrier;
    private String labelTracking;
    private Instant labelCreatedAt;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] labelPdf;
    private BigDecimal labelCost;
    private Instant remedyDoneAt;
    private String remedyRef;
    private BigDecimal remedyAmount;
    private String remedyCurrency;
    private String processInstanceId;
    @Version
    private long version;

    protected RecallNotice() {
    }

    RecallNotice(Long recallId, Long buyerId, String country, String language, int chunkNo, int orderCount,
            int unitCount) {
        this.recallId = recallId;
        this.buyerId = buyerId;
        this.country = country;
        this.language = language;
        this.chunkNo = chunkNo;
        this.orderCount = orderCount;
        this.unitCount = unitCount;
        this.status = PENDING;
    }

    void queued(Instant at) {
        this.status = QUEUED;
        this.queuedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void reminded(Instant at) {
        this.remindersSent++;
        this.lastReminderAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The buyer opened their recall page; the first time counts. */
    void opened(Instant at) {
        if (openedAt == null) {
            this.openedAt = at.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /** Records the buyer's choice; false when one was made before (a choice is made once). */
    boolean choose(RecallRemedy chosen, Instant at) {
        if (remedy != null) {
            return false;
        }
        opened(at);
        this.remedy = chosen;
        this.remedyChosenAt = at.truncatedTo(ChronoUnit.SECONDS);
        return true;
    }

    void labelCreated(String carrier, String tracking, byte[] pdf, BigDecimal cost, Instant at) {
        this.labelCarrier = carrier;
        this.labelTracking = tracking;
        this.labelPdf = pdf;
        this.labelCost = cost;
        this.labelCreatedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void remedyDone(String reference, BigDecimal amount, String currency, Instant at) {
        this.remedyRef = reference;
        this.remedyAmount = amount;
        this.remedyCurrency = currency;
        this.remedyDoneAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public boolean isReached() { return openedAt != null; }
    public Long getRecallId() { return recallId; }
    public Long getBuyerId() { return buyerId; }
    public String getCountry() { return country; }
    public String getLanguage() { return language; }
    public int getChunkNo() { return chunkNo; }
    public int getOrderCount() { return orderCount; }
    public int getUnitCount() { return unitCount; }
    public String getStatus() { return status; }
    public Instant getQueuedAt() { return queuedAt; }
    public int getRemindersSent() { return remindersSent; }
    public Instant getLastReminderAt() { return lastReminderAt; }
    public Instant getOpenedAt() { return openedAt; }
    public RecallRemedy getRemedy() { return remedy; }
    public Instant getRemedyChosenAt() { return remedyChosenAt; }
    public String getLabelCarrier() { return labelCarrier; }
    public String getLabelTracking() { return labelTracking; }
    public Instant getLabelCreatedAt() { return labelCreatedAt; }
    public byte[] getLabelPdf() { return labelPdf; }
    public BigDecimal getLabelCost() { return labelCost; }
    public Instant getRemedyDoneAt() { return remedyDoneAt; }
    public String getRemedyRef() { return remedyRef; }
    public BigDecimal getRemedyAmount() { return remedyAmount; }
    public String getRemedyCurrency() { return remedyCurrency; }
    public String getProcessInstanceId() { return processInstanceId; }
}
