package com.helloword.aftersales.platform.ebay;

import static com.helloword.aftersales.platform.ebay.EbayApi.PROVIDER;
import static com.helloword.aftersales.platform.ebay.EbayValues.firstText;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.OperationJournal;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
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
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaimBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaimsQuery;
import com.helloword.aftersales.platform.MarketplacePort.PlatformLabel;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnResult;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnsQuery;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.MarketplacePort.RelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.RelistResult;
import com.helloword.aftersales.platform.MarketplacePort.ShipTo;
import com.helloword.aftersales.platform.MarketplacePort.ShipToRef;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.platform.StreetSplitter;
import com.helloword.aftersales.platform.ebay.EbayApi.Family;

/**
 * eBay through Sell Fulfillment API v1 (getOrder, issueRefund), Sell Inventory API v1 (getInventoryItem,
 * getOffers, bulkUpdatePriceQuantity, publishOffer: {@link EbayInventory}), Commerce Message API v1 (getConversations, getConversation, sendMessage)
 * and Post-Order API v2 (return search, get, decide, initiate_shipping_label, get_shipping_label and issue_refund;
 * inquiry get, issue_refund and provide_shipment_info; case get, search and issue_refund), Fulfillment's payment
 * dispute summaries ({@link EbayClaimFeed}, on the apiz host), with OAuth user tokens from Identity API v1 ({@link EbayApi}); calls that move money carry eBay's
 * digital signature for EU/UK sellers ({@link EbaySigner}).
 * <p>
 * Claim ids are {@code case:<id>}, {@code inquiry:<id>} or {@code return:<id>}. A bare id is a case, except in
 * {@link #offerPartialRefund}, where it is a return, the only claim eBay takes a partial-refund offer on.
 * <p>
 * Idempotency: texts eBay keeps (offer comments, messages) end with a short reference derived from the idempotency
 * key ({@code Ref HW-…}) that a repeated call looks for first. eBay returns no refund comment, so refunds are
 * recognised through the shared {@link RefundJournal}; a full refund of an order with nothing left to refund is
 * reported as already done. eBay has no order hold.
 */
@Component
class EbayAdapter implements MarketplaceAdapter {

    static final String PLATFORM = "eBay";
    static final String DEFAULT_SCOPES = "https://api.ebay.com/oauth/api_scope"
            + " https://api.ebay.com/oauth/api_scope/sell.fulfillment"
            + " https://api.ebay.com/oauth/api_scope/sell.inventory"
            + " https://api.ebay.com/oauth/api_scope/commerce.message";
    /**
     * The payment dispute search's scope. Not among the defaults: a refresh token granted without it is refused
     * ({@code invalid_scope}), so it is added ({@code AFTERSALES_PROVIDERS_EBAY_OAUTH_SCOPES}) once the sellers have
     * connected their stores again with it.
     */
    static final String PAYMENT_DISPUTE_SCOPE = "https://api.ebay.com/oauth/api_scope/sell.payment.dispute";
    /** Marketplaces whose sellers are EU/UK-domiciled as a rule; their money calls must be signed. */
    static final String EU_UK_MARKETPLACES =
            "EBAY_AT,EBAY_BE,EBAY_DE,EBAY_ES,EBAY_FR,EBAY_GB,EBAY_IE,EBAY_IT,EBAY_NL,EBAY_PL";

    /**
     * A return that has ended: CLOSED in both ReturnStatusEnum ({@code status}) and ReturnStateEnum
     * ({@code state}), whoever closed it (the buyer cancelling is a close with a buyerCloseReason), and
     * REPLACEMENT_CLOSED, "the replacement item has been received and the return request has been closed".
     */
    static final Set<String> CLOSED = Set.of("CLOSED", "REPLACEMENT_CLOSED");

    private final EbayApi api;
    private final EbayRefunds refunds;
    private final EbayReturns returns;
    private final EbayInventory inventory;
    private final EbayMessages messages;
    private final EbayClaims claims;
    private final EbayClaimFeed claimFeed;

    EbayAdapter(ProviderClients clients, CredentialStore credentials, Clock clock, OperationJournal operations,
            @Value("${aftersales.providers.ebay.api-base-url:https://api.ebay.com}") String apiBaseUrl,
            @Value("${aftersales.providers.ebay.apiz-base-url:https://apiz.ebay.com}") String apizBaseUrl,
            @Value("${aftersales.providers.ebay.token-path:/identity/v1/oauth2/token}") String tokenPath,
            @Value("${aftersales.providers.ebay.oauth-scopes:" + DEFAULT_SCOPES + "}") String scopes,
            @Value("${aftersales.providers.ebay.signature-marketplaces:" + EU_UK_MARKETPLACES + "}")
            String signatureMarketplaces) {
        Set<String> signing = Arrays.stream(signatureMarketplaces.split(",")).map(String::strip)
                .filter(marketplace -> !marketplace.isEmpty()).collect(Collectors.toUnmodifiableSet());
        String base = stripSlash(apiBaseUrl);
        this.api = new EbayApi(clients.forProvider(PROVIDER), credentials, clock,
                new EbayApi.Settings(base, stripSlash(apizBaseUrl), tokenPath, scopes, signing));
        RefundJournal journal = new RefundJournal(operations);
        this.refunds = new EbayRefunds(api, journal);
        this.returns = new EbayReturns(api, clock);
        this.inventory = new EbayInventory(api, new ListingStops(operations, PROVIDER));
        this.messages = new EbayMessages(api);
        this.claims = new EbayClaims(api, clock, journal, refunds);
        this.claimFeed = new EbayClaimFeed(api, clock);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public Platform platform() {
        return Platform.EBAY;
    }

    // --- refunds ------------------------------------------------------------------------------

    @Override
    public RefundResult refund(StoreConnection store, RefundCommand command) {
        return refunds.refund(store, command);
    }

    @Override
    public RefundResult offerPartialRefund(StoreConnection store, PartialRefundOffer offer) {
        return refunds.offerPartialRefund(store, offer);
    }

    // --- returns opened on eBay -----------------------------------------------------------------

    @Override
    public PlatformReturnBatch platformReturns(StoreConnection store, PlatformReturnsQuery query) {
        return returns.platformReturns(store, query);
    }

    @Override
    public PlatformReturnResult approvePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        return returns.approvePlatformReturn(store, command);
    }

