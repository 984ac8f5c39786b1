package com.helloword.aftersales.incident;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.incidents.delivery}: the case categories that mean "not received" (the categoryDetection
 * table's words; a case of one on a delivered order shows the proof of delivery and offers an investigation), the
 * carriers the investigation port serves (an order's carrier matches one when it starts with it, case-insensitive),
 * and how often {@code carrierInvestigationProcess} asks the carrier for its answer. No defaults here:
 * application.yaml is their one home.
 */
@ConfigurationProperties("aftersales.incidents.delivery")
public record DeliveryInvestigationSettings(List<String> notReceivedCategories, List<String> investigationCarriers,
        Duration pollEvery) {

    public DeliveryInvestigationSettings {
        notReceivedCategories = List.copyOf(Objects.requireNonNull(notReceivedCategories,
                "aftersales.incidents.delivery.not-received-categories is not set"));
        investigationCarriers = List.copyOf(Objects.requireNonNull(investigationCarriers,
                "aftersales.incidents.delivery.investigation-carriers is not set"));
        Objects.requireNonNull(pollEvery, "aftersales.incidents.delivery.poll-every is not set");
    }

    boolean notReceived(String category) {
        return category != null && notReceivedCategories.contains(category);
    }

    boolean investigates(String carrier) {
        if (carrier == null) {
            return false;
        }
        String upper = carrier.strip().toUpperCase(Locale.ROOT);
        return investigationCarriers.stream().anyMatch(c -> upper.startsWith(c.toUpperCase(Locale.ROOT)));
    }
}
