package com.helloword.aftersales.casework;

public enum MessageDirection {
    INBOUND, OUTBOUND,
    /** A note between staff on the case (a question to the warehouse and its answer); never sent to the buyer. */
    INTERNAL
}
