package com.helloword.aftersales.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The mails the embedded server received, as the mailbox page shows them: one entry per mail (a mail to
 * several addresses is stored once per mailbox, and listed once), newest first, each with a short id made
 * from its Message-ID, and its HTML and text parts.
 */
final class ReceivedMailReader {

    private ReceivedMailReader() {
    }

    record Attachment(String name, String type) {
    }

    /** One received mail. {@code html} and {@code text} are null where the mail has no such part. */
    record Mail(String id, String messageId, List<String> from, List<String> to, String subject, Instant sentAt,
            Instant receivedAt, String language, String html, String text, List<Attachment> attachments) {
    }

    /** Newest first; copies of one mail (one per recipient's mailbox) once. */
    static List<MimeMessage> distinctNewestFirst(MimeMessage[] received) throws MessagingException {
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        for (MimeMessage message : received) {
            byId.putIfAbsent(id(message), message);
        }
        List<MimeMessage> mails = new ArrayList<>(byId.values());
        Map<MimeMessage, Instant> arrival = new IdentityHashMap<>();
        for (MimeMessage mail : mails) {
            arrival.put(mail, receivedAt(mail));
        }
        mails.sort(Comparator.comparing(arrival::get, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .reversed());
        return mails;
    }

    /**
     * A short id for the page's URL: from the Message-ID (the outbox derives it from the idempotency key), or
     * for a mail without one, from its dates, sender and subject. The same for every copy of the mail.
     */
    static String id(MimeMessage message) throws MessagingException {
        String basis = message.getMessageID();
        if (basis == null || basis.isBlank()) {
            basis = receivedAt(message) + "|" + message.getSentDate() + "|" + Arrays.toString(message.getFrom())
                    + "|" + message.getSubject();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant receivedAt(MimeMessage message) throws MessagingException {
        if (message.getReceivedDate() != null) {
            return message.getReceivedDate().toInstant();
        }
        return message.getSentDate() == null ? null : message.getSentDate().toInstant();
    }

    static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    static Mail read(MimeMessage message) throws MessagingException, IOException {
        Parts parts = new Parts();
        parts.collect(message);
        String text = parts.text != null ? parts.text : parts.html == null ? null : HtmlToText.convert(parts.html);
        return new Mail(id(message), message.getMessageID(), addresses(message.getFrom()),
                addresses(message.getAllRecipients()), message.getSubject(),
                message.getSentDate() == null ? null : message.getSentDate().toInstant(), receivedAt(message),
                message.getHeader("Content-Language", ","), parts.html, text, List.copyOf(parts.attachments));
    }

    /** The first HTML and first plain-text body part, and the names of the attachments. */
    private static final class Parts {

        String html;
        String text;
        final List<Attachment> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
                return;
            }
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (!attachment && part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            } else if (!attachment && part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else {
                String type = part.getContentType() == null ? "" : part.getContentType().split(";", 2)[0].strip();
                attachments.add(new Attachment(part.getFileName() == null ? "(no name)" : part.getFileName(), type));
            }
        }
    }
}
