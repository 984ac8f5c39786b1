package com.helloword.aftersales.platform;

import com.helloword.aftersales.casefile.Platform;
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
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.MarketplacePort.ShipTo;
import com.helloword.aftersales.platform.MarketplacePort.ShipToRef;

/** One platform's side of {@link MarketplacePort}; each operation gets the store it acts on. */
public interface MarketplaceAdapter {

    Platform platform();

    RefundResult refund(StoreConnection store, RefundCommand command);

    RefundResult offerPartialRefund(StoreConnection store, PartialRefundOffer offer);

    HoldResult holdOrder(StoreConnection store, OrderHoldCommand command);

    HoldResult releaseOrder(StoreConnection store, OrderHoldCommand command);

    DelistResult delistSku(StoreConnection store, DelistCommand command);

    void sendBuyerMessage(StoreConnection store, BuyerMessageCommand command);

    PlatformClaim getClaim(StoreConnection store, ClaimRef ref);

    void respondToClaim(StoreConnection store, ClaimResponseCommand command);

    ShipTo getShipTo(StoreConnection store, ShipToRef ref);

    ExchangeResult createExchangeOrder(StoreConnection store, ExchangeOrderCommand command);
}
