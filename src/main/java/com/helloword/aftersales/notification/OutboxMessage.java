package com.helloword.aftersales.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.helloword.aftersales.casefile.CaseFileEntity;

/**
 * A mail the system decided to send, written in the same transaction as that decision. It names a
 * template, a language, a recipient reference and the ids the template needs; the idempotency key
 * (derived from case and step) is unique, so a step that runs twice cannot queue a mail twice.
 */
@Entity
@Table(name = "outbox_messages")
public class OutboxMessage extends CaseFileEntity {

    @Column(updatable = false)
    private String idempotencyKey;
    private Long caseId;
    private String template;
    private String language;
    private String recipientType;
    private String recipientRef;
    @Lob
    private String modelJson;
    @Enumerated(EnumType.STRING)
    private OutboxStatus status = OutboxStatus.PENDING;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant lockedUntil;
    private String lastError;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant sentAt;
    @Version
    private long version;

    protected OutboxMessage() {
    }

    OutboxMessage(String idempotencyKey, Long caseId, String template, String language, RecipientType recipientType,
            String recipientRef, String modelJson, Instant now) {
        this.idempotencyKey = idempotencyKey;
        this.caseId = caseId;
        this.template = template;
        this.language = language;
        this.recipientType = recipientType.name();
        this.recipientRef = recipientRef;
        this.modelJson = modelJson;
        this.createdAt = now.truncatedTo(ChronoUnit.SECONDS);
        this.nextAttemptAt = createdAt;
    }

    /** Due for a relay: pending and its time has come, or claimed by a relay whose lease ran out. */
    boolean isDue(Instant now) {
        return status == OutboxStatus.PENDING && !nextAttemptAt.isAfter(now)
                || status == OutboxStatus.SENDING && lockedUntil != null && lockedUntil.isBefore(now);
    }

    /** A relay takes the message for one attempt; the lease lets another relay take over if this one dies. */
    void claim(Instant now, Duration lease) {
        status = OutboxStatus.SENDING;
        attempts++;
        lockedUntil = now.plus(lease).truncatedTo(ChronoUnit.SECONDS);
    }

    void sent(Instant now) {
        status = OutboxStatus.SENT;
        sentAt = now.truncatedTo(ChronoUnit.SECONDS);
        lockedUntil = null;
        lastError = null;
    }

    /** An attempt failed: try again at {@code retryAt}, or give up (null) and show it as FAILED. */
    void attemptFailed(String error, Instant retryAt) {
        lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
        lockedUntil = null;
        if (retryAt == null) {
            status = OutboxStatus.FAILED;
        } else {
            status = OutboxStatus.PENDING;
            nextAttemptAt = retryAt.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /** A manager sends a FAILED message again, with a fresh set of attempts. */
    void requeue(Instant now) {
        status = OutboxStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    public String getIdempotencyKey() { return idempotencyKey; }
    public Long getCaseId() { return caseId; }
    public String getTemplate() { return template; }
    public String getLanguage() { return language; }
    public String getRecipientType() { return recipientType; }
    public String getRecipientRef() { return recipientRef; }
    public String getModelJson() { return modelJson; }
    public OutboxStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getLockedUntil() { return lockedUntil; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
}
