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

    ReturnSelfServiceController(SalesOrderRepository orders, SelfServiceMatch match, SelfServiceSettings attempts,
            ReturnService returns, BuyerLinks links, MailTemplates templates, OutboxService outbox, Clock clock) {
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
    }

    @GetMapping("/buyer/returns/new")
    ResponseEntity<String> form(@RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "order", required = false) String order) {
        return page(HttpStatus.OK, language(lang), "FORM", Map.of("order", order == null ? "" : order));
    }

    @PostMapping("/buyer/returns/new")
    @Transactional
    public ResponseEntity<String> request(@RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "order", required = false) String orderNumber,
            @RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "wanted", required = false) String wanted, HttpServletRequest request) {
        String language = language(lang);
        Optional<Duration> wait = perSource.attempt(request.getRemoteAddr());
        if (wait.isPresent()) {
            return tooMany(language, wait.get());
        }
        boolean complete = orderNumber != null && !orderNumber.isBlank() && orderNumber.length() <= 100
                && email != null && email.contains("@") && email.length() <= 320
                && reason != null && ReturnReasons.BUYER_CHOICES.contains(reason)
                && ("REFUND".equals(wanted) || "EXCHANGE".equals(wanted));
        if (!complete) {
            return page(HttpStatus.BAD_REQUEST, language, "FORM", Map.of("order", orderNumber == null ? ""
                    : orderNumber, "incomplete", true));
        }
        wait = perOrder.attempt(orderNumber.strip().toLowerCase(Locale.ROOT));
        if (wait.isPresent()) {
            return tooMany(language, wait.get());
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
        return page(HttpStatus.OK, language, "CHECK_MAIL", Map.of());
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
        Map<String, Object> model = new HashMap<>();
        model.put("orderId", order.getPlatformOrderId());
        model.put("skus", order.getLines().stream().map(OrderLine::getSku).toList());
        model.put("titles", titles(order));
        model.put("o", orderId);
        model.put("r", reason);
        model.put("w", wanted);
        model.put("t", token);
        return page(HttpStatus.OK, language, "CONFIRM", model);
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
            Map<String, Object> model = new HashMap<>();
            model.put("orderId", order.getPlatformOrderId());
            model.put("skus", order.getLines().stream().map(OrderLine::getSku).toList());
            model.put("titles", titles(order));
            model.put("o", orderId);
            model.put("r", reason);
            model.put("w", wanted);
            model.put("t", token);
            return page(HttpStatus.BAD_REQUEST, language, "CONFIRM", model);
        }
        return page(HttpStatus.OK, language, "STARTED", Map.of("returnKey", created.getReturnKey(),
                "orderId", order.getPlatformOrderId()));
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
    private ResponseEntity<String> tooMany(String language, Duration wait) {
        ResponseEntity<String> page = page(HttpStatus.TOO_MANY_REQUESTS, language, "TOO_MANY", Map.of());
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
