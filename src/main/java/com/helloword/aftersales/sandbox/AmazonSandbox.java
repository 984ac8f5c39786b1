package com.helloword.aftersales.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;

/**
 * Amazon for the demo's Amazon stores, in Amazon's own shapes: Login with Amazon's refresh-token
 * grant at {@code /sandbox/amazon/auth/o2/token} (the default {@code aftersales.providers.amazon.token-url}),
 * and under {@code /sandbox/amazon/<storeId>} (where {@link SandboxStoreRouting} points the stores)
 * Messaging API v1 ({@code getMessagingActionsForOrder}, {@code createUnexpectedProblem}) and
 * Listings Items API 2021-08-01 ({@code getListingsItem}, {@code patchListingsItem}), and the buyer's address:
 * Tokens API 2021-03-01 {@code createRestrictedDataToken} and Orders API v0 {@code getOrderAddress} and
 * {@code getOrderBuyerInfo}, which take only a restricted data token issued for their path (made-up streets).
 * <p>
 * Orders are the case file's. Amazon offers the "unexpected problem" message for an order that is
 * shipped or delivered; other orders get only the legal disclosure, cancelled ones nothing. A store
 * lists every SKU it has sold, seller-fulfilled ({@code DEFAULT}) with 25 units, under its seller
 * id; quantities patched here are kept in memory and applied at once. Like Amazon, it wants an
 * {@code x-amz-access-token} it issued for the store's seller account (refused with 403
 * {@code Unauthorized}) and the store's marketplace in {@code marketplaceIds}.
 */
@RestController
@ConditionalOnProperty(name = SandboxEnvironment.ENABLED, havingValue = "true")
class AmazonSandbox {

    static final int STOCK = 25;
    static final String UNEXPECTED_PROBLEM = "unexpectedProblem";

    private static final String BASE = "/sandbox/amazon/{storeId}";
    private static final String ORDER = "/messaging/v1/orders/{orderId}";
    private static final String LISTING = "/listings/2021-08-01/items/{sellerId}/{sku}";
    private static final MediaType HAL_JSON = MediaType.valueOf("application/hal+json");
    private static final String PRODUCT_TYPE = "PRODUCT";
    private static final int MESSAGE_LIMIT = 2000;
    private static final Pattern RESTRICTED_PATH =
            Pattern.compile("/orders/v0/orders/[0-9-]+/(address|buyerInfo)");

    private record Restricted(String ref, Set<String> paths) {
    }

    private final StoreRepository stores;
    private final SalesOrderRepository orders;
    private final Environment environment;
    /** access token → seller account (credentials reference) */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** restricted data token → the seller account and the paths it opens */
    private final Map<String, Restricted> restrictedTokens = new ConcurrentHashMap<>();
    /** store|sku → seller-fulfilled quantity */
    private final Map<String, Integer> stock = new ConcurrentHashMap<>();

    AmazonSandbox(StoreRepository stores, SalesOrderRepository orders, Environment environment) {
        this.stores = stores;
        this.orders = orders;
        this.environment = environment;
    }

    @ExceptionHandler(SandboxRefusal.class)
    ResponseEntity<Object> refused(SandboxRefusal refusal) {
        return refusal.response();
    }

    // --- Login with Amazon --------------------------------------------------------------------

    @PostMapping("/sandbox/amazon/auth/o2/token")
    ResponseEntity<Object> token(@RequestParam Map<String, String> form) {
        if (!"refresh_token".equals(form.get("grant_type"))) {
            throw new SandboxRefusal(400, Map.of("error", "unsupported_grant_type",
                    "error_description", "The authorization grant type is not supported by the authorization server"));
        }
        Set<String> refs = new TreeSet<>();
        stores.findAll().stream().filter(s -> s.getPlatform() == Platform.AMAZON)
                .forEach(s -> refs.add(s.getCredentialsRef()));
        boolean knownClient = false;
        for (String ref : refs) {
            if (form.getOrDefault("client_id", "").equals(credential(ref, "client-id"))
                    && form.getOrDefault("client_secret", "").equals(credential(ref, "client-secret"))) {
                knownClient = true;
                if (form.getOrDefault("refresh_token", "").equals(credential(ref, "refresh-token"))) {
                    String token = "Atza|sandbox-" + UUID.randomUUID();
                    tokens.put(token, ref);
                    return ResponseEntity.ok(Map.of("access_token", token, "refresh_token",
                            form.get("refresh_token"), "token_type", "bearer", "expires_in", 3600));
                }
            }
        }
        if (!knownClient) {
            throw new SandboxRefusal(401, Map.of("error", "invalid_client",
                    "error_description", "Client authentication failed"));
        }
        throw new SandboxRefusal(400, Map.of("error", "invalid_grant", "error_description", "The request has an"
                + " invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission."));
    }

