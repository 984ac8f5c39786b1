package com.helloword.aftersales.integration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.helloword.aftersales.casefile.CaseFileEntity;

/** A row of the {@link OperationJournal}. */
@Entity
@Table(name = "provider_operations")
class ProviderOperation extends CaseFileEntity {

    private String provider;
    private String idempotencyKey;
    @Enumerated(EnumType.STRING)
    private OperationJournal.State state;
    private String beforeState;
    private String result;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected ProviderOperation() {
    }

    ProviderOperation(String provider, String idempotencyKey, Instant now) {
        this.provider = provider;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = now.truncatedTo(ChronoUnit.SECONDS);
        this.updatedAt = createdAt;
    }

    void attempted(String before, Instant now) {
        state = OperationJournal.State.ATTEMPTED;
        beforeState = before;
        result = null;
        updatedAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    void done(String result, Instant now) {
        state = OperationJournal.State.DONE;
        this.result = result;
        updatedAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    OperationJournal.Entry entry() {
        return new OperationJournal.Entry(state, beforeState, result);
    }
}
