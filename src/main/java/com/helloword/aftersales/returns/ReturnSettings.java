package com.helloword.aftersales.returns;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.returns}: the product category of a SKU by its prefix (for the returnPolicy
 * table's non-returnable categories, e.g. {@code UW-: UNDERWEAR}) and the category of every other SKU
 * ({@code other-category}, which the quality loop and the managers' metrics count it under), the DHL return
 * receiver, and the
 * SLAs and waits of the return process (label 2 h, inspection 24 h, reminders R2/P5D, give up after 21 days),
 * how far back a buyer's return record reaches (365 days: the serialReturner table's "12 months"), how long
 * before a refund falls due the team leads are warned (2 days), how far back the product-quality loop counts
 * an SKU's returns and shipments (90 days), and which words in a platform's return state mean the return is
 * over there. The last four have no default here: application.yaml is their one home.
 */
@ConfigurationProperties("aftersales.returns")
public record ReturnSettings(Map<String, String> categoryBySkuPrefix, String otherCategory, String dhlReceiverId,
        Duration labelSla, Duration inspectionSla, String reminderCycle, Duration giveUpAfter, Duration buyerHistory,
        Duration refundWarning, Duration qualityWindow, List<String> platformStatesOver) {

    public ReturnSettings {
        // in the order configured: the first prefix that fits names the category
        categoryBySkuPrefix = categoryBySkuPrefix == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(categoryBySkuPrefix));
        Objects.requireNonNull(otherCategory, "aftersales.returns.other-category is not set");
        labelSla = labelSla == null ? Duration.ofHours(2) : labelSla;
        inspectionSla = inspectionSla == null ? Duration.ofHours(24) : inspectionSla;
        reminderCycle = reminderCycle == null || reminderCycle.isBlank() ? "R2/P5D" : reminderCycle;
        giveUpAfter = giveUpAfter == null ? Duration.ofDays(21) : giveUpAfter;
        Objects.requireNonNull(buyerHistory, "aftersales.returns.buyer-history is not set");
        Objects.requireNonNull(refundWarning, "aftersales.returns.refund-warning is not set");
        Objects.requireNonNull(qualityWindow, "aftersales.returns.quality-window is not set");
        platformStatesOver = List.copyOf(Objects.requireNonNull(platformStatesOver,
                "aftersales.returns.platform-states-over is not set"));
    }

    /** The category a prefix names for this SKU, if one does. */
    public Optional<String> namedCategory(String sku) {
        return categoryBySkuPrefix.entrySet().stream().filter(p -> sku.startsWith(p.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The SKU's category: the one its prefix names, else {@link #otherCategory}. */
    public String categoryOf(String sku) {
        return namedCategory(sku).orElse(otherCategory);
    }
}
