package com.helloword.aftersales.incident;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
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
 * The buyer's address page of an address-problem watch, the link of its mail
 * ({@code /buyer/parcels/{watchId}/address?t=..&lang=..}, {@link BuyerLinks#parcelAddressUrl}): no login, the signed
 * link is the permission. GET shows the question in the buyer's language; POST takes the answer once. A link that
 * is not this server's, altered or expired gets 403, a second answer (a replayed link) 409, an answer without its
 * address 400, each a page in the buyer's language that says why; invalid links from one address are limited
 * (429).
 */
@RestController
class ParcelAddressPageController {

    private static final String PAGE = "parcel-address";

    private final ParcelAddressPages pages;
    private final ParcelWatches watches;
    private final BuyerLinks links;
    private final BuyerPages buyerPages;
    private final AttemptLimiter invalidLinks;

    ParcelAddressPageController(ParcelAddressPages pages, ParcelWatches watches, BuyerLinks links,
            BuyerPages buyerPages, Clock clock,
            @Value("${aftersales.incidents.parcels.address-page.invalid-links-per-source}") int invalidPerSource,
            @Value("${aftersales.incidents.parcels.address-page.window}") Duration window,
            @Value("${aftersales.incidents.parcels.address-page.tracked-keys}") int trackedKeys) {
        this.pages = pages;
        this.watches = watches;
        this.links = links;
        this.buyerPages = buyerPages;
        this.invalidLinks = new AttemptLimiter(invalidPerSource, window, trackedKeys, clock);
    }

    @GetMapping("/buyer/parcels/{watchId}/address")
    ResponseEntity<String> show(@PathVariable String watchId, @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage,
            HttpServletRequest request) {
        Long id = verified(watchId, token);
        if (id == null) {
            return refused(watchId, token, lang, acceptLanguage, request);
        }
        return answered(pages.show(id), token, lang);
    }

    @PostMapping("/buyer/parcels/{watchId}/address")
    ResponseEntity<String> answer(@PathVariable String watchId,
            @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "answer", required = false) String answer,
            @RequestParam(name = "address", required = false) String address,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage,
            HttpServletRequest request) {
        Long id = verified(watchId, token);
        if (id == null) {
            return refused(watchId, token, lang, acceptLanguage, request);
        }
        return answered(pages.answer(id, answer, address), token, lang);
    }

    private ResponseEntity<String> answered(ParcelAddressPages.Answer answer, String token, String lang) {
        HttpStatus status = switch (answer.outcome()) {
            case FORM, ANSWERED_NOW -> HttpStatus.OK;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case ANSWER_MISSING, ADDRESS_MISSING -> HttpStatus.BAD_REQUEST;
            case ALREADY_ANSWERED, CLOSED -> HttpStatus.CONFLICT;
        };
        Map<String, Object> model = new HashMap<>(answer.model());
        model.put("state", answer.outcome().name());
        model.put("token", token);
        model.put("action", "/buyer/parcels/" + answer.model().get("watchId") + "/address");
        Object ofBuyer = model.get("buyerLanguage");
        return buyerPages.render(PAGE, status, ofBuyer instanceof String s && !s.isBlank() ? s : lang, model);
    }

    /** The watch the link is signed for; null when the link is not this server's, altered or expired. */
    private Long verified(String watchId, String token) {
        if (watchId == null || !watchId.matches("\\d{1,18}")) {
            return null;
        }
        long id = Long.parseLong(watchId);
        return links.verify(BuyerLinks.parcelAddressSubject(id), BuyerLinks.Action.ADDRESS_CONFIRM, token) ? id : null;
    }

    /** 403 in the link's language, else (our own link, expired) the buyer's, else the browser's; 429 when too many. */
    private ResponseEntity<String> refused(String watchId, String token, String lang, String acceptLanguage,
            HttpServletRequest request) {
        String subject = watchId != null && watchId.matches("\\d{1,18}")
                ? BuyerLinks.parcelAddressSubject(Long.parseLong(watchId)) : null;
        return buyerPages.refused(PAGE, subject, BuyerLinks.Action.ADDRESS_CONFIRM, token, lang, acceptLanguage,
                s -> watches.languageOf(Long.parseLong(watchId)), invalidLinks, request.getRemoteAddr());
    }
}
