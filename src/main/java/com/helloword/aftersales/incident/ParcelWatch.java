package com.helloword.aftersales.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * One silence or one carrier exception of an order's parcel, worked by one {@code stuckParcelProcess} instance
 * (business key {@code parcel-watch:<id>}). Unique per (order, kind, silence start): the same silence never opens a
 * second watch, so the buyer is never mailed twice for it.
 */
@Entity
@Table(name = "parcel_watches")
class ParcelWatch extends CaseFileEntity {

    /** What opened the watch. */
    enum Kind {
        QUIET, EXCEPTION
    }

    enum State {
        OPEN, CLOSED
    }

    private Long orderId;
    private Long openOrderId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String trackingNumber;
    private String carrier;
    private String statusWord;
    private String subStatus;
    private Instant silenceStartedAt;
    private Integer quietDays;
    private String offeredOptions;
    private String exceptionKind;
    private String handlingPath;
    private String decidedBy;
    private Long caseId;
    private String processInstanceId;
    @Enumerated(EnumType.STRING)
    private State watchState;
    private String outcome;
    private Instant openedAt;
    private Instant closedAt;

    protected ParcelWatch() {
    }

    private ParcelWatch(Long orderId, Kind kind, String trackingNumber, String carrier, Instant silenceStartedAt,
            Instant now) {
        this.orderId = orderId;
        this.openOrderId = orderId;
        this.kind = kind;
        this.trackingNumber = trackingNumber;
        this.carrier = cut(carrier, 64);
        this.silenceStartedAt = silenceStartedAt.truncatedTo(ChronoUnit.SECONDS);
        this.watchState = State.OPEN;
        this.openedAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A parcel quiet for longer than the parcelQuietLimit table allows. */
    static ParcelWatch quiet(Long orderId, String trackingNumber, String carrier, Instant silenceStartedAt,
            int quietDays, String offeredOptions, String decidedBy, Instant now) {
        ParcelWatch watch = new ParcelWatch(orderId, Kind.QUIET, trackingNumber, carrier, silenceStartedAt, now);
        watch.quietDays = quietDays;
        watch.offeredOptions = cut(offeredOptions, 200);
        watch.decidedBy = cut(decidedBy, 300);
        return watch;
    }

    /** A carrier exception scan (its status and sub-status as the tracking service words them). */
    static ParcelWatch exception(Long orderId, String trackingNumber, String carrier, String statusWord,
            String subStatus, Instant scannedAt, Instant now) {
        ParcelWatch watch = new ParcelWatch(orderId, Kind.EXCEPTION, trackingNumber, carrier, scannedAt, now);
        watch.statusWord = cut(statusWord, 24);
        watch.subStatus = cut(subStatus, 64);
        return watch;
    }

    /** The carrierExceptionHandling table's answer. */
    void decided(String exceptionKind, String handlingPath, String decidedBy) {
        this.exceptionKind = cut(exceptionKind, 32);
        this.handlingPath = cut(handlingPath, 32);
        this.decidedBy = cut(decidedBy, 300);
    }

    void attach(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void caseOpened(long caseId) {
        this.caseId = caseId;
    }

    /** Returns whether it was open. */
    boolean close(String outcome, Instant now) {
        if (watchState == State.CLOSED) {
            return false;
        }
        this.watchState = State.CLOSED;
        this.openOrderId = null;
        this.outcome = cut(outcome, 32);
        this.closedAt = now.truncatedTo(ChronoUnit.SECONDS);
        return true;
    }

    boolean isOpen() {
        return watchState == State.OPEN;
    }

    String businessKey() {
        return StuckParcelProcess.businessKey(getId());
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    Long getOrderId() { return orderId; }
    Kind getKind() { return kind; }
    String getTrackingNumber() { return trackingNumber; }
    String getCarrier() { return carrier; }
    String getStatusWord() { return statusWord; }
    String getSubStatus() { return subStatus; }
    Instant getSilenceStartedAt() { return silenceStartedAt; }
    Integer getQuietDays() { return quietDays; }
    String getOfferedOptions() { return offeredOptions; }
    String getExceptionKind() { return exceptionKind; }
    String getHandlingPath() { return handlingPath; }
    String getDecidedBy() { return decidedBy; }
    Long getCaseId() { return caseId; }
    String getProcessInstanceId() { return processInstanceId; }
    State getWatchState() { return watchState; }
    String getOutcome() { return outcome; }
    Instant getOpenedAt() { return openedAt; }
    Instant getClosedAt() { return closedAt; }
}
