package com.helloword.aftersales.dispute;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/** One line of a dispute's timeline (opened, claims joined, frozen, decided, approved, answered, released). */
@Entity
@Table(name = "dispute_events")
public class DisputeEvent extends CaseFileEntity {

    @Column(updatable = false)
    private Long disputeId;
    @Column(name = "occurred_at", updatable = false)
    private Instant at;
    @Column(updatable = false)
    private String kind;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String detail;

    protected DisputeEvent() {
    }

    DisputeEvent(Long disputeId, Instant at, String kind, String actor, String detail) {
        this.disputeId = disputeId;
        this.at = at.truncatedTo(ChronoUnit.SECONDS);
        this.kind = kind;
        this.actor = actor;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    public Long getDisputeId() { return disputeId; }
    public Instant getAt() { return at; }
    public String getKind() { return kind; }
    public String getActor() { return actor; }
    public String getDetail() { return detail; }
}
