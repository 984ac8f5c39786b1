package com.helloword.aftersales.dispute.api;

import java.time.Instant;

/** The platform's respond-by date of a dispute passed before the dispute was answered; the case records it. */
public record DisputeDeadlineMissed(long disputeId, String disputeKey, Long caseId, Instant respondBy) {
}
