package com.helloword.aftersales.platform.ebay;

import static com.helloword.aftersales.platform.ebay.EbayValues.firstText;
import static com.helloword.aftersales.platform.ebay.EbayValues.instant;
import static com.helloword.aftersales.platform.ebay.EbayValues.money;
import static com.helloword.aftersales.platform.ebay.EbayValues.requireText;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaimBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaimsQuery;
import com.helloword.aftersales.platform.PlatformClaimNotice;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.platform.ebay.EbayApi.Family;
import com.helloword.aftersales.platform.ebay.EbayApi.Session;

/**
 * The claims buyers opened against an eBay store, as {@link PlatformClaimNotice}s: Money Back Guarantee cases
 * from the Post-Order case search ({@code GET /post-order/v2/casemanagement/search}, IAF token) and payment
 * disputes from the Fulfillment API ({@code GET /sell/fulfillment/v1/payment_dispute_summary} on the apiz host,
 * Bearer token, scope {@code sell.payment.dispute}). One page of each search per call.
 * <p>
 * Claim ids are {@code case:<caseId>}, as {@link EbayClaims#getClaim} and {@code respondToClaim} take them, and
 * {@code payment-dispute:<paymentDisputeId>}, which those two do not take (a payment dispute is answered in Seller
 * Hub). Neither search promises an order, so each reads a fixed window of creation (open) dates page by page
 * with an offset; when a window is read through, the next one starts an hour before its end ({@link #OVERLAP}),
 * so a claim eBay lists late is not passed over and the newest claims come again. eBay lets payment disputes be
 * asked for 90 days at a time: a start further back is read in 90-day windows, with {@code more} set. Both
 * searches reach 18 months back at most. The cursor is {@link Cursor}.
 */
final class EbayClaimFeed {

    static final int PAGE = 25;
    /** How far back a window starts again before the end of the window read through. */
    static final Duration OVERLAP = Duration.ofHours(1);
    /** How far back eBay's case and payment dispute searches reach: 18 months, kept a little short. */
    private static final Duration REACH = Duration.ofDays(540);
    /** The widest open-date range getPaymentDisputeSummaries takes. */
    private static final Duration DISPUTE_WINDOW = Duration.ofDays(90);
    /** CaseStatusEnum values of a case that has ended. */
    private static final Set<String> CASE_CLOSED = Set.of("CLOSED", "CS_CLOSED");
    /** ISO 8601 UTC with milliseconds, as both APIs take dates. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final EbayApi api;
    private final Clock clock;

    EbayClaimFeed(EbayApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    PlatformClaimBatch platformClaims(StoreConnection store, PlatformClaimsQuery query) {
        Instant now = clock.instant();
        Cursor cursor = Cursor.of(query.cursor(), query.since() == null ? now.minus(OVERLAP) : query.since());
        return api.call("platformClaims", store, false, session -> {
            List<PlatformClaimNotice> claims = new ArrayList<>();
            Read cases = read(cursor.cases(), now, null, claims, window -> casePage(session, window),
                    "members", "/paginationOutput/totalEntries", member -> caseNotice(store, member));
            Read disputes = read(cursor.disputes(), now, DISPUTE_WINDOW, claims,
                    window -> disputePage(session, window), "paymentDisputeSummaries", "/total",
                    summary -> disputeNotice(store, summary));
            return new PlatformClaimBatch(List.copyOf(claims), new Cursor(cases.next(), disputes.next()).format(),
                    cases.more() || disputes.more());
        });
    }

    /** Where one search stands after a page, and whether there is more to read right away. */
    private record Read(Window next, boolean more) {
    }

    private Read read(Window at, Instant now, Duration widest, List<PlatformClaimNotice> into,
            Function<Window, JsonNode> fetch, String list, String totalPointer,
            Function<JsonNode, PlatformClaimNotice> map) {
        Instant earliest = now.minus(REACH);
        Window window = at;
        if (window.from().isBefore(earliest)) {
            window = new Window(earliest, null, 0);
        }
        if (window.to() == null) {
            Instant to = widest != null && window.from().plus(widest).isBefore(now) ? window.from().plus(widest) : now;
            window = new Window(window.from(), to, 0);
        }
        JsonNode page = fetch.apply(window);
        int read = 0;
        for (JsonNode member : page.path(list)) {
            into.add(map.apply(member));
            read++;
        }
        JsonNode total = page.at(totalPointer);
        boolean full = total.canConvertToInt() ? total.asInt() > window.offset() + read : read >= PAGE;
        if (full && read > 0) {
            return new Read(new Window(window.from(), window.to(), window.offset() + read), true);
        }
        Instant again = window.to().minus(OVERLAP);
        Window next = new Window(again.isAfter(window.from()) ? again : window.from(), null, 0);
        return new Read(next, window.to().isBefore(now.minus(OVERLAP)));
    }

