package com.helloword.aftersales.casework.intake.mail;

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
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the support mailbox over IMAP: every unseen mail is stored once (by Message-ID) and only
 * then flagged seen, so a crash between the two stores nothing twice and loses nothing. Several
 * nodes may poll the same mailbox; it should be the system's own (a person marking mail read there
 * hides it from the poller). A mail that cannot be read stays unseen, is logged and gets the keyword
 * {@value #UNREADABLE}, so it does not block the mails after it.
 */
@Component
public class ImapPoller {

    private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);
    /** IMAP keyword on a mail that could not be read, so later passes skip it (a person reads it). */
    static final String UNREADABLE = "HelloworldUnreadable";

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
                Message[] unseen = folder.search(new AndTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), false),
                        new NotTerm(new FlagTerm(new Flags(UNREADABLE), true))));
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
        } catch (Exception e) { // one unreadable mail must not stop the others
            LOG.error("Mail #{} in {} could not be taken in; it stays unseen, flagged {}, for a person to read: {}",
                    message.getMessageNumber(), mailboxName, UNREADABLE, e.getMessage(), e);
            try {
                message.setFlags(new Flags(UNREADABLE), true);
            } catch (MessagingException flagging) {
                LOG.warn("Could not flag mail #{}: {}", message.getMessageNumber(), flagging.getMessage());
            }
            return false;
        }
    }
}
