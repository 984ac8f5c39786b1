package com.helloword.aftersales.casefile;

public enum CaseStatus {
    OPEN, WAITING_FOR_BUYER, ESCALATED, RESOLVED, CLOSED
}
