package com.helloword.aftersales.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers the outbox. Each message is first claimed in its own transaction (optimistic version
 * check plus a lease), so of several nodes exactly one sends it; then sent over SMTP; then marked
 * SENT. SMTP trouble means a retry with doubling backoff; after the last attempt, or at once for a
 * broken template or an unreachable recipient, the message is FAILED: listed in
 * {@code /api/outbox?status=FAILED}, counted in {@code aftersales.outbox.failed}, logged as an error,
 * and sent again only when a manager says so.
 */
@Component
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final MailComposer composer;
    private final JavaMailSender mailSender;
    private final TransactionTemplate transaction;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Counter sentCounter;
    private final Counter failedCounter;

    OutboxRelay(OutboxRepository outbox, MailComposer composer, JavaMailSender mailSender,
            TransactionTemplate transaction, OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.composer = composer;
        this.mailSender = mailSender;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.sentCounter = meters.counter("aftersales.outbox.sent");
        this.failedCounter = meters.counter("aftersales.outbox.failed");
    }

    /** Delivers what is due now; returns how many mails went out. */
    public int deliverDue() {
        int delivered = 0;
        for (Long id : outbox.findDueIds(clock.instant(), PageRequest.of(0, properties.batchSize()))) {
            if (deliver(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(Long id) {
        OutboxMessage claimed = claim(id);
        if (claimed == null) {
            return false;
        }
        MimeMessage mime;
        try {
            mime = composer.compose(claimed);
        } catch (RuntimeException e) { // a broken template, an erased buyer, bad model data: no retry helps
            giveUp(id, claimed, "cannot compose: " + e.getMessage());
            return false;
        }
        try {
            mailSender.send(mime);
        } catch (RuntimeException e) { // MailException mostly; anything else counts as a failed attempt too
            int attempts = claimed.getAttempts();
            if (attempts >= properties.maxAttempts()) {
                giveUp(id, claimed, "SMTP failed " + attempts + " times, last: " + e.getMessage());
            } else {
                Instant retryAt = clock.instant().plus(properties.backoffAfter(attempts));
                update(id, m -> m.attemptFailed("SMTP: " + e.getMessage(), retryAt));
                LOG.warn("Mail {} not delivered (attempt {}), retry at {}: {}", claimed.getIdempotencyKey(), attempts,
                        retryAt, e.getMessage());
            }
            return false;
        }
        update(id, m -> m.sent(clock.instant()));
        sentCounter.increment();
        return true;
    }

    /** Takes the message if it is still due; null when another relay was quicker. */
    private OutboxMessage claim(Long id) {
        try {
            return transaction.execute(status -> {
                OutboxMessage message = outbox.findById(id).orElse(null);
                if (message == null || !message.isDue(clock.instant())) {
                    return null;
                }
                message.claim(clock.instant(), properties.lease());
                return outbox.saveAndFlush(message);
            });
        } catch (ObjectOptimisticLockingFailureException raced) {
            return null;
        }
    }

    private void giveUp(Long id, OutboxMessage message, String reason) {
        update(id, m -> m.attemptFailed(reason, null));
        failedCounter.increment();
        LOG.error("Mail {} ({} to {} {}) FAILED: {}", message.getIdempotencyKey(), message.getTemplate(),
                message.getRecipientType(), message.getId(), reason);
    }

    private void update(Long id, Consumer<OutboxMessage> change) {
        transaction.executeWithoutResult(status -> outbox.findById(id).ifPresent(change));
    }
}
