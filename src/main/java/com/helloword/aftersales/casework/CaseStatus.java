package com.helloword.aftersales.casework;

public enum CaseStatus {
    OPEN, WAITING_FOR_BUYER, ESCALATED, RESOLVED, CLOSED
}
