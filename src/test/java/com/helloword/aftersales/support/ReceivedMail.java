package com.helloword.aftersales.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/** What the embedded GreenMail received, as the end-to-end tests read it. */
public final class ReceivedMail {

    private ReceivedMail() {
    }

    /** The mails to this address whose subject contains every one of the parts, oldest first. */
    public static List<MimeMessage> to(GreenMail smtp, String address, String... subjectParts)
            throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            if (to == null || !to[0].toString().contains(address)) {
                continue;
            }
            boolean matches = true;
            for (String part : subjectParts) {
                matches &= message.getSubject().contains(part);
            }
            if (matches) {
                found.add(message);
            }
        }
        return found;
    }

    /** Every text part of a mail (HTML and plain), decoded and run together. */
    public static String content(MimeMessage message) throws IOException, MessagingException {
        return text(message.getContent());
    }

    private static String text(Object content) throws IOException, MessagingException {
        if (content instanceof String text) {
            return text;
        }
        StringBuilder all = new StringBuilder();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                all.append(text(part.getContent()));
            }
        }
        return all.toString();
    }
}
