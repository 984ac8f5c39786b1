package com.helloword.aftersales.notification;

/** PENDING until a relay claims it (SENDING, with a lease), then SENT, or FAILED after the last attempt. */
public enum OutboxStatus {
    PENDING, SENDING, SENT, FAILED
}
