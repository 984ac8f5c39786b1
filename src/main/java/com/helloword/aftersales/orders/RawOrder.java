package com.helloword.aftersales.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;

/**
 * An order as read from a request, every value still a string, plus the rules that turn it into an
 * {@link ImportedOrder}. The readers differ only in how they find the strings and name the fields.
 */
final class RawOrder {

    private final int line;
    private final Map<OrderField, String> values;
    private final List<RawLine> lines = new ArrayList<>();

    record RawLine(int line, String fieldPrefix, Map<OrderField, String> values) {
    }

    RawOrder(int line, Map<OrderField, String> values) {
        this.line = line;
        this.values = new EnumMap<>(OrderField.class);
        this.values.putAll(values);
    }

    int line() {
        return line;
    }

    String value(OrderField field) {
        return values.get(field);
    }

    Map<OrderField, String> values() {
        return values;
    }

    void addLine(RawLine rawLine) {
        lines.add(rawLine);
    }

    /** Validates every field; returns the order, or null when a problem was recorded. */
    ImportedOrder validate(ProblemCollector problems, Function<OrderField, String> names) {
        int problemsBefore = problems.total();
        RowChecker check = problems.at(line);
        String storeId = check.required(names.apply(OrderField.STORE_ID), value(OrderField.STORE_ID), 64);
        String orderId = check.required(names.apply(OrderField.PLATFORM_ORDER_ID),
                value(OrderField.PLATFORM_ORDER_ID), 100);
        String email = check.email(names.apply(OrderField.BUYER_EMAIL), value(OrderField.BUYER_EMAIL));
        String buyerName = check.optional(names.apply(OrderField.BUYER_NAME), value(OrderField.BUYER_NAME), 200);
        String language = check.language(names.apply(OrderField.BUYER_LANGUAGE), value(OrderField.BUYER_LANGUAGE));
        String buyerCountry = check.country(names.apply(OrderField.BUYER_COUNTRY), value(OrderField.BUYER_COUNTRY),
                false);
        String destination = check.country(names.apply(OrderField.DESTINATION_COUNTRY),
                value(OrderField.DESTINATION_COUNTRY), true);
        String currency = check.currency(names.apply(OrderField.CURRENCY), value(OrderField.CURRENCY));
        Instant orderedAt = check.instant(names.apply(OrderField.ORDERED_AT), value(OrderField.ORDERED_AT), true);
        Instant shippedAt = check.instant(names.apply(OrderField.SHIPPED_AT), value(OrderField.SHIPPED_AT), false);
        Instant deliveredAt = check.instant(names.apply(OrderField.DELIVERED_AT), value(OrderField.DELIVERED_AT),
                false);
        check.notBefore(names.apply(OrderField.SHIPPED_AT), shippedAt, names.apply(OrderField.ORDERED_AT), orderedAt);
        check.notBefore(names.apply(OrderField.DELIVERED_AT), deliveredAt, names.apply(OrderField.SHIPPED_AT),
                shippedAt);
        String carrier = check.optional(names.apply(OrderField.CARRIER), value(OrderField.CARRIER), 64);
        String tracking = check.optional(names.apply(OrderField.TRACKING_NUMBER), value(OrderField.TRACKING_NUMBER),
                100);
        String paymentReference = check.optional(names.apply(OrderField.PAYMENT_REFERENCE),
                value(OrderField.PAYMENT_REFERENCE), 100);
        OrderStatus status = check.status(names.apply(OrderField.STATUS), value(OrderField.STATUS));

        if (lines.isEmpty()) {
            check.problem(names.apply(OrderField.SKU), "an order needs at least one line");
        }
        List<SalesOrder.LineDetails> details = new ArrayList<>();
        for (RawLine raw : lines) {
            RowChecker lineCheck = problems.at(raw.line());
            Function<OrderField, String> lineNames = f -> raw.fieldPrefix() + names.apply(f);
            String sku = lineCheck.required(lineNames.apply(OrderField.SKU), raw.values().get(OrderField.SKU), 100);
            String batch = lineCheck.optional(lineNames.apply(OrderField.BATCH), raw.values().get(OrderField.BATCH),
                    100);
            String title = lineCheck.optional(lineNames.apply(OrderField.TITLE), raw.values().get(OrderField.TITLE),
                    200);
            Integer quantity = lineCheck.positiveInt(lineNames.apply(OrderField.QUANTITY),
                    raw.values().get(OrderField.QUANTITY));
            BigDecimal price = lineCheck.money(lineNames.apply(OrderField.UNIT_PRICE),
                    raw.values().get(OrderField.UNIT_PRICE));
            if (sku != null && quantity != null && price != null) {
                details.add(new SalesOrder.LineDetails(sku, batch, title, quantity, price));
            }
        }
        if (problems.total() > problemsBefore) {
            return null;
        }
        return new ImportedOrder(line, storeId, orderId,
                new ImportedOrder.ImportedBuyer(email, buyerName, language, buyerCountry),
                new SalesOrder.Details(destination, currency, status, orderedAt, shippedAt, deliveredAt, carrier,
                        tracking, paymentReference),
                details);
    }
}
