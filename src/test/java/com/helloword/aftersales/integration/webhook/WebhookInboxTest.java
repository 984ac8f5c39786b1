package com.helloword.aftersales.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import com.helloword.aftersales.support.IntegrationTest;

@IntegrationTest
class WebhookInboxTest {

    @Autowired
    WebhookInbox inbox;

    @Test
    void processingThatFailsOnAConstraintIsNotTakenForADuplicateAndComesAgain() {
        String eventId = "evt-" + UUID.randomUUID();

        assertThatThrownBy(() -> inbox.receive("test", eventId, "topic", null, () -> {
            throw new DataIntegrityViolationException("a scan stored by a parallel push");
        })).isInstanceOf(DataIntegrityViolationException.class);

        WebhookInbox.Receipt again = inbox.receive("test", eventId, "topic", null, () -> "stored now");
        assertThat(again.outcome()).isEqualTo(WebhookInbox.Outcome.PROCESSED);
        assertThat(inbox.receive("test", eventId, "topic", null, () -> "never").outcome())
                .isEqualTo(WebhookInbox.Outcome.DUPLICATE);
    }
}
