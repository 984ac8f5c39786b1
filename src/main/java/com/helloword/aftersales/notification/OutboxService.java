package com.helloword.aftersales.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** Keys per look-up of {@link #queueAll}: well inside every database's limit for an IN list. */
    private static final int KEYS_PER_QUERY = 500;

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
            return outbox.save(message(request));
        });
    }

    /**
     * Many mails at once, each queued once as {@link #queue} would: one query for the keys queued already, each
     * template checked once, the new rows inserted in batches. Returns how many were new.
     */
    @Transactional
    public int queueAll(List<MailRequest> requests) {
        if (requests.isEmpty()) {
            return 0;
        }
        Set<String> queued = new HashSet<>();
        List<String> keys = requests.stream().map(MailRequest::idempotencyKey).distinct().toList();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            queued.addAll(outbox.findExistingKeys(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY))));
        }
        Set<String> checkedTemplates = new HashSet<>();
        List<OutboxMessage> fresh = new ArrayList<>();
        for (MailRequest request : requests) {
            if (queued.add(request.idempotencyKey())) {
                if (checkedTemplates.add(request.template())) {
                    templates.requireTemplate(request.template());
                }
                fresh.add(message(request));
            }
        }
        outbox.saveAll(fresh);
        return fresh.size();
    }

    private OutboxMessage message(MailRequest request) {
        if (request.recipientType() == RecipientType.BUYER && !request.recipientRef().matches("\\d+")) {
            throw new IllegalArgumentException("A BUYER recipient is a buyer id, not " + request.recipientRef());
        }
        return new OutboxMessage(request.idempotencyKey(), request.caseId(), request.template(), request.language(),
                request.recipientType(), request.recipientRef(), json(request), clock.instant());
    }

    private String json(MailRequest request) {
        try {
            return objectMapper.writeValueAsString(request.model());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The mail model must be plain JSON values", e);
        }
    }
}
