package com.helloword.aftersales.platform.amazon;

import static com.helloword.aftersales.platform.amazon.AmazonAdapter.AMAZON;
import static com.helloword.aftersales.platform.amazon.AmazonAdapter.PROVIDER;
import static com.helloword.aftersales.platform.amazon.SpApi.encode;
import static com.helloword.aftersales.platform.amazon.SpApi.marketplaceId;
import static com.helloword.aftersales.platform.amazon.SpApi.required;
import static com.helloword.aftersales.platform.amazon.SpApi.sellerId;
import static com.helloword.aftersales.platform.amazon.SpApi.uri;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.Secret;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistResult;
import com.helloword.aftersales.platform.ListingStops;
import com.helloword.aftersales.platform.MarketplacePort.RelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.RelistResult;
import com.helloword.aftersales.platform.StoreConnection;

/**
 * Delisting and relisting through the Listings Items API 2021-08-01: {@code getListingsItem} for the product type
 * and the seller-fulfilled quantity, then {@code patchListingsItem} merging {@code fulfillment_availability}: 0 to
 * delist, the quantity from before the delisting to relist ({@link ListingStops}: Amazon keeps no earlier value).
 * Amazon applies an accepted submission asynchronously. A SKU Amazon has no listing of (404 NOT_FOUND, or no
 * summary for the marketplace) is not listed on this store, which the actions say.
 */
final class AmazonListings {

    static final String SELLER_FULFILLED = "DEFAULT";

    private static final String LISTINGS = "/listings/2021-08-01/items/";

    /** Body of {@code patchListingsItem}. */
    record ListingsItemPatchRequest(String productType, List<PatchOperation> patches) {
    }

    record PatchOperation(String op, String path, List<FulfillmentAvailability> value) {
    }

    record FulfillmentAvailability(@JsonProperty("fulfillment_channel_code") String fulfillmentChannelCode,
            @JsonProperty("quantity") int quantity) {
    }

    /**
     * The listing as this class needs it: whether it has the seller-fulfilled channel, and its quantity (null when
     * the channel is absent or Amazon gives no number), and the channels Amazon fulfils.
     */
    private record Listing(String productType, boolean sellerFulfilled, Integer ownQuantity,
            List<String> amazonChannels) {
    }

    private final SpApi api;
    private final ProviderClient client;
    private final ListingStops stops;

    AmazonListings(SpApi api, ListingStops stops) {
        this.api = api;
        this.client = api.client();
        this.stops = stops;
    }

    /**
     * Sets the seller-fulfilled quantity of the SKU to 0 in the store's marketplace, after recording the quantity
     * it had. Stock that Amazon holds (FBA) cannot be withdrawn through the API: then a person is asked to create a
     * removal order.
     */
    DelistResult delistSku(StoreConnection store, DelistCommand command) {
        String marketplace = marketplaceId(store);
        String sku = required(command.sku(), "SKU");
        String item = LISTINGS + encode(sellerId(store)) + "/" + encode(sku);
        String query = "marketplaceIds=" + encode(marketplace);
        return api.withToken("delistSku", store, token -> {
            Optional<Listing> found = listing(store, item, query, marketplace, token);
            if (found.isEmpty()) {
                return new DelistResult(List.of(notListed(store, sku, marketplace)));
            }
            Listing listing = found.get();
            List<String> actions = new ArrayList<>();
            Integer own = listing.ownQuantity();
            if (own != null && own == 0) {
                actions.add("Amazon: seller-fulfilled quantity of SKU " + sku + " on " + marketplace
                        + " was already 0");
            } else if (listing.sellerFulfilled() || listing.amazonChannels().isEmpty()) {
                if (own != null) {
                    stops.remember(store.storeId(), sku, Map.of(SELLER_FULFILLED, own));
                }
                JsonNode submission = patch(store, item, query, token, listing.productType(), 0);
                actions.add("Amazon: seller-fulfilled quantity of SKU " + sku + " set to 0 on " + marketplace + " ("
                        + (own == null ? "" : "was " + own + "; ") + accepted(submission, sku, marketplace, 0) + ")");
            }
            if (!listing.amazonChannels().isEmpty()) {
                throw new PlatformCannotException(AMAZON, "withdraw the stock Amazon holds for SKU " + sku,
                        (actions.isEmpty() ? "" : String.join("; ", actions) + "; but ")
                                + "the units in Amazon's warehouses (" + String.join(", ", listing.amazonChannels())
                                + ") stay buyable: create a removal order for them in Seller Central");
            }
            return new DelistResult(actions);
        });
    }

