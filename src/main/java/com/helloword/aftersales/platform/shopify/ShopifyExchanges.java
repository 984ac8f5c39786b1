package com.helloword.aftersales.platform.shopify;

import static com.helloword.aftersales.platform.shopify.ShopifyAdapter.PROVIDER;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.existingOrder;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.gid;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.numericId;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.requireNoUserErrors;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.shippingAddress;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeLine;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeOrderCommand;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeResult;
import com.helloword.aftersales.platform.StoreConnection;

/** Exchange orders on Shopify: a draft order of the replacement at 100 % off, completed as paid, once per key. */
final class ShopifyExchanges {

    private final ShopifyGraphql api;
    private final ProviderClient client;

    ShopifyExchanges(ShopifyGraphql api, ProviderClient client) {
        this.api = api;
        this.client = client;
    }

    private static final String EXCHANGE_DRAFTS = """
            query ExchangeDrafts($q: String!) { draftOrders(first: 10, query: $q) { nodes { id status note2 tags
              order { id } } } }""";

    private static final String EXCHANGE_SOURCE = """
            query ExchangeSource($id: ID!) { order(id: $id) { id name email customer { id }
              shippingAddress { firstName lastName company address1 address2 zip city provinceCode countryCodeV2
                phone } } }""";

    private static final String VARIANT_BY_SKU = """
            query VariantBySku($q: String!) { productVariants(first: 10, query: $q) { nodes { id sku } } }""";

    private static final String DRAFT_CREATE = """
            mutation ExchangeDraft($input: DraftOrderInput!) { draftOrderCreate(input: $input) {
              draftOrder { id status } userErrors { field message } } }""";

    private static final String DRAFT_COMPLETE = """
            mutation ExchangeComplete($id: ID!) { draftOrderComplete(id: $id, paymentPending: false) {
              draftOrder { id status order { id name } } userErrors { field message } } }""";

    /**
     * A draft order with the variants of the SKUs at 100 % off, the original order's shipping address and
     * buyer, tagged {@code exchange} and with a tag and note marker from the idempotency key; then completed
     * as paid (nothing to pay). Creating a draft order is not idempotent: a retry first searches for the
     * tag and finishes an earlier draft instead of making a second one; after a timeout the job's own retry
     * does that, not an inline one.
     */
    ExchangeResult createExchangeOrder(StoreConnection store, ExchangeOrderCommand command) {
        String marker = "[hw:" + command.idempotencyKey() + "]";
        String tag = exchangeTag(command.idempotencyKey());
        return client.callUnrepeatable(store.storeId(), "createExchangeOrder", () -> {
            JsonNode earlier = null;
            for (JsonNode draft : api.graphql(store, EXCHANGE_DRAFTS, Map.of("q", "tag:" + tag))
                    .at("/draftOrders/nodes")) {
                if (draft.path("note2").asText("").contains(marker)) {
                    earlier = draft;
                    break;
                }
            }
            if (earlier != null && earlier.at("/order/id").isTextual()) {
                return new ExchangeResult(numericId(earlier.at("/order/id").asText()), true);
            }
            String draftId = earlier != null ? earlier.path("id").asText() : createDraft(store, command, marker, tag);
            JsonNode payload = api.graphql(store, DRAFT_COMPLETE, Map.of("id", draftId)).path("draftOrderComplete");
            requireNoUserErrors(payload, "draftOrderComplete");
            return new ExchangeResult(numericId(client.require(payload, "/draftOrder/order/id").asText()), false);
        });
    }

    private String createDraft(StoreConnection store, ExchangeOrderCommand command, String marker, String tag) {
        JsonNode order = existingOrder(store, api.graphql(store, EXCHANGE_SOURCE,
                Map.of("id", gid("Order", command.originalPlatformOrderId()))), command.originalPlatformOrderId());
        JsonNode address = shippingAddress(order, command.originalPlatformOrderId());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ExchangeLine line : command.lines()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("variantId", variantId(store, line.sku()));
            item.put("quantity", line.quantity());
            item.put("appliedDiscount", Map.of("valueType", "PERCENTAGE", "value", 100.0, "title", "Exchange",
                    "description", "free replacement for order " + order.path("name").asText("")));
            lines.add(item);
        }
        Map<String, Object> shipTo = new LinkedHashMap<>();
        for (String field : List.of("firstName", "lastName", "company", "address1", "address2", "zip", "city",
                "provinceCode", "phone")) {
            String value = text(address, field);
            if (value != null) {
                shipTo.put(field, value);
            }
        }
        shipTo.put("countryCode", text(address, "countryCodeV2"));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("lineItems", lines);
        input.put("shippingAddress", shipTo);
        String email = text(order, "email");
        if (email != null) {
            input.put("email", email);
        }
        if (order.at("/customer/id").isTextual()) {
            input.put("purchasingEntity", Map.of("customerId", order.at("/customer/id").asText()));
        }
        input.put("note", (marker + " exchange for order " + order.path("name").asText("") + " "
                + (command.note() == null ? "" : command.note())).strip());
        input.put("tags", List.of("exchange", tag));
        JsonNode payload = api.graphql(store, DRAFT_CREATE, Map.of("input", input)).path("draftOrderCreate");
        requireNoUserErrors(payload, "draftOrderCreate");
        return client.require(payload, "/draftOrder/id").asText();
    }

    private String variantId(StoreConnection store, String sku) {
        String query = "sku:\"" + sku.replace("\"", "\\\"") + "\"";
        for (JsonNode variant : api.graphql(store, VARIANT_BY_SKU, Map.of("q", query))
                .at("/productVariants/nodes")) {
            if (sku.equals(variant.path("sku").asText())) { // search is fuzzy; keep exact matches
                return variant.path("id").asText();
            }
        }
        throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "no variant with SKU " + sku + " in "
                + store.storeId() + " to send as a replacement");
    }

    /** A tag Shopify's search finds exactly: letters and digits only, derived from the idempotency key. */
    static String exchangeTag(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "hw-exchange-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
