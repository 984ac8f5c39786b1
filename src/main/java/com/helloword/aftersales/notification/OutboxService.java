package com.helloword.aftersales.notification;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where steps queue mail: in the caller's transaction, so the mail exists exactly when the decision
 * to send it was committed. The same idempotency key queues once; the unique key also holds when
 * two nodes race.
 */
@Service
public class OutboxService {

    private final OutboxRepository outbox;
    private final MailTemplates templates;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    OutboxService(OutboxRepository outbox, MailTemplates templates, ObjectMapper objectMapper, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Transactional
    public OutboxMessage queue(MailRequest request) {
        return outbox.findByIdempotencyKey(request.idempotencyKey()).orElseGet(() -> {
            templates.requireTemplate(request.template());
            if (request.recipientType() == RecipientType.BUYER && !request.recipientRef().matches("\\d+")) {
                throw new IllegalArgumentException("A BUYER recipient is a buyer id, not " + request.recipientRef());
            }
            return outbox.save(new OutboxMessage(request.idempotencyKey(), request.caseId(), request.template(),
                    request.language(), request.recipientType(), request.recipientRef(), json(request), clock.instant()));
        });
    }

    private String json(MailRequest request) {
        try {
            return objectMapper.writeValueAsString(request.model());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The mail model must be plain JSON values", e);
        }
    }
}
