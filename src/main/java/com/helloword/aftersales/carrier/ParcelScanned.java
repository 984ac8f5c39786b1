package com.helloword.aftersales.carrier;

import java.time.Instant;

/**
 * A carrier reported news of a parcel (webhook or poll), published in the transaction that records
 * it: the parcel may belong to an order, or to something else that ships, such as a return.
 */
public record ParcelScanned(String trackingNumber, String carrier, TrackingStatus status, Instant at,
        String description) {
}
