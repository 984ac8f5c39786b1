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

    /**
     * The buyer's delivery address of an order, read from the platform when it is needed (a return label)
     * and never stored: the case file keeps no addresses.
     */
    ShipTo getShipTo(ShipToRef ref);

    /**
     * A free replacement order for the buyer of an order (an exchange after a return), shipped to the
     * original order's address. The same idempotency key creates one order; a repeat reports it as done.
     */
    ExchangeResult createExchangeOrder(ExchangeOrderCommand command);

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

    record ShipToRef(String storeId, String platformOrderId) {
    }

    /**
     * A delivery address as carriers want it, street and house number apart ({@link StreetSplitter}); the
     * house number is empty when the platform's line had none that could be told apart. Prints without
     * name, address and e-mail, so it can be logged.
     */
    record ShipTo(String name, String street, String houseNumber, String postalCode, String city,
            String countryCode, String email) {

        /** Whether a carrier can take it as it is: a street, a house number, a postal code and a city. */
        public boolean complete() {
            return notBlank(street) && notBlank(houseNumber) && notBlank(postalCode) && notBlank(city);
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }

        @Override
        public String toString() {
            return "ShipTo[country=" + countryCode + ", complete=" + complete() + ", personal data hidden]";
        }
    }

    record ExchangeLine(String sku, int quantity) {
    }

    record ExchangeOrderCommand(String storeId, String originalPlatformOrderId, List<ExchangeLine> lines,
            String note, String idempotencyKey) {
    }

    /** The replacement order on the platform; {@code alreadyDone} when an earlier call with the key made it. */
    record ExchangeResult(String platformOrderId, boolean alreadyDone) {
    }

    record ClaimResponseCommand(String storeId, String claimId, ClaimAction action, BigDecimal amount,
            String currency, String note, String carrier, String trackingNumber, String idempotencyKey) {
    }
}
