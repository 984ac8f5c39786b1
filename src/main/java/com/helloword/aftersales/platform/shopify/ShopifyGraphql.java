package com.helloword.aftersales.platform.shopify;

import static com.helloword.aftersales.platform.shopify.ShopifyAdapter.PROVIDER;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.StoreConnection;

/**
 * The Admin GraphQL API of a shop ({@code /admin/api/<version>/graphql.json}, header {@code X-Shopify-Access-Token}):
 * one request, its top-level errors (throttling by query cost included) and mutations' {@code userErrors} as
 * {@link ProviderFailure}s, and the ids and handles every part of the Shopify adapter shares.
 */
final class ShopifyGraphql {

    private final ProviderClient client;
    private final CredentialStore credentials;
    private final String apiVersion;

    ShopifyGraphql(ProviderClient client, CredentialStore credentials, String apiVersion) {
        this.client = client;
        this.credentials = credentials;
        this.apiVersion = apiVersion;
    }

    /** One GraphQL request; returns {@code data}, or throws for top-level errors (throttling included). */
    JsonNode graphql(StoreConnection store, String query, Map<String, Object> variables) {
        if (store.apiBaseUrl() == null) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 0, "store " + store.storeId() + " has no shop URL");
        }
        String token = credentials.require(PROVIDER, store.credentialsRef(), "access-token").reveal();
        JsonNode answer = client.json(client.http().post()
                .uri(store.apiBaseUrl() + "/admin/api/" + apiVersion + "/graphql.json")
                .header("X-Shopify-Access-Token", token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(client.toJson(Map.of("query", query, "variables", variables))));
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw graphqlFailure(errors, answer.at("/extensions/cost"));
        }
        if (errors.isTextual()) { // e.g. {"errors": "[API] Invalid API key or access token"}
            throw new ProviderFailure(PROVIDER, Kind.UNAUTHORIZED, 200, errors.asText());
        }
        return client.require(answer, "/data");
    }

    static ProviderFailure graphqlFailure(JsonNode errors, JsonNode cost) {
        String code = errors.get(0).at("/extensions/code").asText("");
        String message = errors.get(0).path("message").asText("GraphQL error");
        return switch (code) {
            case "THROTTLED" -> {
                double needed = cost.path("requestedQueryCost").asDouble(50)
                        - cost.at("/throttleStatus/currentlyAvailable").asDouble(0);
                double rate = Math.max(1, cost.at("/throttleStatus/restoreRate").asDouble(50));
                long millis = Math.max(1000, Math.round(needed / rate * 1000));
                yield new ProviderFailure(PROVIDER, Kind.RATE_LIMITED, 200, "throttled by query cost",
                        Duration.ofMillis(millis), null);
            }
            case "INTERNAL_SERVER_ERROR" -> new ProviderFailure(PROVIDER, Kind.UNAVAILABLE, 200, message);
            case "ACCESS_DENIED" -> new ProviderFailure(PROVIDER, Kind.UNAUTHORIZED, 200,
                    "access denied (missing API scope?): " + message);
            default -> new ProviderFailure(PROVIDER, Kind.REJECTED, 200, code + " " + message);
        };
    }

    static void requireNoUserErrors(JsonNode payload, String mutation) {
        JsonNode userErrors = payload.path("userErrors");
        if (userErrors.isArray() && !userErrors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            userErrors.forEach(e -> messages.add(e.path("field") + " " + e.path("message").asText()));
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, mutation + " refused: " + messages);
        }
    }

    static String gid(String type, String id) {
        return id.startsWith("gid://") ? id : "gid://shopify/" + type + "/" + id;
    }

    /** Shopify handles are at most 64 characters: long keys become a stable hash. */
    static String handle(String key) {
        String clean = key.replaceAll("[^A-Za-z0-9:_-]", "-");
        if (clean.length() <= 64) {
            return clean;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "hw-" + HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    static String numericId(String gid) {
        return gid.substring(gid.lastIndexOf('/') + 1);
    }

    /** The {@code order} of a query's data; REJECTED where the shop has no such order. */
    static JsonNode existingOrder(StoreConnection store, JsonNode data, String platformOrderId) {
        JsonNode order = data.path("order");
        if (order.isMissingNode() || order.isNull()) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "no order " + platformOrderId + " in "
                    + store.storeId());
        }
        return order;
    }

    /** The order's shipping address; REJECTED where it has none (picked up, nothing to ship). */
    static JsonNode shippingAddress(JsonNode order, String platformOrderId) {
        JsonNode address = order.path("shippingAddress");
        if (!address.isObject()) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "order " + platformOrderId
                    + " has no shipping address (picked up, or nothing to ship)");
        }
        return address;
    }
}
