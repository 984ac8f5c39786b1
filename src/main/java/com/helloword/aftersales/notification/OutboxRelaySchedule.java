package com.helloword.aftersales.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the relay on every node; the relay's claims keep two nodes from sending the same mail. */
@Component
@ConditionalOnProperty(name = "aftersales.mail.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
class OutboxRelaySchedule {

    private final OutboxRelay relay;

    OutboxRelaySchedule(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${aftersales.mail.outbox.poll-interval:5s}",
            initialDelayString = "${aftersales.mail.outbox.poll-interval:5s}")
    void deliver() {
        relay.deliverDue();
    }
}
