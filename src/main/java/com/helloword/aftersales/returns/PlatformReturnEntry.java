package com.helloword.aftersales.returns;

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
 * A return a buyer opened on a platform, as this system saw it: kept once per store and platform
 * return id, whether it came from a feed (eBay, Amazon) or a webhook (Shopify). It becomes a
 * {@link ReturnRequest}; one that cannot yet (its order is not in the case file) stays UNMATCHED with
 * the reason and is tried again, so none is lost.
 */
@Entity
@Table(name = "platform_returns")
public class PlatformReturnEntry extends CaseFileEntity {

    public enum Status {
        /** A return of this system carries it out. */
        OPENED,
        /** Not yet: the problem says why (an order not imported yet, an SKU not on the order); tried again. */
        UNMATCHED,
        /** Already over on the platform when first seen (closed, cancelled, declined): nothing to do. */
        IGNORED
    }

    private String storeId;
    private String platformReturnId;
    private String platformOrderId;
    private String sku;
    private int quantity;
    private String platformReason;
    private String reason;
    private String wanted;
    private String platformState;
    private String carrier;
    private String trackingNumber;
    private Instant requestedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String problem;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "return_id")
    private ReturnRequest returnRequest;
    private int attempts;
    private Instant firstSeenAt;
    private Instant lastTriedAt;
    @Version
    private long version;

    protected PlatformReturnEntry() {
    }

    public PlatformReturnEntry(String storeId, String platformReturnId, String platformOrderId, String sku,
            int quantity, String platformReason, String reason, String wanted, String platformState, String carrier,
            String trackingNumber, Instant requestedAt, Instant seenAt) {
        this.storeId = storeId;
        this.platformReturnId = platformReturnId;
        this.platformOrderId = platformOrderId;
        this.sku = sku;
        this.quantity = Math.max(1, quantity);
        this.platformReason = cut(platformReason, 64);
        this.reason = reason;
        this.wanted = wanted;
        this.platformState = cut(platformState, 64);
        this.carrier = cut(carrier, 64);
        this.trackingNumber = cut(trackingNumber, 100);
        this.requestedAt = requestedAt == null ? null : requestedAt.truncatedTo(ChronoUnit.SECONDS);
        this.firstSeenAt = seenAt.truncatedTo(ChronoUnit.SECONDS);
        this.lastTriedAt = firstSeenAt;
        this.status = Status.UNMATCHED;
    }

    /** The platform's news of the same return (a later state, a label it made since). */
    public void update(String platformState, String carrier, String trackingNumber) {
        if (platformState != null) {
            this.platformState = cut(platformState, 64);
        }
        if (trackingNumber != null) {
            this.carrier = cut(carrier, 64);
            this.trackingNumber = cut(trackingNumber, 100);
        }
    }

    public void opened(ReturnRequest request, Instant at) {
        this.returnRequest = request;
        this.status = Status.OPENED;
        this.problem = null;
        tried(at);
    }

    public void ignored(String why, Instant at) {
        this.status = Status.IGNORED;
        this.problem = cut(why, 500);
        tried(at);
    }

    public void unmatched(String problem, Instant at) {
        this.status = Status.UNMATCHED;
        this.problem = cut(problem, 500);
        tried(at);
    }

    private void tried(Instant at) {
        attempts++;
        lastTriedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public String getStoreId() { return storeId; }
    public String getPlatformReturnId() { return platformReturnId; }
    public String getPlatformOrderId() { return platformOrderId; }
    public String getSku() { return sku; }
    public int getQuantity() { return quantity; }
    public String getPlatformReason() { return platformReason; }
    public String getReason() { return reason; }
    public String getWanted() { return wanted; }
    public String getPlatformState() { return platformState; }
    public String getCarrier() { return carrier; }
    public String getTrackingNumber() { return trackingNumber; }
    public Instant getRequestedAt() { return requestedAt; }
    public Status getStatus() { return status; }
    public String getProblem() { return problem; }
    public ReturnRequest getReturnRequest() { return returnRequest; }
    public int getAttempts() { return attempts; }
    public Instant getFirstSeenAt() { return firstSeenAt; }
    public Instant getLastTriedAt() { return lastTriedAt; }
}
