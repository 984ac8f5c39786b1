package com.helloword.aftersales.platform.shopify;

import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.existingOrder;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.gid;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.handle;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.requireNoUserErrors;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.shippingAddress;
import static com.helloword.aftersales.platform.shopify.ShopifyGraphql.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.OperationJournal;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.ListingStops;
import com.helloword.aftersales.platform.MarketplaceAdapter;
import com.helloword.aftersales.platform.MarketplacePort.BuyerMessageCommand;
import com.helloword.aftersales.platform.MarketplacePort.ClaimRef;
import com.helloword.aftersales.platform.MarketplacePort.ClaimResponseCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistResult;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeOrderCommand;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeResult;
import com.helloword.aftersales.platform.MarketplacePort.HoldResult;
import com.helloword.aftersales.platform.MarketplacePort.OrderHoldCommand;
import com.helloword.aftersales.platform.MarketplacePort.PartialRefundOffer;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaimBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaimsQuery;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnResult;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.MarketplacePort.RelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.RelistResult;
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
 * single-variant product to DRAFT, relisting sets back what delisting recorded ({@link ListingStops}). Buyers' return requests arrive by webhook; accepting or declining
 * one reads its status first, so a repeat reports what is already so.
 */
@Component
class ShopifyAdapter implements MarketplaceAdapter {

    static final String PROVIDER = "shopify";
    private static final Set<String> HOLDABLE = Set.of("OPEN", "SCHEDULED", "ON_HOLD", "IN_PROGRESS");

    private final ProviderClient client;
    private final ShopifyGraphql api;
    private final ShopifyExchanges exchanges;
    private final ShopifyReturns returns;
    private final ListingStops stops;

