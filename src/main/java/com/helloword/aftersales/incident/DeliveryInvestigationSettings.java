package com.helloword.aftersales.incident;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.incidents.delivery}: the case categories that mean "not received" (the categoryDetection
 * table's words; a case of one on a delivered order shows the proof of delivery and offers an investigation), the
 * order carriers that are DHL's (an order's carrier matches one when it starts with it, case-insensitive: DHL's
 * Shipment Tracking gives their proof of delivery and the investigation port takes their investigations), and how
 * often {@code carrierInvestigationProcess} asks the carrier for its answer and how long it waits for one before the
 * case is told the carrier did not answer. No defaults here:
 * application.yaml is their one home.
 */
@ConfigurationProperties("aftersales.incidents.delivery")
public record DeliveryInvestigationSettings(List<String> notReceivedCategories, List<String> dhlCarriers,
        Duration pollEvery, Duration giveUpAfter) {

    public DeliveryInvestigationSettings {
        notReceivedCategories = List.copyOf(Objects.requireNonNull(notReceivedCategories,
                "aftersales.incidents.delivery.not-received-categories is not set"));
        dhlCarriers = List.copyOf(Objects.requireNonNull(dhlCarriers,
                "aftersales.incidents.delivery.dhl-carriers is not set"));
        Objects.requireNonNull(pollEvery, "aftersales.incidents.delivery.poll-every is not set");
        Objects.requireNonNull(giveUpAfter, "aftersales.incidents.delivery.give-up-after is not set");
    }

    boolean notReceived(String category) {
        return category != null && notReceivedCategories.contains(category);
    }

    /** Whether the order's carrier is DHL's: its proof of delivery and its investigations go to DHL. */
    boolean isDhl(String carrier) {
        if (carrier == null) {
            return false;
        }
        String upper = carrier.strip().toUpperCase(Locale.ROOT);
        return dhlCarriers.stream().anyMatch(c -> upper.startsWith(c.toUpperCase(Locale.ROOT)));
    }
}
