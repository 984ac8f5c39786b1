package com.helloword.aftersales.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the processes ask of a marketplace, whichever platform the store is on. Every changing
 * operation carries an idempotency key derived from (case, step): calling it twice does it once.
 * A platform that has no API for an operation throws
 * {@link com.helloword.aftersales.integration.PlatformCannotException}; a technical failure is a
 * {@link com.helloword.aftersales.integration.ProviderFailure}.
 */
public interface MarketplacePort {

    /** Refunds money on an order: the whole refundable amount when {@code amount} is null. */
    RefundResult refund(RefundCommand command);

    /** Offers the buyer a partial refund to keep the item (where the platform has such an offer). */
    RefundResult offerPartialRefund(PartialRefundOffer offer);

    /** Stops an order from being fulfilled (dispute freeze, recall). */
    HoldResult holdOrder(OrderHoldCommand command);

    /** Lifts this system's own hold again; other holds stay. */
    HoldResult releaseOrder(OrderHoldCommand command);

    /** Stops selling a SKU on the store (recall). */
    DelistResult delistSku(DelistCommand command);

    /** A message to the buyer through the platform's own messaging. */
    void sendBuyerMessage(BuyerMessageCommand command);

    /** A platform claim (A-to-z, eBay case, PayPal dispute) as the platform sees it now. */
    PlatformClaim getClaim(ClaimRef ref);

    /** Answers a platform claim. */
    void respondToClaim(ClaimResponseCommand command);

    record RefundCommand(String storeId, String platformOrderId, BigDecimal amount, String currency, String reason,
            String idempotencyKey) {
    }

    record PartialRefundOffer(String storeId, String platformOrderId, String claimId, BigDecimal amount,
            String currency, String message, String idempotencyKey) {
    }

    record RefundResult(String platformRefundId, BigDecimal amount, String currency, boolean alreadyDone) {
    }

    record OrderHoldCommand(String storeId, String platformOrderId, String reason, String holdKey) {
    }

    /** What a hold or release touched on the platform, and what was already so. */
    record HoldResult(List<String> changed, List<String> alreadyInPlace, String note) {
    }

    record DelistCommand(String storeId, String sku, String reason, String idempotencyKey) {
    }

    record DelistResult(List<String> actions) {
    }

    record BuyerMessageCommand(String storeId, String platformOrderId, String text, String idempotencyKey) {
    }

    record ClaimRef(String storeId, String claimId) {
    }

    record PlatformClaim(String claimId, String type, String status, String reason, BigDecimal amount,
            String currency, Instant respondBy, String platformOrderId) {
    }

    enum ClaimAction {
        ACCEPT, OFFER_PARTIAL_REFUND, PROVIDE_TRACKING
    }

    record ClaimResponseCommand(String storeId, String claimId, ClaimAction action, BigDecimal amount,
            String currency, String note, String carrier, String trackingNumber, String idempotencyKey) {
    }
}
