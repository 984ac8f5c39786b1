package com.helloword.aftersales.platform.ebay;

import static com.helloword.aftersales.platform.ebay.EbayApi.PROVIDER;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistResult;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.platform.ebay.EbayApi.Family;
import com.helloword.aftersales.platform.ebay.EbayApi.Session;

/**

/** Delisting on eBay through the Sell Inventory API v1: stock 0 on the inventory item and its published offers. */
final class EbayInventory {

    private final EbayApi api;
    private final ProviderClient client;

    EbayInventory(EbayApi api) {
        this.api = api;
        this.client = api.client();
    }

    DelistResult delistSku(StoreConnection store, DelistCommand command) {
        String sku = command.sku();
        return api.call("delistSku", store, false, session -> {
            Map<String, String> skuVariable = Map.of("sku", sku);
            JsonNode item;
            try {
                item = inventoryGet(session, session.uri("/sell/inventory/v1/inventory_item/{sku}", skuVariable));
            } catch (ProviderFailure failure) {
                if (failure.httpStatus() == 404) {
                    throw new ProviderFailure(PROVIDER, Kind.REJECTED, 404, "SKU " + sku + " is not in eBay's"
                            + " Inventory API for store " + store.storeId() + " (" + EbayApi.detail(failure) + ");"
                            + " a listing created in Seller Hub or through the Trading API can only be ended there:"
                            + " end it in Seller Hub", null, failure);
                }
                throw failure;
            }
            List<String> offerIds = new ArrayList<>();
            for (JsonNode offer : offers(session, skuVariable).path("offers")) {
                if ("PUBLISHED".equals(offer.path("status").asText())
                        && offer.path("availableQuantity").asInt(-1) != 0) {
                    offerIds.add(client.require(offer, "/offerId").asText());
                }
            }
            int quantity = item.at("/availability/shipToLocationAvailability/quantity").asInt(0);
            if (quantity == 0 && offerIds.isEmpty()) {
                return new DelistResult(List.of("SKU " + sku + " already has no stock on eBay"));
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("sku", sku);
            request.put("shipToLocationAvailability", Map.of("quantity", 0));
            if (!offerIds.isEmpty()) {
                request.put("offers", offerIds.stream()
                        .map(offerId -> Map.of("offerId", offerId, "availableQuantity", 0)).toList());
            }
            JsonNode answer = session.post(Family.REST,
                    session.uri("/sell/inventory/v1/bulk_update_price_quantity", Map.of()),
                    Map.of("requests", List.of(request)));
            List<String> refusals = new ArrayList<>();
            for (JsonNode response : answer.path("responses")) {
                int status = response.path("statusCode").asInt(0);
                if (status != 200) {
                    String errors = EbayErrorBodies.describeErrors(response.path("errors"));
                    refusals.add(response.path("offerId").asText(sku) + ": HTTP " + status
                            + (errors == null ? "" : " " + errors));
                }
            }
            if (!refusals.isEmpty()) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "bulkUpdatePriceQuantity refused for SKU "
                        + sku + ": " + String.join("; ", refusals));
            }
            return new DelistResult(List.of("stock of SKU " + sku + " set to 0 on eBay"
                    + (offerIds.isEmpty() ? "" : ", and on published offer(s) " + String.join(", ", offerIds))));
        });
    }

    /** Offers of a SKU; a SKU without offers is answered with 404. */
    private JsonNode offers(Session session, Map<String, String> skuVariable) {
        try {
            return inventoryGet(session, session.uri("/sell/inventory/v1/offer?sku={sku}", skuVariable));
        } catch (ProviderFailure failure) {
            if (failure.httpStatus() == 404) {
                return client.parse("{\"offers\": []}");
            }
            throw failure;
        }
    }

    /** The Inventory API answers an expired token with 403 errorId 1100 instead of 401; it gets the same refresh. */
    private JsonNode inventoryGet(Session session, URI uri) {
        try {
            return session.get(Family.REST, uri);
        } catch (ProviderFailure failure) {
            if (failure.httpStatus() == 403 && failure.getMessage().contains("eBay error 1100:")) {
                throw new ProviderFailure(PROVIDER, Kind.UNAUTHORIZED, 403, EbayApi.detail(failure)
                        + " (the Inventory API says so for an expired token and for a token without the"
                        + " sell.inventory scope)", null, failure);
            }
            throw failure;
        }
    }
}
