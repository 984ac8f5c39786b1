package com.helloword.aftersales.buyer;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links in buyer mail that act without a login: "my problem is solved" and the 1-5 rating. Each
 * carries an HMAC-SHA256 over (case, action, expiry) with the server's secret, so a buyer can act
 * on their own case only and a link cannot be altered or reused for another case. The page a link
 * opens asks for one click (a POST) before anything happens, because mail scanners open links.
 * <p>
 * Links start with {@code aftersales.buyer-links.base-url} ({@code PUBLIC_BASE_URL}); without one (or with
 * an empty one), with {@value #DERIVED_BASE_URL}: the port this server listens on, read when a link is made,
 * so that a changed {@code PORT}, or a free port picked at start, is the port in the mail.
 */
@Component
public class BuyerLinks {

    /** What a link may do. */
    public enum Action {
        CONFIRM, RATE, RETURN_LABEL, RETURN_START, RECALL, RECALL_LABEL,
        /** The buyer chooses one of a batch shipment incident's three remedies for an order. */
        INCIDENT_OPTION,
        /** The buyer confirms or corrects the delivery address of a parcel the carrier could not deliver. */
        ADDRESS_CONFIRM
    }

    static final String DEMO_SECRET = "demo-only-buyer-link-secret-change-me";
    static final String BASE_URL = "aftersales.buyer-links.base-url";
    /** {@code local.server.port} is the port the web server is bound to (known once it runs). */
    static final String DERIVED_BASE_URL = "http://localhost:${local.server.port:${server.port:8080}}";
    private static final int MIN_SECRET_LENGTH = 32;

    private final byte[] secret;
    private final Supplier<String> baseUrl;
    private final Duration validFor;
    private final Clock clock;

    @Autowired
    BuyerLinks(@Value("${aftersales.buyer-links.secret:" + DEMO_SECRET + "}") String secret,
            @Value("${aftersales.buyer-links.valid-for:P60D}") Duration validFor, Clock clock, Environment environment) {
        this(secret, () -> configuredOrDerived(environment), validFor, clock, environment);
    }

    private static String configuredOrDerived(Environment environment) {
        String configured = environment.getProperty(BASE_URL);
        return configured == null || configured.isBlank() ? environment.resolveRequiredPlaceholders(DERIVED_BASE_URL)
                : configured;
    }

    /** With a fixed base URL. */
    BuyerLinks(String secret, String baseUrl, Duration validFor, Clock clock, Environment environment) {
        this(secret, () -> baseUrl, validFor, clock, environment);
    }

    private BuyerLinks(String secret, Supplier<String> baseUrl, Duration validFor, Clock clock,
            Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("prod"))
                && (secret.length() < MIN_SECRET_LENGTH || DEMO_SECRET.equals(secret) || secret.contains("change-me"))) {
            throw new IllegalStateException("The prod profile needs BUYER_LINK_SECRET: at least "
                    + MIN_SECRET_LENGTH + " random characters, not the demo secret");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.baseUrl = baseUrl;
        this.validFor = validFor;
        this.clock = clock;
    }

    /** Where links start: the configured base URL without a trailing slash. */
    String baseUrl() {
        String base = baseUrl.get().strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The page where the buyer says the case is settled. */
    public String confirmUrl(String caseKey) {
        return confirmUrl(caseKey, null);
    }

    /**
     * The same, for a buyer of this language: the link carries it ({@code lang}, not signed), so that a page
     * saying the link is not valid can say it in the language of the mail ({@link #refusalLanguage}).
     */
    public String confirmUrl(String caseKey, String language) {
        return UriComponentsBuilder.fromUriString(baseUrl()).path("/buyer/cases/{case}/confirm")
                .queryParam("t", token(caseKey, Action.CONFIRM)).queryParamIfPresent("lang", hint(language))
                .buildAndExpand(caseKey).toUriString();
    }

    /** The page where the buyer gives the case {@code stars} (pre-selected; they may change it there). */
    public String ratingUrl(String caseKey, int stars) {
        return ratingUrl(caseKey, stars, null);
    }

    /** The same, for a buyer of this language (see {@link #confirmUrl(String, String)}). */
    public String ratingUrl(String caseKey, int stars, String language) {
        return UriComponentsBuilder.fromUriString(baseUrl()).path("/buyer/cases/{case}/rating")
                .queryParam("stars", stars).queryParam("t", token(caseKey, Action.RATE))
                .queryParamIfPresent("lang", hint(language)).buildAndExpand(caseKey).toUriString();
    }

    /** The return label of a return (a PDF to print), for the buyer who got the label mail. */
    public String returnLabelUrl(String returnKey) {
        return returnLabelUrl(returnKey, null);
    }

    /** The same, for a buyer of this language (see {@link #confirmUrl(String, String)}). */
    public String returnLabelUrl(String returnKey, String language) {
        return UriComponentsBuilder.fromUriString(baseUrl()).path("/buyer/returns/{return}/label")
                .queryParam("t", token(returnKey, Action.RETURN_LABEL)).queryParamIfPresent("lang", hint(language))
                .buildAndExpand(returnKey).toUriString();
    }

    /** The return label of a recall notice (a PDF to print), for the buyer who got the recall label mail. */
    public String recallLabelUrl(long noticeId, String language) {
        return UriComponentsBuilder.fromUriString(baseUrl()).path("/buyer/recalls/{notice}/label")
                .queryParam("t", token(recallLabelSubject(noticeId), Action.RECALL_LABEL))
                .queryParamIfPresent("lang", hint(language)).buildAndExpand(noticeId).toUriString();
    }

    /** What a recall label link is signed for: the notice, apart from every other kind of subject. */
    public static String recallLabelSubject(long noticeId) {
        return "recall-notice:" + noticeId;
    }

    /**
     * The language of the page that refuses a link (altered, made up or expired): the one the link carries
     * ({@code lang}: the mail's), else, for a link of this server that has only expired, its subject's
     * ({@code languageOfSubject}, e.g. the case's: asked only then, so that a made-up link cannot find out
     * whether a case exists or what language its buyer reads), else the browser's ({@code Accept-Language}).
     * Null when none is known: the page's default.
     */
    public String refusalLanguage(String subject, Action action, String token, String lang, String acceptLanguage,
            Function<String, String> languageOfSubject) {
        Optional<String> fromLink = hint(lang);
        if (fromLink.isPresent()) {
            return fromLink.get();
        }
        if (authentic(subject, action, token)) {
            Optional<String> ofSubject = hint(languageOfSubject.apply(subject));
            if (ofSubject.isPresent()) {
                return ofSubject.get();
            }
        }
        return hint(acceptLanguage).orElse(null);
    }

    /** A language as links and pages name it: the two letters of {@code de}, {@code pt-BR}, {@code en-US,en;q=0.9}. */
    static Optional<String> hint(String language) {
        if (language == null || language.length() < 2) {
            return Optional.empty();
        }
        String letters = language.substring(0, 2).toLowerCase(Locale.ROOT);
        boolean alone = language.length() == 2 || !Character.isLetter(language.charAt(2));
        return letters.chars().allMatch(ch -> ch >= 'a' && ch <= 'z') && alone ? Optional.of(letters)
                : Optional.empty();
    }

    /**
     * The buyer's personal recall page of one recall notice: the recall's status for them and, until they chose,
     * the remedies they may choose. Signed over {@link #recallPageSubject}; {@code lang} as in
     * {@link #confirmUrl(String, String)}.
     */
    public String recallPageUrl(Long noticeId, String language) {
        return UriComponentsBuilder.fromUriString(baseUrl()).path("/buyer/recalls/{notice}")
                .queryParam("t", token(recallPageSubject(noticeId), Action.RECALL))
                .queryParamIfPresent("lang", hint(language)).buildAndExpand(noticeId).toUriString();
    }

    /** What a recall page link is signed over: the notice, so that it opens that buyer's page only. */
    public static String recallPageSubject(Long noticeId) {
        return "recall-notice:" + noticeId;
    }

    /**
     * The link that starts a self-service return: it proves the buyer reads the order's mailbox, and
     * carries the order (case-file id), the reason and refund or exchange, signed together.
     */
    public String returnStartUrl(long orderId, String reason, String wanted, String language) {
        return UriComponentsBuilder.fromUriString(baseUrl()).path("/buyer/returns/start").queryParam("o", orderId)
                .queryParam("r", reason).queryParam("w", wanted).queryParam("lang", language)
                .queryParam("t", token(returnStartSubject(orderId, reason, wanted), Action.RETURN_START))
                .build().toUriString();
    }

    public static String returnStartSubject(long orderId, String reason, String wanted) {
        return "order:" + orderId + "|" + reason + "|" + wanted;
    }

    /**
     * One remedy of a batch shipment incident for the buyer of one affected order: signed over the incident's order
     * row and the option together ({@link #incidentOptionSubject}), so that it chooses that option for that order
     * only, and valid until {@code expires} (the end of the incident's choice window), not the usual validity.
     */
    public String incidentOptionUrl(long incidentOrderId, int optionNo, Instant expires, String language) {
        String subject = incidentOptionSubject(incidentOrderId, optionNo);
        long until = expires.getEpochSecond();
        return UriComponentsBuilder.fromUriString(baseUrl()).path("/buyer/incidents/{order}/options/{option}")
                .queryParam("t", until + "." + signature(subject, Action.INCIDENT_OPTION, until))
                .queryParamIfPresent("lang", hint(language)).buildAndExpand(incidentOrderId, optionNo).toUriString();
    }

    public static String incidentOptionSubject(long incidentOrderId, int optionNo) {
        return "incident-order:" + incidentOrderId + ":option:" + optionNo;
    }

    /**
     * The page where the buyer confirms or corrects the address of a parcel watch's parcel (the carrier reported an
     * address problem). Signed over {@link #parcelAddressSubject}; {@code lang} as in {@link #confirmUrl(String, String)}.
     */
    public String parcelAddressUrl(long watchId, String language) {
        return UriComponentsBuilder.fromUriString(baseUrl()).path("/buyer/parcels/{watch}/address")
                .queryParam("t", token(parcelAddressSubject(watchId), Action.ADDRESS_CONFIRM))
                .queryParamIfPresent("lang", hint(language)).buildAndExpand(watchId).toUriString();
    }

    /** What an address link is signed over: the parcel watch. */
    public static String parcelAddressSubject(long watchId) {
        return "parcel-watch:" + watchId;
    }

    String token(String caseKey, Action action) {
        long expires = clock.instant().plus(validFor).getEpochSecond();
        return expires + "." + signature(caseKey, action, expires);
    }

    /** Whether the token is this server's for this subject and action, and has expired (not altered, not made up). */
    public boolean expired(String subject, Action action, String token) {
        Long expires = signedExpiry(subject, action, token);
        return expires != null && clock.instant().getEpochSecond() > expires;
    }

    /** Whether the token is this server's, for this case and action, and not expired. */
    public boolean verify(String caseKey, Action action, String token) {
        Long expires = signedExpiry(caseKey, action, token);
        return expires != null && clock.instant().getEpochSecond() <= expires;
    }

    /** Whether the token is this server's, for this subject and action, expired or not. */
    boolean authentic(String subject, Action action, String token) {
        return signedExpiry(subject, action, token) != null;
    }

    /** The expiry the token was signed with for this subject and action; null when it is not this server's. */
    private Long signedExpiry(String subject, Action action, String token) {
        if (subject == null || token == null) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        long expires;
        try {
            expires = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return null;
        }
        byte[] expected = signature(subject, action, expires).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? expires : null;
    }

    private String signature(String caseKey, Action action, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((caseKey + "|" + action + "|" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 24));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
