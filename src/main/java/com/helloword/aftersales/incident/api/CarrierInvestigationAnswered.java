package com.helloword.aftersales.incident.api;

import java.time.Instant;

/**
 * The carrier answered (or closed) the investigation opened for a case, or gave no answer in time; published in the
 * transaction that records it, so case work notes it on the case in the same transaction. {@code state} ANSWERED,
 * CLOSED or UNANSWERED (no answer within {@code aftersales.incidents.delivery.give-up-after});
 * {@code outcome} the carrier's word for what it found (e.g. LOST, DELIVERED_CONFIRMED) or null; {@code answer} its
 * explanation, for staff (carrier text, no buyer data).
 */
public record CarrierInvestigationAnswered(String investigationKey, long caseId, String caseKey, String carrier,
        String carrierReference, String state, String outcome, String answer, Instant answeredAt) {
}
