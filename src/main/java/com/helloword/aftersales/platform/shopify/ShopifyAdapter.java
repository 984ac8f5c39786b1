package com.helloword.aftersales.platform.shopify;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.platform.MarketplaceAdapter;
import com.helloword.aftersales.platform.MarketplacePort.BuyerMessageCommand;
import com.helloword.aftersales.platform.MarketplacePort.ClaimRef;
import com.helloword.aftersales.platform.MarketplacePort.ClaimResponseCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistResult;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeLine;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeOrderCommand;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeResult;
import com.helloword.aftersales.platform.MarketplacePort.HoldResult;
import com.helloword.aftersales.platform.MarketplacePort.OrderHoldCommand;
import com.helloword.aftersales.platform.MarketplacePort.PartialRefundOffer;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnResult;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.MarketplacePort.ShipTo;
import com.helloword.aftersales.platform.MarketplacePort.ShipToRef;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.platform.StreetSplitter;

/**
 * Shopify through the Admin GraphQL API ({@code /admin/api/<version>/graphql.json}, header
 * {@code X-Shopify-Access-Token}). Refunds go through {@code suggestedRefund} then {@code refundCreate};
 * since {@code refundCreate} is not idempotent before API 2026-01, every refund note carries the
 * idempotency key and a retried refund first looks for it. Holds are fulfillment-order holds with a
 * handle derived from the hold key; delisting zeroes the variant's stock at every location and puts a
 * single-variant product to DRAFT. Buyers' return requests arrive by webhook; accepting or declining
 * one reads its status first, so a repeat reports what is already so.
 */
@Component
class ShopifyAdapter implements MarketplaceAdapter {

    static final String PROVIDER = "shopify";
    private static final Set<String> HOLDABLE = Set.of("OPEN", "SCHEDULED", "ON_HOLD", "IN_PROGRESS");

    private final ProviderClient client;
    private final CredentialStore credentials;
    private final String apiVersion;

    ShopifyAdapter(ProviderClients clients, CredentialStore credentials,
            @Value("${aftersales.providers.shopify.api-version:2025-01}") String apiVersion) {
        this.client = clients.forProvider(PROVIDER);
        this.credentials = credentials;
        this.apiVersion = apiVersion;
    }

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    // --- refunds ------------------------------------------------------------------------------

    private static final String REFUNDABLE = """
            query Refundable($id: ID!) { order(id: $id) { id name
              refunds(first: 250) { id note totalRefundedSet { presentmentMoney { amount currencyCode } } }
              suggestedRefund(suggestFullRefund: true) {
                amountSet { presentmentMoney { amount currencyCode } }
                suggestedTransactions { gateway parentTransaction { id }
                  amountSet { presentmentMoney { amount currencyCode } } } } } }""";

    private static final String REFUND_CREATE = """
            mutation RefundCreate($input: RefundInput!) { refundCreate(input: $input) {
              refund { id totalRefundedSet { presentmentMoney { amount currencyCode } } }
              userErrors { field message } } }""";