    ShopifyAdapter(ProviderClients clients, CredentialStore credentials, OperationJournal operations,
            @Value("${aftersales.providers.shopify.api-version:2025-01}") String apiVersion) {
        this.client = clients.forProvider(PROVIDER);
        this.api = new ShopifyGraphql(client, credentials, apiVersion);
        this.exchanges = new ShopifyExchanges(api, client);
        this.returns = new ShopifyReturns(api, client);
        this.stops = new ListingStops(operations, PROVIDER);
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
            JsonNode order = api.graphql(store, REFUNDABLE, Map.of("id", orderGid)).path("order");
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
            JsonNode payload = api.graphql(store, REFUND_CREATE, Map.of("input", input)).path("refundCreate");
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
                    JsonNode payload = api.graphql(store, HOLD, Map.of("id", id, "hold", hold))
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
                JsonNode payload = api.graphql(store, RELEASE, Map.of("id", id, "holdIds", List.of(holdId)))
                        .path("fulfillmentOrderReleaseHold");
                requireNoUserErrors(payload, "fulfillmentOrderReleaseHold");
                released.add(id);
            }
            return new HoldResult(released, notHeld, null);
        });
    }

    private JsonNode fulfillmentOrders(StoreConnection store, String platformOrderId) {
        JsonNode order = api.graphql(store, FULFILLMENT_ORDERS, Map.of("id", gid("Order", platformOrderId)))
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

    private static final String PRODUCT_STATUS = """
            mutation ProductStatus($product: ProductUpdateInput!) { productUpdate(product: $product) {
              product { id status } userErrors { field message } } }""";

    private static final String LEVEL = "level:";
    private static final String PRODUCT = "product:";

    /**
     * Stock 0 at every location of every variant with exactly this SKU ({@code inventorySetQuantities}), and an
     * active single-variant product to DRAFT ({@code productUpdate}), after recording the quantities and statuses
     * (in {@link ListingStops}). Shopify's variant search covers the whole shop: no variant means not listed there.
     */
    @Override
    public DelistResult delistSku(StoreConnection store, DelistCommand command) {
        return client.call(store.storeId(), "delistSku", () -> {
            List<JsonNode> variants = variants(store, command.sku());
            if (variants.isEmpty()) {
                return new DelistResult(List.of(notListed(store, command.sku())));
            }
            List<String> actions = new ArrayList<>();
            for (JsonNode variant : variants) {
                List<Map<String, Object>> quantities = new ArrayList<>();
                Map<String, Integer> before = new LinkedHashMap<>();
                int total = 0;
                for (JsonNode level : variant.at("/inventoryItem/inventoryLevels/nodes")) {
                    int available = level.at("/quantities/0/quantity").asInt(0);
                    if (available != 0) {
                        String item = variant.at("/inventoryItem/id").asText();
                        String location = level.at("/location/id").asText();
                        quantities.add(Map.of("inventoryItemId", item, "locationId", location, "quantity", 0));
                        if (available > 0) {
                            before.put(LEVEL + item + "|" + location, available);
                            total += available;
                        }
                    }
                }
                JsonNode product = variant.path("product");
                boolean draft = product.at("/variantsCount/count").asInt(0) == 1
                        && "ACTIVE".equals(product.path("status").asText());
                if (draft) {
                    before.put(PRODUCT + product.path("id").asText(), 1);
                }
                stops.remember(store.storeId(), command.sku(), before);
                if (!quantities.isEmpty()) {
                    setQuantities(store, "Delisting", command.idempotencyKey(), quantities);
                    actions.add("Shopify: stock of SKU " + command.sku() + " (variant " + variant.path("id").asText()
                            + ") set to 0 at " + quantities.size() + " location(s) on store " + store.storeId()
                            + " (was " + total + ")");
                }
                if (draft) {
                    productStatus(store, product.path("id").asText(), "DRAFT");
                    actions.add("Shopify: product " + product.path("id").asText() + " set to DRAFT (no longer on"
                            + " sale in any channel)");
                }
            }
            if (actions.isEmpty()) {
                actions.add("Shopify: SKU " + command.sku() + " already has no stock and no active single-variant"
                        + " product on store " + store.storeId());
            }
            return new DelistResult(actions);
        });
    }

    /**
     * Sets the stock this system set to 0 back at each location where it is still 0, and a product it drafted back to
     * ACTIVE while it is still DRAFT; what someone changed since is left as it is.
     */
    @Override
    public RelistResult relistSku(StoreConnection store, RelistCommand command) {
        Optional<List<String>> earlier = stops.relisted(command.idempotencyKey());
        if (earlier.isPresent()) {
            return new RelistResult(earlier.get());
        }
        Map<String, Integer> before = stops.before(store.storeId(), command.sku());
        List<String> actions = client.call(store.storeId(), "relistSku", () -> {
            List<JsonNode> variants = variants(store, command.sku());
            if (variants.isEmpty()) {
                return List.of(notListed(store, command.sku()));
            }
            List<String> done = new ArrayList<>();
            for (JsonNode variant : variants) {
                List<Map<String, Object>> quantities = new ArrayList<>();
                int total = 0;
                int stocked = 0;
                for (JsonNode level : variant.at("/inventoryItem/inventoryLevels/nodes")) {
                    String item = variant.at("/inventoryItem/id").asText();
                    String location = level.at("/location/id").asText();
                    int available = level.at("/quantities/0/quantity").asInt(0);
                    Integer was = before.get(LEVEL + item + "|" + location);
                    if (available != 0) {
                        stocked += Math.max(available, 0);
                    } else if (was != null) {
                        quantities.add(Map.of("inventoryItemId", item, "locationId", location, "quantity", was));
                        total += was;
                    }
                }
                if (!quantities.isEmpty()) {
                    setQuantities(store, "Relisting", command.idempotencyKey(), quantities);
                    done.add("Shopify: stock of SKU " + command.sku() + " (variant " + variant.path("id").asText()
                            + ") set back to " + total + " at " + quantities.size() + " location(s) on store "
                            + store.storeId());
                }
                if (stocked > 0) {
                    done.add("Shopify: variant " + variant.path("id").asText() + " has " + stocked
                            + " in stock already; left as it is");
                }
                JsonNode product = variant.path("product");
                String productId = product.path("id").asText();
                if (before.containsKey(PRODUCT + productId)) {
                    String status = product.path("status").asText();
                    if ("DRAFT".equals(status)) {
                        productStatus(store, productId, "ACTIVE");
                        done.add("Shopify: product " + productId + " set back to ACTIVE");
                    } else {
                        done.add("Shopify: product " + productId + " is " + status + " now; left as it is");
                    }
                }
            }
            if (done.isEmpty() && !before.isEmpty()) {
                done.add("Shopify: nothing of SKU " + command.sku() + " on store " + store.storeId()
                        + " is where this system stopped it any more; nothing set back");
            }
            if (before.isEmpty() && done.stream().noneMatch(action -> action.endsWith("left as it is"))) {
                throw new PlatformCannotException("Shopify", "relist SKU " + command.sku() + " on store "
                        + store.storeId(), "this system did not delist it, so it does not know the stock to restore;"
                                + " set the stock and the product's status in Shopify admin");
            }
            return done;
        });
        stops.relistDone(store.storeId(), command.sku(), command.idempotencyKey(), actions);
        return new RelistResult(actions);
    }

    /** The variants with exactly this SKU: Shopify's search is fuzzy. */
    private List<JsonNode> variants(StoreConnection store, String sku) {
        List<JsonNode> variants = new ArrayList<>();
        for (JsonNode variant : api.graphql(store, VARIANTS_BY_SKU,
                Map.of("q", "sku:\"" + sku.replace("\"", "\\\"") + "\"")).at("/productVariants/nodes")) {
            if (sku.equals(variant.path("sku").asText())) {
                variants.add(variant);
            }
        }
        return variants;
    }

    private static String notListed(StoreConnection store, String sku) {
        return "Shopify: no variant with SKU " + sku + " on store " + store.storeId()
                + ": not listed on this store; nothing to change";
    }

    private void setQuantities(StoreConnection store, String document, String idempotencyKey,
            List<Map<String, Object>> quantities) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "available");
        input.put("reason", "other");
        input.put("referenceDocumentUri", "gid://helloword-aftersales/" + document + "/" + handle(idempotencyKey));
        input.put("ignoreCompareQuantity", true);
        input.put("quantities", quantities);
        requireNoUserErrors(api.graphql(store, SET_QUANTITIES, Map.of("input", input)).path("inventorySetQuantities"),
                "inventorySetQuantities");
    }

    private void productStatus(StoreConnection store, String productId, String status) {
        requireNoUserErrors(api.graphql(store, "DRAFT".equals(status) ? PRODUCT_DRAFT : PRODUCT_STATUS,
                Map.of("product", Map.of("id", productId, "status", status))).path("productUpdate"), "productUpdate");
    }

    // --- delivery address ----------------------------------------------------------------------

    private static final String SHIP_TO = """
            query ShipTo($id: ID!) { order(id: $id) { id email
              shippingAddress { name address1 address2 zip city countryCodeV2 } } }""";

    @Override
    public ShipTo getShipTo(StoreConnection store, ShipToRef ref) {
        return client.call(store.storeId(), "getShipTo", () -> {
            JsonNode order = existingOrder(store, api.graphql(store, SHIP_TO,
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

    /**
     * A draft order with the variants of the SKUs at 100 % off, the original order's shipping address and
     * buyer, tagged {@code exchange} and with a tag and note marker from the idempotency key; then completed
     * as paid (nothing to pay). Creating a draft order is not idempotent: a retry first searches for the
     * tag and finishes an earlier draft instead of making a second one; after a timeout the job's own retry
     * does that, not an inline one.
     */
    @Override
    public ExchangeResult createExchangeOrder(StoreConnection store, ExchangeOrderCommand command) {
        return exchanges.createExchangeOrder(store, command);
    }

    // --- returns the buyers requested ----------------------------------------------------------

    /** A line of a Shopify Return: the SKU (null where the line item has none) and the quantity returned. */
    record ReturnLine(String sku, int quantity) {
    }

    /**
     * The lines of a Return by the return line item's numeric id, for the returns/request webhook whose
     * payload names no SKU ({@link ShopifyReturns#returnLines}).
     */
    Map<String, ReturnLine> returnLines(StoreConnection store, String returnId) {
        return returns.returnLines(store, returnId);
    }

    /** Shopify's limit for the note the buyer gets with a declined request. */
    static final int DECLINE_NOTE_MAX = 500;

    @Override
    public PlatformReturnResult approvePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        return returns.approvePlatformReturn(store, command);
    }

    @Override
    public PlatformReturnResult declinePlatformReturn(StoreConnection store, PlatformReturnCommand command) {
        return returns.declinePlatformReturn(store, command);
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

    @Override
    public PlatformClaimBatch platformClaims(StoreConnection store, PlatformClaimsQuery query) {
        throw new PlatformCannotException("Shopify", "read the claims opened on Shopify", "Shopify Payments"
                + " disputes arrive as webhooks (disputes/create, disputes/update), not as a feed");
    }
}
