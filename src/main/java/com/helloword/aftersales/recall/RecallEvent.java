package com.helloword.aftersales.recall;

import com.helloword.aftersales.casefile.CaseFileEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One line of a recall's timeline (decisions, plans, filings, delistings, notices): the report's history. */
@Entity
@Table(name = "recall_events")
public class RecallEvent extends CaseFileEntity {

    @Column(updatable = false)
    private Long recallId;
    @Column(name = "occurred_at", updatable = false)
    private Instant at;
    @Column(updatable = false)
    private String kind;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String detail;

    protected RecallEvent() {
    }

    RecallEvent(Long recallId, Instant at, String kind, String actor, String detail) {
        this.recallId = recallId;
        this.at = at.truncatedTo(ChronoUnit.SECONDS);
        this.kind = kind;
        this.actor = actor;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    public Long getRecallId() { return recallId; }
    public Instant getAt() { return at; }
    public String getKind() { return kind; }
    public String getActor() { return actor; }
    public String getDetail() { return detail; }
}
