package com.helloword.aftersales.carrier;

import java.time.Instant;

/**
 * Carrier investigations ("Nachforschung", tracing request): the seller asks the carrier to find out what became
 * of a parcel it reports delivered, and later reads the carrier's answer. DHL today
 * ({@code carrier.dhl.DhlInvestigations}); the incident capability asks this port, so it knows no carrier's client.
 */
public interface CarrierInvestigationPort {

    /**
     * Opens one investigation. Idempotent on {@link InvestigationRequest#idempotencyKey()}: the carrier answers a
     * repeated request with the investigation it opened the first time.
     */
    Opened open(InvestigationRequest request);

    /** Where the investigation stands, by the carrier's reference from {@link #open}. */
    Answer status(String reference);

    /**
     * @param trackingNumber the parcel's number at the carrier
     * @param reason why: {@code DELIVERED_NOT_RECEIVED} (the carrier says delivered, the buyer says not received)
     * @param deliveredAt when the carrier says it delivered, or null
     * @param destinationCountry ISO 3166-1 alpha-2 country the parcel went to, or null
     * @param postalCode the recipient's postal code (DHL needs it to see its own full data), or null
     * @param customerReference our reference shown to the carrier's staff (the case key)
     * @param idempotencyKey names this investigation (e.g. the investigation key)
     */
    record InvestigationRequest(String trackingNumber, String reason, Instant deliveredAt, String destinationCountry,
            String postalCode, String customerReference, String idempotencyKey) {

        public InvestigationRequest {
            if (trackingNumber == null || trackingNumber.isBlank()) {
                throw new IllegalArgumentException("an investigation needs the tracking number");
            }
            if (idempotencyKey == null || idempotencyKey.isBlank()) {
                throw new IllegalArgumentException("an investigation needs an idempotency key");
            }
        }
    }

    /** The investigation the carrier opened: its reference and the state it is in. */
    record Opened(String reference, State state) {
    }

    /**
     * The carrier's answer so far. {@code outcome} is the carrier's word for what it found (e.g.
     * {@code DELIVERED_CONFIRMED}, {@code LOST}, {@code RETURNED_TO_SENDER}, {@code CLAIM_ACCEPTED}) when
     * {@code state} is ANSWERED, and {@code text} its explanation, for a person to read.
     */
    record Answer(String reference, State state, String outcome, String text, Instant answeredAt) {
    }

    /** OPEN: the carrier is looking into it; ANSWERED: it said what it found; CLOSED: closed without an answer. */
    enum State {
        OPEN, ANSWERED, CLOSED
    }
}
