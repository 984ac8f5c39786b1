package com.helloword.aftersales.sandbox;

import static com.helloword.aftersales.sandbox.EbayWire.postOrderError;
import static com.helloword.aftersales.sandbox.EbayWire.restError;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;

/**
 * What the sandbox's eBay APIs share: the access tokens it issued (per seller account), the refunds
 * of the demo orders (from the Fulfillment API and from Post-Order claims alike), kept in memory, and
 * the checks eBay makes on every call: the token and its scheme, the marketplace header, and the
 * digital signature on the money calls of EU/UK stores.
 */
@Component
@ConditionalOnProperty(name = SandboxEnvironment.ENABLED, havingValue = "true")
class EbaySandboxState {

    static final String BEARER = "Bearer ";
    static final String IAF = "IAF ";
    /** Marketplaces whose sellers are EU/UK-domiciled as a rule; their money calls must be signed. */
    static final Set<String> SIGNING_MARKETPLACES = Set.of("EBAY_AT", "EBAY_BE", "EBAY_DE", "EBAY_ES", "EBAY_FR",
            "EBAY_GB", "EBAY_IE", "EBAY_IT", "EBAY_NL", "EBAY_PL");

    /** One refund of an order, as getOrder lists it. */
    record Refund(String id, BigDecimal amount, String currency, Instant at) {
    }

    private final StoreRepository stores;
    private final SalesOrderRepository orders;
    private final Environment environment;
    private final ObjectMapper json;
    private final Clock clock;
    private final EbaySignatureCheck signatures = new EbaySignatureCheck();
    private final AtomicLong ids = new AtomicLong(5_000_100_000L);
    /** access token → seller account (credentials reference) */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** store|order → refunds */
    private final Map<String, List<Refund>> refunds = new ConcurrentHashMap<>();

    EbaySandboxState(StoreRepository stores, SalesOrderRepository orders, Environment environment,
            ObjectMapper json, Clock clock) {
        this.stores = stores;
        this.orders = orders;
        this.environment = environment;
        this.json = json;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    SalesOrderRepository orders() {
        return orders;
    }

    /** A new number for refunds, conversations and messages. */
    long nextId() {
        return ids.incrementAndGet();
    }

    String credential(String ref, String key) {
        return environment.getProperty("aftersales.credentials." + ref + "." + key);
    }

    /** A new access token for the seller account. */
    String issueToken(String ref) {
        String token = "v^1.1#i^1#sandbox#" + UUID.randomUUID();
        tokens.put(token, ref);
        return token;
    }

    Store store(String storeId) {
        return stores.findById(storeId).filter(s -> s.getPlatform() == Platform.EBAY)
                .orElseThrow(() -> restError(404, null, "The sandbox has no eBay store " + storeId + "."));
    }

    /** The store, if the token is one issued for its seller account, in the scheme the API family takes. */
    Store authorize(String storeId, String authorization, String scheme, String marketplace) {
        Store store = store(storeId);
        String token = authorization != null && authorization.startsWith(scheme)
                ? authorization.substring(scheme.length()).strip() : null;
        if (token == null || !store.getCredentialsRef().equals(tokens.get(token))) {
            throw EbayWire.invalidToken();
        }
        if (!store.getPlatformMarketplaceId().equals(marketplace)) {
            throw restError(400, null, "The X-EBAY-C-MARKETPLACE-ID header must name the store's marketplace "
                    + store.getPlatformMarketplaceId() + ".");
        }
        return store;
    }

    /** eBay's signature check of a money call; required for the stores of EU/UK marketplaces. */
    void checkSignature(Store store, HttpServletRequest request, byte[] body, boolean postOrder) {
        String problem = signatures.problem(SIGNING_MARKETPLACES.contains(store.getPlatformMarketplaceId()),
                request, body);
        if (problem != null) {
            throw postOrder ? postOrderError(400, problem) : restError(400, null, problem);
        }
    }

    SalesOrder order(Store store, String orderId) {
        return orders.findWithLines(store.getId(), orderId)
                .orElseThrow(() -> restError(404, null, "Order " + orderId + " was not found."));
    }

    /** The request body as a JSON object; refused in the API family's error form otherwise. */
    JsonNode read(byte[] body, boolean postOrder) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : json.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException notJson) {
            // refused below, like a body that is no object
        }
        String message = "The request body is not a JSON object.";
        throw postOrder ? postOrderError(400, message) : restError(400, null, message);
    }

    List<Refund> refunds(Store store, SalesOrder order) {
        return List.copyOf(refunds.getOrDefault(key(store, order), List.of()));
    }

    BigDecimal refunded(Store store, SalesOrder order) {
        return refunds(store, order).stream().map(Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Refunds {@code amount} of the order, refused as eBay does when less than that is left. */
    synchronized Refund refund(Store store, SalesOrder order, BigDecimal amount) {
        BigDecimal left = order.total().subtract(refunded(store, order));
        if (left.signum() <= 0) {
            throw restError(400, EbayWire.ALREADY_REFUNDED, "This order was already refunded.");
        }
        if (amount.signum() <= 0 || amount.compareTo(left) > 0) {
            throw restError(400, null, "The refund amount must be above 0 and at most what can still be refunded"
                    + " on the order (" + SandboxValues.scaled(left, order.getCurrency()).toPlainString() + " "
                    + order.getCurrency() + ").");
        }
        return record(store, order, amount);
    }

    /** Refunds whatever is left of the order, if anything. */
    synchronized void refundRest(Store store, SalesOrder order) {
        BigDecimal left = order.total().subtract(refunded(store, order));
        if (left.signum() > 0) {
            record(store, order, left);
        }
    }

    private Refund record(Store store, SalesOrder order, BigDecimal amount) {
        Refund refund = new Refund(String.valueOf(nextId()), amount, order.getCurrency(), clock.instant());
        refunds.computeIfAbsent(key(store, order), k -> new CopyOnWriteArrayList<>()).add(refund);
        return refund;
    }

    private static String key(Store store, SalesOrder order) {
        return store.getId() + "|" + order.getPlatformOrderId();
    }
}
