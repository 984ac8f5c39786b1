package com.helloword.aftersales.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.icegreen.greenmail.util.GreenMail;
import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;

/**
 * The embedded mailbox for people: {@code GET /api/outbox/mailbox} asked for HTML (a browser) lists the mails
 * the embedded SMTP server received, {@code /api/outbox/mailbox/{id}} shows one. The JSON answer at the same
 * address stays as it is ({@link OutboxController}). Same access as the JSON. Everything in the page is
 * HTML-escaped (templates/pages/mailbox*); the mail's own HTML is shown as sent inside a sandboxed iframe
 * ({@code srcdoc}, escaped as an attribute value): no script runs, nothing is loaded, and the page's
 * Content-Security-Policy applies to it as well.
 */
@RestController
@RequestMapping("/api/outbox/mailbox")
class MailboxPageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** How many of the newest outbox rows are matched with the mails, to show their status. */
    private static final int OUTBOX_ROWS_MATCHED = 1000;

    private final ObjectProvider<GreenMail> embeddedSmtp;
    private final OutboxRepository outbox;
    private final MailTemplates templates;
    private final ApiAccess access;
    private final String from;

    MailboxPageController(ObjectProvider<GreenMail> embeddedSmtp, OutboxRepository outbox, MailTemplates templates,
            ApiAccess access, @Value("${aftersales.mail.from}") String from) {
        this.embeddedSmtp = embeddedSmtp;
        this.outbox = outbox;
        this.templates = templates;
        this.access = access;
        this.from = from;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    @Transactional(readOnly = true)
    ResponseEntity<String> list(@RequestParam(defaultValue = "100") int limit, HttpServletRequest request)
            throws MessagingException {
        GreenMail server = server();
        List<MimeMessage> mails = ReceivedMailReader.distinctNewestFirst(server.getReceivedMessages());
        Map<String, OutboxMessage> sentBy = outboxByMessageId();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MimeMessage mail : mails.subList(0, Math.min(mails.size(), Math.max(1, Math.min(limit, 1000))))) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", ReceivedMailReader.id(mail));
            row.put("to", String.join(", ", ReceivedMailReader.addresses(mail.getAllRecipients())));
            row.put("subject", mail.getSubject() == null ? "(no subject)" : mail.getSubject());
            row.put("date", time(ReceivedMailReader.receivedAt(mail)));
            row.put("status", status(sentBy.get(mail.getMessageID())));
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("mails", rows);
        model.put("total", mails.size());
        model.put("base", request.getContextPath() + "/api/outbox/mailbox");
        return page("mailbox", model);
    }

    @GetMapping(value = "/{id}", produces = MediaType.TEXT_HTML_VALUE)
    @Transactional(readOnly = true)
    ResponseEntity<String> message(@PathVariable String id, HttpServletRequest request)
            throws MessagingException, IOException {
        GreenMail server = server();
        MimeMessage found = null;
        for (MimeMessage mail : server.getReceivedMessages()) {
            if (ReceivedMailReader.id(mail).equals(id)) {
                found = mail;
                break;
            }
        }
        if (found == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No mail " + id + " in the embedded mailbox");
        }
        ReceivedMailReader.Mail mail = ReceivedMailReader.read(found);
        OutboxMessage sent = mail.messageId() == null ? null : outboxByMessageId().get(mail.messageId());
        Map<String, Object> view = new HashMap<>();
        view.put("subject", mail.subject() == null ? "(no subject)" : mail.subject());
        view.put("from", String.join(", ", mail.from()));
        view.put("to", String.join(", ", mail.to()));
        view.put("sent", time(mail.sentAt()));
        view.put("received", time(mail.receivedAt()));
        view.put("messageId", mail.messageId() == null ? "" : mail.messageId());
        view.put("language", mail.language() == null ? "" : mail.language());
        view.put("status", status(sent));
        view.put("template", sent == null ? "" : sent.getTemplate());
        view.put("idempotencyKey", sent == null ? "" : sent.getIdempotencyKey());
        view.put("attachments", mail.attachments().stream()
                .map(a -> Map.of("name", a.name(), "type", a.type())).toList());
        if (mail.html() != null) {
            view.put("html", mail.html());
        }
        if (mail.text() != null) {
            view.put("text", paragraphs(mail.text()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("mail", view);
        model.put("base", request.getContextPath() + "/api/outbox/mailbox");
        return page("mailbox-message", model);
    }

    /** The same access as the JSON; then the embedded server, which exists on the embedded default only. */
    private GreenMail server() {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.TEAM_LEADS);
        GreenMail server = embeddedSmtp.getIfAvailable();
        if (server == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "No embedded SMTP server here; mail goes to the SMTP server at SMTP_HOST");
        }
        return server;
    }

    /** The newest outbox rows by the Message-ID their mail carries ({@link MailComposer#messageId}). */
    private Map<String, OutboxMessage> outboxByMessageId() {
        Map<String, OutboxMessage> byId = new LinkedHashMap<>();
        for (OutboxMessage row : outbox.findAllByOrderByIdDesc(PageRequest.of(0, OUTBOX_ROWS_MATCHED))) {
            byId.put(MailComposer.messageId(row.getIdempotencyKey(), from), row);
        }
        return byId;
    }

    /** The text part as paragraphs (split at blank lines) of lines, so the page wraps it without styles. */
    static List<List<String>> paragraphs(String text) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").strip().split("\n\\s*\n")) {
            paragraphs.add(paragraph.lines().map(String::stripTrailing).toList());
        }
        return paragraphs;
    }

    private static String status(OutboxMessage row) {
        return row == null ? "not from the outbox" : row.getStatus().name();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private ResponseEntity<String> page(String name, Map<String, Object> model) {
        // no-store, nosniff and the Content-Security-Policy come from PersonalDataHeaders, as for all of /api
        return ResponseEntity.ok().contentType(HTML).body(templates.renderPage(name, "en", model).html());
    }
}
