package com.helloword.aftersales.recall;

import com.helloword.aftersales.casefile.CaseFileEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One affected unit: an order line's quantity counts as that many units, each with its own reference
 * ({@code <order id>-<line>-<n>}, printed on the return paperwork and scanned by the warehouse).
 */
@Entity
@Table(name = "recall_units")
public class RecallUnit extends CaseFileEntity {

    @Column(updatable = false)
    private Long recallId;
    @Column(updatable = false)
    private Long noticeId;
    @Column(updatable = false)
    private String unitRef;
    @Column(updatable = false)
    private Long orderId;
    @Column(updatable = false)
    private int lineNo;
    @Column(updatable = false)
    private String storeId;
    @Column(updatable = false)
    private String sku;
    @Column(updatable = false)
    private String batchLot;
    @Column(updatable = false)
    private String country;
    @Column(updatable = false)
    private BigDecimal unitPrice;
    @Column(updatable = false)
    private String currency;
    @Enumerated(EnumType.STRING)
    private RecallUnitStatus status;
    private Instant receivedAt;
    private Instant inspectedAt;
    private Instant disposedAt;
    private String scannedBy;
    private String note;
    @Version
    private long version;

    protected RecallUnit() {
    }

    RecallUnit(Long recallId, Long noticeId, String unitRef, Long orderId, int lineNo, String storeId, String sku,
            String batchLot, String country, BigDecimal unitPrice, String currency) {
        this.recallId = recallId;
        this.noticeId = noticeId;
        this.unitRef = unitRef;
        this.orderId = orderId;
        this.lineNo = lineNo;
        this.storeId = storeId;
        this.sku = sku;
        this.batchLot = batchLot;
        this.country = country;
        this.unitPrice = unitPrice;
        this.currency = currency;
        this.status = RecallUnitStatus.AFFECTED;
    }

    static String unitRef(Long orderId, int lineNo, int n) {
        return orderId + "-" + lineNo + "-" + n;
    }

    /**
     * Moves the unit on; a scan may skip steps forwards (a disposed unit was received) but never goes back.
     * Returns false when the unit is already there or further.
     */
    boolean scan(RecallUnitStatus to, String note, String by, Instant at) {
        if (to.ordinal() <= status.ordinal() || status.done()) {
            return false;
        }
        Instant when = at.truncatedTo(ChronoUnit.SECONDS);
        if (receivedAt == null) {
            receivedAt = when;
        }
        if (to.ordinal() >= RecallUnitStatus.INSPECTED.ordinal() && inspectedAt == null) {
            inspectedAt = when;
        }
        if (to.done()) {
            disposedAt = when;
        }
        this.status = to;
        this.scannedBy = by;
        if (note != null && !note.isBlank()) {
            this.note = note.length() > 500 ? note.substring(0, 500) : note;
        }
        return true;
    }

    public Long getRecallId() { return recallId; }
    public Long getNoticeId() { return noticeId; }
    public String getUnitRef() { return unitRef; }
    public Long getOrderId() { return orderId; }
    public int getLineNo() { return lineNo; }
    public String getStoreId() { return storeId; }
    public String getSku() { return sku; }
    public String getBatchLot() { return batchLot; }
    public String getCountry() { return country; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public String getCurrency() { return currency; }
    public RecallUnitStatus getStatus() { return status; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getInspectedAt() { return inspectedAt; }
    public Instant getDisposedAt() { return disposedAt; }
    public String getScannedBy() { return scannedBy; }
    public String getNote() { return note; }
}