    @Override
    public RefundResult refund(StoreConnection store, RefundCommand command) {
        String marker = "[hw:" + command.idempotencyKey() + "]";
        String orderGid = gid("Order", command.platformOrderId());
        // refundCreate has no idempotency before API 2026-01: after a timeout or 5xx the job retries later,
        // and by then the refund (if it happened) carries our marker
        return client.callUnrepeatable(store.storeId(), "refund", () -> {
            JsonNode order = graphql(store, REFUNDABLE, Map.of("id", orderGid)).path("order");
            if (order.isMissingNode() || order.isNull()) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200,
                        "no order " + command.platformOrderId() + " in " + store.storeId());
            }
            for (JsonNode refund : order.path("refunds")) {
                if (refund.path("note").asText("").contains(marker)) {
                    JsonNode money = refund.at("/totalRefundedSet/presentmentMoney");
                    return new RefundResult(refund.path("id").asText(), new BigDecimal(money.path("amount").asText()),
                            money.path("currencyCode").asText(), true);
                }
            }
            JsonNode suggested = client.require(order, "/suggestedRefund");
            BigDecimal refundable = new BigDecimal(
                    client.require(suggested, "/amountSet/presentmentMoney/amount").asText());
            String currency = client.require(suggested, "/amountSet/presentmentMoney/currencyCode").asText();
            BigDecimal wanted = command.amount() == null ? refundable : command.amount();
            if (command.currency() != null && !command.currency().equals(currency)) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "order " + command.platformOrderId()
                        + " is paid in " + currency + ", not " + command.currency());
            }
            if (wanted.signum() <= 0 || wanted.compareTo(refundable) > 0) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "cannot refund " + wanted + " " + currency
                        + " on order " + command.platformOrderId() + "; refundable now: " + refundable);
            }
            List<Map<String, Object>> transactions = new ArrayList<>();
            BigDecimal remaining = wanted;
            for (JsonNode tx : suggested.path("suggestedTransactions")) {
                if (remaining.signum() == 0) {
                    break;
                }
                BigDecimal available = new BigDecimal(tx.at("/amountSet/presentmentMoney/amount").asText("0"));
                BigDecimal take = available.min(remaining);
                remaining = remaining.subtract(take);
                Map<String, Object> transaction = new LinkedHashMap<>();
                transaction.put("orderId", orderGid);
                transaction.put("gateway", client.require(tx, "/gateway").asText());
                transaction.put("kind", "REFUND");
                transaction.put("amount", take.toPlainString());
                transaction.put("parentId", client.require(tx, "/parentTransaction/id").asText());
                transactions.add(transaction);
            }
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("orderId", orderGid);
            input.put("note", (marker + " " + (command.reason() == null ? "" : command.reason())).strip());
            input.put("notify", true);
            input.put("currency", currency);
            input.put("transactions", transactions);
            JsonNode payload = graphql(store, REFUND_CREATE, Map.of("input", input)).path("refundCreate");
            requireNoUserErrors(payload, "refundCreate");
            JsonNode money = client.require(payload, "/refund/totalRefundedSet/presentmentMoney");
            return new RefundResult(client.require(payload, "/refund/id").asText(),
                    new BigDecimal(money.path("amount").asText()), money.path("currencyCode").asText(), false);
        });
    }

    @Override
    public RefundResult offerPartialRefund(StoreConnection store, PartialRefundOffer offer) {
        throw new PlatformCannotException("Shopify", "offer a partial refund", "Shopify has no offer to the buyer; "
                + "send the offer by mail and, once accepted, refund the amount");
    }

    // --- holds --------------------------------------------------------------------------------

    private static final String FULFILLMENT_ORDERS = """
            query FulfillmentOrders($id: ID!) { order(id: $id) { id
              fulfillmentOrders(first: 20) { nodes { id status fulfillmentHolds { id handle } } } } }""";

    private static final String HOLD = """
            mutation Hold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
              fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
                fulfillmentHold { id handle } userErrors { code field message } } }""";

    private static final String RELEASE = """
            mutation Release($id: ID!, $holdIds: [ID!]) {
              fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
                fulfillmentOrder { id status } userErrors { code field message } } }""";

    @Override
    public HoldResult holdOrder(StoreConnection store, OrderHoldCommand command) {
        String handle = handle(command.holdKey());
        return client.call(store.storeId(), "holdOrder", () -> {
            List<String> held = new ArrayList<>();
            List<String> already = new ArrayList<>();
            for (JsonNode fo : fulfillmentOrders(store, command.platformOrderId())) {
                String id = fo.path("id").asText();
                if (ownHold(fo, handle) != null) {
                    already.add(id);
                } else if (HOLDABLE.contains(fo.path("status").asText())) {
                    Map<String, Object> hold = new LinkedHashMap<>();
                    hold.put("reason", "OTHER");
                    hold.put("reasonNotes", command.reason());
                    hold.put("notifyMerchant", false);
                    hold.put("handle", handle);
                    JsonNode payload = graphql(store, HOLD, Map.of("id", id, "hold", hold))
                            .path("fulfillmentOrderHold");
                    requireNoUserErrors(payload, "fulfillmentOrderHold");
                    held.add(id);
                }
            }
            String note = held.isEmpty() && already.isEmpty()
                    ? "nothing left to hold: every fulfillment order is closed or cancelled" : null;
            return new HoldResult(held, already, note);
        });
    }

    @Override
    public HoldResult releaseOrder(StoreConnection store, OrderHoldCommand command) {
        String handle = handle(command.holdKey());
        return client.call(store.storeId(), "releaseOrder", () -> {
            List<String> released = new ArrayList<>();
            List<String> notHeld = new ArrayList<>();
            for (JsonNode fo : fulfillmentOrders(store, command.platformOrderId())) {
                String id = fo.path("id").asText();
                String holdId = ownHold(fo, handle);
                if (holdId == null) {
                    notHeld.add(id);
                    continue;
                }
                JsonNode payload = graphql(store, RELEASE, Map.of("id", id, "holdIds", List.of(holdId)))
                        .path("fulfillmentOrderReleaseHold");
                requireNoUserErrors(payload, "fulfillmentOrderReleaseHold");
                released.add(id);
            }
            return new HoldResult(released, notHeld, null);
        });
    }

    private JsonNode fulfillmentOrders(StoreConnection store, String platformOrderId) {
        JsonNode order = graphql(store, FULFILLMENT_ORDERS, Map.of("id", gid("Order", platformOrderId)))
                .path("order");
        if (order.isMissingNode() || order.isNull()) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "no order " + platformOrderId + " in "
                    + store.storeId());
        }
        return order.at("/fulfillmentOrders/nodes");
    }

    private static String ownHold(JsonNode fulfillmentOrder, String handle) {
        for (JsonNode hold : fulfillmentOrder.path("fulfillmentHolds")) {
            if (handle.equals(hold.path("handle").asText())) {
                return hold.path("id").asText();
            }
        }
        return null;
    }

    // --- delisting ----------------------------------------------------------------------------

    private static final String VARIANTS_BY_SKU = """
            query VariantsBySku($q: String!) { productVariants(first: 20, query: $q) { nodes { id sku
              product { id status variantsCount { count } }
              inventoryItem { id inventoryLevels(first: 50) { nodes { location { id }
                quantities(names: ["available"]) { name quantity } } } } } } }""";

    private static final String SET_QUANTITIES = """
            mutation SetQuantities($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) {
              inventoryAdjustmentGroup { reason } userErrors { code field message } } }""";

    private static final String PRODUCT_DRAFT = """
            mutation Draft($product: ProductUpdateInput!) { productUpdate(product: $product) {
              product { id status } userErrors { field message } } }""";

    @Override
    public DelistResult delistSku(StoreConnection store, DelistCommand command) {
        return client.call(store.storeId(), "delistSku", () -> {
            List<JsonNode> variants = new ArrayList<>();
            for (JsonNode variant : graphql(store, VARIANTS_BY_SKU,
                    Map.of("q", "sku:\"" + command.sku().replace("\"", "\\\"") + "\"")).at("/productVariants/nodes")) {
                if (command.sku().equals(variant.path("sku").asText())) { // search is fuzzy; keep exact matches
                    variants.add(variant);
                }
            }
            if (variants.isEmpty()) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "no variant with SKU " + command.sku()
                        + " in " + store.storeId());
            }
            List<String> actions = new ArrayList<>();
            for (JsonNode variant : variants) {
                List<Map<String, Object>> quantities = new ArrayList<>();
                for (JsonNode level : variant.at("/inventoryItem/inventoryLevels/nodes")) {
                    int available = level.at("/quantities/0/quantity").asInt(0);
                    if (available != 0) {
                        quantities.add(Map.of("inventoryItemId", variant.at("/inventoryItem/id").asText(),
                                "locationId", level.at("/location/id").asText(), "quantity", 0));
                    }
                }
                if (!quantities.isEmpty()) {
                    Map<String, Object> input = new LinkedHashMap<>();
                    input.put("name", "available");
                    input.put("reason", "other");
                    input.put("referenceDocumentUri", "gid://helloword-aftersales/Delisting/"
                            + handle(command.idempotencyKey()));
                    input.put("ignoreCompareQuantity", true);
                    input.put("quantities", quantities);
                    requireNoUserErrors(graphql(store, SET_QUANTITIES, Map.of("input", input))
                            .path("inventorySetQuantities"), "inventorySetQuantities");
                    actions.add("stock of " + variant.path("id").asText() + " set to 0 at " + quantities.size()
                            + " location(s)");
                }
                JsonNode product = variant.path("product");
                if (product.at("/variantsCount/count").asInt(0) == 1 && "ACTIVE".equals(product.path("status").asText())) {
                    requireNoUserErrors(graphql(store, PRODUCT_DRAFT,
                            Map.of("product", Map.of("id", product.path("id").asText(), "status", "DRAFT")))
                            .path("productUpdate"), "productUpdate");
                    actions.add("product " + product.path("id").asText() + " set to DRAFT");
                }
            }
            if (actions.isEmpty()) {
                actions.add("SKU " + command.sku() + " already has no stock and no active single-variant product");
            }
            return new DelistResult(actions);
        });
    }

    // --- delivery address ----------------------------------------------------------------------

    private static final String SHIP_TO = """
            query ShipTo($id: ID!) { order(id: $id) { id email
              shippingAddress { name address1 address2 zip city countryCodeV2 } } }""";

    @Override
    public ShipTo getShipTo(StoreConnection store, ShipToRef ref) {
        return client.call(store.storeId(), "getShipTo", () -> {
            JsonNode order = existingOrder(store, graphql(store, SHIP_TO,
                    Map.of("id", gid("Order", ref.platformOrderId()))), ref.platformOrderId());
            JsonNode address = shippingAddress(order, ref.platformOrderId());
            String country = text(address, "countryCodeV2");
            StreetSplitter.Split street = StreetSplitter.split(text(address, "address1"), text(address, "address2"),
                    country);
            return new ShipTo(text(address, "name"), street.street(), street.houseNumber(), text(address, "zip"),
                    text(address, "city"), country, text(order, "email"));
        });
    }

    // --- exchange orders ----------------------------------------------------------------------

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
    @Override
    public ExchangeResult createExchangeOrder(StoreConnection store, ExchangeOrderCommand command) {
        String marker = "[hw:" + command.idempotencyKey() + "]";
        String tag = exchangeTag(command.idempotencyKey());
        return client.callUnrepeatable(store.storeId(), "createExchangeOrder", () -> {
            JsonNode earlier = null;
            for (JsonNode draft : graphql(store, EXCHANGE_DRAFTS, Map.of("q", "tag:" + tag))
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
            JsonNode payload = graphql(store, DRAFT_COMPLETE, Map.of("id", draftId)).path("draftOrderComplete");
            requireNoUserErrors(payload, "draftOrderComplete");
            return new ExchangeResult(numericId(client.require(payload, "/draftOrder/order/id").asText()), false);
        });
    }

    private String createDraft(StoreConnection store, ExchangeOrderCommand command, String marker, String tag) {
        JsonNode order = existingOrder(store, graphql(store, EXCHANGE_SOURCE,
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
        JsonNode payload = graphql(store, DRAFT_CREATE, Map.of("input", input)).path("draftOrderCreate");
        requireNoUserErrors(payload, "draftOrderCreate");
        return client.require(payload, "/draftOrder/id").asText();
    }

    private String variantId(StoreConnection store, String sku) {
        for (JsonNode variant : graphql(store, VARIANT_BY_SKU, Map.of("q", "sku:\"" + sku.replace("\"", "\\\"") + "\""))
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

    private JsonNode existingOrder(StoreConnection store, JsonNode data, String platformOrderId) {
        JsonNode order = data.path("order");
        if (order.isMissingNode() || order.isNull()) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "no order " + platformOrderId + " in "
                    + store.storeId());
        }
        return order;
    }

    private static JsonNode shippingAddress(JsonNode order, String platformOrderId) {
        JsonNode address = order.path("shippingAddress");
        if (!address.isObject()) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "order " + platformOrderId
                    + " has no shipping address (picked up, or nothing to ship)");
        }
        return address;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    private static String numericId(String gid) {
        return gid.substring(gid.lastIndexOf('/') + 1);
    }

    // --- returns the buyers requested ----------------------------------------------------------

    private static final String RETURN_STATUS = """
            query ReturnStatus($id: ID!) { return(id: $id) { id status } }""";

    /**
     * Return.returnLineItems is a connection of the ReturnLineItemType interface; only a ReturnLineItem
     * (not an UnverifiedReturnLineItem) reaches the order's line item, whose sku is null for a custom item.
     */
    private static final String RETURN_LINES = """
            query ReturnLines($id: ID!) { return(id: $id) { id status
              returnLineItems(first: 50) { nodes { id quantity
                ... on ReturnLineItem { fulfillmentLineItem { lineItem { sku } } } } } } }""";

    /** A line of a Shopify Return: the SKU (null where the line item has none) and the quantity returned. */
    record ReturnLine(String sku, int quantity) {
    }

    /**
     * The lines of a Return by the return line item's numeric id, for the returns/request webhook whose
     * payload names no SKU. Read under the store's guards, retried like every read.
     *
     * @throws ProviderFailure REJECTED where the store has no such return; retryable kinds when Shopify
     *         could not answer
     */
    Map<String, ReturnLine> returnLines(StoreConnection store, String returnId) {
        String returnGid = returnGid(returnId);
        return client.call(store.storeId(), "returnLines", () -> {
            JsonNode found = graphql(store, RETURN_LINES, Map.of("id", returnGid)).path("return");
            if (!found.isObject()) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "no return " + returnGid + " in "
                        + store.storeId());
            }
            Map<String, ReturnLine> lines = new LinkedHashMap<>();
            for (JsonNode line : client.require(found, "/returnLineItems/nodes")) {
                String sku = line.at("/fulfillmentLineItem/lineItem/sku").asText("").strip();
                lines.put(numericId(client.require(line, "/id").asText()),
                        new ReturnLine(sku.isEmpty() ? null : sku, Math.max(1, line.path("quantity").asInt(1))));
            }
            return lines;
        });
    }

    private static final String RETURN_APPROVE = """
            mutation ReturnApprove($input: ReturnApproveRequestInput!) { returnApproveRequest(input: $input) {
              return { id status } userErrors { code field message } } }""";

    private static final String RETURN_DECLINE = """
            mutation ReturnDecline($input: ReturnDeclineRequestInput!) { returnDeclineRequest(input: $input) {
              return { id status } userErrors { code field message } } }""";

    /** Shopify's limit for the note the buyer gets with a declined request. */
    static final int DECLINE_NOTE_MAX = 500;

    /**
     * {@code returnApproveRequest} on a REQUESTED return (status OPEN afterwards); one that is OPEN or
     * CLOSED already was accepted before. One the merchant declined or the buyer cancelled on Shopify
     * cannot be accepted through the API ({@link PlatformCannotException}: reopen it there or handle it by
     * hand). Shopify's own mail to the buyer stays off: this system tells the buyer how to send the parcel.
     */
    @Override
    public PlatformReturnResult approvePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        String returnGid = returnGid(command.platformReturnId());
        return client.call(store.storeId(), "approvePlatformReturn", () -> {
            String status = returnStatus(store, returnGid);
            if ("OPEN".equals(status) || "CLOSED".equals(status)) {
                return new PlatformReturnResult(status, true);
            }
            if ("DECLINED".equals(status) || "CANCELED".equals(status)) {
                throw new PlatformCannotException("Shopify", "accept return " + returnGid + ", which is " + status
                        + " on Shopify,", "the buyer's return was " + ("DECLINED".equals(status) ? "declined"
                                : "cancelled") + " on Shopify; reopen it there or handle it by hand");
            }
            if (!"REQUESTED".equals(status)) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "return " + returnGid + " is " + status
                        + " on Shopify and can no longer be accepted");
            }
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", returnGid);
            input.put("notifyCustomer", false);
            JsonNode payload = graphql(store, RETURN_APPROVE, Map.of("input", input)).path("returnApproveRequest");
            requireNoUserErrors(payload, "returnApproveRequest");
            return new PlatformReturnResult(payload.at("/return/status").asText("OPEN"), false);
        });
    }

    /**
     * {@code returnDeclineRequest} on a REQUESTED return, reason OTHER (the port gives no reason code;
     * Shopify's others are RETURN_PERIOD_ENDED and FINAL_SALE) with the command's note as the decline note
     * Shopify mails to the buyer. One that is DECLINED already reports it as done. Shopify declines a
     * Return as a whole, so one line of a return with several ({@code 7081:91}) is not declined here, and
     * neither is a return accepted (OPEN, CLOSED) or cancelled meanwhile: both are a
     * {@link PlatformCannotException} whose advice the caller keeps as work by hand.
     */
    @Override
    public PlatformReturnResult declinePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        String returnGid = returnGid(command.platformReturnId());
        if (isLine(command.platformReturnId())) {
            throw new PlatformCannotException("Shopify", "decline one line of return " + returnGid,
                    "Shopify declines a whole return; decline or adjust the line in Shopify admin");
        }
        return client.call(store.storeId(), "declinePlatformReturn", () -> {
            String status = returnStatus(store, returnGid);
            if ("DECLINED".equals(status)) {
                return new PlatformReturnResult(status, true);
            }
            if ("OPEN".equals(status) || "CLOSED".equals(status) || "CANCELED".equals(status)) {
                throw new PlatformCannotException("Shopify", "decline return " + returnGid + ", which is " + status
                        + " on Shopify,", "CANCELED".equals(status)
                                ? "the buyer cancelled the return on Shopify; there is nothing left to decline"
                                : "the return was accepted on Shopify and can no longer be declined; close or "
                                        + "cancel it in Shopify admin if it must not go ahead");
            }
            if (!"REQUESTED".equals(status)) {
                throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "return " + returnGid + " is " + status
                        + " on Shopify and can no longer be declined");
            }
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("id", returnGid);
            input.put("declineReason", "OTHER");
            String note = command.note() == null ? "" : command.note().strip();
            if (!note.isEmpty()) {
                input.put("declineNote", note.length() <= DECLINE_NOTE_MAX ? note
                        : note.substring(0, DECLINE_NOTE_MAX));
            }
            input.put("notifyCustomer", true);
            JsonNode payload = graphql(store, RETURN_DECLINE, Map.of("input", input)).path("returnDeclineRequest");
            requireNoUserErrors(payload, "returnDeclineRequest");
            return new PlatformReturnResult(payload.at("/return/status").asText("DECLINED"), false);
        });
    }

    private String returnStatus(StoreConnection store, String returnGid) {
        JsonNode found = graphql(store, RETURN_STATUS, Map.of("id", returnGid)).path("return");
        if (!found.isObject()) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "no return " + returnGid + " in "
                    + store.storeId());
        }
        return client.require(found, "/status").asText();
    }

    /** Whether the platform return id names one line of a return with several ({@code 7081:91}). */
    static boolean isLine(String platformReturnId) {
        String id = platformReturnId.strip();
        return !id.startsWith("gid://") && id.indexOf(':') >= 0;
    }

    /**
     * The Return a platform return id names: the webhook's numeric return id, with a return line's id
     * after a colon when the return has several lines ({@link ShopifyWebhookController}); a gid as it is.
     */
    static String returnGid(String platformReturnId) {
        String id = platformReturnId.strip();
        if (!id.startsWith("gid://")) {
            int colon = id.indexOf(':');
            id = colon < 0 ? id : id.substring(0, colon);
        }
        return gid("Return", id);
    }

    // --- what Shopify has no API for ----------------------------------------------------------

    @Override
    public void sendBuyerMessage(StoreConnection store, BuyerMessageCommand command) {
        throw new PlatformCannotException("Shopify", "message a buyer",
                "Shopify has no buyer messaging API; send the message by mail through the outbox");
    }

    @Override
    public PlatformClaim getClaim(StoreConnection store, ClaimRef ref) {
        throw new PlatformCannotException("Shopify", "read a claim",
                "Shopify Payments chargebacks are not read by this adapter yet; open the dispute in Shopify admin");
    }

    @Override
    public void respondToClaim(StoreConnection store, ClaimResponseCommand command) {
        throw new PlatformCannotException("Shopify", "answer a claim",
                "Shopify Payments chargebacks are answered in Shopify admin");
    }

    // --- GraphQL transport --------------------------------------------------------------------

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

    private static ProviderFailure graphqlFailure(JsonNode errors, JsonNode cost) {
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

    private static void requireNoUserErrors(JsonNode payload, String mutation) {
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
}
