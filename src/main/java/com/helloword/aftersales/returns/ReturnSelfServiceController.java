package com.helloword.aftersales.returns;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.casefile.OrderLine;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.MailTemplates;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.web.AttemptLimiter;

/**
 * The buyer's self-service return, with nothing but the order number and the e-mail address (data
 * minimisation). The form never says whether an order exists: when number and address match, a
 * signed link goes to that address (once a day per order and choice), which proves the buyer reads
 * the order's mailbox; the link's page lets them pick the item and say what they want instead, and
 * one click opens the return. Pages in the buyer's language ({@code lang}, else the browser's).
 * <p>
 * The form takes the same steps whether or not the order exists and the address is its buyer's
 * ({@link SelfServiceMatch}), and only so many tries per remote address and per order number
 * ({@link SelfServiceSettings}); beyond, 429 with a page that asks the buyer to come back later.
 */
@RestController
class ReturnSelfServiceController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final SalesOrderRepository orders;
    private final SelfServiceMatch match;
    private final AttemptLimiter perSource;
    private final AttemptLimiter perOrder;
    private final ReturnService returns;
    private final BuyerLinks links;
    private final MailTemplates templates;
    private final OutboxService outbox;
    private final Clock clock;
    private final StoreRepository stores;

    ReturnSelfServiceController(SalesOrderRepository orders, SelfServiceMatch match, SelfServiceSettings attempts,
            ReturnService returns, BuyerLinks links, MailTemplates templates, OutboxService outbox, Clock clock,
            StoreRepository stores) {
        this.orders = orders;
        this.match = match;
        this.perSource = new AttemptLimiter(attempts.attemptsPerSource(), attempts.window(), attempts.trackedKeys(),
                clock);
        this.perOrder = new AttemptLimiter(attempts.attemptsPerOrder(), attempts.window(), attempts.trackedKeys(),
                clock);
        this.returns = returns;
        this.links = links;
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
        this.stores = stores;
    }

    @GetMapping("/buyer/returns/new")
    ResponseEntity<String> form(@RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "order", required = false) String order,
            @RequestParam(name = "store", required = false) String store) {
        Map<String, Object> model = new HashMap<>();
        model.put("order", order == null ? "" : order);
        storeOf(store).ifPresent(s -> {
            model.put("storeName", s.getName());
            model.put("store", s.getId());
        });
        return page(HttpStatus.OK, language(lang), "FORM", model);
    }

    /**
     * The store a seller's link to the form names ({@code ?store=<store id>}, e.g. from the store's footer), so that
     * the form carries its name; an unknown or missing id leaves the seller's name on the page.
     */
    private Optional<Store> storeOf(String storeId) {
        return storeId == null || storeId.isBlank() || storeId.length() > 100 ? Optional.empty()
                : stores.findById(storeId);
    }

    @PostMapping("/buyer/returns/new")
    @Transactional
    public ResponseEntity<String> request(@RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "order", required = false) String orderNumber,
            @RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "wanted", required = false) String wanted,
            @RequestParam(name = "store", required = false) String store, HttpServletRequest request) {
        String language = language(lang);
        Map<String, Object> shop = new HashMap<>();
        storeOf(store).ifPresent(s -> {
            shop.put("storeName", s.getName());
            shop.put("store", s.getId());
        });
        Optional<Duration> wait = perSource.attempt(request.getRemoteAddr());
        if (wait.isPresent()) {
            return tooMany(language, wait.get(), shop);
        }
        boolean complete = orderNumber != null && !orderNumber.isBlank() && orderNumber.length() <= 100
                && email != null && email.contains("@") && email.length() <= 320
                && reason != null && ReturnReasons.BUYER_CHOICES.contains(reason)
                && ("REFUND".equals(wanted) || "EXCHANGE".equals(wanted));
        if (!complete) {
            Map<String, Object> model = new HashMap<>(shop);
            model.put("order", orderNumber == null ? "" : orderNumber);
            model.put("incomplete", true);
            return page(HttpStatus.BAD_REQUEST, language, "FORM", model);
        }
        wait = perOrder.attempt(orderNumber.strip().toLowerCase(Locale.ROOT));
        if (wait.isPresent()) {
            return tooMany(language, wait.get(), shop);
        }
        for (SalesOrder order : match.ordersOf(orderNumber, email)) {
            String buyerLanguage = order.getBuyer().getLanguage() == null ? order.getStore().getDefaultLanguage()
                    : order.getBuyer().getLanguage();
            Map<String, Object> model = new HashMap<>();
            model.put("orderId", order.getPlatformOrderId());
            model.put("storeName", order.getStore().getName());
            model.put("startUrl", links.returnStartUrl(order.getId(), reason, wanted, buyerLanguage));
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            outbox.queue(new MailRequest("return-start:" + order.getId() + ":" + reason + ":" + wanted + ":" + today,
                    null, "return-start", buyerLanguage, RecipientType.BUYER, order.getBuyer().getId().toString(),
                    model));
        }
        // the same answer whether or not the order exists: the page cannot be used to find orders or buyers
        return page(HttpStatus.OK, language, "CHECK_MAIL", shop);
    }

    @GetMapping("/buyer/returns/start")
    @Transactional(readOnly = true)
    public ResponseEntity<String> confirm(@RequestParam(name = "o", required = false) Long orderId,
            @RequestParam(name = "r", required = false) String reason,
            @RequestParam(name = "w", required = false) String wanted,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "t", required = false) String token) {
        SalesOrder order = verified(orderId, reason, wanted, token);
        String language = language(lang);
        if (order == null) {
            return page(HttpStatus.FORBIDDEN, language, "INVALID", Map.of());
        }
        return page(HttpStatus.OK, language, "CONFIRM", confirmation(order, reason, wanted, token));
    }

    @PostMapping("/buyer/returns/start")
    public ResponseEntity<String> start(@RequestParam(name = "o", required = false) Long orderId,
            @RequestParam(name = "r", required = false) String reason,
            @RequestParam(name = "w", required = false) String wanted,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "sku", required = false) String sku,
            @RequestParam(name = "wish", required = false) String wish) {
        String language = language(lang);
        SalesOrder order = verified(orderId, reason, wanted, token);
        if (order == null) {
            return page(HttpStatus.FORBIDDEN, language, "INVALID", Map.of());
        }
        ReturnRequest created;
        try {
            created = returns.request(new ReturnService.NewReturn(order.getStore().getId(),
                    order.getPlatformOrderId(), null, sku == null || sku.isBlank() ? null : sku, reason, wanted,
                    ReturnRequest.Source.SELF_SERVICE, null, "EXCHANGE".equals(wanted) ? wish : null));
        } catch (ReturnService.RejectedReturn rejected) {
            // e.g. an item that is not on the order: the same page again, nothing opened
            return page(HttpStatus.BAD_REQUEST, language, "CONFIRM", confirmation(order, reason, wanted, token));
        }
        return page(HttpStatus.OK, language, "STARTED", Map.of("returnKey", created.getReturnKey(),
                "orderId", order.getPlatformOrderId(), "storeName", storeName(order)));
    }

    /** The name of the order's store (read by its id: the order may come from a finished transaction). */
    private String storeName(SalesOrder order) {
        return stores.findById(order.getStore().getId()).map(Store::getName).orElse("");
    }

    /** The confirmation step of a verified link: the order's items to pick from, the link's values to post back. */
    private Map<String, Object> confirmation(SalesOrder order, String reason, String wanted, String token) {
        Map<String, Object> model = new HashMap<>();
        model.put("orderId", order.getPlatformOrderId());
        model.put("storeName", storeName(order));
        model.put("skus", order.getLines().stream().map(OrderLine::getSku).toList());
        model.put("titles", titles(order));
        model.put("o", order.getId());
        model.put("r", reason);
        model.put("w", wanted);
        model.put("t", token);
        return model;
    }

    private SalesOrder verified(Long orderId, String reason, String wanted, String token) {
        if (orderId == null || reason == null || wanted == null
                || !links.verify(BuyerLinks.returnStartSubject(orderId, reason, wanted), BuyerLinks.Action.RETURN_START,
                        token)) {
            return null;
        }
        return orders.findById(orderId).map(o -> orders.findWithLines(o.getStore().getId(), o.getPlatformOrderId())
                .orElse(null)).orElse(null);
    }

    /** What the item picker shows for each SKU: the product's name as the store calls it, else the SKU. */
    private static Map<String, String> titles(SalesOrder order) {
        Map<String, String> titles = new HashMap<>();
        order.getLines().forEach(line -> titles.putIfAbsent(line.getSku(), line.displayName()));
        return titles;
    }

    /** The buyer's language as the page templates name it; a language without a page falls back to English there. */
    private static String language(String lang) {
        return lang != null && lang.length() >= 2 ? lang.substring(0, 2).toLowerCase(Locale.ROOT) : "en";
    }

    /** 429: the form was sent too often from this address or for this order number; come back later. */
    private ResponseEntity<String> tooMany(String language, Duration wait, Map<String, Object> shop) {
        ResponseEntity<String> page = page(HttpStatus.TOO_MANY_REQUESTS, language, "TOO_MANY", shop);
        return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, AttemptLimiter.retryAfterSeconds(wait)).body(page.getBody());
    }

    private ResponseEntity<String> page(HttpStatus status, String language, String state, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("state", state);
        model.put("reasons", ReturnReasons.BUYER_CHOICES);
        model.put("lang", language);
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer").header("X-Frame-Options", "DENY")
                .body(templates.renderPage("buyer-return", language, model).html());
    }
}
