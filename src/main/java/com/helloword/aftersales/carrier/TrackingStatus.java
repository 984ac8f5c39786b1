package com.helloword.aftersales.carrier;

/** Where a parcel is, the same words for every carrier (17TRACK's main statuses, which the others map onto). */
public enum TrackingStatus {
    NOT_FOUND, INFO_RECEIVED, IN_TRANSIT, AVAILABLE_FOR_PICKUP, OUT_FOR_DELIVERY, DELIVERY_FAILURE, DELIVERED,
    EXCEPTION, EXPIRED, UNKNOWN
}
