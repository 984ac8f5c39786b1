package com.helloword.aftersales.recall;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.buyer.BuyerPages;
import com.helloword.aftersales.web.AttemptLimiter;

/**
 * The buyer's personal recall page, the link of the notice mail ({@code /buyer/recalls/{noticeId}?t=..&lang=..}):
 * no login, the signed link is the permission ({@link BuyerLinks#recallPageUrl}). Opening it marks the buyer
 * reached (the first time; a mail scanner that opens links counts too, see docs/recall.md) and shows the recall's
 * status for them; until they chose, a form with their market plan's remedies posts to
 * {@code /buyer/recalls/{noticeId}/remedy} (same-origin, as every buyer form: {@code CrossSiteRefusal}).
 * A link that is not valid gets a 403 page in the link's language; a remedy not offered 400, a second choice
 * 409, each a page that says why. Invalid links from one address are limited ({@link RecallPageSettings}).
 */
@RestController
class RecallPageController {

    private static final String PAGE = "recall";

    private final RecallPages pages;
    private final BuyerLinks links;
    private final BuyerPages buyerPages;
    private final AttemptLimiter invalidLinks;

    RecallPageController(RecallPages pages, BuyerLinks links, BuyerPages buyerPages, RecallPageSettings settings,
            Clock clock) {
        this.pages = pages;
        this.links = links;
        this.buyerPages = buyerPages;
        this.invalidLinks = new AttemptLimiter(settings.invalidLinksPerSource(), settings.window(),
                settings.trackedKeys(), clock);
    }

    @GetMapping("/buyer/recalls/{noticeId}")
    ResponseEntity<String> show(@PathVariable String noticeId, @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage,
            HttpServletRequest request) {
        Long id = verified(noticeId, token);
        if (id == null) {
            return refused(noticeId, token, lang, acceptLanguage, request);
        }
        Optional<Map<String, Object>> status = pages.open(id);
        if (status.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, lang, Map.of("state", "INVALID"));
        }
        return page(HttpStatus.OK, lang, withForm(status.get(), token));
    }

    @PostMapping("/buyer/recalls/{noticeId}/remedy")
    ResponseEntity<String> choose(@PathVariable String noticeId,
            @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "remedy", required = false) String remedy,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage,
            HttpServletRequest request) {
        Long id = verified(noticeId, token);
        if (id == null) {
            return refused(noticeId, token, lang, acceptLanguage, request);
        }
        RecallPages.Answer answer = pages.choose(id, remedy);
        HttpStatus status = switch (answer.outcome()) {
            case CHOSEN -> HttpStatus.OK;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case REMEDY_MISSING, REMEDY_NOT_OFFERED -> HttpStatus.BAD_REQUEST;
            case ALREADY_CHOSEN, RECALL_CLOSED -> HttpStatus.CONFLICT;
        };
        if (answer.outcome() == RecallPages.Outcome.UNKNOWN) {
            return page(status, lang, Map.of("state", "INVALID"));
        }
        return page(status, lang, withForm(answer.model(), token));
    }

    /** The notice the link is signed for; null when the link is not this server's, altered or expired. */
    private Long verified(String noticeId, String token) {
        if (noticeId == null || !noticeId.matches("\\d{1,18}")) {
            return null;
        }
        Long id = Long.valueOf(noticeId);
        return links.verify(BuyerLinks.recallPageSubject(id), BuyerLinks.Action.RECALL, token) ? id : null;
    }

    /**
     * 403 in the language the link was sent in, else (our own link, expired) the notice's, else the browser's
     * ({@link BuyerLinks#refusalLanguage}: a made-up link learns nothing); 429 once an address sent too many.
     */
    private ResponseEntity<String> refused(String noticeId, String token, String lang, String acceptLanguage,
            HttpServletRequest request) {
        boolean numeric = noticeId != null && noticeId.matches("\\d{1,18}");
        String subject = numeric ? BuyerLinks.recallPageSubject(Long.valueOf(noticeId)) : null;
        return buyerPages.refused(PAGE, subject, BuyerLinks.Action.RECALL, token, lang, acceptLanguage,
                s -> pages.languageOf(Long.parseLong(noticeId)), invalidLinks, request.getRemoteAddr());
    }

    private static Map<String, Object> withForm(Map<String, Object> status, String token) {
        Map<String, Object> model = new HashMap<>(status);
        model.put("state", "STATUS");
        model.put("token", token);
        model.put("action", "/buyer/recalls/" + status.get("noticeId") + "/remedy");
        return model;
    }

    /** A page for a valid link: in the buyer's language (the notice's), else the link's. */
    private ResponseEntity<String> page(HttpStatus status, String lang, Map<String, Object> model) {
        Object ofNotice = model.get(RecallPages.LANGUAGE);
        String language = ofNotice instanceof String s && !s.isBlank() ? s : lang;
        return render(status, language, model);
    }

    private ResponseEntity<String> render(HttpStatus status, String language, Map<String, Object> model) {
        return buyerPages.render(PAGE, status, language, model);
    }
}