    @Override
    public PlatformReturnResult declinePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        return returns.declinePlatformReturn(store, command);
    }

    @Override
    public PlatformLabel platformReturnLabel(StoreConnection store, PlatformReturnCommand command) {
        return returns.platformReturnLabel(store, command);
    }

    // --- holds --------------------------------------------------------------------------------

    @Override
    public HoldResult holdOrder(StoreConnection store, OrderHoldCommand command) {
        throw new PlatformCannotException(PLATFORM, "hold an order", "eBay has no order hold; keep the order from"
                + " being shipped (no label, a note on the order in Seller Hub), or cancel it in Seller Hub if it"
                + " must not ship at all");
    }

    @Override
    public HoldResult releaseOrder(StoreConnection store, OrderHoldCommand command) {
        throw new PlatformCannotException(PLATFORM, "release an order", "eBay has no order hold, so this system"
                + " never placed one; ship the order as usual");
    }

    // --- delisting ----------------------------------------------------------------------------

    @Override
    public DelistResult delistSku(StoreConnection store, DelistCommand command) {
        return inventory.delistSku(store, command);
    }

    @Override
    public RelistResult relistSku(StoreConnection store, RelistCommand command) {
        return inventory.relistSku(store, command);
    }

    // --- buyer messages -----------------------------------------------------------------------

    @Override
    public void sendBuyerMessage(StoreConnection store, BuyerMessageCommand command) {
        messages.sendBuyerMessage(store, command);
    }

    // --- claims -------------------------------------------------------------------------------

    @Override
    public PlatformClaim getClaim(StoreConnection store, ClaimRef ref) {
        return claims.getClaim(store, ref);
    }

    @Override
    public void respondToClaim(StoreConnection store, ClaimResponseCommand command) {
        claims.respondToClaim(store, command);
    }

    @Override
    public PlatformClaimBatch platformClaims(StoreConnection store, PlatformClaimsQuery query) {
        return claimFeed.platformClaims(store, query);
    }

    // --- delivery address and exchanges ---------------------------------------------------------

    /**
     * The ship-to of the order's first fulfillment instruction ({@code getOrder}). For eBay International
     * Shipping and the Global Shipping Program the ship-to is eBay's hub, so the buyer's own address is the
     * instruction's {@code finalDestinationAddress}. eBay stops returning name and address 90 days after the
     * order, the e-mail address after 14 (then it is null).
     */
    @Override
    public ShipTo getShipTo(StoreConnection store, ShipToRef ref) {
        return api.call("getShipTo", store, false, session -> {
            JsonNode order = session.get(Family.REST, session.uri("/sell/fulfillment/v1/order/{orderId}",
                    Map.of("orderId", ref.platformOrderId())));
            for (JsonNode instruction : order.path("fulfillmentStartInstructions")) {
                JsonNode shipTo = instruction.at("/shippingStep/shipTo");
                JsonNode address = instruction.path("ebaySupportedFulfillment").asBoolean(false)
                        && instruction.path("finalDestinationAddress").isObject()
                        ? instruction.path("finalDestinationAddress") : shipTo.path("contactAddress");
                String line1 = firstText(address, "addressLine1");
                if (line1 == null) {
                    continue;
                }
                String country = firstText(address, "countryCode");
                StreetSplitter.Split street = StreetSplitter.split(line1, firstText(address, "addressLine2"), country);
                return new ShipTo(firstText(shipTo, "fullName"), street.street(), street.houseNumber(),
                        firstText(address, "postalCode"), firstText(address, "city"), country,
                        firstText(shipTo, "email"));
            }
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "eBay shows no delivery address for order "
                    + ref.platformOrderId() + " (digital or collected order, or older than 90 days, after which eBay"
                    + " no longer returns it); take the address from the order in Seller Hub");
        });
    }

    @Override
    public ExchangeResult createExchangeOrder(StoreConnection store, ExchangeOrderCommand command) {
        throw new PlatformCannotException(PLATFORM, "create an exchange order", "eBay has no API to create an order"
                + " for a buyer; send the replacement through your own fulfilment (a shipment outside eBay to the"
                + " order's address), add its tracking to the buyer's return or case in Seller Hub, and note it on"
                + " the case here");
    }
}
