package com.helloword.aftersales.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.icegreen.greenmail.util.GreenMail;
import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;

/**
 * What the system has queued and sent: the outbox, newest first, and with the embedded SMTP
 * server, the mails that server received.
 */
@RestController
@RequestMapping("/api/outbox")
class OutboxController {

    record OutboxEntryView(long id, String idempotencyKey, Long caseId, String template, String language,
            String recipientType, OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError,
            Instant createdAt, Instant sentAt) {
    }

    record ReceivedMailView(List<String> to, List<String> from, String subject, Instant sentAt) {
    }

    private final OutboxRepository outbox;
    private final ObjectProvider<GreenMail> embeddedSmtp;
    private final ApiAccess access;
    private final Clock clock;

    OutboxController(OutboxRepository outbox, ObjectProvider<GreenMail> embeddedSmtp, ApiAccess access,
            Clock clock) {
        this.outbox = outbox;
        this.embeddedSmtp = embeddedSmtp;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<OutboxEntryView> entries(@RequestParam(required = false) OutboxStatus status,
            @RequestParam(defaultValue = "100") int limit) {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.TEAM_LEADS);
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(limit, 1000)));
        List<OutboxMessage> messages = status == null ? outbox.findAllByOrderByIdDesc(page)
                : outbox.findByStatusOrderByIdDesc(status, page);
        return messages.stream().map(OutboxController::view).toList();
    }

    /** A manager sends a FAILED mail again (after fixing the template or the SMTP settings). */
    @PostMapping("/{id}/retry")
    @Transactional
    OutboxEntryView retry(@PathVariable long id) {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.TEAM_LEADS);
        OutboxMessage message = outbox.findById(id).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No outbox message " + id));
        if (message.getStatus() != OutboxStatus.FAILED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Only FAILED mail can be sent again; message " + id + " is " + message.getStatus());
        }
        message.requeue(clock.instant());
        return view(message);
    }

    private static OutboxEntryView view(OutboxMessage m) {
        return new OutboxEntryView(m.getId(), m.getIdempotencyKey(), m.getCaseId(), m.getTemplate(), m.getLanguage(),
                m.getRecipientType(), m.getStatus(), m.getAttempts(), m.getNextAttemptAt(), m.getLastError(),
                m.getCreatedAt(), m.getSentAt());
    }

    @GetMapping("/mailbox")
    List<ReceivedMailView> mailbox() throws MessagingException {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.TEAM_LEADS);
        GreenMail server = embeddedSmtp.getIfAvailable();
        if (server == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "No embedded SMTP server here; mail goes to the SMTP server at SMTP_HOST");
        }
        MimeMessage[] received = server.getReceivedMessages();
        List<ReceivedMailView> views = new ArrayList<>();
        for (int i = received.length - 1; i >= 0; i--) {
            MimeMessage m = received[i];
            views.add(new ReceivedMailView(addresses(m.getAllRecipients()), addresses(m.getFrom()), m.getSubject(),
                    m.getSentDate() == null ? null : m.getSentDate().toInstant()));
        }
        return views;
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }
}
