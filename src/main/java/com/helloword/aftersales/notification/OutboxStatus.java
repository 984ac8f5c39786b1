package com.helloword.aftersales.notification;

public enum OutboxStatus {
    PENDING, SENT, FAILED
}
