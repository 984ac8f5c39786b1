package com.helloword.aftersales.casework.intake.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the support mailbox on every node; storing by Message-ID keeps two nodes from taking a mail twice. */
@Component
@ConditionalOnProperty(name = "aftersales.mail.inbound.poll-enabled", havingValue = "true", matchIfMissing = true)
class ImapPollSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ImapPollSchedule.class);

    private final ImapPoller poller;
    private final InboundMailFiling filing;

    ImapPollSchedule(ImapPoller poller, InboundMailFiling filing) {
        this.poller = poller;
        this.filing = filing;
    }

    @Scheduled(fixedDelayString = "${aftersales.mail.inbound.poll-interval:30s}",
            initialDelayString = "${aftersales.mail.inbound.poll-interval:30s}")
    void poll() {
        try {
            int stored = poller.pollOnce();
            if (stored > 0) {
                LOG.info("{} new buyer mail(s) taken in from the support mailbox", stored);
            }
        } catch (IllegalStateException e) {
            LOG.warn("{}", e.getMessage());
        }
        filing.filePending();
    }
}
