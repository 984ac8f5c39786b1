package com.helloword.aftersales.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * A batch shipment incident a manager declared: the selector of the shipped orders it affects, the cause, and
 * the follow-up times the incidentFollowUp table gave (reminder, end of the choice window, the order in which a
 * default remedy is picked among the three offered).
 */
@Entity
@Table(name = "shipment_incidents")
public class ShipmentIncident extends CaseFileEntity {

    @Column(name = "incident_key")
    private String key;
    @Enumerated(EnumType.STRING)
    private IncidentState state;
    @Column(updatable = false)
    private String cause;
    @Column(updatable = false)
    private String message;
    @Column(name = "sel_carrier", updatable = false)
    private String carrier;
    @Column(name = "sel_country", updatable = false)
    private String destinationCountry;
    @Column(name = "sel_shipped_from", updatable = false)
    private Instant shippedFrom;
    @Column(name = "sel_shipped_to", updatable = false)
    private Instant shippedTo;
    @Column(name = "sel_store_ids", updatable = false)
    private String storeIds;
    @Column(name = "sel_tracking_status", updatable = false)
    private String trackingStatus;
    private Integer affectedOrders;
    private Integer skippedOrders;
    private Integer chunksTotal;
    private Instant reminderAt;
    private Instant choiceEndsAt;
    private String defaultPreference;
    private String processInstanceId;
    @Column(updatable = false)
    private String declaredBy;
    @Column(updatable = false)
    private Instant declaredAt;
    private Instant closedAt;
    @Version
    private long version;

    protected ShipmentIncident() {
    }

    ShipmentIncident(IncidentSelector selector, String cause, String message, String declaredBy, Instant now) {
        this.key = "INC-new-" + UUID.randomUUID(); // until it has its id
        this.state = IncidentState.DECLARED;
        this.cause = cause;
        this.message = message;
        this.carrier = selector.carrier();
        this.destinationCountry = selector.destinationCountry();
        this.shippedFrom = selector.shippedFrom();
        this.shippedTo = selector.shippedTo();
        this.storeIds = selector.storeIds() == null || selector.storeIds().isEmpty() ? null
                : String.join(",", selector.storeIds());
        this.trackingStatus = selector.trackingStatus();
        this.declaredBy = declaredBy;
        this.declaredAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The key people see ({@code INC-<id>}), once the row has its id. */
    void keyed() {
        this.key = "INC-" + getId();
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void followUp(Instant reminderAt, Instant choiceEndsAt, String defaultPreference) {
        this.reminderAt = reminderAt.truncatedTo(ChronoUnit.SECONDS);
        this.choiceEndsAt = choiceEndsAt.truncatedTo(ChronoUnit.SECONDS);
        this.defaultPreference = defaultPreference;
    }

    void affected(int orders, int skipped, int chunks) {
        this.affectedOrders = orders;
        this.skippedOrders = skipped;
        this.chunksTotal = chunks;
        this.state = IncidentState.OPEN;
    }

    void settling() {
        if (state == IncidentState.OPEN) {
            state = IncidentState.SETTLING;
        }
    }

    void closed(Instant at) {
        state = IncidentState.CLOSED;
        closedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    public IncidentSelector selector() {
        return new IncidentSelector(carrier, destinationCountry, shippedFrom, shippedTo,
                storeIds == null ? List.of() : Arrays.asList(storeIds.split(",")), trackingStatus);
    }

    public String getKey() { return key; }
    public IncidentState getState() { return state; }
    public String getCause() { return cause; }
    public String getMessage() { return message; }
    public Integer getAffectedOrders() { return affectedOrders; }
    public Integer getSkippedOrders() { return skippedOrders; }
    public int chunks() { return chunksTotal == null ? 0 : chunksTotal; }
    public Instant getReminderAt() { return reminderAt; }
    public Instant getChoiceEndsAt() { return choiceEndsAt; }
    public String getDefaultPreference() { return defaultPreference; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getDeclaredBy() { return declaredBy; }
    public Instant getDeclaredAt() { return declaredAt; }
    public Instant getClosedAt() { return closedAt; }
}