    private static JsonNode casePage(Session session, Window window) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("from", DATE.format(window.from()));
        variables.put("to", DATE.format(window.to()));
        variables.put("limit", PAGE);
        variables.put("offset", window.offset());
        return session.get(Family.POST_ORDER, session.uri("/post-order/v2/casemanagement/search"
                + "?case_creation_date_range_from={from}&case_creation_date_range_to={to}&limit={limit}"
                + "&offset={offset}", variables));
    }

    private static JsonNode disputePage(Session session, Window window) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("from", DATE.format(window.from()));
        variables.put("to", DATE.format(window.to()));
        variables.put("limit", PAGE);
        variables.put("offset", window.offset());
        URI uri = session.apizUri("/sell/fulfillment/v1/payment_dispute_summary"
                + "?open_date_from={from}&open_date_to={to}&limit={limit}&offset={offset}", variables);
        return session.get(Family.REST, uri);
    }

    /**
     * A case of the search. The search names the line by listing and transaction, and the order only where eBay
     * adds {@code orderId}; without it the order is the legacy {@code <itemId>-<transactionId>}, as for returns.
     * The case type (ITEM_NOT_RECEIVED, RETURN) is mapped where the member carries {@code caseType}.
     */
    static PlatformClaimNotice caseNotice(StoreConnection store, JsonNode member) {
        String caseId = requireText(member, "caseId");
        String status = requireText(member, "caseStatusEnum", "status");
        String orderId = firstText(member, "orderId");
        String itemId = firstText(member, "itemId");
        String transactionId = firstText(member, "transactionId");
        if (orderId == null && itemId != null && transactionId != null) {
            orderId = itemId + "-" + transactionId;
        }
        String caseType = firstText(member, "caseType");
        String reason = firstText(member, "escalateReason", "caseType");
        JsonNode amount = member.path("claimAmount");
        return new PlatformClaimNotice("EBAY", store.storeId(), "case:" + caseId, orderId, null,
                claimType(caseType == null ? reason : caseType, false), status, CASE_CLOSED.contains(status),
                instant(member.path("respondByDate")), money(amount), firstText(amount, "currency"), reason);
    }

    /** A payment dispute: a chargeback unless eBay gives a reason arbitration knows apart. */
    static PlatformClaimNotice disputeNotice(StoreConnection store, JsonNode summary) {
        String id = requireText(summary, "paymentDisputeId");
        String status = requireText(summary, "paymentDisputeStatus");
        String reason = firstText(summary, "reason");
        JsonNode amount = summary.path("amount");
        return new PlatformClaimNotice("EBAY", store.storeId(), "payment-dispute:" + id,
                firstText(summary, "orderId"), null, claimType(reason, true), status, "CLOSED".equals(status),
                instant(summary.path("respondByDate")), money(amount), firstText(amount, "currency"), reason);
    }

    /** eBay's case type or dispute reason as a {@link PlatformClaimNotice#CLAIM_TYPES claim type}. */
    static String claimType(String code, boolean paymentDispute) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "ITEM_NOT_RECEIVED", "INR" -> "ITEM_NOT_RECEIVED";
            case "SIGNIFICANTLY_NOT_AS_DESCRIBED", "NOT_AS_DESCRIBED", "SNAD", "ITEM_NOT_AS_DESCRIBED" ->
                    "NOT_AS_DESCRIBED";
            case "UNAUTHORIZED_PAYMENT" -> "UNAUTHORIZED";
            default -> paymentDispute ? "CHARGEBACK" : "OTHER";
        };
    }

    /**
     * A window of one search: its start, its fixed end while it is being read (null: the next call fixes it) and
     * how many of it were read.
     */
    record Window(Instant from, Instant to, int offset) {

        String format() {
            return from + "|" + (to == null ? "" : to.toString()) + "|" + offset;
        }

        static Window parse(String text) {
            String[] parts = text.split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not an eBay claim window: " + text);
            }
            return new Window(Instant.parse(parts[0]), parts[1].isBlank() ? null : Instant.parse(parts[1]),
                    Integer.parseInt(parts[2]));
        }
    }

    /**
     * Where both searches stand, written {@code case=<window>;payment-dispute=<window>}, each window
     * {@code <from>|<to or empty>|<offset>}; the caller keeps it as an opaque string.
     */
    record Cursor(Window cases, Window disputes) {

        static Cursor of(String cursor, Instant since) {
            if (cursor == null || cursor.isBlank()) {
                return new Cursor(new Window(since, null, 0), new Window(since, null, 0));
            }
            try {
                Map<String, Window> parts = new LinkedHashMap<>();
                for (String part : cursor.split(";")) {
                    int equals = part.indexOf('=');
                    parts.put(part.substring(0, Math.max(equals, 0)), Window.parse(part.substring(equals + 1)));
                }
                if (!parts.containsKey("case") || !parts.containsKey("payment-dispute")) {
                    throw new IllegalArgumentException("not an eBay claim cursor: " + cursor);
                }
                return new Cursor(parts.get("case"), parts.get("payment-dispute"));
            } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("not an eBay claim cursor: " + cursor, e);
            }
        }

        String format() {
            return "case=" + cases.format() + ";payment-dispute=" + disputes.format();
        }
    }
}
