package com.helloword.aftersales.platform.ebay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;

/**
 * The money of a Sell Fulfillment API order: {@code pricingSummary.total} and the refunds so far, order-level
 * ({@code paymentSummary.refunds}) and line-item-level ({@code lineItems[].refunds}). Both leave out tax eBay
 * collects and remits, so they compare like with like. A refund that FAILED does not count.
 */
record OrderMoney(BigDecimal total, String currency, List<IssuedRefund> refunds) {

    /** One refund as getOrder shows it; the id is eBay's refundId, else its refundReferenceId. */
    record IssuedRefund(String id, BigDecimal amount, String currency, String status) {

        boolean counts() {
            return !"FAILED".equals(status);
        }
    }

    static OrderMoney of(JsonNode order, ProviderClient client) {
        JsonNode total = client.require(order, "/pricingSummary/total");
        List<IssuedRefund> refunds = new ArrayList<>();
        collect(order.at("/paymentSummary/refunds"), refunds, client);
        for (JsonNode lineItem : order.path("lineItems")) {
            collect(lineItem.path("refunds"), refunds, client);
        }
        return new OrderMoney(decimal(client.require(total, "/value")), client.require(total, "/currency").asText(),
                List.copyOf(refunds));
    }

    /** An eBay amount value, a string in the RESTful APIs and a number in Post-Order. */
    static BigDecimal decimal(JsonNode value) {
        try {
            return new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            throw new ProviderFailure(EbayApi.PROVIDER, Kind.MALFORMED, 200, "unreadable amount " + value, null, e);
        }
    }

    private static void collect(JsonNode list, List<IssuedRefund> into, ProviderClient client) {
        for (JsonNode refund : list) {
            JsonNode amount = client.require(refund, "/amount");
            String id = refund.path("refundId").asText(refund.path("refundReferenceId").asText(""));
            if (id.isEmpty()) {
                id = refund.path("refundDate").asText("") + "/" + amount.path("value").asText();
            }
            into.add(new IssuedRefund(id, decimal(client.require(amount, "/value")),
                    amount.path("currency").asText(""), refund.path("refundStatus").asText("")));
        }
    }

    BigDecimal refunded() {
        return refunds.stream().filter(IssuedRefund::counts).map(IssuedRefund::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal refundable() {
        BigDecimal left = total.subtract(refunded());
        return left.signum() < 0 ? BigDecimal.ZERO : left;
    }

    Set<String> refundIds() {
        Set<String> ids = new LinkedHashSet<>();
        refunds.forEach(refund -> ids.add(refund.id()));
        return ids;
    }

    /** A refund that counts and was not there before. */
    Optional<IssuedRefund> newSince(Set<String> before) {
        return refunds.stream().filter(IssuedRefund::counts).filter(refund -> !before.contains(refund.id()))
                .findFirst();
    }

    Optional<IssuedRefund> latest() {
        return refunds.stream().filter(IssuedRefund::counts).reduce((first, second) -> second);
    }
}
