package com.helloword.aftersales.integration.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/** One webhook event a provider sent, kept so a replayed delivery is recognised. No payload is stored. */
@Entity
@Table(name = "webhook_events")
class WebhookEvent extends CaseFileEntity {

    private String provider;
    private String eventId;
    private String topic;
    private String account;
    private Instant receivedAt;
    private String outcome;

    protected WebhookEvent() {
    }

    WebhookEvent(String provider, String eventId, String topic, String account, Instant receivedAt) {
        this.provider = provider;
        this.eventId = eventId;
        this.topic = topic;
        this.account = account;
        this.receivedAt = receivedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    void processed(String outcome) {
        this.outcome = outcome == null ? null : outcome.length() > 500 ? outcome.substring(0, 500) : outcome;
    }
}
