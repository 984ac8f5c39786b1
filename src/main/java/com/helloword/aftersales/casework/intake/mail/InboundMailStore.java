package com.helloword.aftersales.casework.intake.mail;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores a mail once per Message-ID; of two nodes storing the same mail at once, the unique key lets one win. */
@Service
class InboundMailStore {

    private final InboundMailRepository mails;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboundMailStore(InboundMailRepository mails, TransactionTemplate transaction, ApplicationEventPublisher events,
            Clock clock) {
        this.mails = mails;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** True when the mail is new; false when it was stored before. */
    boolean storeOnce(ParsedMail mail, String mailbox) {
        try {
            InboundMail stored = transaction.execute(status -> {
                if (mails.findByMessageId(mail.messageId()).isPresent()) {
                    return null;
                }
                return mails.saveAndFlush(new InboundMail(mail, mailbox, clock.instant()));
            });
            if (stored == null) {
                return false;
            }
            events.publishEvent(new InboundMailReceived(stored.getId(), stored.getFromAddress()));
            return true;
        } catch (DataIntegrityViolationException raced) {
            return false;
        }
    }
}
