package com.helloword.aftersales.casefile;

public enum MessageDirection {
    INBOUND, OUTBOUND
}
