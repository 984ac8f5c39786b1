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

        static BuyerView of(Buyer b) {
            return b == null ? null
                    : new BuyerView(b.getId(), b.getEmail(), b.getName(), b.getLanguage(), b.getCountry(), b.getTier());
        }
    }

    public record OrderLineView(int lineNo, String sku, String batch, int quantity, BigDecimal unitPrice,
            BigDecimal lineTotal) {
    }

    public record OrderView(long id, String storeId, String platformOrderId, BuyerView buyer,
            String destinationCountry, String currency, OrderStatus status, Instant orderedAt, Instant shippedAt,
            Instant deliveredAt, String carrier, String trackingNumber, String trackingStatus, Instant lastScanAt,
            boolean frozen, String frozenReason, BigDecimal total, List<OrderLineView> lines) {

        static OrderView of(SalesOrder o) {
            List<OrderLineView> lines = o.getLines().stream()
                    .map(l -> new OrderLineView(l.getLineNo(), l.getSku(), l.getBatchLot(), l.getQuantity(),
                            l.getUnitPrice(), l.lineTotal()))
                    .toList();
            return new OrderView(o.getId(), o.getStore().getId(), o.getPlatformOrderId(), BuyerView.of(o.getBuyer()),
                    o.getDestinationCountry(), o.getCurrency(), o.getStatus(), o.getOrderedAt(), o.getShippedAt(),
                    o.getDeliveredAt(), o.getCarrier(), o.getTrackingNumber(), o.getTrackingStatus(), o.getLastScanAt(),
                    o.isFrozen(), o.getFrozenReason(), o.total(), lines);
        }
    }

    public record MessageView(MessageDirection direction, String channel, String externalMessageId, String subject,
            String body, String language, Instant occurredAt) {
    }

    public record CaseView(String businessKey, String storeId, String platformOrderId, BuyerView buyer,
            String channel, String category, Severity severity, CaseStatus status, String language, int contactCount,
            Instant openedAt, Instant claimDueAt, Instant firstReplyDueAt, Instant resolutionDueAt, Instant closedAt,
            String processInstanceId, List<MessageView> messages) {

        static CaseView of(AfterSalesCase c) {
            List<MessageView> messages = c.getMessages().stream()
                    .map(m -> new MessageView(m.getDirection(), m.getChannel(), m.getExternalMessageId(),
                            m.getSubject(), m.getBody(), m.getLanguage(), m.getOccurredAt()))
                    .toList();
            return new CaseView(c.getBusinessKey(), c.getStore() == null ? null : c.getStore().getId(),
                    c.getOrder() == null ? null : c.getOrder().getPlatformOrderId(), BuyerView.of(c.getBuyer()),
                    c.getChannel(), c.getCategory(), c.getSeverity(), c.getStatus(), c.getLanguage(),
                    c.getContactCount(), c.getOpenedAt(), c.getClaimDueAt(), c.getFirstReplyDueAt(),
                    c.getResolutionDueAt(), c.getClosedAt(), c.getProcessInstanceId(), messages);
        }
    }
}
