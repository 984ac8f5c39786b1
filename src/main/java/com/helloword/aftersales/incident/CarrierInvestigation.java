package com.helloword.aftersales.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * A carrier investigation of a parcel the carrier reports delivered and the buyer says never came, opened for a
 * case. {@code openCaseId} is the case's id until the carrier answers (unique: one open investigation per case).
 * REQUESTED (recorded, not yet at the carrier), OPEN (the carrier has it, {@code carrierReference}), ANSWERED or
 * CLOSED.
 */
@Entity
@Table(name = "carrier_investigations")
public class CarrierInvestigation extends CaseFileEntity {

    static final String REQUESTED = "REQUESTED";
    static final String OPEN = "OPEN";

    @Column(updatable = false)
    private String investigationKey;
    @Column(updatable = false)
    private Long caseId;
    private Long openCaseId;
    @Column(updatable = false)
    private String caseKey;
    @Column(updatable = false)
    private Long orderId;
    @Column(updatable = false)
    private String carrier;
    @Column(updatable = false)
    private String trackingNumber;
    private String status;
    private String carrierReference;
    private String outcome;
    private String answer;
    @Column(updatable = false)
    private String requestedBy;
    @Column(updatable = false)
    private Instant requestedAt;
    private Instant openedAt;
    private Instant answeredAt;

    protected CarrierInvestigation() {
    }

    CarrierInvestigation(String investigationKey, long caseId, String caseKey, long orderId, String carrier,
            String trackingNumber, String requestedBy, Instant at) {
        this.investigationKey = investigationKey;
        this.caseId = caseId;
        this.openCaseId = caseId;
        this.caseKey = caseKey;
        this.orderId = orderId;
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        this.status = REQUESTED;
        this.requestedBy = requestedBy;
        this.requestedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void opened(String reference, Instant at) {
        this.status = OPEN;
        this.carrierReference = reference;
        this.openedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void answered(String state, String outcome, String answer, Instant at) {
        this.status = state;
        this.openCaseId = null;
        this.outcome = outcome == null || outcome.length() <= 32 ? outcome : outcome.substring(0, 32);
        this.answer = answer == null || answer.length() <= 4000 ? answer : answer.substring(0, 4000);
        this.answeredAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    public String getInvestigationKey() { return investigationKey; }
    public Long getCaseId() { return caseId; }
    public String getCaseKey() { return caseKey; }
    public Long getOrderId() { return orderId; }
    public String getCarrier() { return carrier; }
    public String getTrackingNumber() { return trackingNumber; }
    public String getStatus() { return status; }
    public String getCarrierReference() { return carrierReference; }
    public String getOutcome() { return outcome; }
    public String getAnswer() { return answer; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getAnsweredAt() { return answeredAt; }
    public boolean isOpen() { return openCaseId != null; }
}
