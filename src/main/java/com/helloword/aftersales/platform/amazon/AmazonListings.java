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

import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistResult;
import com.helloword.aftersales.platform.StoreConnection;

/**
 * Delisting through the Listings Items API 2021-08-01: {@code getListingsItem} for the product type, then
 * {@code patchListingsItem} setting the seller-fulfilled quantity to 0, which Amazon applies asynchronously.
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

    private final SpApi api;
    private final ProviderClient client;

    AmazonListings(SpApi api) {
        this.api = api;
        this.client = api.client();
    }

    /**
     * Sets the seller-fulfilled quantity of the SKU to 0 in the store's marketplace. Stock that Amazon holds (FBA)
     * cannot be withdrawn through the API: then a person is asked to create a removal order.
     */
    DelistResult delistSku(StoreConnection store, DelistCommand command) {
        String marketplace = marketplaceId(store);
        String item = LISTINGS + encode(sellerId(store)) + "/" + encode(required(command.sku(), "SKU"));
        String query = "marketplaceIds=" + encode(marketplace);
        return api.withToken("delistSku", store, token -> {
            JsonNode listing = api.get(uri(store, item, query + "&includedData=summaries,fulfillmentAvailability"),
                    token);
            String productType = productType(listing, marketplace, command.sku());
            JsonNode own = null;
            List<String> amazonChannels = new ArrayList<>();
            for (JsonNode channel : listing.path("fulfillmentAvailability")) {
                String code = channel.path("fulfillmentChannelCode").asText("");
                if (SELLER_FULFILLED.equals(code)) {
                    own = channel;
                } else if (!code.isEmpty()) {
                    amazonChannels.add(code);
                }
            }
            List<String> actions = new ArrayList<>();
            if (own != null && own.path("quantity").isNumber() && own.path("quantity").asInt() == 0) {
                actions.add("SKU " + command.sku() + ": seller-fulfilled quantity in " + marketplace
                        + " was already 0");
            } else if (own != null || amazonChannels.isEmpty()) {
                JsonNode submission = client.json(api.request(HttpMethod.PATCH, uri(store, item, query), token,
                        zeroQuantity(productType)));
                actions.add(accepted(submission, command.sku(), marketplace));
            }
            if (!amazonChannels.isEmpty()) {
                throw new PlatformCannotException(AMAZON, "withdraw the stock Amazon holds for SKU " + command.sku(),
                        (actions.isEmpty() ? "" : String.join("; ", actions) + "; but ")
                                + "the units in Amazon's warehouses (" + String.join(", ", amazonChannels)
                                + ") stay buyable: create a removal order for them in Seller Central");
            }
            return new DelistResult(actions);
        });
    }

    private String productType(JsonNode listing, String marketplace, String sku) {
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
        if (chosen == null) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "Amazon has no listing of SKU " + sku + " in "
                    + marketplace);
        }
        return client.require(chosen, "/productType").asText();
    }

    static ListingsItemPatchRequest zeroQuantity(String productType) {
        return new ListingsItemPatchRequest(productType, List.of(new PatchOperation("merge",
                "/attributes/fulfillment_availability", List.of(new FulfillmentAvailability(SELLER_FULFILLED, 0)))));
    }

    private String accepted(JsonNode submission, String sku, String marketplace) {
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
                    + " to quantity 0 in " + marketplace + ": " + (issues.isEmpty() ? "no reason given" : issues));
        }
        if (!"ACCEPTED".equals(status) && !"VALID".equals(status)) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "patchListingsItem answered with status "
                    + status + ", which Amazon does not document");
        }
        return "SKU " + sku + ": seller-fulfilled quantity in " + marketplace + " set to 0 (Amazon submission "
                + submission.path("submissionId").asText("?") + ", applied asynchronously)";
    }
}
