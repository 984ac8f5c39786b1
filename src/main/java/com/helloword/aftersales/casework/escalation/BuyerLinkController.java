package com.helloword.aftersales.casework.escalation;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.buyer.erasure.ErasedBuyers;
import com.helloword.aftersales.casework.escalation.CaseResolution.LinkOutcome;
import com.helloword.aftersales.notification.MailTemplates;

/**
 * The pages behind the links in buyer mail: "my problem is solved" and the 1-5 rating. No login;
 * the signed token in the link is the permission (BuyerLinks). GET only shows the page with one
 * button; the POST acts, so a mail scanner that opens links changes nothing. Pages are in the
 * case's language; a bad or expired link gets a 403 page that says so, in the buyer's language where the link
 * tells it.
 */
@RestController
class BuyerLinkController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final BuyerLinks links;
    private final CaseResolution resolution;
    private final MailTemplates templates;
    private final ErasedBuyers erasedBuyers;

    BuyerLinkController(BuyerLinks links, CaseResolution resolution, MailTemplates templates,
            ErasedBuyers erasedBuyers) {
        this.links = links;
        this.erasedBuyers = erasedBuyers;
        this.resolution = resolution;
        this.templates = templates;
    }

    @GetMapping("/buyer/cases/{caseKey}/confirm")
    ResponseEntity<String> askConfirmation(@PathVariable String caseKey, @RequestParam(name = "t", required = false) String token) {
        if (!valid(caseKey, BuyerLinks.Action.CONFIRM, token)) {
            return invalid(HttpStatus.FORBIDDEN, caseKey, BuyerLinks.Action.CONFIRM, token);
        }
        return page(HttpStatus.OK, caseKey, "ASK_CONFIRM", Map.of("action", "/buyer/cases/" + caseKey + "/confirm",
                "token", token));
    }

    @PostMapping("/buyer/cases/{caseKey}/confirm")
    ResponseEntity<String> confirm(@PathVariable String caseKey, @RequestParam(name = "t", required = false) String token) {
        if (!valid(caseKey, BuyerLinks.Action.CONFIRM, token)) {
            return invalid(HttpStatus.FORBIDDEN, caseKey, BuyerLinks.Action.CONFIRM, token);
        }
        LinkOutcome outcome = resolution.buyerConfirmed(caseKey);
        return switch (outcome) {
            case DONE -> page(HttpStatus.OK, caseKey, "CONFIRMED", Map.of());
            case NOTED -> page(HttpStatus.OK, caseKey, "NOTED", Map.of());
            case ALREADY_DONE -> page(HttpStatus.OK, caseKey, "ALREADY_DONE", Map.of());
            case UNKNOWN -> invalid(HttpStatus.NOT_FOUND, caseKey, BuyerLinks.Action.CONFIRM, token);
        };
    }

    @GetMapping("/buyer/cases/{caseKey}/rating")
    ResponseEntity<String> askRating(@PathVariable String caseKey, @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "stars", defaultValue = "5") String stars) {
        if (!valid(caseKey, BuyerLinks.Action.RATE, token)) {
            return invalid(HttpStatus.FORBIDDEN, caseKey, BuyerLinks.Action.RATE, token);
        }
        return page(HttpStatus.OK, caseKey, "ASK_RATING", Map.of("action", "/buyer/cases/" + caseKey + "/rating",
                "token", token, "stars", stars(stars) == 0 ? 5 : stars(stars)));
    }

    @PostMapping("/buyer/cases/{caseKey}/rating")
    ResponseEntity<String> rate(@PathVariable String caseKey, @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "stars", required = false) String stars) {
        if (!valid(caseKey, BuyerLinks.Action.RATE, token)) {
            return invalid(HttpStatus.FORBIDDEN, caseKey, BuyerLinks.Action.RATE, token);
        }
        int given = stars(stars);
        if (given == 0) {
            return page(HttpStatus.BAD_REQUEST, caseKey, "ASK_RATING", Map.of("action",
                    "/buyer/cases/" + caseKey + "/rating", "token", token, "stars", 5));
        }
        return switch (resolution.buyerRated(caseKey, given)) {
            case DONE, NOTED -> page(HttpStatus.OK, caseKey, "RATED", Map.of());
            case ALREADY_DONE -> page(HttpStatus.OK, caseKey, "ALREADY_DONE", Map.of());
            case UNKNOWN -> invalid(HttpStatus.NOT_FOUND, caseKey, BuyerLinks.Action.RATE, token);
        };
    }

    private static int stars(String value) {
        if (value == null || !value.matches("[1-5]")) {
            return 0;
        }
        return Integer.parseInt(value);
    }

    /** Signed for this case and action, not expired, and the buyer's data not erased (which revokes their links). */
    private boolean valid(String caseKey, BuyerLinks.Action action, String token) {
        return links.verify(caseKey, action, token) && !erasedBuyers.ownCase(caseKey);
    }

    /**
     * A link that is not ours or expired: a 403 page in the language the link was sent in, else, for our own
     * expired link, the case's, else the browser's (BuyerLinks#refusalLanguage: a made-up link learns nothing).
     */
    private ResponseEntity<String> invalid(HttpStatus status, String caseKey, BuyerLinks.Action action, String token) {
        String lang = null;
        String acceptLanguage = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            lang = servlet.getRequest().getParameter("lang");
            acceptLanguage = servlet.getRequest().getHeader("Accept-Language");
        }
        String language = links.refusalLanguage(caseKey, action, token, lang, acceptLanguage, resolution::languageOf);
        return page(status, caseKey, "INVALID", Map.of(), language);
    }

    private ResponseEntity<String> page(HttpStatus status, String caseKey, String state, Map<String, Object> extra) {
        return page(status, caseKey, state, extra, resolution.languageOf(caseKey));
    }

    private ResponseEntity<String> page(HttpStatus status, String caseKey, String state, Map<String, Object> extra,
            String language) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("caseKey", caseKey == null ? "" : caseKey);
        model.put("state", state);
        if (!"INVALID".equals(state)) { // a refused link learns nothing, not even whose store a case key is
            String storeName = resolution.storeNameOf(caseKey);
            if (storeName != null) {
                model.put("storeName", storeName);
            }
        }
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer").header("X-Frame-Options", "DENY")
                .body(templates.renderPage("buyer-link", language, model).html());
    }
}