    /**
     * Sets the seller-fulfilled quantity back to what it was before this system delisted the SKU. A quantity above 0
     * (someone restocked since) is left as it is; without a record and with nothing in stock a person sets it.
     */
    RelistResult relistSku(StoreConnection store, RelistCommand command) {
        String marketplace = marketplaceId(store);
        String sku = required(command.sku(), "SKU");
        Optional<List<String>> earlier = stops.relisted(command.idempotencyKey());
        if (earlier.isPresent()) {
            return new RelistResult(earlier.get());
        }
        String item = LISTINGS + encode(sellerId(store)) + "/" + encode(sku);
        String query = "marketplaceIds=" + encode(marketplace);
        List<String> actions = api.withToken("relistSku", store, token -> {
            Optional<Listing> found = listing(store, item, query, marketplace, token);
            if (found.isEmpty()) {
                return List.of(notListed(store, sku, marketplace));
            }
            Listing listing = found.get();
            Integer before = stops.before(store.storeId(), sku).get(SELLER_FULFILLED);
            Integer now = listing.ownQuantity();
            if (now != null && now > 0) {
                return List.of("Amazon: seller-fulfilled quantity of SKU " + sku + " on " + marketplace + " is " + now
                        + " already; left as it is");
            }
            if (before == null || before == 0) {
                if (!listing.sellerFulfilled() && !listing.amazonChannels().isEmpty()) {
                    return List.of("Amazon: SKU " + sku + " on " + marketplace + " is sold from Amazon's warehouses ("
                            + String.join(", ", listing.amazonChannels()) + ") only; this system stopped nothing"
                            + " there");
                }
                throw new PlatformCannotException(AMAZON, "relist SKU " + sku + " on " + marketplace,
                        "this system did not set its seller-fulfilled quantity to 0, so it does not know the quantity"
                                + " to restore; set it in Seller Central (Inventory > Manage All Inventory)");
            }
            JsonNode submission = patch(store, item, query, token, listing.productType(), before);
            return List.of("Amazon: seller-fulfilled quantity of SKU " + sku + " set back to " + before + " on "
                    + marketplace + " (" + accepted(submission, sku, marketplace, before) + ")");
        });
        stops.relistDone(store.storeId(), sku, command.idempotencyKey(), actions);
        return new RelistResult(actions);
    }

    /** The listing in the marketplace, or empty when Amazon has none (404, or no summary for the marketplace). */
    private Optional<Listing> listing(StoreConnection store, String item, String query, String marketplace,
            Secret token) {
        JsonNode listing;
        try {
            listing = api.get(uri(store, item, query + "&includedData=summaries,fulfillmentAvailability"), token);
        } catch (ProviderFailure failure) {
            if (failure.httpStatus() == 404) {
                return Optional.empty();
            }
            throw failure;
        }
        String productType = productType(listing, marketplace);
        if (productType == null) {
            return Optional.empty();
        }
        boolean sellerFulfilled = false;
        Integer own = null;
        List<String> amazonChannels = new ArrayList<>();
        for (JsonNode channel : listing.path("fulfillmentAvailability")) {
            String code = channel.path("fulfillmentChannelCode").asText("");
            if (SELLER_FULFILLED.equals(code)) {
                sellerFulfilled = true;
                own = channel.path("quantity").isNumber() ? channel.path("quantity").asInt() : null;
            } else if (!code.isEmpty()) {
                amazonChannels.add(code);
            }
        }
        return Optional.of(new Listing(productType, sellerFulfilled, own, amazonChannels));
    }

    private static String notListed(StoreConnection store, String sku, String marketplace) {
        return "Amazon: SKU " + sku + " is not listed on store " + store.storeId() + " (marketplace " + marketplace
                + "); nothing to change";
    }

    private String productType(JsonNode listing, String marketplace) {
        JsonNode summaries = listing.path("summaries");
        JsonNode chosen = null;
        for (JsonNode summary : summaries) {
            if (marketplace.equals(summary.path("marketplaceId").asText())) {
                chosen = summary;
            }
        }
        if (chosen == null && summaries.size() == 1) {
            chosen = summaries.get(0);
        }
        return chosen == null ? null : client.require(chosen, "/productType").asText();
    }

    private JsonNode patch(StoreConnection store, String item, String query,
            Secret token, String productType, int quantity) {
        return client.json(api.request(HttpMethod.PATCH, uri(store, item, query), token,
                quantity(productType, quantity)));
    }

    static ListingsItemPatchRequest quantity(String productType, int quantity) {
        return new ListingsItemPatchRequest(productType, List.of(new PatchOperation("merge",
                "/attributes/fulfillment_availability",
                List.of(new FulfillmentAvailability(SELLER_FULFILLED, quantity)))));
    }

    /** The submission's id and Amazon's promise, or a failure with Amazon's issues when it found the patch invalid. */
    private String accepted(JsonNode submission, String sku, String marketplace, int quantity) {
        String status = client.require(submission, "/status").asText();
        if ("INVALID".equals(status)) {
            List<String> issues = new ArrayList<>();
            for (JsonNode issue : submission.path("issues")) {
                String attributes = issue.path("attributeNames").isEmpty() ? ""
                        : " " + issue.path("attributeNames").toString();
                issues.add(issue.path("severity").asText("ERROR") + " " + issue.path("code").asText("") + " "
                        + issue.path("message").asText("") + attributes);
            }
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "Amazon refused to set SKU " + sku
                    + " to quantity " + quantity + " in " + marketplace + ": "
                    + (issues.isEmpty() ? "no reason given" : issues));
        }
        if (!"ACCEPTED".equals(status) && !"VALID".equals(status)) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "patchListingsItem answered with status "
                    + status + ", which Amazon does not document");
        }
        return "submission " + submission.path("submissionId").asText("?") + ", applied by Amazon asynchronously";
    }
}
