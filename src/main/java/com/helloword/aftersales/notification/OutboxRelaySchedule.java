package com.helloword.aftersales.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the relay on every node; the relay's claims keep two nodes from sending the same mail. A full batch
 * sent means more may be due (a recall queues thousands of notices at once): the next batch follows at once,
 * up to {@value #BATCHES_PER_RUN} batches, before the relay waits the poll interval again.
 */
@Component
@ConditionalOnProperty(name = "aftersales.mail.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
class OutboxRelaySchedule {

    static final int BATCHES_PER_RUN = 50;

    private final OutboxRelay relay;
    private final OutboxProperties properties;

    OutboxRelaySchedule(OutboxRelay relay, OutboxProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${aftersales.mail.outbox.poll-interval:5s}",
            initialDelayString = "${aftersales.mail.outbox.poll-interval:5s}")
    void deliver() {
        for (int batch = 0; batch < BATCHES_PER_RUN && relay.deliverDue() >= properties.batchSize(); batch++) {
            // the batch was full: go on
        }
    }
}
