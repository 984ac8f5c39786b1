package com.helloword.aftersales.platform;

import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.PlatformCannotException;
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

/** One platform's side of {@link MarketplacePort}; each operation gets the store it acts on. */
public interface MarketplaceAdapter {

    Platform platform();

    RefundResult refund(StoreConnection store, RefundCommand command);

    /** Whether {@link #refund} refunds through the platform's API; false where it always says it cannot. */
    default boolean refundsThroughApi() {
        return true;
    }

    RefundResult offerPartialRefund(StoreConnection store, PartialRefundOffer offer);

    HoldResult holdOrder(StoreConnection store, OrderHoldCommand command);

    HoldResult releaseOrder(StoreConnection store, OrderHoldCommand command);

    DelistResult delistSku(StoreConnection store, DelistCommand command);

    RelistResult relistSku(StoreConnection store, RelistCommand command);

    void sendBuyerMessage(StoreConnection store, BuyerMessageCommand command);

    PlatformClaim getClaim(StoreConnection store, ClaimRef ref);

    void respondToClaim(StoreConnection store, ClaimResponseCommand command);

    ShipTo getShipTo(StoreConnection store, ShipToRef ref);

    ExchangeResult createExchangeOrder(StoreConnection store, ExchangeOrderCommand command);

    /** Platforms without a return feed (Shopify's returns come by webhook). */
    default PlatformReturnBatch platformReturns(StoreConnection store, PlatformReturnsQuery query) {
        throw new PlatformCannotException(platform().name(), "read the returns opened on the platform",
                "this platform's returns arrive as webhooks, not as a feed");
    }

    /** Platforms without a claim feed. */
    default PlatformClaimBatch platformClaims(StoreConnection store, PlatformClaimsQuery query) {
        throw new PlatformCannotException(platform().name(), "read the claims opened on the platform",
                "this platform's claims do not arrive as a feed");
    }

    /** Platforms where a return needs no acceptance: the platform authorised it itself (Amazon). */
    default PlatformReturnResult approvePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        return new PlatformReturnResult("authorised by " + platform(), true);
    }

    default PlatformReturnResult declinePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        throw new PlatformCannotException(platform().name(), "decline the return on the platform",
                "decline it in the seller portal");
    }

    /** Platforms without return labels of their own: the carrier makes the label. */
    default PlatformLabel platformReturnLabel(StoreConnection store, PlatformReturnCommand command) {
        throw new PlatformCannotException(platform().name(), "make the platform's return label",
                "the platform makes no return labels for this store; the carrier makes it");
    }
}
