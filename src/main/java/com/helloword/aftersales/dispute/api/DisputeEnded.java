package com.helloword.aftersales.dispute.api;

/**
 * A dispute is over and its freeze released (published in the transaction of its last step). {@code state}:
 * RESOLVED, WITHDRAWN, CLOSED_BY_PLATFORM or CANCELLED; {@code decision} the specialist's (ACCEPT,
 * PARTIAL_REFUND, CONTEST, RESHIP) or null; {@code caseId} the buyer's case it came from or joined, if any.
 */
public record DisputeEnded(long disputeId, String disputeKey, Long caseId, String state, String decision,
        Integer percentOfOrder) {
}
