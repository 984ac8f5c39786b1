package com.helloword.aftersales.recall;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.recall-returns}: the return labels of a recall (the DHL receiver configuration, the carrier's
 * name, what a label costs when the carrier's answer says nothing) and the buyer's wait for the parcel (reminder
 * cycle, give up after). No defaults here: application.yaml is their one home.
 */
@ConfigurationProperties("aftersales.recall-returns")
public record RecallReturnSettings(String dhlReceiverId, String carrier, BigDecimal labelCost, String reminderCycle,
        Duration giveUpAfter) {

    public RecallReturnSettings {
        Objects.requireNonNull(dhlReceiverId, "aftersales.recall-returns.dhl-receiver-id is not set");
        Objects.requireNonNull(carrier, "aftersales.recall-returns.carrier is not set");
        Objects.requireNonNull(labelCost, "aftersales.recall-returns.label-cost is not set");
        Objects.requireNonNull(reminderCycle, "aftersales.recall-returns.reminder-cycle is not set");
        Objects.requireNonNull(giveUpAfter, "aftersales.recall-returns.give-up-after is not set");
    }
}
