package com.helloword.aftersales.casework;

public enum CaseStatus {
    /** With the team. */
    OPEN,
    /**
     * The remedy is chosen and approved but not done yet: a step left for people (a refund by hand in the
     * seller portal, the warehouse's reship) or the remedy's return is running. The buyer has been told what
     * will happen, not that it happened.
     */
    REMEDY_PENDING,
    /** The remedy is done (or the answer sent): the case waits for the buyer to confirm or to write again. */
    WAITING_FOR_BUYER,
    ESCALATED,
    RESOLVED,
    CLOSED
}
