package com.helloword.aftersales.dispute;

/** Where a dispute stands. The last four are the ways out; each releases the freeze. */
public enum DisputeState {
    /** With the region's specialists (or being answered to the platform). */
    OPEN,
    /** Decided above 100 % of the order value: a manager who did not decide approves. */
    AWAITING_APPROVAL,
    /** Decided, answered to the platform and the buyer told. */
    RESOLVED,
    /** The platform or the buyer withdrew the claim. */
    WITHDRAWN,
    /** The platform closed every claim of the dispute itself. */
    CLOSED_BY_PLATFORM,
    /** Its process was cancelled or deleted. */
    CANCELLED
}
