package com.helloword.aftersales.incident;

import java.time.Instant;
import java.util.List;

/**
 * Which shipped orders an incident affects; every criterion given must hold, at least one is given.
 * {@code destinationCountry} is ISO 3166-1 alpha-2, {@code trackingStatus} a {@code carrier.TrackingStatus}
 * name, the shipping window is {@code shippedFrom} inclusive to {@code shippedTo} exclusive.
 */
public record IncidentSelector(String carrier, String destinationCountry, Instant shippedFrom, Instant shippedTo,
        List<String> storeIds, String trackingStatus) {

    public IncidentSelector {
        storeIds = storeIds == null ? List.of() : List.copyOf(storeIds);
    }

    boolean empty() {
        return carrier == null && destinationCountry == null && shippedFrom == null && shippedTo == null
                && storeIds.isEmpty() && trackingStatus == null;
    }
}
