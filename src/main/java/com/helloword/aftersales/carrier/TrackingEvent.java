package com.helloword.aftersales.carrier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/** A normalised carrier scan of one order's parcel, kept once (by {@code eventKey}) however often it is reported. */
@Entity
@Table(name = "tracking_events")
public class TrackingEvent extends CaseFileEntity {

    private Long orderId;
    private String trackingNumber;
    private String carrier;
    @Enumerated(EnumType.STRING)
    private TrackingStatus status;
    private String subStatus;
    private String description;
    private String location;
    private String signer;
    private String proofUrl;
    private Instant occurredAt;
    private String source;
    private String eventKey;
    private Instant createdAt;

    protected TrackingEvent() {
    }

    TrackingEvent(Long orderId, String trackingNumber, String carrier, TrackingPort.TrackedEvent event, String source,
            String eventKey, Instant now) {
        this.orderId = orderId;
        this.trackingNumber = cut(trackingNumber, 100);
        this.carrier = cut(carrier, 64);
        this.status = event.status();
        this.subStatus = cut(event.subStatus(), 64);
        this.description = cut(event.description(), 1000);
        this.location = cut(event.location(), 300);
        this.signer = cut(event.signer(), 200);
        this.proofUrl = event.proofUrl() == null || event.proofUrl().length() > 500 ? null : event.proofUrl();
        this.occurredAt = event.occurredAt().truncatedTo(ChronoUnit.SECONDS);
        this.source = source;
        this.eventKey = eventKey;
        this.createdAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getOrderId() { return orderId; }
    public String getTrackingNumber() { return trackingNumber; }
    public String getCarrier() { return carrier; }
    public TrackingStatus getStatus() { return status; }
    public String getSubStatus() { return subStatus; }
    public String getDescription() { return description; }
    public String getLocation() { return location; }
    public String getSigner() { return signer; }
    /** The carrier's link to the proof of delivery (signature or photo), or null. */
    public String getProofUrl() { return proofUrl; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getSource() { return source; }
}
