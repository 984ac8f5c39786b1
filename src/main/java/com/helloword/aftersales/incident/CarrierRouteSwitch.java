package com.helloword.aftersales.incident;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A carrier route (carrier x destination country) whose complaint rate crossed the carrierRouteHealth table's
 * threshold, and logistics switching its new shipments to the backup carrier. {@code openRoute} is the route while
 * the switch task is open (unique: one open task per route).
 */
@Entity
@Table(name = "carrier_route_switches")
public class CarrierRouteSwitch extends com.helloword.aftersales.casefile.CaseFileEntity {

    @Column(updatable = false)
    private String route;
    private String openRoute;
    @Column(updatable = false)
    private String carrier;
    @Column(updatable = false)
    private String destinationCountry;
    @Column(updatable = false)
    private int shipments;
    @Column(updatable = false)
    private int complaints;
    @Column(updatable = false)
    private BigDecimal complaintRate;
    @Column(updatable = false)
    private String fromCarrier;
    private String toCarrier;
    private String note;
    private String processInstanceId;
    @Column(updatable = false)
    private Instant raisedAt;
    private Instant switchedAt;
    private String switchedBy;

    protected CarrierRouteSwitch() {
    }

    CarrierRouteSwitch(String route, String carrier, String destinationCountry, int shipments, int complaints,
            BigDecimal complaintRate, String backupCarrier, String processInstanceId, Instant at) {
        this.route = route;
        this.openRoute = route;
        this.carrier = carrier;
        this.destinationCountry = destinationCountry;
        this.shipments = shipments;
        this.complaints = complaints;
        this.complaintRate = complaintRate;
        this.fromCarrier = carrier;
        this.toCarrier = backupCarrier;
        this.processInstanceId = processInstanceId;
        this.raisedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    void switched(String toCarrier, String by, String note, Instant at) {
        this.openRoute = null;
        this.toCarrier = toCarrier;
        this.switchedBy = by;
        this.note = note == null || note.length() <= 4000 ? note : note.substring(0, 4000);
        this.switchedAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    public String getRoute() { return route; }
    public String getCarrier() { return carrier; }
    public String getDestinationCountry() { return destinationCountry; }
    public int getShipments() { return shipments; }
    public int getComplaints() { return complaints; }
    public BigDecimal getComplaintRate() { return complaintRate; }
    public String getFromCarrier() { return fromCarrier; }
    public String getToCarrier() { return toCarrier; }
    public String getNote() { return note; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getRaisedAt() { return raisedAt; }
    public Instant getSwitchedAt() { return switchedAt; }
    public String getSwitchedBy() { return switchedBy; }
    public boolean isOpen() { return openRoute != null; }
}
