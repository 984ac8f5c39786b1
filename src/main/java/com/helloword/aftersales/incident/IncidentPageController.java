package com.helloword.aftersales.incident;

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
 * The buyer's choice of a batch incident, the links of the incident mail
 * ({@code /buyer/incidents/{row}/options/{option}?t=..&lang=..}): no login, the signed link is the permission
 * ({@link BuyerLinks#incidentOptionUrl}: bound to the order's row and the option, valid until the choice closes).
 * Opening it changes nothing (mail scanners open links): the page shows the option and a button that posts the
 * same link. An altered or made-up link gets 403, an expired one 410, a link of an order that has its remedy
 * (used before, or another option of it) 409, each as a page in the buyer's language that says why, and nothing
 * changes. Invalid links from one address are limited ({@link IncidentPageSettings}).
 */
@RestController
class IncidentPageController {

    private static final String PAGE = "incident";

    private final IncidentPages pages;
    private final BuyerLinks links;
    private final BuyerPages buyerPages;
    private final AttemptLimiter invalidLinks;

    IncidentPageController(IncidentPages pages, BuyerLinks links, BuyerPages buyerPages,
            IncidentPageSettings settings, Clock clock) {
        this.pages = pages;
        this.links = links;
        this.buyerPages = buyerPages;
        this.invalidLinks = new AttemptLimiter(settings.invalidLinksPerSource(), settings.window(),
                settings.trackedKeys(), clock);
    }

    @GetMapping("/buyer/incidents/{rowId}/options/{optionNo}")
    ResponseEntity<String> show(@PathVariable String rowId, @PathVariable String optionNo,
            @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage,
            HttpServletRequest request) {
        Optional<ResponseEntity<String>> refused = refusal(rowId, optionNo, token, lang, acceptLanguage, request);
        if (refused.isPresent()) {
            return refused.get();
        }
        return answer(pages.show(Long.parseLong(rowId), Integer.parseInt(optionNo)), token, lang, rowId, optionNo);
    }

    @PostMapping("/buyer/incidents/{rowId}/options/{optionNo}")
    ResponseEntity<String> choose(@PathVariable String rowId, @PathVariable String optionNo,
            @RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage,
            HttpServletRequest request) {
        Optional<ResponseEntity<String>> refused = refusal(rowId, optionNo, token, lang, acceptLanguage, request);
        if (refused.isPresent()) {
            return refused.get();
        }
        return answer(pages.choose(Long.parseLong(rowId), Integer.parseInt(optionNo)), token, lang, rowId, optionNo);
    }

    private ResponseEntity<String> answer(IncidentPages.Answer answer, String token, String lang, String rowId,
            String optionNo) {
        HttpStatus status = switch (answer.outcome()) {
            case CONFIRM, CHOSEN -> HttpStatus.OK;
            case ALREADY_CHOSEN, CLOSED -> HttpStatus.CONFLICT;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
        };
        Map<String, Object> model = new HashMap<>(answer.model());
        model.put("state", answer.outcome() == IncidentPages.Outcome.UNKNOWN ? "INVALID" : answer.outcome().name());
        model.put("token", token);
        model.put("action", "/buyer/incidents/" + rowId + "/options/" + optionNo);
        Object ofRow = model.get(IncidentPages.LANGUAGE);
        return render(status, ofRow instanceof String s && !s.isBlank() ? s : lang, model);
    }

    /**
     * Empty for a valid link; else 410 for a link of ours that expired (in the link's or the buyer's language;
     * not counted as an attempt), and for any other 403, or 429 once an address sent too many
     * ({@link BuyerPages#refused}: a made-up link learns nothing).
     */
    private Optional<ResponseEntity<String>> refusal(String rowId, String optionNo, String token, String lang,
            String acceptLanguage, HttpServletRequest request) {
        boolean wellFormed = rowId != null && rowId.matches("\\d{1,18}") && optionNo != null
                && optionNo.matches("[1-9]");
        String subject = wellFormed ? BuyerLinks.incidentOptionSubject(Long.parseLong(rowId),
                Integer.parseInt(optionNo)) : null;
        if (wellFormed && links.verify(subject, BuyerLinks.Action.INCIDENT_OPTION, token)) {
            return Optional.empty();
        }
        java.util.function.Function<String, String> languageOfRow = s -> pages.languageOf(Long.parseLong(rowId));
        if (wellFormed && links.expired(subject, BuyerLinks.Action.INCIDENT_OPTION, token)) {
            return Optional.of(buyerPages.render(PAGE, HttpStatus.GONE, links.refusalLanguage(subject,
                    BuyerLinks.Action.INCIDENT_OPTION, token, lang, acceptLanguage, languageOfRow),
                    Map.of("state", "EXPIRED")));
        }
        return Optional.of(buyerPages.refused(PAGE, subject, BuyerLinks.Action.INCIDENT_OPTION, token, lang,
                acceptLanguage, languageOfRow, invalidLinks, request.getRemoteAddr()));
    }

    private ResponseEntity<String> render(HttpStatus status, String language, Map<String, Object> model) {
        return buyerPages.render(PAGE, status, language, model);
    }
}
