package com.helloword.aftersales.incident;

/** What a buyer of a batch incident may choose (three of them per incident). */
public enum IncidentRemedy {
    /** A coupon of a fixed amount for a next order; the buyer waits for the parcel. */
    COUPON,
    /** A replacement shipped by express; the delayed parcel may still come. */
    RESHIP_EXPRESS,
    /** The whole order refunded. */
    REFUND,
    /** Part of the price back: a percent of the order, or an amount. */
    PARTIAL_REFUND
}
