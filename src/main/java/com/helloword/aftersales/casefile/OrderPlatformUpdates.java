package com.helloword.aftersales.casefile;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies what a platform reports about an order (webhooks) to the case file. */
@Service
public class OrderPlatformUpdates {

    private final SalesOrderRepository orders;

    OrderPlatformUpdates(SalesOrderRepository orders) {
        this.orders = orders;
    }

    /** Returns what changed, for the webhook log. An order not imported yet is left to the next import. */
    @Transactional
    public String apply(String storeId, String platformOrderId, boolean cancelled, String carrier,
            String trackingNumber, Instant shippedAt) {
        return orders.findWithLines(storeId, platformOrderId)
                .map(order -> {
                    String changed = order.applyPlatformUpdate(cancelled, carrier, trackingNumber, shippedAt);
                    return changed == null ? "order " + platformOrderId + " unchanged"
                            : "order " + platformOrderId + ": " + changed;
                })
                .orElse("order " + platformOrderId + " is not in the case file yet");
    }
}
