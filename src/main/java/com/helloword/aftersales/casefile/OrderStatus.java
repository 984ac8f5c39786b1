package com.helloword.aftersales.casefile;

public enum OrderStatus {
    PLACED, SHIPPED, DELIVERED, CANCELLED, RETURNED
}
