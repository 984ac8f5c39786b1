package com.helloword.aftersales.intake.mail;

import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the support mailbox over IMAP: every unseen mail is stored once (by Message-ID) and only
 * then flagged seen, so a crash between the two stores nothing twice and loses nothing. Several
 * nodes may poll the same mailbox. A mail that cannot be read stays unseen and is logged.
 */
@Component
public class ImapPoller {

    private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);

    private final SupportMailbox mailbox;
    private final InboundMailStore store;
    private final InboundMailProperties properties;

    ImapPoller(SupportMailbox mailbox, InboundMailStore store, InboundMailProperties properties) {
        this.mailbox = mailbox;
        this.store = store;
        this.properties = properties;
    }

    /** One pass over the mailbox; returns how many new mails were stored. */
    public int pollOnce() {
        Optional<SupportMailbox.Access> access = mailbox.access();
        if (access.isEmpty() || !properties.enabled()) {
            return 0;
        }
        SupportMailbox.Access a = access.get();
        Properties session = new Properties();
        session.put("mail." + a.protocol() + ".connectiontimeout", "10000");
        session.put("mail." + a.protocol() + ".timeout", "20000");
        try (Store imap = Session.getInstance(session).getStore(a.protocol())) {
            imap.connect(a.host(), a.port(), a.username(), a.password().reveal());
            Folder folder = imap.getFolder(a.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int stored = 0;
                for (Message message : Arrays.copyOf(unseen, Math.min(unseen.length, properties.batchSize()))) {
                    stored += take(message, a.name()) ? 1 : 0;
                }
                return stored;
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read the support mailbox " + a.name() + ": " + e.getMessage(), e);
        }
    }

    private boolean take(Message message, String mailboxName) {
        try {
            boolean isNew = store.storeOnce(MimeParts.parse((MimeMessage) message), mailboxName);
            message.setFlag(Flags.Flag.SEEN, true);
            return isNew;
        } catch (Exception e) { // one unreadable mail must not stop the others; it stays unseen for the next pass
            LOG.error("Mail #{} in {} could not be taken in and stays unseen: {}", message.getMessageNumber(),
                    mailboxName, e.getMessage(), e);
            return false;
        }
    }
}
