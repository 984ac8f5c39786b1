package com.helloword.aftersales.platform;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A platform told this system about a buyer's claim: a PayPal dispute, a Shopify Payments dispute, an eBay
 * post-order case or payment dispute, an Amazon A-to-z claim. Every source (webhook, polled feed, notification
 * mail) publishes this one event inside the transaction that records the delivery, so a listener that fails makes
 * the delivery fail and the platform sends it again; dispute arbitration listens. Carries ids and small values
 * only, never the buyer's words.
 *
 * @param source          PAYPAL, SHOPIFY, EBAY or AMAZON
 * @param storeId         the store the claim is about, where the source tells (null for a PayPal account event)
 * @param claimId         the platform's own id of the claim (dispute id, case id)
 * @param platformOrderId the store's order id, where the source tells
 * @param paymentReference the payment's id where the order is not named (PayPal's seller transaction id)
 * @param claimType       ITEM_NOT_RECEIVED, NOT_AS_DESCRIBED, UNAUTHORIZED, CHARGEBACK or OTHER (see {@link #CLAIM_TYPES})
 * @param status          the platform's own status word, as it gives it
 * @param closed          the platform closed the claim (resolved, won, lost, withdrawn)
 * @param respondBy       the platform's own respond-by date, where it gives one
 * @param amount          the disputed amount, where given
 * @param currency        its currency
 * @param platformReason  the platform's reason code, as it gives it
 */
public record PlatformClaimNotice(String source, String storeId, String claimId, String platformOrderId,
        String paymentReference, String claimType, String status, boolean closed, Instant respondBy, BigDecimal amount,
        String currency, String platformReason) {

    /** The claim types dispute arbitration knows (the API's {@code claimType}). */
    public static final java.util.List<String> CLAIM_TYPES = java.util.List.of("ITEM_NOT_RECEIVED",
            "NOT_AS_DESCRIBED", "UNAUTHORIZED", "CHARGEBACK", "OTHER");
}
