package com.helloword.aftersales.casework.intake.mail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import com.helloword.aftersales.casefile.CaseFileEntity;

/** A buyer's mail as read from the support mailbox, kept once per Message-ID until intake files it. */
@Entity
@Table(name = "inbound_mail")
public class InboundMail extends CaseFileEntity {

    public enum Status {
        /** stored, waiting for intake */
        RECEIVED,
        /** intake filed it into a case */
        FILED,
        /** a platform's claim notification (Amazon A-to-z), handed to dispute arbitration instead of a case */
        CLAIM_NOTICE
    }

    private String messageId;
    private String mailbox;
    private String fromAddress;
    private String fromName;
    private String toAddress;
    private String subject;
    @Lob
    private String body;
    private String inReplyTo;
    private Instant sentAt;
    private Instant receivedAt;
    private String status = Status.RECEIVED.name();
    private Long caseId;

    protected InboundMail() {
    }

    InboundMail(ParsedMail mail, String mailbox, Instant receivedAt) {
        this.messageId = mail.messageId();
        this.mailbox = mailbox;
        this.fromAddress = mail.fromAddress();
        this.fromName = mail.fromName();
        this.toAddress = mail.toAddress();
        this.subject = mail.subject();
        this.body = mail.body();
        this.inReplyTo = mail.inReplyTo();
        this.sentAt = mail.sentAt() == null ? null : mail.sentAt().truncatedTo(ChronoUnit.SECONDS);
        this.receivedAt = receivedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A platform's claim notification: arbitration took it, no case is made of it. */
    public void claimNotice() {
        this.status = Status.CLAIM_NOTICE.name();
    }

    public void filed(Long caseId) {
        this.caseId = caseId;
        this.status = Status.FILED.name();
    }

    public String getMessageId() { return messageId; }
    public String getMailbox() { return mailbox; }
    public String getFromAddress() { return fromAddress; }
    public String getFromName() { return fromName; }
    public String getToAddress() { return toAddress; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getInReplyTo() { return inReplyTo; }
    public Instant getSentAt() { return sentAt; }
    public Instant getReceivedAt() { return receivedAt; }
    public Status getStatus() { return Status.valueOf(status); }
    public Long getCaseId() { return caseId; }
}
