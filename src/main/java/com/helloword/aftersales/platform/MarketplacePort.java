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

    /**
     * Whether {@link #refund} refunds on this store's platform through its API. False where it answers
     * {@link com.helloword.aftersales.integration.PlatformCannotException} (Amazon, a platform without an
     * adapter): a person refunds in the seller portal, so a reply announces the refund as what will happen.
     */
    boolean refundsThroughApi(String storeId);

    /** Offers the buyer a partial refund to keep the item (where the platform has such an offer). */
    RefundResult offerPartialRefund(PartialRefundOffer offer);

    /** Stops an order from being fulfilled (dispute freeze, recall). */
    HoldResult holdOrder(OrderHoldCommand command);

    /** Lifts this system's own hold again; other holds stay. */
    HoldResult releaseOrder(OrderHoldCommand command);

    /**
     * Stops selling a SKU on the store (recall): its stock goes to 0 (Shopify also drafts a single-variant
     * product). The actions say in words what was done ("Amazon: ... set to 0 on ATVPDKIKX0DER (was 140 ...)").
     * A SKU the store does not list at all is an outcome, not a failure: one action saying it is not listed on this
     * store (Amazon, Shopify). Where the platform cannot tell (eBay's Inventory API does not see listings made in
     * Seller Hub), {@link com.helloword.aftersales.integration.PlatformCannotException} asks a person to look.
     */
    DelistResult delistSku(DelistCommand command);

    /**
     * Sells a SKU on the store again after {@link #delistSku} (a recall cancelled or ended NO_GO): the quantities
     * the delisting set to 0 are set back to what the store had right before (recorded then, in
     * {@link ListingStops}), a product drafted by the delisting is active again. A quantity someone set since is
     * left as it is; a SKU the store does not list is reported as such. Where this system did not stop the SKU and
     * it has no stock, {@link com.helloword.aftersales.integration.PlatformCannotException}: a person sets the stock.
     * The same idempotency key relists once and reports the same actions again.
     */
    RelistResult relistSku(RelistCommand command);

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

    /**
     * Returns that buyers opened on the platform itself (eBay return requests, Amazon's returns report),
     * read on from {@code cursor}, an opaque string of the adapter's own making that the caller keeps
     * between calls (null the first time: from {@code since}). A platform whose returns arrive by webhook
     * (Shopify) throws {@link com.helloword.aftersales.integration.PlatformCannotException}. The same
     * return may come again; the caller takes each platform return id once.
     */
    PlatformReturnBatch platformReturns(PlatformReturnsQuery query);

    /**
     * Claims buyers opened on the platform (eBay post-order cases and payment disputes), read on from
     * {@code cursor}, an opaque string of the adapter's own making that the caller keeps between calls (null the
     * first time: from {@code since}). A platform whose claims arrive otherwise (Amazon by notification mail,
     * Shopify by webhook) throws {@link com.helloword.aftersales.integration.PlatformCannotException}. The same
     * claim may come again, changed or not; the caller takes each claim id once and acts on changes.
     */
    PlatformClaimBatch platformClaims(PlatformClaimsQuery query);

    /** Accepts a buyer's return request on the platform; accepting an accepted one reports {@code alreadyDone}. */
    PlatformReturnResult approvePlatformReturn(PlatformReturnCommand command);

    /** Declines a buyer's return request on the platform, with the note the buyer sees. */
    PlatformReturnResult declinePlatformReturn(PlatformReturnCommand command);

    /**
     * The platform's own return label for a return opened there, where the platform makes one (eBay
     * {@code initiate_shipping_label}); elsewhere PlatformCannotException, and the carrier makes it.
     */
    PlatformLabel platformReturnLabel(PlatformReturnCommand command);

    /**
     * A refund; {@code platformReturnId} names the platform's return it settles (eBay closes its return
     * with the refund), null for an order refund.
     */
    record RefundCommand(String storeId, String platformOrderId, BigDecimal amount, String currency, String reason,
            String idempotencyKey, String platformReturnId) {

        public RefundCommand(String storeId, String platformOrderId, BigDecimal amount, String currency,
                String reason, String idempotencyKey) {
            this(storeId, platformOrderId, amount, currency, reason, idempotencyKey, null);
        }
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

    record RelistCommand(String storeId, String sku, String reason, String idempotencyKey) {
    }

    /** What the relist did, in words, one line per change (or why nothing was changed). */
    record RelistResult(List<String> actions) {
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

    /**
     * The next call's cursor and whether there is more to read right away (the next page); with
     * {@code more} false the caller asks again on its next round (a report still being made, or nothing new).
     */
    record PlatformReturnsQuery(String storeId, Instant since, String cursor) {
    }

    record PlatformReturnBatch(List<PlatformReturn> returns, String cursor, boolean more) {
    }

    /** Like {@link PlatformReturnsQuery}: with {@code more} false the caller asks again on its next round. */
    record PlatformClaimsQuery(String storeId, Instant since, String cursor) {
    }

    record PlatformClaimBatch(List<PlatformClaimNotice> claims, String cursor, boolean more) {
    }

    /**
     * A return as the platform has it. {@code platformReason} is the platform's own code (mapped by the
     * platformReturnReason table); {@code wanted} REFUND or EXCHANGE; {@code carrier} and
     * {@code trackingNumber} are set when the platform has already given the buyer a label (Amazon).
     * The buyer's own words stay on the platform (they are not needed to take the return).
     */
    record PlatformReturn(String platformReturnId, String platformOrderId, String sku, int quantity,
            String platformReason, String wanted, Instant requestedAt, String state, String carrier,
            String trackingNumber) {
    }

    record PlatformReturnCommand(String storeId, String platformReturnId, String platformOrderId, String note,
            String idempotencyKey) {
    }

    /** The platform's state of the return after the call. */
    record PlatformReturnResult(String state, boolean alreadyDone) {
    }

    /**
     * A return label the platform made. {@code labelPdf} is null where the platform gives the label to
     * the buyer itself ({@code buyerGetsItFromPlatform}): then this system sends no label mail.
     */
    record PlatformLabel(String carrier, String trackingNumber, byte[] labelPdf, boolean buyerGetsItFromPlatform) {

        @Override
        public String toString() {
            return "PlatformLabel[carrier=" + carrier + ", tracking=" + trackingNumber + ", pdf="
                    + (labelPdf == null ? "none" : labelPdf.length + " bytes") + ", fromPlatform="
                    + buyerGetsItFromPlatform + "]";
        }
    }

    record ClaimResponseCommand(String storeId, String claimId, ClaimAction action, BigDecimal amount,
            String currency, String note, String carrier, String trackingNumber, String idempotencyKey) {
    }
}
