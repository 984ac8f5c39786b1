package com.helloword.aftersales.casework.intake.mail;

import java.time.Instant;

/** What intake needs of a mail, taken out of the MIME message. */
record ParsedMail(String messageId, String fromAddress, String fromName, String toAddress, String subject,
        String body, String inReplyTo, Instant sentAt) {
}
