package com.helloword.aftersales.platform.ebay;

import static com.helloword.aftersales.platform.ebay.EbayApi.PROVIDER;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistResult;
import com.helloword.aftersales.platform.ListingStops;
import com.helloword.aftersales.platform.MarketplacePort.RelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.RelistResult;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.platform.ebay.EbayApi.Family;
import com.helloword.aftersales.platform.ebay.EbayApi.Session;

/**
 * Delisting and relisting on eBay through the Sell Inventory API v1. Delisting sets the inventory item's ship-to-home
 * quantity and the available quantity of its published offers to 0 ({@code bulkUpdatePriceQuantity}), after recording
 * the quantities they had ({@link ListingStops}); relisting sets those back with the same call, and publishes
 * ({@code publishOffer}) an offer that eBay unpublished meanwhile. The listing itself stays: with quantity 0 eBay keeps
 * it out of search (out-of-stock control) or ends it.
 * <p>
 * A SKU the Inventory API does not know (404) cannot be told apart from one listed in Seller Hub or through the
 * Trading API, which this API does not see: delisting it is a person's check in Seller Hub
 * ({@link PlatformCannotException}), relisting it reports that this system stopped nothing there.
 */
final class EbayInventory {

    private static final String ITEM = "item";
    private static final String OFFER = "offer:";

    private final EbayApi api;
    private final ProviderClient client;
    private final ListingStops stops;

    EbayInventory(EbayApi api, ListingStops stops) {
        this.api = api;
        this.client = api.client();
        this.stops = stops;
    }

    DelistResult delistSku(StoreConnection store, DelistCommand command) {
        String sku = command.sku();
        return api.call("delistSku", store, false, session -> {
            Map<String, String> skuVariable = Map.of("sku", sku);
            JsonNode item = item(session, skuVariable).orElseThrow(() -> new PlatformCannotException(
                    EbayAdapter.PLATFORM, "delist SKU " + sku + " on store " + store.storeId(), "eBay's Inventory API"
                            + " does not know the SKU: either the store does not sell it, or its listing was made in"
                            + " Seller Hub or through the Trading API, which only Seller Hub can end; look for it in"
                            + " Seller Hub and end the listing there"));
            Map<String, Integer> before = new LinkedHashMap<>();
            List<String> offerIds = new ArrayList<>();
            for (JsonNode offer : offers(session, skuVariable).path("offers")) {
                int available = offer.path("availableQuantity").asInt(-1);
                if ("PUBLISHED".equals(offer.path("status").asText()) && available != 0) {
                    String offerId = client.require(offer, "/offerId").asText();
                    offerIds.add(offerId);
                    if (available > 0) {
                        before.put(OFFER + offerId, available);
                    }
                }
            }
            int quantity = item.at("/availability/shipToLocationAvailability/quantity").asInt(0);
            if (quantity == 0 && offerIds.isEmpty()) {
                return new DelistResult(List.of("eBay: SKU " + sku + " already has no stock on store "
                        + store.storeId()));
            }
            if (quantity > 0) {
                before.put(ITEM, quantity);
            }
            stops.remember(store.storeId(), sku, before);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("sku", sku);
            request.put("shipToLocationAvailability", Map.of("quantity", 0));
            if (!offerIds.isEmpty()) {
                request.put("offers", offerIds.stream()
                        .map(offerId -> Map.of("offerId", offerId, "availableQuantity", 0)).toList());
            }
            update(session, sku, request);
            return new DelistResult(List.of("eBay: stock of SKU " + sku + " set to 0 on store " + store.storeId()
                    + " (was " + quantity + ")" + (offerIds.isEmpty() ? "" : ", and on published offer(s) "
                            + String.join(", ", offerIds.stream().map(id -> id + was(before.get(OFFER + id)))
                                    .toList()))));
        });
    }

