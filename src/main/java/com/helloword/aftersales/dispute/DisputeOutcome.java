package com.helloword.aftersales.dispute;

/** What the specialist decides. */
public enum DisputeOutcome {
    /** Accept the claim: the buyer gets the order value back. */
    ACCEPT,
    /** A part of the order value back (up to the hard cap of the remedyApproval table), the buyer keeps the item. */
    PARTIAL_REFUND,
    /** Contest the claim with the evidence (tracking, proof of delivery). */
    CONTEST,
    /** Ship the order again. */
    RESHIP
}
