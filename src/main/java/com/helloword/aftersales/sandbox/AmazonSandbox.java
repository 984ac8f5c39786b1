package com.helloword.aftersales.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.OrderLine;
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
 * {@code getOrderBuyerInfo}, which take only a restricted data token issued for their path (made-up streets),
 * and the Reports API 2021-06-30 for the merchant-fulfilled returns report
 * ({@code GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE}, the only report type it makes).
 * <p>
 * Orders are the case file's. Amazon offers the "unexpected problem" message for an order that is
 * shipped or delivered; other orders get only the legal disclosure, cancelled ones nothing. A store
 * lists every SKU it has sold, seller-fulfilled ({@code DEFAULT}) with 25 units, under its seller
 * id; quantities patched here are kept in memory and applied at once. Like Amazon, it wants an
 * {@code x-amz-access-token} it issued for the store's seller account (refused with 403
 * {@code Unauthorized}) and the store's marketplace in {@code marketplaceIds}.
 * <p>
 * A returns report is IN_QUEUE at its first read, IN_PROGRESS at its second and done at its third: DONE with a
 * document, or CANCELLED when no return falls into its window (as Amazon cancels reports without data). The document
 * is made then, from the store's orders as they are: every RETURNED order and about one DELIVERED order in ten (the
 * same ones each time), requested one to six days after delivery, one row per order line, with Amazon's 32 columns,
 * dates such as {@code 14-Jul-2025} and a single space in empty cells. It is served GZIP-compressed under a
 * pre-signed URL of the sandbox that needs no token and expires after five minutes.
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
    static final String RETURNS_REPORT = "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE";
    private static final String REPORTS = "/reports/2021-06-30";
    private static final String DOCUMENT_DOWNLOAD = "/sandbox/amazon/report-documents/{documentId}";
    private static final Duration MAX_REPORT_WINDOW = Duration.ofDays(60);
    private static final Duration URL_VALID = Duration.ofMinutes(5);
    private static final DateTimeFormatter REPORT_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** The columns of Amazon's flat file returns report, in Amazon's order. */
    static final List<String> RETURNS_COLUMNS = List.of("Order ID", "Order date", "Return request date",
            "Return request status", "Amazon RMA ID", "Merchant RMA ID", "Label type", "Label cost", "Currency code",
            "Return carrier", "Tracking ID", "Label to be paid by", "A-to-Z Claim", "Is prime", "ASIN", "Merchant SKU",
            "Item Name", "Return quantity", "Return Reason", "In policy", "Return type", "Resolution", "Invoice number",
            "Return delivery date", "Order Amount", "Order quantity", "SafeT Action reason", "SafeT claim id",
            "SafeT claim state", "SafeT claim creation time", "SafeT claim reimbursement amount", "Refunded Amount");
    /** Return reasons seen in Amazon's returns reports, with who pays the label for each. */
    private static final List<String> CUSTOMER_REASONS = List.of("CR-UNWANTED_ITEM", "CR-ORDERED_WRONG_ITEM",
            "CR-FOUND_BETTER_PRICE", "CR-NOT_COMPATIBLE", "AMZ-PG-APP-TOO-SMALL", "CR-NO_REASON_GIVEN");
    private static final List<String> SELLER_REASONS = List.of("CR-DEFECTIVE", "AMZ-PG-BAD-DESC",
            "CR-DAMAGED_BY_CARRIER", "CR-MISSING_PARTS", "CR-SWITCHEROO", "CR-QUALITY_UNACCEPTABLE");

    /** A report the sandbox makes: its window, how often it was read, and its document once done. */
    private static final class Report {
        final String id;
        final String storeId;
        final String ref;
        final String marketplaceId;
        final Instant from;
        final Instant to;
        final Instant created;
        int reads;
        String status = "IN_QUEUE";
        Instant ended;
        String documentId;
        byte[] document;

        Report(String id, Store store, Instant from, Instant to, Instant created) {
            this.id = id;
            this.storeId = store.getId();
            this.ref = store.getCredentialsRef();
            this.marketplaceId = store.getPlatformMarketplaceId();
            this.from = from;
            this.to = to;
            this.created = created;
        }
    }

    /** A pre-signed document URL: which document, until when. */
    private record Presigned(String documentId, Instant expires) {
    }

    private record Restricted(String ref, Set<String> paths) {
    }

    private final StoreRepository stores;
    private final SalesOrderRepository orders;
    private final Environment environment;
    private final Clock clock;
    private final AtomicLong reportIds = new AtomicLong(50_000_020_000L);
    /** report id → report */
    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    /** document id → report */
    private final Map<String, Report> documents = new ConcurrentHashMap<>();
    /** URL signature → what it opens */
    private final Map<String, Presigned> presigned = new ConcurrentHashMap<>();
    /** access token → seller account (credentials reference) */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** restricted data token → the seller account and the paths it opens */
    private final Map<String, Restricted> restrictedTokens = new ConcurrentHashMap<>();
    /** store|sku → seller-fulfilled quantity */
    private final Map<String, Integer> stock = new ConcurrentHashMap<>();

    AmazonSandbox(StoreRepository stores, SalesOrderRepository orders, Environment environment, Clock clock) {
        this.stores = stores;
        this.orders = orders;
        this.environment = environment;
        this.clock = clock;
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
        stores.findAll().stream().filter(s -> s.getPlatform() == Platform.AMAZON && s.getCredentialsRef() != null)
                .forEach(s -> refs.add(s.getCredentialsRef())); // a store set up without credentials has none
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

    // --- Reports API 2021-06-30 ---------------------------------------------------------------

    @PostMapping(BASE + REPORTS + "/reports")
    ResponseEntity<Object> createReport(@PathVariable String storeId,
            @RequestHeader(name = "x-amz-access-token", required = false) String token, @RequestBody JsonNode body) {
        Store store = authorizeToken(storeId, token);
        String type = body.path("reportType").asText("");
        if (!RETURNS_REPORT.equals(type)) {
            throw error(400, "InvalidInput", "Invalid input", "the sandbox makes only " + RETURNS_REPORT
                    + " reports, not '" + type + "'", "ValidationException");
        }
        JsonNode marketplaces = body.path("marketplaceIds");
        if (marketplaces.size() != 1 || !store.getPlatformMarketplaceId().equals(marketplaces.get(0).asText())) {
            throw error(400, "InvalidInput", "Invalid input", "marketplaceIds must be ["
                    + store.getPlatformMarketplaceId() + "] for this store", "ValidationException");
        }
        Instant now = clock.instant();
        Instant from = reportTime(body, "dataStartTime", now);
        Instant to = reportTime(body, "dataEndTime", now);
        if (from.isAfter(now) || to.isAfter(now) || !from.isBefore(to)) {
            throw error(400, "InvalidInput", "Invalid input", "dataStartTime must be before dataEndTime and both "
                    + "no later than now", "ValidationException");
        }
        if (Duration.between(from, to).compareTo(MAX_REPORT_WINDOW) > 0) {
            throw error(400, "InvalidInput", "Invalid input", "a returns report covers at most 60 days",
                    "ValidationException");
        }
        String id = String.valueOf(reportIds.incrementAndGet());
        reports.put(id, new Report(id, store, from, to, now));
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("x-amzn-RequestId", UUID.randomUUID().toString())
                .header("x-amzn-RateLimit-Limit", "0.0167").body(Map.of("reportId", id));
    }

    @GetMapping(BASE + REPORTS + "/reports/{reportId}")
    @Transactional(readOnly = true)
    ResponseEntity<Object> getReport(@PathVariable String storeId, @PathVariable String reportId,
            @RequestHeader(name = "x-amz-access-token", required = false) String token) {
        Store store = authorizeToken(storeId, token);
        Report report = reports.get(reportId);
        if (report == null || !report.ref.equals(store.getCredentialsRef())) {
            throw error(404, "NotFound", "Report " + reportId + " was not found.", "", "ResourceNotFoundException");
        }
        synchronized (report) {
            report.reads++;
            if (report.reads == 2) {
                report.status = "IN_PROGRESS";
            } else if (report.reads >= 3 && report.ended == null) {
                String document = returnsDocument(report);
                report.ended = clock.instant();
                if (document == null) {
                    report.status = "CANCELLED";
                } else {
                    report.status = "DONE";
                    report.documentId = "amzn1.spdoc.1.4.sandbox." + UUID.randomUUID();
                    report.document = gzip(document);
                    documents.put(report.documentId, report);
                }
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("reportType", RETURNS_REPORT);
            answer.put("processingStatus", report.status);
            answer.put("marketplaceIds", List.of(report.marketplaceId));
            if (report.documentId != null) {
                answer.put("reportDocumentId", report.documentId);
            }
            answer.put("reportId", report.id);
            answer.put("dataStartTime", offset(report.from));
            answer.put("dataEndTime", offset(report.to));
            answer.put("createdTime", offset(report.created));
            if (report.reads >= 2) {
                answer.put("processingStartTime", offset(report.created));
            }
            if (report.ended != null) {
                answer.put("processingEndTime", offset(report.ended));
            }
            return ResponseEntity.ok().header("x-amzn-RequestId", UUID.randomUUID().toString())
                    .header("x-amzn-RateLimit-Limit", "2.0").body(answer);
        }
    }

    @GetMapping(BASE + REPORTS + "/documents/{documentId}")
    ResponseEntity<Object> getReportDocument(@PathVariable String storeId, @PathVariable String documentId,
            @RequestHeader(name = "x-amz-access-token", required = false) String token) {
        Store store = authorizeToken(storeId, token);
        Report report = documents.get(documentId);
        if (report == null || !report.ref.equals(store.getCredentialsRef())) {
            throw error(404, "NotFound", "Report document " + documentId + " was not found.", "",
                    "ResourceNotFoundException");
        }
        Instant now = clock.instant();
        String signature = UUID.randomUUID().toString().replace("-", "");
        presigned.put(signature, new Presigned(documentId, now.plus(URL_VALID)));
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(DOCUMENT_DOWNLOAD)
                .queryParam("X-Amz-Date", DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                        .format(now))
                .queryParam("X-Amz-Expires", URL_VALID.toSeconds())
                .queryParam("X-Amz-Signature", signature)
                .buildAndExpand(documentId).toUriString();
        return ResponseEntity.ok().header("x-amzn-RequestId", UUID.randomUUID().toString())
                .header("x-amzn-RateLimit-Limit", "0.0167")
                .body(Map.of("reportDocumentId", documentId, "url", url, "compressionAlgorithm", "GZIP"));
    }

    /** The pre-signed download, as S3 answers it: the bytes, or an XML error. No access token is needed. */
    @GetMapping(DOCUMENT_DOWNLOAD)
    ResponseEntity<byte[]> downloadDocument(@PathVariable String documentId,
            @RequestParam(name = "X-Amz-Signature", required = false) String signature) {
        Presigned grant = signature == null ? null : presigned.get(signature);
        Report report = documents.get(documentId);
        if (grant == null || report == null || !grant.documentId().equals(documentId)) {
            return s3Error("SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided.");
        }
        if (clock.instant().isAfter(grant.expires())) {
            return s3Error("AccessDenied", "Request has expired");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(report.document);
    }

    private static ResponseEntity<byte[]> s3Error(String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message><RequestId>" + UUID.randomUUID() + "</RequestId></Error>";
        return ResponseEntity.status(403).contentType(MediaType.APPLICATION_XML)
                .body(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Instant reportTime(JsonNode body, String field, Instant otherwise) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException notIso) {
            throw error(400, "InvalidInput", "Invalid input", field + " must be an ISO 8601 date-time",
                    "ValidationException");
        }
    }

    private static String offset(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toString();
    }

    /**
     * The report's tab-separated text, or null when no return was requested in its window. An order returns when it
     * is RETURNED, or DELIVERED and picked by its id (about one in ten); the request is made one to six days after
     * delivery, and only requests made by now are listed.
     */
    private String returnsDocument(Report report) {
        Instant now = clock.instant();
        List<SalesOrder> returned = orders.findAll().stream()
                .filter(o -> o.getStore().getId().equals(report.storeId) && o.getDeliveredAt() != null)
                .filter(o -> o.getStatus() == OrderStatus.RETURNED || o.getStatus() == OrderStatus.DELIVERED
                        && Integer.parseInt(SandboxValues.digits("amazon-return/" + o.getPlatformOrderId(), 2)) < 10)
                .sorted(Comparator.comparing(SalesOrder::getDeliveredAt))
                .toList();
        StringBuilder text = new StringBuilder(String.join("\t", RETURNS_COLUMNS)).append('\n');
        int rows = 0;
        for (SalesOrder order : returned) {
            String seed = "amazon-return/" + order.getPlatformOrderId();
            int digits = Integer.parseInt(SandboxValues.digits(seed, 4));
            Instant requested = order.getDeliveredAt().plus(Duration.ofDays(1 + digits % 6));
            if (requested.isAfter(now) || requested.isBefore(report.from) || !requested.isBefore(report.to)) {
                continue;
            }
            boolean sellerFault = digits % 3 == 0;
            List<String> reasons = sellerFault ? SELLER_REASONS : CUSTOMER_REASONS;
            String reason = reasons.get(digits / 7 % reasons.size());
            String rma = "D" + letters(SandboxValues.digits("rma/" + seed, 8)) + "RMA";
            Instant delivered = requested.plus(Duration.ofDays(4));
            for (OrderLine line : order.getLines()) {
                BigDecimal amount = SandboxValues.scaled(line.getUnitPrice().multiply(
                        BigDecimal.valueOf(line.getQuantity())), order.getCurrency());
                List<String> row = List.of(order.getPlatformOrderId(), REPORT_DATE.format(order.getOrderedAt()),
                        REPORT_DATE.format(requested), "Approved", rma, " ", "AmazonPrePaidLabel",
                        SandboxValues.scaled(new BigDecimal("4.14"), order.getCurrency()).toPlainString(),
                        order.getCurrency(), returnCarrier(order.getDestinationCountry()),
                        "92" + SandboxValues.digits("tracking/" + seed, 20), sellerFault ? "Seller" : "Customer", "N",
                        "N", "B0" + SandboxValues.digits("asin/" + line.getSku(), 8), line.getSku(),
                        "Helloword " + SandboxValues.title(line.getSku()), String.valueOf(line.getQuantity()), reason,
                        "Y", "C-Returns", "StandardRefund", " ",
                        order.getStatus() == OrderStatus.RETURNED && !delivered.isAfter(now)
                                ? REPORT_DATE.format(delivered) : " ",
                        amount.toPlainString(), String.valueOf(line.getQuantity()), " ", " ", " ", " ", " ", " ");
                text.append(String.join("\t", row)).append('\n');
                rows++;
            }
        }
        return rows == 0 ? null : text.toString();
    }

    private static String returnCarrier(String country) {
        return switch (country == null ? "" : country) {
            case "US" -> "USPS";
            case "GB" -> "Royal Mail";
            case "JP" -> "Yamato";
            default -> "DHL";
        };
    }

    /** Digits as letters, upper and lower case mixed, as Amazon's RMA ids look. */
    private static String letters(String digits) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            letters.append((char) ((i % 2 == 0 ? 'a' : 'A') + d * 2 + i % 3));
        }
        return letters.toString();
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // --- shared -------------------------------------------------------------------------------

    private Store authorize(String storeId, String token, String marketplaceIds) {
        Store store = authorizeToken(storeId, token);
        if (!store.getPlatformMarketplaceId().equals(marketplaceIds)) {
            throw error(400, "InvalidInput", "Invalid Input", "marketplaceIds must be "
                    + store.getPlatformMarketplaceId() + " for this store", "ValidationException");
        }
        return store;
    }

    /** The store, if the token is an access token of its seller account. */
    private Store authorizeToken(String storeId, String token) {
        Store store = stores.findById(storeId).filter(s -> s.getPlatform() == Platform.AMAZON)
                .orElseThrow(() -> error(404, "NotFound", "The sandbox has no Amazon store " + storeId, "",
                        "ResourceNotFoundException"));
        if (token == null || !store.getCredentialsRef().equals(tokens.get(token))) {
            throw error(403, "Unauthorized", "Access to requested resource is denied.",
                    "The access token you provided is revoked, malformed or invalid.", "AccessDeniedException");
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
