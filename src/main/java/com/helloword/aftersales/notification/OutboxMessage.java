package com.helloword.aftersales.notification;

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
    private String lastError;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant sentAt;
    @Version
    private long version;

    protected OutboxMessage() {
    }

    public OutboxMessage(String idempotencyKey, Long caseId, String template, String language, String recipientType,
            String recipientRef, String modelJson) {
        this.idempotencyKey = idempotencyKey;
        this.caseId = caseId;
        this.template = template;
        this.language = language;
        this.recipientType = recipientType;
        this.recipientRef = recipientRef;
        this.modelJson = modelJson;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.nextAttemptAt = createdAt;
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
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
}
