package com.helloword.aftersales.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;

/**
 * A Shopify Admin GraphQL endpoint for the demo stores: it answers the operations the Shopify
 * adapter sends, in Shopify's shapes, from the case file's orders plus what was done here
 * (refunds, holds, stock), kept in memory. It checks the access token like Shopify does.
 * <p>
 * Its returns are the shop's own ({@link ShopifySandboxReturns}): those demo buyers or tests requested
 * through the sandbox, which delivered them as {@code returns/request} webhooks; REQUESTED until accepted
 * (OPEN) or declined here.
 */
@RestController
@ConditionalOnProperty(name = SandboxEnvironment.ENABLED, havingValue = "true")
class ShopifySandbox {

    private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation)\\s+(\\w+)");
    private static final Pattern SKU = Pattern.compile("sku:\"?([^\"]+)\"?");
    private static final Pattern TAG = Pattern.compile("tag:\"?([^\"\\s]+)\"?");

    record Refund(String id, String note, BigDecimal amount, String currency) {
    }

    record Hold(String id, String handle) {
    }

    /** A draft order made here; {@code orderId} once it is completed. */
    record Draft(String id, String storeId, String note, List<String> tags, int lines, String orderId) {

        Draft completed(String order) {
            return new Draft(id, storeId, note, tags, lines, order);
        }
    }

    private final StoreRepository stores;
    private final SalesOrderRepository orders;
    private final ShopifySandboxReturns returns;
    private final Environment environment;
    private final AtomicLong ids = new AtomicLong(900_000);
    private final Map<String, List<Refund>> refunds = new ConcurrentHashMap<>();
    private final Map<String, List<Hold>> holds = new ConcurrentHashMap<>();
    private final Map<String, Integer> stock = new ConcurrentHashMap<>();
    private final Map<String, String> productStatus = new ConcurrentHashMap<>();
    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();

    ShopifySandbox(StoreRepository stores, SalesOrderRepository orders, ShopifySandboxReturns returns,
            Environment environment) {
        this.stores = stores;
        this.orders = orders;
        this.returns = returns;
        this.environment = environment;
    }

    @PostMapping("/sandbox/shopify/{storeId}/admin/api/{version}/graphql.json")
    @Transactional(readOnly = true)
    ResponseEntity<Map<String, Object>> graphql(@PathVariable String storeId,
            @RequestHeader(name = "X-Shopify-Access-Token", required = false) String token,
            @RequestBody JsonNode request) {
        Store store = stores.findById(storeId).orElse(null);
        String expected = store == null ? null
                : environment.getProperty("aftersales.credentials." + store.getCredentialsRef() + ".access-token");
        if (expected == null || !expected.equals(token)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("errors",
                    "[API] Invalid API key or access token (unrecognized login or wrong password)"));
        }
        Matcher operation = OPERATION.matcher(request.path("query").asText());
        JsonNode variables = request.path("variables");
        Object data = !operation.find() ? null : switch (operation.group(2)) {
            case "Refundable" -> Map.of("order", orderOrNull(store, variables.path("id").asText(), this::refundable));
            case "RefundCreate" -> Map.of("refundCreate", refundCreate(store, variables.path("input")));
            case "FulfillmentOrders" -> Map.of("order",
                    orderOrNull(store, variables.path("id").asText(), this::fulfillmentOrders));
            case "Hold" -> Map.of("fulfillmentOrderHold", hold(variables));
            case "Release" -> Map.of("fulfillmentOrderReleaseHold", release(variables));
            case "VariantsBySku" -> Map.of("productVariants", variants(store, variables.path("q").asText()));
            case "SetQuantities" -> Map.of("inventorySetQuantities", setQuantities(variables.path("input")));
            case "Draft", "ProductStatus" -> Map.of("productUpdate", draft(variables.path("product")));
            case "ShipTo" -> nullable("order", orderOrNull(store, variables.path("id").asText(), this::shipTo));
            case "ExchangeSource" -> nullable("order",
                    orderOrNull(store, variables.path("id").asText(), this::exchangeSource));
            case "VariantBySku" -> Map.of("productVariants", variants(store, variables.path("q").asText()));
            case "ExchangeDrafts" -> Map.of("draftOrders", draftOrders(store, variables.path("q").asText()));
            case "ExchangeDraft" -> Map.of("draftOrderCreate", draftOrderCreate(store, variables.path("input")));
            case "ExchangeComplete" -> Map.of("draftOrderComplete", draftOrderComplete(store,
                    variables.path("id").asText()));
            case "ReturnStatus" -> nullable("return", returns.returnView(store, variables.path("id").asText()));
            case "ReturnLines" -> nullable("return", returns.returnLinesView(store, variables.path("id").asText()));
            case "ReturnApprove" -> Map.of("returnApproveRequest", returns.decide(store, variables.path("input"),
                    "OPEN"));
            case "ReturnDecline" -> Map.of("returnDeclineRequest", returns.decide(store, variables.path("input"),
                    "DECLINED"));
            default -> null;
        };
        if (data == null) {
            return ResponseEntity.ok(Map.of("errors", List.of(Map.of("message",
                    "the sandbox does not know this operation", "extensions", Map.of("code", "UNSUPPORTED")))));
        }
        return ResponseEntity.ok(Map.of("data", data, "extensions", Map.of("cost", Map.of("requestedQueryCost", 10,
                "actualQueryCost", 10, "throttleStatus", Map.of("maximumAvailable", 2000.0, "currentlyAvailable",
                        1990, "restoreRate", 100.0)))));
    }

    private Object orderOrNull(Store store, String gid, Function<SalesOrder, Object> view) {
        return orders.findWithLines(store.getId(), gid.substring(gid.lastIndexOf('/') + 1)).map(view).orElse(null);
    }

    private Object refundable(SalesOrder order) {
        String gid = gid("Order", order);
        List<Refund> done = refunds.getOrDefault(gid, List.of());
        BigDecimal left = order.total().subtract(done.stream().map(Refund::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        Map<String, Object> money = money(left, order.getCurrency());
        return Map.of("id", gid, "name", "#" + order.getPlatformOrderId(),
                "refunds", done.stream().map(r -> Map.of("id", r.id(), "note", r.note(),
                        "totalRefundedSet", Map.of("presentmentMoney", money(r.amount(), r.currency())))).toList(),
                "suggestedRefund", Map.of("amountSet", Map.of("presentmentMoney", money),
                        "suggestedTransactions", List.of(Map.of("gateway", "shopify_payments",
                                "parentTransaction", Map.of("id", gid("OrderTransaction", order)),
                                "amountSet", Map.of("presentmentMoney", money)))));
    }

    private Object refundCreate(Store store, JsonNode input) {
        String orderGid = input.path("orderId").asText();
        SalesOrder order = orders.findWithLines(store.getId(), orderGid.substring(orderGid.lastIndexOf('/') + 1))
                .orElse(null);
        if (order == null) {
            return userErrors("orderId", "Order does not exist");
        }
        BigDecimal amount = BigDecimal.ZERO;
        for (JsonNode transaction : input.path("transactions")) {
            amount = amount.add(new BigDecimal(transaction.path("amount").asText("0")));
        }
        BigDecimal refunded = refunds.getOrDefault(orderGid, List.of()).stream().map(Refund::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount.add(refunded).compareTo(order.total()) > 0) {
            return userErrors("transactions", "Amount cannot exceed the refundable amount");
        }
        Refund refund = new Refund("gid://shopify/Refund/" + ids.incrementAndGet(), input.path("note").asText(""),
                amount, order.getCurrency());
        refunds.computeIfAbsent(orderGid, k -> new CopyOnWriteArrayList<>()).add(refund);
        return Map.of("refund", Map.of("id", refund.id(), "totalRefundedSet",
                Map.of("presentmentMoney", money(amount, order.getCurrency()))), "userErrors", List.of());
    }

    private Object fulfillmentOrders(SalesOrder order) {
        String foId = gid("FulfillmentOrder", order);
        List<Hold> active = holds.getOrDefault(foId, List.of());
        String status = order.getStatus() == OrderStatus.PLACED ? (active.isEmpty() ? "OPEN" : "ON_HOLD")
                : order.getStatus() == OrderStatus.CANCELLED ? "CANCELLED" : "CLOSED";
        return Map.of("id", gid("Order", order), "fulfillmentOrders", Map.of("nodes", List.of(Map.of("id", foId,
                "status", status, "fulfillmentHolds", active.stream()
                        .map(h -> Map.of("id", h.id(), "handle", h.handle())).toList()))));
    }

    private Object hold(JsonNode variables) {
        String foId = variables.path("id").asText();
        String handle = variables.at("/hold/handle").asText("");
        List<Hold> active = holds.computeIfAbsent(foId, k -> new CopyOnWriteArrayList<>());
        if (active.stream().anyMatch(h -> h.handle().equals(handle))) {
            return userErrors("fulfillmentHold.handle", "A hold with this handle already exists");
        }
        Hold hold = new Hold("gid://shopify/FulfillmentHold/" + ids.incrementAndGet(), handle);
        active.add(hold);
        return Map.of("fulfillmentHold", Map.of("id", hold.id(), "handle", handle), "userErrors", List.of());
    }

    private Object release(JsonNode variables) {
        String foId = variables.path("id").asText();
        List<String> ids = new ArrayList<>();
        variables.path("holdIds").forEach(id -> ids.add(id.asText()));
        holds.getOrDefault(foId, new ArrayList<>()).removeIf(h -> ids.contains(h.id()));
        return Map.of("fulfillmentOrder", Map.of("id", foId, "status",
                holds.getOrDefault(foId, List.of()).isEmpty() ? "OPEN" : "ON_HOLD"), "userErrors", List.of());
    }

    private Object variants(Store store, String query) {
        Matcher sku = SKU.matcher(query);
        if (!sku.find()) {
            return Map.of("nodes", List.of());
        }
        String wanted = sku.group(1);
        if (!orders.storeHasSoldSku(store.getId(), wanted)) {
            return Map.of("nodes", List.of());
        }
        String key = store.getId() + "/" + wanted;
        String variant = "gid://shopify/ProductVariant/" + Math.abs(key.hashCode());
        String product = "gid://shopify/Product/" + Math.abs(key.hashCode());
        String item = "gid://shopify/InventoryItem/" + Math.abs(key.hashCode());
        Map<String, Object> level = Map.of("location", Map.of("id", "gid://shopify/Location/1"),
                "quantities", List.of(Map.of("name", "available", "quantity", stock.getOrDefault(item, 25))));
        return Map.of("nodes", List.of(Map.of("id", variant, "sku", wanted,
                "product", Map.of("id", product, "status", productStatus.getOrDefault(product, "ACTIVE"),
                        "variantsCount", Map.of("count", 1)),
                "inventoryItem", Map.of("id", item, "inventoryLevels", Map.of("nodes", List.of(level))))));
    }

    private Object setQuantities(JsonNode input) {
        input.path("quantities").forEach(q -> stock.put(q.path("inventoryItemId").asText(), q.path("quantity").asInt()));
        return Map.of("inventoryAdjustmentGroup", Map.of("reason", "Other"), "userErrors", List.of());
    }

    private Object draft(JsonNode product) {
        productStatus.put(product.path("id").asText(), product.path("status").asText());
        return Map.of("product", Map.of("id", product.path("id").asText(), "status", product.path("status").asText()),
                "userErrors", List.of());
    }

    // --- delivery address and exchange orders ------------------------------------------------

    private Object shipTo(SalesOrder order) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", gid("Order", order));
        view.put("email", order.getBuyer().getEmail());
        view.put("shippingAddress", mailingAddress(order));
        return view;
    }

    private Object exchangeSource(SalesOrder order) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", gid("Order", order));
        view.put("name", "#" + order.getPlatformOrderId());
        view.put("email", order.getBuyer().getEmail());
        view.put("customer", Map.of("id", "gid://shopify/Customer/" + order.getBuyer().getId()));
        view.put("shippingAddress", mailingAddress(order));
        return view;
    }

    /** Shopify's {@code MailingAddress} with the fields the adapter asks for; made-up streets, the buyer's name. */
    private static Map<String, Object> mailingAddress(SalesOrder order) {
        SandboxAddresses.Address address = SandboxAddresses.of(order);
        String[] names = SandboxAddresses.names(order.getBuyer().getName());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", order.getBuyer().getName());
        view.put("firstName", names[0]);
        view.put("lastName", names[1]);
        view.put("company", null);
        view.put("address1", address.line1());
        view.put("address2", null);
        view.put("zip", address.postalCode());
        view.put("city", address.city());
        view.put("provinceCode", address.province());
        view.put("countryCodeV2", address.countryCode());
        view.put("phone", null);
        return view;
    }

    private Object draftOrders(Store store, String query) {
        Matcher tag = TAG.matcher(query);
        List<String> wanted = new ArrayList<>();
        while (tag.find()) {
            wanted.add(tag.group(1));
        }
        return Map.of("nodes", drafts.values().stream()
                .filter(d -> d.storeId().equals(store.getId()) && d.tags().containsAll(wanted))
                .map(ShopifySandbox::draftView).toList());
    }

    private Object draftOrderCreate(Store store, JsonNode input) {
        JsonNode lines = input.path("lineItems");
        if (!lines.isArray() || lines.isEmpty()) {
            return draftErrors("lineItems", "Add at least 1 product");
        }
        for (JsonNode line : lines) {
            if (!line.path("variantId").asText("").startsWith("gid://shopify/ProductVariant/")
                    || line.path("quantity").asInt(0) <= 0) {
                return draftErrors("lineItems", "Line items must have a variant and a positive quantity");
            }
        }
        if (!input.at("/shippingAddress/address1").isTextual()
                || !input.at("/shippingAddress/countryCode").isTextual()) {
            return draftErrors("shippingAddress", "Shipping address is incomplete");
        }
        List<String> tags = new ArrayList<>();
        input.path("tags").forEach(t -> tags.add(t.asText()));
        Draft draft = new Draft("gid://shopify/DraftOrder/" + ids.incrementAndGet(), store.getId(),
                input.path("note").asText(""), List.copyOf(tags), lines.size(), null);
        drafts.put(draft.id(), draft);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("draftOrder", Map.of("id", draft.id(), "status", "OPEN"));
        payload.put("userErrors", List.of());
        return payload;
    }

    private Object draftOrderComplete(Store store, String id) {
        Draft draft = drafts.get(id);
        if (draft == null || !draft.storeId().equals(store.getId())) {
            return draftErrors("id", "Draft order does not exist");
        }
        Draft completed = draft.orderId() != null ? draft
                : drafts.compute(id, (k, d) -> d.completed("gid://shopify/Order/" + ids.incrementAndGet()));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("draftOrder", draftView(completed));
        payload.put("userErrors", List.of());
        return payload;
    }

    private static Map<String, Object> draftView(Draft draft) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", draft.id());
        view.put("status", draft.orderId() == null ? "OPEN" : "COMPLETED");
        view.put("note2", draft.note());
        view.put("tags", draft.tags());
        view.put("order", draft.orderId() == null ? null
                : Map.of("id", draft.orderId(), "name", "#" + draft.orderId().substring(draft.orderId().lastIndexOf('/') + 1)));
        return view;
    }

    private static Map<String, Object> draftErrors(String field, String message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("draftOrder", null);
        payload.put("userErrors", List.of(Map.of("field", List.of(field), "message", message)));
        return payload;
    }

    /** A one-entry map whose value may be null, as GraphQL answers a missing object. */
    private static Map<String, Object> nullable(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    private static Map<String, Object> userErrors(String field, String message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("refund", null);
        payload.put("userErrors", List.of(Map.of("field", List.of(field), "message", message)));
        return payload;
    }

    private static Map<String, Object> money(BigDecimal amount, String currency) {
        return Map.of("amount", amount.stripTrailingZeros().toPlainString(), "currencyCode", currency);
    }

    private static String gid(String type, SalesOrder order) {
        return "gid://shopify/" + type + "/" + order.getPlatformOrderId();
    }
}
