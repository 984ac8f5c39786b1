package com.helloword.aftersales.platform.amazon;

import static com.helloword.aftersales.platform.amazon.AmazonAdapter.AMAZON;
import static com.helloword.aftersales.platform.amazon.AmazonAdapter.PROVIDER;
import static com.helloword.aftersales.platform.amazon.SpApi.encode;
import static com.helloword.aftersales.platform.amazon.SpApi.required;
import static com.helloword.aftersales.platform.amazon.SpApi.text;
import static com.helloword.aftersales.platform.amazon.SpApi.uri;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.Secret;
import com.helloword.aftersales.platform.MarketplacePort.ShipTo;
import com.helloword.aftersales.platform.MarketplacePort.ShipToRef;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.platform.StreetSplitter;

/**
 * The buyer's delivery address through the Orders API v0 ({@code getOrderAddress}, {@code getOrderBuyerInfo}),
 * opened by a Restricted Data Token of the Tokens API 2021-03-01 for exactly those two paths.
 */
final class AmazonOrders {

    private static final String ORDERS = "/orders/v0/orders/";
    private static final String RESTRICTED_DATA_TOKEN = "/tokens/2021-03-01/restrictedDataToken";

    /** Body of {@code createRestrictedDataToken}. */
    record RestrictedDataTokenRequest(List<RestrictedResource> restrictedResources) {
    }

    record RestrictedResource(String method, String path) {
    }

    private final SpApi api;
    private final ProviderClient client;

    AmazonOrders(SpApi api) {
        this.api = api;
        this.client = api.client();
    }

    /**
     * The order's shipping address ({@code getOrderAddress}) and the buyer's e-mail address as Amazon relays it
     * ({@code getOrderBuyerInfo}), both with one Restricted Data Token for the two paths. The token is asked for
     * each time, used at once and not kept. Amazon refusing the token means the app lacks the restricted role.
     */
    ShipTo getShipTo(StoreConnection store, ShipToRef ref) {
        String order = ORDERS + encode(required(ref.platformOrderId(), "Amazon order id"));
        boolean[] tokenRefused = {false};
        try {
            return api.withToken("getShipTo", store, token -> {
                Secret restricted;
                try {
                    restricted = restrictedDataToken(store, token, order + "/address", order + "/buyerInfo");
                    tokenRefused[0] = false;
                } catch (ProviderFailure failure) {
                    tokenRefused[0] = failure.kind() == Kind.UNAUTHORIZED;
                    throw failure;
                }
                JsonNode address = client.require(api.get(uri(store, order + "/address"), restricted), "/payload");
                JsonNode buyer = api.get(uri(store, order + "/buyerInfo"), restricted).path("payload");
                JsonNode shipping = address.path("ShippingAddress");
                if (!shipping.isObject()
                        || text(shipping, "AddressLine1") == null && text(shipping, "AddressLine2") == null) {
                    throw new PlatformCannotException(AMAZON, "read the delivery address of order "
                            + ref.platformOrderId(), "Amazon returns no street for this order (fulfilled by Amazon,"
                            + " or no longer shown); copy the address from the order in Seller Central");
                }
                String country = text(shipping, "CountryCode");
                StreetSplitter.Split street = StreetSplitter.split(text(shipping, "AddressLine1"),
                        text(shipping, "AddressLine2"), country);
                return new ShipTo(text(shipping, "Name"), street.street(), street.houseNumber(),
                        text(shipping, "PostalCode"), text(shipping, "City"), country, text(buyer, "BuyerEmail"));
            });
        } catch (ProviderFailure failure) {
            if (tokenRefused[0]) {
                throw new PlatformCannotException(AMAZON, "read the delivery address of order " + ref.platformOrderId(),
                        "Amazon refused a Restricted Data Token (" + failure.getMessage() + "); the app needs the "
                                + "Direct-to-Consumer Delivery (Restricted) role for buyer addresses. Until then copy "
                                + "the address from the order in Seller Central (Orders > Manage Orders)");
            }
            throw failure;
        }
    }

    /** Tokens API 2021-03-01: a token that opens exactly these GET paths; Amazon gives it for an hour. */
    private Secret restrictedDataToken(StoreConnection store, Secret token, String... paths) {
        List<RestrictedResource> resources = new ArrayList<>();
        for (String path : paths) {
            resources.add(new RestrictedResource("GET", path));
        }
        JsonNode answer = client.json(api.request(HttpMethod.POST, uri(store, RESTRICTED_DATA_TOKEN), token,
                new RestrictedDataTokenRequest(resources)));
        JsonNode restricted = answer.path("restrictedDataToken");
        if (!restricted.isTextual() || restricted.asText().isBlank()) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "createRestrictedDataToken answered without "
                    + "restrictedDataToken");
        }
        return new Secret(restricted.asText());
    }
}
