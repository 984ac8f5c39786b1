package com.helloword.aftersales.integration.webhook;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes each provider event once. The event is recorded and processed in one transaction: a
 * replay of a processed event is acknowledged and skipped; an event whose processing failed leaves
 * no trace, so the provider's own retry brings it again. Of two copies arriving at once, the unique
 * (provider, event id) lets one through.
 */
@Service
public class WebhookInbox {

    public enum Outcome {
        PROCESSED, DUPLICATE
    }

    public record Receipt(Outcome outcome, String detail) {
    }

    private final WebhookEventRepository events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WebhookInbox(WebhookEventRepository events, TransactionTemplate transaction, Clock clock) {
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Receipt receive(String provider, String eventId, String topic, String account, Supplier<String> process) {
        try {
            return transaction.execute(status -> {
                if (events.countByProviderAndEventId(provider, eventId) > 0) {
                    return new Receipt(Outcome.DUPLICATE, "event " + eventId + " was processed before");
                }
                WebhookEvent event = events.saveAndFlush(new WebhookEvent(provider, eventId, topic, account,
                        clock.instant()));
                String detail = process.get();
                event.processed(detail);
                return new Receipt(Outcome.PROCESSED, detail);
            });
        } catch (DataIntegrityViolationException conflict) {
            // a copy of this event processed at the same moment; anything else failed and must come again
            if (events.countByProviderAndEventId(provider, eventId) > 0) {
                return new Receipt(Outcome.DUPLICATE, "event " + eventId + " arrived twice at once");
            }
            throw conflict;
        }
    }
}
