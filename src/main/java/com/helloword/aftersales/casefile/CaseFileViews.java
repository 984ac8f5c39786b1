package com.helloword.aftersales.casefile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the case-file API shows: plain records, built inside a read transaction. */
public final class CaseFileViews {

    private CaseFileViews() {
    }

    public record StoreView(String id, String name, Platform platform, String marketplaceCountry, String currency,
            String defaultLanguage, String timeZone, String platformAccountId, String platformMarketplaceId,
            String apiBaseUrl, boolean active) {

        static StoreView of(Store s) {
            return new StoreView(s.getId(), s.getName(), s.getPlatform(), s.getMarketplaceCountry(), s.getCurrency(),
                    s.getDefaultLanguage(), s.getTimeZone(), s.getPlatformAccountId(), s.getPlatformMarketplaceId(),
                    s.getApiBaseUrl(), s.isActive());
        }
    }

    public record BuyerView(long id, String email, String name, String language, String country, BuyerTier tier) {

        public static BuyerView of(Buyer b) {
            return b == null ? null
                    : new BuyerView(b.getId(), b.getEmail(), b.getName(), b.getLanguage(), b.getCountry(), b.getTier());
        }
    }

    public record OrderLineView(int lineNo, String sku, String batch, String title, int quantity,
            BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    public record OrderView(long id, String storeId, String platformOrderId, BuyerView buyer,
            String destinationCountry, String currency, OrderStatus status, Instant orderedAt, Instant shippedAt,
            Instant deliveredAt, String carrier, String trackingNumber, String trackingStatus, Instant lastScanAt,
            boolean frozen, String frozenReason, BigDecimal total, List<OrderLineView> lines) {

        /** The same order for work on goods: lines, status and tracking, no buyer. */
        public OrderView withoutBuyer() {
            return new OrderView(id, storeId, platformOrderId, null, destinationCountry, currency, status, orderedAt,
                    shippedAt, deliveredAt, carrier, trackingNumber, trackingStatus, lastScanAt, frozen, frozenReason,
                    total, lines);
        }

        static OrderView of(SalesOrder o) {
            List<OrderLineView> lines = o.getLines().stream()
                    .map(l -> new OrderLineView(l.getLineNo(), l.getSku(), l.getBatchLot(), l.getTitle(),
                            l.getQuantity(), l.getUnitPrice(), l.lineTotal()))
                    .toList();
            return new OrderView(o.getId(), o.getStore().getId(), o.getPlatformOrderId(), BuyerView.of(o.getBuyer()),
                    o.getDestinationCountry(), o.getCurrency(), o.getStatus(), o.getOrderedAt(), o.getShippedAt(),
                    o.getDeliveredAt(), o.getCarrier(), o.getTrackingNumber(), o.getTrackingStatus(), o.getLastScanAt(),
                    o.isFrozen(), o.getFrozenReason(), o.total(), lines);
        }
    }
}