    RelistResult relistSku(StoreConnection store, RelistCommand command) {
        String sku = command.sku();
        Optional<List<String>> earlier = stops.relisted(command.idempotencyKey());
        if (earlier.isPresent()) {
            return new RelistResult(earlier.get());
        }
        Map<String, Integer> before = stops.before(store.storeId(), sku);
        List<String> actions = api.call("relistSku", store, false, session -> {
            Map<String, String> skuVariable = Map.of("sku", sku);
            Optional<JsonNode> item = item(session, skuVariable);
            if (item.isEmpty()) {
                return List.of("eBay: SKU " + sku + " is not in eBay's Inventory API for store " + store.storeId()
                        + "; this system " + (before.isEmpty() ? "stopped nothing there" : "has nothing to restore"));
            }
            int quantity = item.get().at("/availability/shipToLocationAvailability/quantity").asInt(0);
            if (before.isEmpty()) {
                if (quantity > 0) {
                    return List.of("eBay: stock of SKU " + sku + " on store " + store.storeId() + " is " + quantity
                            + " already; left as it is");
                }
                throw new PlatformCannotException(EbayAdapter.PLATFORM, "relist SKU " + sku + " on store "
                        + store.storeId(), "this system did not set its stock to 0, so it does not know the quantity"
                                + " to restore; set it in Seller Hub (Listings > Active or Ended)");
            }
            List<String> done = new ArrayList<>();
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("sku", sku);
            Integer itemBefore = before.get(ITEM);
            if (itemBefore != null && quantity == 0) {
                request.put("shipToLocationAvailability", Map.of("quantity", itemBefore));
                done.add("eBay: stock of SKU " + sku + " set back to " + itemBefore + " on store " + store.storeId());
            } else if (itemBefore != null) {
                done.add("eBay: stock of SKU " + sku + " on store " + store.storeId() + " is " + quantity
                        + " already; left as it is");
            }
            List<Map<String, Object>> offers = new ArrayList<>();
            List<String> toPublish = new ArrayList<>();
            for (JsonNode offer : offers(session, skuVariable).path("offers")) {
                String offerId = offer.path("offerId").asText("");
                Integer offerBefore = before.get(OFFER + offerId);
                if (offerBefore == null) {
                    continue;
                }
                int available = offer.path("availableQuantity").asInt(0);
                if (!"PUBLISHED".equals(offer.path("status").asText())) {
                    toPublish.add(offerId);
                } else if (available == 0) {
                    offers.add(Map.of("offerId", offerId, "availableQuantity", offerBefore));
                    done.add("eBay: offer " + offerId + " on " + offer.path("marketplaceId").asText("?")
                            + " set back to " + offerBefore);
                } else {
                    done.add("eBay: offer " + offerId + " has " + available + " already; left as it is");
                }
            }
            if (!offers.isEmpty()) {
                request.put("offers", offers);
            }
            if (request.size() > 1) {
                update(session, sku, request);
            }
            for (String offerId : toPublish) {
                JsonNode published = session.post(Family.REST,
                        session.uri("/sell/inventory/v1/offer/{offerId}/publish", Map.of("offerId", offerId)),
                        Map.of());
                done.add("eBay: offer " + offerId + " published again as listing "
                        + client.require(published, "/listingId").asText());
            }
            return done;
        });
        stops.relistDone(store.storeId(), sku, command.idempotencyKey(), actions);
        return new RelistResult(actions);
    }

    private static String was(Integer quantity) {
        return quantity == null ? "" : " (was " + quantity + ")";
    }

    /** The inventory item, or empty when the Inventory API does not know the SKU (404). */
    private Optional<JsonNode> item(Session session, Map<String, String> skuVariable) {
        try {
            return Optional.of(inventoryGet(session, session.uri("/sell/inventory/v1/inventory_item/{sku}",
                    skuVariable)));
        } catch (ProviderFailure failure) {
            if (failure.httpStatus() == 404) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    /** {@code bulkUpdatePriceQuantity} for one SKU; a refusal of any part of it inside the 200/207 answer fails. */
    private void update(Session session, String sku, Map<String, Object> request) {
        JsonNode answer = session.post(Family.REST, session.uri("/sell/inventory/v1/bulk_update_price_quantity",
                Map.of()), Map.of("requests", List.of(request)));
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
