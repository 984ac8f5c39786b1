package com.helloword.aftersales.carrier;

import java.time.Instant;
import java.util.List;

/** Parcel tracking, whichever service provides it (17TRACK for every carrier, or a carrier's own API). */
public interface TrackingPort {

    /** Starts tracking; parcels already tracked count as accepted. */
    Registration register(List<Parcel> parcels);

    /** Where the parcel is now, with every scan so far. */
    TrackingSnapshot track(Parcel parcel);

    record Parcel(String trackingNumber, String carrier, String tag) {
    }

    record Registration(List<String> accepted, List<Rejection> rejected) {
    }

    record Rejection(String trackingNumber, String reason) {
    }

    /**
     * One scan. {@code signer} is the proof-of-delivery signer, when the carrier names one; {@code proofUrl} the
     * carrier's link to the proof of delivery (signature or photo), when it gives one.
     */
    record TrackedEvent(Instant occurredAt, TrackingStatus status, String subStatus, String description,
            String location, String signer, String proofUrl) {

        /** A scan without a proof-of-delivery link. */
        public TrackedEvent(Instant occurredAt, TrackingStatus status, String subStatus, String description,
                String location, String signer) {
            this(occurredAt, status, subStatus, description, location, signer, null);
        }
    }

    record TrackingSnapshot(String trackingNumber, String carrier, TrackingStatus status, String subStatus,
            List<TrackedEvent> events) {
    }
}
