package com.helloword.aftersales.casefile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An order as the platform knows it, keyed by (store, platform order id). */
@Entity
@Table(name = "orders")
public class SalesOrder extends CaseFileEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "store_id", updatable = false)
    private Store store;
    @Column(updatable = false)
    private String platformOrderId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Buyer buyer;
    private String destinationCountry;
    private String currency;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    private Instant orderedAt;
    private Instant shippedAt;
    private Instant deliveredAt;
    private String carrier;
    private String trackingNumber;
    private String paymentReference;
    private boolean frozen;
    private String frozenReason;
    private String trackingStatus;
    private Instant lastScanAt;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    protected SalesOrder() {
    }

    public SalesOrder(Store store, String platformOrderId, Buyer buyer) {
        this.store = store;
        this.platformOrderId = platformOrderId;
        this.buyer = buyer;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.updatedAt = createdAt;
    }

    /** The order-level facts an import or a platform sync brings. */
    public record Details(String destinationCountry, String currency, OrderStatus status, Instant orderedAt,
            Instant shippedAt, Instant deliveredAt, String carrier, String trackingNumber, String paymentReference) {

        /** Details of an order whose payment reference nobody gave. */
        public Details(String destinationCountry, String currency, OrderStatus status, Instant orderedAt,
                Instant shippedAt, Instant deliveredAt, String carrier, String trackingNumber) {
            this(destinationCountry, currency, status, orderedAt, shippedAt, deliveredAt, carrier, trackingNumber, null);
        }
    }

    /**
     * One line as an import or a platform sync brings it; the line number is its position. {@code title}: the
     * product's title as the store names it, or null.
     */
    public record LineDetails(String sku, String batchLot, String title, int quantity, BigDecimal unitPrice) {
    }

    /** What {@link #replaceLines} did. */
    public record LineChanges(int created, int updated, int unchanged, int removed) {
    }

    /** Applies the details; returns whether anything changed. */
    public boolean apply(Buyer buyer, Details details) {
        boolean changed = !Objects.equals(this.buyer == null ? null : this.buyer.getId(), buyer.getId())
                || !Objects.equals(destinationCountry, details.destinationCountry())
                || !Objects.equals(currency, details.currency())
                || status != details.status()
                || !Objects.equals(orderedAt, details.orderedAt())
                || !Objects.equals(shippedAt, details.shippedAt())
                || !Objects.equals(deliveredAt, details.deliveredAt())
                || !Objects.equals(carrier, details.carrier())
                || !Objects.equals(trackingNumber, details.trackingNumber())
                || details.paymentReference() != null && !details.paymentReference().equals(paymentReference);
        if (changed) {
            this.buyer = buyer;
            this.destinationCountry = details.destinationCountry();
            this.currency = details.currency();
            this.status = details.status();
            this.orderedAt = details.orderedAt();
            this.shippedAt = details.shippedAt();
            this.deliveredAt = details.deliveredAt();
            this.carrier = details.carrier();
            this.trackingNumber = details.trackingNumber();
            if (details.paymentReference() != null) {
                this.paymentReference = details.paymentReference();
            }
            this.updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        return changed;
    }

    /**
     * Makes the order's lines the given ones, matched by position: a line at the same position is
     * updated in place, extra positions are added, missing ones removed.
     */
    public LineChanges replaceLines(List<LineDetails> wanted) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (int i = 0; i < wanted.size(); i++) {
            LineDetails details = wanted.get(i);
            if (i < lines.size()) {
                if (lines.get(i).apply(details)) {
                    updated++;
                } else {
                    unchanged++;
                }
            } else {
                lines.add(new OrderLine(this, i + 1, details));
                created++;
            }
        }
        int removed = 0;
        while (lines.size() > wanted.size()) {
            lines.remove(lines.size() - 1);
            removed++;
        }
        if (updated + created + removed > 0) {
            updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        return new LineChanges(created, updated, unchanged, removed);
    }

    /**
     * A carrier scan: the newest scan sets the tracking status; delivery marks the order delivered.
     * Returns whether the order changed.
     */
    public boolean recordScan(String status, Instant scannedAt, boolean delivered) {
        Instant at = scannedAt.truncatedTo(ChronoUnit.SECONDS);
        if (lastScanAt != null && at.isBefore(lastScanAt)) {
            return false; // an older scan arriving late changes nothing
        }
        lastScanAt = at;
        trackingStatus = status;
        if (delivered && this.status != OrderStatus.RETURNED && this.status != OrderStatus.CANCELLED) {
            this.status = OrderStatus.DELIVERED;
            if (deliveredAt == null) {
                deliveredAt = at;
            }
        }
        updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return true;
    }

    /**
     * What the platform says happened to the order (webhook): cancelled, or shipped with tracking.
     * Returns a short description of what changed, or null when nothing did.
     */
    public String applyPlatformUpdate(boolean cancelled, String carrier, String trackingNumber, Instant shippedAt) {
        StringBuilder changed = new StringBuilder();
        if (cancelled && status != OrderStatus.CANCELLED) {
            status = OrderStatus.CANCELLED;
            changed.append("cancelled ");
        }
        if (!cancelled && trackingNumber != null && !trackingNumber.equals(this.trackingNumber)) {
            this.trackingNumber = trackingNumber;
            this.carrier = carrier;
            changed.append("tracking ").append(trackingNumber).append(' ');
        }
        if (!cancelled && shippedAt != null && this.shippedAt == null) {
            this.shippedAt = shippedAt.truncatedTo(ChronoUnit.SECONDS);
            if (status == OrderStatus.PLACED) {
                status = OrderStatus.SHIPPED;
            }
            changed.append("shipped ");
        }
        if (changed.isEmpty()) {
            return null;
        }
        updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return changed.toString().strip();
    }

    public void freeze(String reason) {
        this.frozen = true;
        this.frozenReason = reason;
    }

    public void release() {
        this.frozen = false;
        this.frozenReason = null;
    }

    public BigDecimal total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Store getStore() { return store; }
    public String getPlatformOrderId() { return platformOrderId; }
    public Buyer getBuyer() { return buyer; }
    public String getDestinationCountry() { return destinationCountry; }
    public String getCurrency() { return currency; }
    public OrderStatus getStatus() { return status; }
    public Instant getOrderedAt() { return orderedAt; }
    public Instant getShippedAt() { return shippedAt; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public String getCarrier() { return carrier; }
    public String getTrackingNumber() { return trackingNumber; }
    public String getPaymentReference() { return paymentReference; }
    public boolean isFrozen() { return frozen; }
    public String getFrozenReason() { return frozenReason; }
    public String getTrackingStatus() { return trackingStatus; }
    public Instant getLastScanAt() { return lastScanAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public List<OrderLine> getLines() { return Collections.unmodifiableList(lines); }
}
