package com.helloword.aftersales.platform.paypal;

/**
 * A verified PayPal webhook ({@code CUSTOMER.DISPUTE.CREATED}, {@code .UPDATED} or {@code .RESOLVED})
 * said that a dispute changed. Published inside the transaction that records the event, so a listener
 * that fails makes the delivery fail and PayPal sends it again. The dispute itself is read with
 * {@link PaypalDisputes#getDispute}: PayPal's advice is to act on the dispute, not the event.
 */
public record PaypalDisputeChanged(String disputeId, String eventType, String status) {
}