    // --- Messaging API v1 ---------------------------------------------------------------------

    @GetMapping(BASE + ORDER)
    @Transactional(readOnly = true)
    ResponseEntity<Object> messagingActions(@PathVariable String storeId, @PathVariable String orderId,
            @RequestHeader(name = "x-amz-access-token", required = false) String token,
            @RequestParam(required = false) String marketplaceIds) {
        Store store = authorize(storeId, token, marketplaceIds);
        List<String> offered = offered(order(store, orderId));
        String self = "/messaging/v1/orders/" + orderId;
        String query = "?marketplaceIds=" + store.getPlatformMarketplaceId();
        List<Map<String, Object>> links = new ArrayList<>();
        List<Map<String, Object>> embedded = new ArrayList<>();
        for (String name : offered) {
            String href = self + "/messages/" + name + query;
            links.add(Map.of("href", href, "name", name));
            embedded.add(Map.of("_links", Map.of("self", Map.of("href", href), "schema",
                    Map.of("href", self + "/messages/" + name + "/schema", "name", name)), "name", name));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("_links", Map.of("self", Map.of("href", self + query), "actions", links));
        answer.put("_embedded", Map.of("actions", embedded));
        return hal(HttpStatus.OK, answer);
    }

    @PostMapping(BASE + ORDER + "/messages/{messageType}")
    @Transactional(readOnly = true)
    ResponseEntity<Object> createMessage(@PathVariable String storeId, @PathVariable String orderId,
            @PathVariable String messageType,
            @RequestHeader(name = "x-amz-access-token", required = false) String token,
            @RequestParam(required = false) String marketplaceIds, @RequestBody JsonNode body) {
        Store store = authorize(storeId, token, marketplaceIds);
        if (!offered(order(store, orderId)).contains(messageType)) {
            throw error(403, "Unauthorized", "Invalid amazonOrderId and template combination.", "",
                    "AccessDeniedException");
        }
        if (!UNEXPECTED_PROBLEM.equals(messageType)) {
            throw error(400, "InvalidInput", "Invalid Input", "the sandbox takes the " + UNEXPECTED_PROBLEM
                    + " message, the one this system sends", "ValidationException");
        }
        String text = body.path("text").asText("");
        if (text.isBlank() || text.codePointCount(0, text.length()) > MESSAGE_LIMIT) {
            throw error(400, "InvalidInput", "Invalid Input", "text must have 1 to " + MESSAGE_LIMIT
                    + " characters", "ValidationException");
        }
        return hal(HttpStatus.CREATED, Map.of());
    }

    /** The message types Amazon offers for the order now. */
    private static List<String> offered(SalesOrder order) {
        if (order.getStatus() == OrderStatus.CANCELLED) {
            return List.of();
        }
        if (order.getStatus() == OrderStatus.SHIPPED || order.getStatus() == OrderStatus.DELIVERED) {
            return List.of("confirmDeliveryDetails", UNEXPECTED_PROBLEM, "warranty", "legalDisclosure");
        }
        return List.of("legalDisclosure");
    }

    // --- Listings Items API 2021-08-01 --------------------------------------------------------

    @GetMapping(BASE + LISTING)
    ResponseEntity<Object> getListing(@PathVariable String storeId, @PathVariable String sellerId,
            @PathVariable String sku, @RequestHeader(name = "x-amz-access-token", required = false) String token,
            @RequestParam(required = false) String marketplaceIds) {
        Store store = listingStore(storeId, token, marketplaceIds, sellerId, sku);
        String marketplace = store.getPlatformMarketplaceId();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("marketplaceId", marketplace);
        summary.put("asin", "B0" + SandboxValues.digits("asin/" + sku, 8));
        summary.put("productType", PRODUCT_TYPE);
        summary.put("conditionType", "new_new");
        int quantity = stock.getOrDefault(store.getId() + "|" + sku, STOCK);
        summary.put("status", quantity > 0 ? List.of("BUYABLE", "DISCOVERABLE") : List.of("DISCOVERABLE"));
        summary.put("itemName", "Helloword " + SandboxValues.title(sku));
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("sku", sku);
        listing.put("summaries", List.of(summary));
        listing.put("fulfillmentAvailability", List.of(Map.of("fulfillmentChannelCode", "DEFAULT",
                "quantity", quantity)));
        return ResponseEntity.ok(listing);
    }

    @PatchMapping(BASE + LISTING)
    ResponseEntity<Object> patchListing(@PathVariable String storeId, @PathVariable String sellerId,
            @PathVariable String sku, @RequestHeader(name = "x-amz-access-token", required = false) String token,
            @RequestParam(required = false) String marketplaceIds, @RequestBody JsonNode body) {
        Store store = listingStore(storeId, token, marketplaceIds, sellerId, sku);
        String submissionId = UUID.randomUUID().toString();
        List<Map<String, Object>> issues = new ArrayList<>();
        if (!PRODUCT_TYPE.equals(body.path("productType").asText())) {
            issues.add(issue("4000001", "productType must be " + PRODUCT_TYPE + " for this listing", "productType"));
        }
        Integer quantity = null;
        for (JsonNode patch : body.path("patches")) {
            boolean supported = ("merge".equals(patch.path("op").asText())
                    || "replace".equals(patch.path("op").asText()))
                    && "/attributes/fulfillment_availability".equals(patch.path("path").asText());
            if (!supported) {
                issues.add(issue("90000900", "The sandbox changes only /attributes/fulfillment_availability"
                        + " (merge or replace).", "patches"));
                continue;
            }
            for (JsonNode availability : patch.path("value")) {
                if ("DEFAULT".equals(availability.path("fulfillment_channel_code").asText())
                        && availability.path("quantity").canConvertToInt()
                        && availability.path("quantity").asInt() >= 0) {
                    quantity = availability.path("quantity").asInt();
                } else {
                    issues.add(issue("90000900", "fulfillment_availability needs fulfillment_channel_code DEFAULT"
                            + " and a quantity of 0 or more.", "fulfillment_availability"));
                }
            }
        }
        if (!issues.isEmpty() || quantity == null) {
            if (issues.isEmpty()) {
                issues.add(issue("90000900", "The attributes are invalid.", "fulfillment_availability"));
            }
            return ResponseEntity.ok(Map.of("sku", sku, "status", "INVALID", "submissionId", submissionId,
                    "issues", issues));
        }
        stock.put(store.getId() + "|" + sku, quantity);
        return ResponseEntity.ok(Map.of("sku", sku, "status", "ACCEPTED", "submissionId", submissionId,
                "issues", List.of()));
    }

    private Store listingStore(String storeId, String token, String marketplaceIds, String sellerId, String sku) {
        Store store = authorize(storeId, token, marketplaceIds);
        if (!store.getPlatformAccountId().equals(sellerId)) {
            throw error(403, "Unauthorized", "Access to requested resource is denied.", "The seller id " + sellerId
                    + " is not the selling partner of this token.", "AccessDeniedException");
        }
        if (!orders.storeHasSoldSku(store.getId(), sku)) {
            throw error(404, "NOT_FOUND", "SKU '" + sku + "' not found in marketplace "
                    + store.getPlatformMarketplaceId(), "", "ResourceNotFoundException");
        }
        return store;
    }

    private static Map<String, Object> issue(String code, String message, String attribute) {
        return Map.of("code", code, "message", message, "severity", "ERROR", "attributeNames", List.of(attribute));
    }

    // --- Tokens API 2021-03-01 and Orders API v0 (restricted) ----------------------------------

    @PostMapping(BASE + "/tokens/2021-03-01/restrictedDataToken")
    ResponseEntity<Object> restrictedDataToken(@PathVariable String storeId,
            @RequestHeader(name = "x-amz-access-token", required = false) String token, @RequestBody JsonNode body) {
        Store store = authorize(storeId, token, store(storeId).getPlatformMarketplaceId());
        Set<String> paths = new TreeSet<>();
        for (JsonNode resource : body.path("restrictedResources")) {
            String path = resource.path("path").asText("");
            if (!"GET".equals(resource.path("method").asText()) || !RESTRICTED_PATH.matcher(path).matches()) {
                throw error(400, "InvalidInput", "Invalid Input", "the sandbox issues restricted data tokens for GET "
                        + "/orders/v0/orders/{orderId}/address and /buyerInfo only, not " + path, "ValidationException");
            }
            paths.add(path);
        }
        if (paths.isEmpty()) {
            throw error(400, "InvalidInput", "Invalid Input", "restrictedResources is empty", "ValidationException");
        }
        String restricted = "Atz.sprdt|sandbox-" + UUID.randomUUID();
        restrictedTokens.put(restricted, new Restricted(store.getCredentialsRef(), paths));
        return ResponseEntity.ok(Map.of("restrictedDataToken", restricted, "expiresIn", 3600));
    }

    @GetMapping(BASE + "/orders/v0/orders/{orderId}/address")
    @Transactional(readOnly = true)
    ResponseEntity<Object> orderAddress(@PathVariable String storeId, @PathVariable String orderId,
            @RequestHeader(name = "x-amz-access-token", required = false) String token) {
        SalesOrder order = restrictedOrder(storeId, orderId, token, "/address");
        SandboxAddresses.Address address = SandboxAddresses.of(order);
        Map<String, Object> shipping = new LinkedHashMap<>();
        shipping.put("Name", order.getBuyer().getName());
        shipping.put("AddressLine1", address.line1());
        shipping.put("City", address.city());
        if (address.province() != null) {
            shipping.put("StateOrRegion", address.province());
        }
        shipping.put("PostalCode", address.postalCode());
        shipping.put("CountryCode", address.countryCode());
        shipping.put("AddressType", "Residential");
        return ResponseEntity.ok(Map.of("payload", Map.of("AmazonOrderId", orderId, "ShippingAddress", shipping)));
    }

    @GetMapping(BASE + "/orders/v0/orders/{orderId}/buyerInfo")
    @Transactional(readOnly = true)
    ResponseEntity<Object> buyerInfo(@PathVariable String storeId, @PathVariable String orderId,
            @RequestHeader(name = "x-amz-access-token", required = false) String token) {
        SalesOrder order = restrictedOrder(storeId, orderId, token, "/buyerInfo");
        String relay = SandboxValues.digits("buyer/" + order.getBuyer().getEmail(), 15) + "@marketplace.amazon.com";
        return ResponseEntity.ok(Map.of("payload", Map.of("AmazonOrderId", orderId, "BuyerEmail", relay,
                "BuyerName", order.getBuyer().getName())));
    }

    /** The order, if the token is a restricted data token of the store's seller for exactly this path. */
    private SalesOrder restrictedOrder(String storeId, String orderId, String token, String suffix) {
        Store store = store(storeId);
        Restricted restricted = token == null ? null : restrictedTokens.get(token);
        if (restricted == null || !restricted.ref().equals(store.getCredentialsRef())
                || !restricted.paths().contains("/orders/v0/orders/" + orderId + suffix)) {
            throw error(403, "Unauthorized", "Access to requested resource is denied.",
                    "This operation needs a restricted data token for its path.", "AccessDeniedException");
        }
        return order(store, orderId);
    }

    private Store store(String storeId) {
        return stores.findById(storeId).filter(s -> s.getPlatform() == Platform.AMAZON)
                .orElseThrow(() -> error(404, "NotFound", "The sandbox has no Amazon store " + storeId, "",
                        "ResourceNotFoundException"));
    }

    // --- shared -------------------------------------------------------------------------------

    private Store authorize(String storeId, String token, String marketplaceIds) {
        Store store = stores.findById(storeId).filter(s -> s.getPlatform() == Platform.AMAZON)
                .orElseThrow(() -> error(404, "NotFound", "The sandbox has no Amazon store " + storeId, "",
                        "ResourceNotFoundException"));
        if (token == null || !store.getCredentialsRef().equals(tokens.get(token))) {
            throw error(403, "Unauthorized", "Access to requested resource is denied.",
                    "The access token you provided is revoked, malformed or invalid.", "AccessDeniedException");
        }
        if (!store.getPlatformMarketplaceId().equals(marketplaceIds)) {
            throw error(400, "InvalidInput", "Invalid Input", "marketplaceIds must be "
                    + store.getPlatformMarketplaceId() + " for this store", "ValidationException");
        }
        return store;
    }

    private SalesOrder order(Store store, String orderId) {
        return orders.findWithLines(store.getId(), orderId).orElseThrow(() -> error(404, "NotFound",
                "Order " + orderId + " was not found.", "", "ResourceNotFoundException"));
    }

    private String credential(String ref, String key) {
        return environment.getProperty("aftersales.credentials." + ref + "." + key);
    }

    private static ResponseEntity<Object> hal(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(HAL_JSON)
                .header("x-amzn-RequestId", UUID.randomUUID().toString()).body(body);
    }

    private static SandboxRefusal error(int status, String code, String message, String details, String type) {
        return new SandboxRefusal(ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header("x-amzn-RequestId", UUID.randomUUID().toString()).header("x-amzn-ErrorType", type)
                .body(Map.of("errors", List.of(Map.of("code", code, "message", message, "details", details)))));
    }
}
