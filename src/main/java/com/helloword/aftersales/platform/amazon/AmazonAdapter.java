package com.helloword.aftersales.platform.amazon;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.OperationJournal;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.platform.ListingStops;
import com.helloword.aftersales.platform.MarketplaceAdapter;
import com.helloword.aftersales.platform.MarketplacePort.BuyerMessageCommand;
import com.helloword.aftersales.platform.MarketplacePort.ClaimRef;
import com.helloword.aftersales.platform.MarketplacePort.ClaimResponseCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistResult;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeOrderCommand;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeResult;
import com.helloword.aftersales.platform.MarketplacePort.HoldResult;
import com.helloword.aftersales.platform.MarketplacePort.OrderHoldCommand;
import com.helloword.aftersales.platform.MarketplacePort.PartialRefundOffer;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaimBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaimsQuery;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;
import com.helloword.aftersales.platform.MarketplacePort.PlatformLabel;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnsQuery;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.MarketplacePort.RelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.RelistResult;
import com.helloword.aftersales.platform.MarketplacePort.ShipTo;
import com.helloword.aftersales.platform.MarketplacePort.ShipToRef;
import com.helloword.aftersales.platform.StoreConnection;

/**
 * Amazon through the Selling Partner API, at the store's regional endpoint ({@code apiBaseUrl}, e.g.
 * {@code https://sellingpartnerapi-eu.amazon.com}), for the store's {@code marketplaceId} and seller id
 * ({@code accountId}). Calls carry a Login with Amazon access token in {@code x-amz-access-token} (refresh-token grant
 * against {@code aftersales.providers.amazon.token-url}, cached, renewed once when Amazon refuses it) and a
 * {@code User-Agent}; AWS Signature V4 is not sent, Amazon stopped requiring it in October 2023.
 *
 * <p>API versions used:
 * <ul>
 * <li>Messaging API v1: {@code getMessagingActionsForOrder}, then {@code createUnexpectedProblem}
 * ({@code POST /messaging/v1/orders/{id}/messages/unexpectedProblem}), the one message type that fits after-sales.
 * Amazon offers no idempotency key for messages: a message sent twice reaches the buyer twice, so once-only belongs to
 * the caller (the outbox or process step that records a sent message).</li>
 * <li>Orders API v0 {@code getOrderAddress} and {@code getOrderBuyerInfo} with a Restricted Data Token from the
 * Tokens API 2021-03-01 ({@code createRestrictedDataToken} for exactly those two paths, used once and not kept):
 * the buyer's delivery address for a return label. The app needs the restricted Direct-to-Consumer Delivery role;
 * without it Amazon refuses the token, and a person copies the address from Seller Central.</li>
 * <li>Listings Items API 2021-08-01: {@code getListingsItem} ({@code includedData=summaries,fulfillmentAvailability})
 * for the product type, then {@code patchListingsItem} with a JSON Patch {@code merge} of
 * {@code fulfillment_availability} to quantity 0 for the seller-fulfilled channel {@code DEFAULT}. Setting 0 again is
 * harmless, so delisting is naturally idempotent; Amazon applies the accepted submission asynchronously. The quantity
 * before is recorded ({@link ListingStops}) and relisting merges it back.</li>
 * <li>Reports API 2021-06-30: {@code createReport}, {@code getReport} and {@code getReportDocument} for the
 * merchant-fulfilled returns report {@code GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE} ({@link ReturnsReport}), read
 * over several rounds with a {@link ReturnsCursor}. Amazon authorises those returns itself, so accepting and
 * declining keep the port's "cannot" defaults; the buyer's prepaid label is Amazon's, and its tracking comes in the
 * report ({@link #platformReturnLabel} until then).</li>
 * </ul>
 *
 * <p>Refunds are not driven: the SP-API's only refund path is the Feeds API 2021-06-30 order adjustment feed
 * ({@code POST_PAYMENT_ADJUSTMENT_DATA}), which is processed hours later, needs the order's item codes and a split of
 * the amount into price components, and has no duplicate protection: Amazon documents the feed's
 * {@code MerchantAdjustmentItemID} as "not used by Amazon", so a feed submitted again after a lost answer refunds
 * again. Holds, partial-refund offers and A-to-z claims have no SP-API at all. These operations throw
 * {@link PlatformCannotException} with what a person does in Seller Central instead.
 */
