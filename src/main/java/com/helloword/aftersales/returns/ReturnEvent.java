package com.helloword.aftersales.returns;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/** One step in a return's timeline (REQUESTED, ELIGIBLE, LABEL_SENT, RECEIVED, INSPECTED, REFUNDED, CLOSED, …). */
@Entity
@Table(name = "return_events")
public class ReturnEvent extends CaseFileEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "return_id", updatable = false)
    private ReturnRequest returnRequest;
    private Instant occurredAt;
    private String code;
    private String detail;

    protected ReturnEvent() {
    }

    ReturnEvent(ReturnRequest returnRequest, String code, String detail, Instant occurredAt) {
        this.returnRequest = returnRequest;
        this.code = code;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public Instant getOccurredAt() { return occurredAt; }
    public String getCode() { return code; }
    public String getDetail() { return detail; }
}
