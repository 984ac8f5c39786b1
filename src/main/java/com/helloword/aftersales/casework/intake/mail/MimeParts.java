package com.helloword.aftersales.casework.intake.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.helloword.aftersales.integration.webhook.WebhookSignatures;
import com.helloword.aftersales.notification.HtmlToText;

/**
 * Reads a MIME message into a {@link ParsedMail}: the plain-text part (or the HTML part reduced to
 * text), the sender, and a Message-ID (a hash of sender, date, subject and body where the mail has
 * none, so the same mail still gets the same id).
 */
final class MimeParts {

    private static final int MAX_BODY = 100_000;

    private MimeParts() {
    }

    static ParsedMail parse(MimeMessage message) throws MessagingException, IOException {
        InternetAddress from = message.getFrom() == null || message.getFrom().length == 0 ? null
                : (InternetAddress) message.getFrom()[0];
        String fromAddress = from == null ? "unknown@invalid" : from.getAddress().toLowerCase(Locale.ROOT);
        String to = message.getAllRecipients() == null || message.getAllRecipients().length == 0 ? null
                : ((InternetAddress) message.getAllRecipients()[0]).getAddress().toLowerCase(Locale.ROOT);
        String subject = cut(message.getSubject(), 500);
        String body = text(message);
        body = body == null ? "" : cut(body.strip(), MAX_BODY);
        String messageId = message.getMessageID();
        if (messageId == null || messageId.isBlank()) {
            String identity = fromAddress + "|" + message.getSentDate() + "|" + subject + "|" + body;
            messageId = "<generated-" + WebhookSignatures.sha256Hex(identity.getBytes(StandardCharsets.UTF_8))
                    .substring(0, 40) + "@helloword.invalid>";
        }
        String[] inReplyTo = message.getHeader("In-Reply-To");
        return new ParsedMail(cut(messageId.strip(), 255), fromAddress, from == null ? null : cut(from.getPersonal(), 200),
                to, subject, body, inReplyTo == null ? null : cut(inReplyTo[0].strip(), 255),
                message.getSentDate() == null ? null : message.getSentDate().toInstant());
    }

    /** The text/plain part, else the text/html part without markup. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("text/html")) {
            return HtmlToText.convert(part.getContent().toString());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    continue;
                }
                if (child.isMimeType("text/plain")) {
                    return child.getContent().toString();
                }
                String nested = text(child);
                if (nested != null && html == null) {
                    html = nested;
                }
            }
            return html;
        }
        return null;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
