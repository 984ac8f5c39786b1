package com.helloword.aftersales.returns;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.returns}: the product category of a SKU by its prefix (for the returnPolicy
 * table's non-returnable categories, e.g. {@code UW-: UNDERWEAR}), the DHL return receiver, and the
 * SLAs and waits of the return process (label 2 h, inspection 24 h, reminders R2/P5D, give up after 21 days),
 * and how far back a buyer's return record reaches (365 days: the serialReturner table's "12 months").
 */
@ConfigurationProperties("aftersales.returns")
public record ReturnSettings(Map<String, String> categoryBySkuPrefix, String dhlReceiverId, Duration labelSla,
        Duration inspectionSla, String reminderCycle, Duration giveUpAfter, Duration buyerHistory) {

    public ReturnSettings {
        labelSla = labelSla == null ? Duration.ofHours(2) : labelSla;
        inspectionSla = inspectionSla == null ? Duration.ofHours(24) : inspectionSla;
        reminderCycle = reminderCycle == null || reminderCycle.isBlank() ? "R2/P5D" : reminderCycle;
        giveUpAfter = giveUpAfter == null ? Duration.ofDays(21) : giveUpAfter;
        if (buyerHistory == null) {
            throw new IllegalStateException("aftersales.returns.buyer-history is not set (application.yaml has it)");
        }
    }
}
