package com.helloword.aftersales.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * A shipped order's tracking number as the tracking service knows it: registered (then pushed and, when the push
 * goes quiet, polled), or rejected with the service's reason and tried again later.
 */
@Entity
@Table(name = "parcel_registrations")
class ParcelRegistration extends CaseFileEntity {

    enum Status {
        PENDING, REGISTERED, REJECTED
    }

    private Long orderId;
    private String trackingNumber;
    private String carrier;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String reason;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant registeredAt;
    private Instant lastPolledAt;
    private Instant pollClaimedUntil;
    private Instant quietCheckSilence;
    private Instant quietCheckDue;
    private Instant createdAt;

    protected ParcelRegistration() {
    }

    ParcelRegistration(Long orderId, String trackingNumber, String carrier, Instant now) {
        this.orderId = orderId;
        this.trackingNumber = trackingNumber;
        this.carrier = carrier == null || carrier.length() <= 64 ? carrier : carrier.substring(0, 64);
        this.status = Status.PENDING;
        this.createdAt = now.truncatedTo(ChronoUnit.SECONDS);
        this.nextAttemptAt = createdAt;
    }

    void registered(Instant now) {
        status = Status.REGISTERED;
        reason = null;
        attempts++;
        registeredAt = now.truncatedTo(ChronoUnit.SECONDS);
        nextAttemptAt = null;
    }

    void rejected(String why, Instant retryAt) {
        status = Status.REJECTED;
        reason = why == null || why.length() <= 500 ? why : why.substring(0, 500);
        attempts++;
        nextAttemptAt = retryAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The quiet check asked about this silence; it asks again at {@code due} (or when a new scan ends it). */
    void quietChecked(Instant silence, Instant due) {
        quietCheckSilence = silence.truncatedTo(ChronoUnit.SECONDS);
        quietCheckDue = due.truncatedTo(ChronoUnit.SECONDS);
    }

    Long getOrderId() { return orderId; }
    String getTrackingNumber() { return trackingNumber; }
    String getCarrier() { return carrier; }
    Status getStatus() { return status; }
    String getReason() { return reason; }
    int getAttempts() { return attempts; }
    Instant getNextAttemptAt() { return nextAttemptAt; }
    Instant getRegisteredAt() { return registeredAt; }
    Instant getLastPolledAt() { return lastPolledAt; }
    Instant getQuietCheckDue() { return quietCheckDue; }
}