@Component
class AmazonAdapter implements MarketplaceAdapter {

    static final String PROVIDER = "amazon";
    static final String DEFAULT_USER_AGENT = "helloword-aftersales/0.1 (Language=Java/17)";
    static final String AMAZON = "Amazon";

    private final SpApi api;
    private final AmazonMessages messages;
    private final AmazonListings listings;
    private final AmazonOrders orders;
    private final AmazonReturns returns;

    AmazonAdapter(ProviderClients clients, CredentialStore credentials, Clock clock, OperationJournal operations,
            @Value("${aftersales.providers.amazon.token-url:https://api.amazon.com/auth/o2/token}") String tokenUrl,
            @Value("${aftersales.providers.amazon.user-agent:" + DEFAULT_USER_AGENT + "}") String userAgent) {
        this.api = new SpApi(clients.forProvider(PROVIDER), credentials, clock, tokenUrl, userAgent);
        this.messages = new AmazonMessages(api);
        this.listings = new AmazonListings(api, new ListingStops(operations, PROVIDER));
        this.orders = new AmazonOrders(api);
        this.returns = new AmazonReturns(api, clock);
    }

    @Override
    public Platform platform() {
        return Platform.AMAZON;
    }

    // --- buyer messages -----------------------------------------------------------------------

    @Override
    public void sendBuyerMessage(StoreConnection store, BuyerMessageCommand command) {
        messages.sendBuyerMessage(store, command);
    }

    // --- delisting ----------------------------------------------------------------------------

    @Override
    public DelistResult delistSku(StoreConnection store, DelistCommand command) {
        return listings.delistSku(store, command);
    }

    @Override
    public RelistResult relistSku(StoreConnection store, RelistCommand command) {
        return listings.relistSku(store, command);
    }

    // --- delivery address ----------------------------------------------------------------------

    @Override
    public ShipTo getShipTo(StoreConnection store, ShipToRef ref) {
        return orders.getShipTo(store, ref);
    }

    // --- returns opened on Amazon ---------------------------------------------------------------

    @Override
    public PlatformReturnBatch platformReturns(StoreConnection store, PlatformReturnsQuery query) {
        return returns.platformReturns(store, query);
    }

    @Override
    public PlatformLabel platformReturnLabel(StoreConnection store, PlatformReturnCommand command) {
        return returns.platformReturnLabel(store, command);
    }

    // --- what the SP-API has no (safe) operation for ------------------------------------------

    @Override
    public ExchangeResult createExchangeOrder(StoreConnection store, ExchangeOrderCommand command) {
        throw AmazonCannot.EXCHANGE_ORDER.answer(command.originalPlatformOrderId());
    }

    @Override
    public RefundResult refund(StoreConnection store, RefundCommand command) {
        throw AmazonCannot.REFUND.answer(command.platformOrderId());
    }

    /** Refunds are done by hand in Seller Central: {@link #refund} always answers so. */
    @Override
    public boolean refundsThroughApi() {
        return false;
    }

    @Override
    public RefundResult offerPartialRefund(StoreConnection store, PartialRefundOffer offer) {
        throw AmazonCannot.PARTIAL_REFUND_OFFER.answer("");
    }

    @Override
    public HoldResult holdOrder(StoreConnection store, OrderHoldCommand command) {
        throw AmazonCannot.HOLD.answer(command.platformOrderId());
    }

    @Override
    public HoldResult releaseOrder(StoreConnection store, OrderHoldCommand command) {
        throw AmazonCannot.RELEASE.answer(command.platformOrderId());
    }

    @Override
    public PlatformClaim getClaim(StoreConnection store, ClaimRef ref) {
        throw AmazonCannot.READ_CLAIM.answer(ref.claimId());
    }

    @Override
    public void respondToClaim(StoreConnection store, ClaimResponseCommand command) {
        throw AmazonCannot.ANSWER_CLAIM.answer(command.claimId());
    }

    @Override
    public PlatformClaimBatch platformClaims(StoreConnection store, PlatformClaimsQuery query) {
        throw new PlatformCannotException("Amazon", "read the claims opened on Amazon", "the SP-API has no A-to-z"
                + " claims feed; Amazon's claim notifications arrive as mail and are read from the mailbox");
    }
}
