package com.helloword.aftersales.platform;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.stereotype.Service;

import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.integration.PlatformCannotException;

/** {@link MarketplacePort} for all stores: finds the store, then the adapter of its platform. */
@Service
class MarketplaceRouter implements MarketplacePort {

    private final StoreRepository stores;
    private final Map<Platform, MarketplaceAdapter> adapters = new EnumMap<>(Platform.class);

    MarketplaceRouter(StoreRepository stores, List<MarketplaceAdapter> adapters) {
        this.stores = stores;
        adapters.forEach(adapter -> this.adapters.put(adapter.platform(), adapter));
    }

    private <R> R route(String storeId, String operation, BiFunction<MarketplaceAdapter, StoreConnection, R> call) {
        StoreConnection store = stores.findById(storeId).map(StoreConnection::of)
                .orElseThrow(() -> new IllegalArgumentException("No store " + storeId));
        MarketplaceAdapter adapter = adapters.get(store.platform());
        if (adapter == null) {
            throw new PlatformCannotException(store.platform().name(), operation,
                    "this system has no " + store.platform() + " adapter yet; do it in the seller portal");
        }
        return call.apply(adapter, store);
    }

    @Override
    public RefundResult refund(RefundCommand command) {
        return route(command.storeId(), "refund", (a, s) -> a.refund(s, command));
    }

    @Override
    public boolean refundsThroughApi(String storeId) {
        return stores.findById(storeId).map(store -> adapters.get(store.getPlatform()))
                .map(MarketplaceAdapter::refundsThroughApi).orElse(false);
    }

    @Override
    public RefundResult offerPartialRefund(PartialRefundOffer offer) {
        return route(offer.storeId(), "offer a partial refund", (a, s) -> a.offerPartialRefund(s, offer));
    }

    @Override
    public HoldResult holdOrder(OrderHoldCommand command) {
        return route(command.storeId(), "hold an order", (a, s) -> a.holdOrder(s, command));
    }

    @Override
    public HoldResult releaseOrder(OrderHoldCommand command) {
        return route(command.storeId(), "release an order", (a, s) -> a.releaseOrder(s, command));
    }

    @Override
    public DelistResult delistSku(DelistCommand command) {
        requireSku(command.sku(), command.idempotencyKey());
        return route(command.storeId(), "delist a SKU", (a, s) -> a.delistSku(s, command));
    }

    @Override
    public RelistResult relistSku(RelistCommand command) {
        requireSku(command.sku(), command.idempotencyKey());
        return route(command.storeId(), "relist a SKU", (a, s) -> a.relistSku(s, command));
    }

    private static void requireSku(String sku, String idempotencyKey) {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("delisting and relisting need a SKU");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("delisting and relisting need an idempotency key");
        }
    }

    @Override
    public void sendBuyerMessage(BuyerMessageCommand command) {
        route(command.storeId(), "message a buyer", (a, s) -> {
            a.sendBuyerMessage(s, command);
            return null;
        });
    }

    @Override
    public PlatformClaim getClaim(ClaimRef ref) {
        return route(ref.storeId(), "read a claim", (a, s) -> a.getClaim(s, ref));
    }

    @Override
    public void respondToClaim(ClaimResponseCommand command) {
        route(command.storeId(), "answer a claim", (a, s) -> {
            a.respondToClaim(s, command);
            return null;
        });
    }

    @Override
    public ShipTo getShipTo(ShipToRef ref) {
        return route(ref.storeId(), "read the buyer's delivery address", (a, s) -> a.getShipTo(s, ref));
    }

    @Override
    public ExchangeResult createExchangeOrder(ExchangeOrderCommand command) {
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new IllegalArgumentException("an exchange order needs at least one line");
        }
        for (ExchangeLine line : command.lines()) {
            if (line.sku() == null || line.sku().isBlank() || line.quantity() <= 0) {
                throw new IllegalArgumentException("an exchange line needs a SKU and a positive quantity, not "
                        + line);
            }
        }
        if (command.idempotencyKey() == null || command.idempotencyKey().isBlank()) {
            throw new IllegalArgumentException("an exchange order needs an idempotency key");
        }
        return route(command.storeId(), "create an exchange order", (a, s) -> a.createExchangeOrder(s, command));
    }

    @Override
    public PlatformReturnBatch platformReturns(PlatformReturnsQuery query) {
        return route(query.storeId(), "read the returns opened on the platform", (a, s) -> a.platformReturns(s, query));
    }

    @Override
    public PlatformClaimBatch platformClaims(PlatformClaimsQuery query) {
        return route(query.storeId(), "read the claims opened on the platform", (a, s) -> a.platformClaims(s, query));
    }

    @Override
    public PlatformReturnResult approvePlatformReturn(PlatformReturnCommand command) {
        requireReturnId(command);
        return route(command.storeId(), "accept the return on the platform",
                (a, s) -> a.approvePlatformReturn(s, command));
    }

    @Override
    public PlatformReturnResult declinePlatformReturn(PlatformReturnCommand command) {
        requireReturnId(command);
        return route(command.storeId(), "decline the return on the platform",
                (a, s) -> a.declinePlatformReturn(s, command));
    }

    @Override
    public PlatformLabel platformReturnLabel(PlatformReturnCommand command) {
        requireReturnId(command);
        return route(command.storeId(), "make the platform's return label", (a, s) -> a.platformReturnLabel(s, command));
    }

    private static void requireReturnId(PlatformReturnCommand command) {
        if (command.platformReturnId() == null || command.platformReturnId().isBlank()) {
            throw new IllegalArgumentException("a platform return operation needs the platform's return id");
        }
    }
}
