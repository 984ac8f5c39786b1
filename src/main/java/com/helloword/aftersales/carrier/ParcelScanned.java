package com.helloword.aftersales.carrier;

import java.time.Instant;

/**
 * A carrier reported news of a parcel (webhook or poll), published in the transaction that records
 * it: the parcel may belong to an order, or to something else that ships, such as a return.
 * {@code subStatus}: the tracking service's word for the latest status (17TRACK's {@code sub_status}, e.g.
 * {@code Exception_Returning}), or null.
 */
public record ParcelScanned(String trackingNumber, String carrier, TrackingStatus status, Instant at,
        String description, String subStatus) {

    /** News without a sub-status. */
    public ParcelScanned(String trackingNumber, String carrier, TrackingStatus status, Instant at,
            String description) {
        this(trackingNumber, carrier, status, at, description, null);
    }
}
