package com.helloword.aftersales.casework;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/** A message of a case, from the buyer (inbound) or to the buyer (outbound). */
@Entity
@Table(name = "case_messages")
public class CaseMessage extends CaseFileEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", updatable = false)
    private AfterSalesCase afterSalesCase;
    @Enumerated(EnumType.STRING)
    private MessageDirection direction;
    private String channel;
    private String externalMessageId;
    private String subject;
    @Lob
    private String body;
    private String language;
    private Instant occurredAt;
    private Instant createdAt;

    protected CaseMessage() {
    }

    CaseMessage(AfterSalesCase afterSalesCase, MessageDirection direction, String channel, String externalMessageId,
            String subject, String body, String language, Instant occurredAt) {
        this.afterSalesCase = afterSalesCase;
        this.direction = direction;
        this.channel = channel;
        this.externalMessageId = externalMessageId;
        this.subject = subject;
        this.body = body;
        this.language = language;
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.SECONDS);
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public AfterSalesCase getAfterSalesCase() { return afterSalesCase; }
    public MessageDirection getDirection() { return direction; }
    public String getChannel() { return channel; }
    public String getExternalMessageId() { return externalMessageId; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getLanguage() { return language; }
    public Instant getOccurredAt() { return occurredAt; }
}
