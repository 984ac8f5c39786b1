package com.helloword.aftersales.buyer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.notification.MailTemplates;
import com.helloword.aftersales.web.AttemptLimiter;

/**
 * How a capability's buyer page answers a signed link: the page in a language ({@code templates/pages/<page>/}),
 * never cached, never framed, with no referrer; and the refusal of a link that is not valid (altered, made up,
 * expired): 403 with state {@code INVALID} in the language {@link BuyerLinks#refusalLanguage} picks, or 429 with
 * state {@code TOO_MANY} once one address sent too many.
 */
@Component
public class BuyerPages {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final MailTemplates templates;
    private final BuyerLinks links;

    BuyerPages(MailTemplates templates, BuyerLinks links) {
        this.templates = templates;
        this.links = links;
    }

    /** The page in this language (its two letters; the default page when none or unknown). */
    public ResponseEntity<String> render(String page, HttpStatus status, String language, Map<String, Object> model) {
        String hint = language == null || language.length() < 2 ? null
                : language.substring(0, 2).toLowerCase(Locale.ROOT);
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer").header("X-Frame-Options", "DENY")
                .body(templates.renderPage(page, hint, model).html());
    }

    /**
     * The refusal of a link that is not valid for {@code subject} (null when the path names none), counted against
     * {@code remoteAddress} in {@code invalidLinks}.
     */
    public ResponseEntity<String> refused(String page, String subject, BuyerLinks.Action action, String token,
            String lang, String acceptLanguage, Function<String, String> languageOfSubject, AttemptLimiter invalidLinks,
            String remoteAddress) {
        String language = links.refusalLanguage(subject, action, token, lang, acceptLanguage, languageOfSubject);
        Optional<Duration> wait = invalidLinks.attempt(remoteAddress);
        if (wait.isPresent()) {
            ResponseEntity<String> tooMany = render(page, HttpStatus.TOO_MANY_REQUESTS, language,
                    Map.of("state", "TOO_MANY"));
            return ResponseEntity.status(tooMany.getStatusCode()).headers(tooMany.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, AttemptLimiter.retryAfterSeconds(wait.get()))
                    .body(tooMany.getBody());
        }
        return render(page, HttpStatus.FORBIDDEN, language, Map.of("state", "INVALID"));
    }
}
