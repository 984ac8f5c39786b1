package com.helloword.aftersales.platform.paypal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.ClaimAction;
import com.helloword.aftersales.platform.MarketplacePort.ClaimResponseCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;

/**
 * PayPal disputes of a seller through the Customer Disputes API v1: {@code GET /v1/customer/disputes}
 * and {@code /v1/customer/disputes/{id}}, and the seller actions {@code accept-claim},
 * {@code make-offer} (JSON) and {@code provide-evidence} ({@code multipart/form-data}, JSON in the
 * part {@code input}). Credentials are named by a reference ({@code paypal} reads
 * {@code aftersales.credentials.paypal.client-id} and {@code client-secret}).
 *
 * <p>Every action first reads the dispute again. When it already shows the action's result (resolved
 * after an accept, the same offer on record, the same tracking number submitted) the action counts as
 * done and is not sent again; otherwise the action's HATEOAS link must be among the dispute's links,
 * which is PayPal's rule for what the seller may do now. Each action also carries a
 * {@code PayPal-Request-Id} derived from the caller's idempotency key, although the Disputes reference
 * does not promise to honour it.
 */
@Component
public class PaypalDisputes {

    /** The {@code offer_type}s of {@code make-offer}. */
    public enum OfferType {
        REFUND, REFUND_WITH_RETURN, REFUND_WITH_REPLACEMENT, REPLACEMENT_WITHOUT_REFUND
    }

    /** What an action did; {@code alreadyDone} when the dispute showed its result before it was sent. */
    public record ActionOutcome(String disputeId, ClaimAction action, boolean alreadyDone, String detail) {
    }

    static final String DISPUTES = "/v1/customer/disputes";
    static final int PAGE_SIZE = 50;
    /** PayPal refuses {@code update_time_after} older than this */
    static final Duration SEARCH_WINDOW = Duration.ofDays(180);
    private static final int MAX_PAGES = 200;
    private static final int MAX_NOTE = 2000;
    private static final Pattern DISPUTE_ID = Pattern.compile("^[A-Za-z0-9-]{1,255}$");
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String NOT_RECEIVED = "MERCHANDISE_OR_SERVICE_NOT_RECEIVED";

    private final PaypalApi api;

    PaypalDisputes(PaypalApi api) {
        this.api = api;
    }

    // --- reading ------------------------------------------------------------------------------

    /** Show dispute details, as a platform claim. */
    public PlatformClaim getDispute(String credentialsRef, String disputeId) {
        String path = disputePath(disputeId);
        return api.withToken("getDispute", credentialsRef, bearer -> read(bearer, path)).claim();
    }

    /**
     * The seller's disputes updated since {@code updatedSince} (all, when null), newest first, every
     * page. PayPal searches at most 180 days back, so an older start is moved to the edge of that window.
     */
    public List<PlatformClaim> listDisputes(String credentialsRef, Instant updatedSince) {
        StringBuilder query = new StringBuilder(DISPUTES).append("?page_size=").append(PAGE_SIZE);
        if (updatedSince != null) {
            Instant earliest = api.clock().instant().minus(SEARCH_WINDOW).plus(Duration.ofMinutes(5));
            Instant since = updatedSince.isBefore(earliest) ? earliest : updatedSince;
            query.append("&update_time_after=").append(URLEncoder.encode(RFC_3339.format(since),
                    StandardCharsets.UTF_8));
        }
        List<PlatformClaim> claims = new ArrayList<>();
        URI page = api.uri(query.toString());
        for (int pages = 0; page != null; pages++) {
            if (pages == MAX_PAGES) {
                throw new ProviderFailure(PaypalApi.PROVIDER, Kind.MALFORMED, 200, "listing disputes did not end after "
                        + MAX_PAGES + " pages of " + PAGE_SIZE);
            }
            URI current = page;
            JsonNode answer = api.withToken("listDisputes", credentialsRef, bearer -> api.get(bearer, current));
            for (JsonNode item : answer.path("items")) {
                claims.add(PaypalDispute.of(item, api.client()).claim());
            }
            page = next(answer, current);
        }
        return claims;
    }

    /** The {@code next} link, on our own base URL: the bearer token goes to no other host than configured. */
    private URI next(JsonNode answer, URI current) {
        for (JsonNode link : answer.path("links")) {
            if ("next".equals(link.path("rel").asText())) {
                URI href = URI.create(link.path("href").asText());
                if (href.getRawPath() == null || !href.getRawPath().startsWith(DISPUTES)) {
                    throw new ProviderFailure(PaypalApi.PROVIDER, Kind.MALFORMED, 200, "next page link outside "
                            + DISPUTES + ": " + href);
                }
                URI next = api.uri(href.getRawPath() + (href.getRawQuery() == null ? "" : "?" + href.getRawQuery()));
                return next.equals(current) ? null : next;
            }
        }
        return null;
    }

    // --- seller actions -----------------------------------------------------------------------

    /**
     * Accepts the claim: PayPal refunds the buyer from the seller's balance and closes the case. With
     * {@code refundAmount} null (or the whole disputed amount) a full {@code REFUND}, otherwise a
     * {@code PARTIAL_REFUND}, which PayPal does not take for a not-received dispute.
     */
    public ActionOutcome acceptClaim(String credentialsRef, String disputeId, String note, BigDecimal refundAmount,
            String idempotencyKey) {
        return acceptClaim(credentialsRef, disputeId, note, refundAmount, null, idempotencyKey);
    }

    private ActionOutcome acceptClaim(String ref, String disputeId, String note, BigDecimal refundAmount,
            String currency, String idempotencyKey) {
        String text = note(note);
        requirePositive(refundAmount);
        return act(ref, disputeId, ClaimAction.ACCEPT, "accept_claim", "accept-claim", idempotencyKey,
                dispute -> dispute.resolved() ? "dispute " + dispute.id() + " is already resolved (outcome "
                        + dispute.outcome() + "); nothing left to accept" : null,
                (bearer, dispute) -> {
                    requireCurrency(dispute, currency);
                    boolean full = refundAmount == null || (dispute.amount() != null
                            && refundAmount.compareTo(dispute.amount()) == 0);
                    String type = full ? "REFUND" : "PARTIAL_REFUND";
                    if (!full && NOT_RECEIVED.equals(dispute.reason())) {
                        throw refused(dispute, "PayPal takes no refund amount when accepting a "
                                + NOT_RECEIVED + " claim; accept it in full or make an offer");
                    }
                    requireOption(dispute, "accept_claim_type", type, dispute.acceptClaimTypes());
                    BigDecimal limit = dispute.allowedRefund() != null ? dispute.allowedRefund() : dispute.amount();
                    if (!full && limit != null && refundAmount.compareTo(limit) > 0) {
                        throw refused(dispute, "cannot refund " + refundAmount + " " + dispute.currency()
                                + "; at most " + limit + " may be refunded");
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("note", text);
                    body.put("accept_claim_type", type);
                    if (!full) {
                        body.put("refund_amount", money(refundAmount, currencyOf(dispute, currency)));
                    }
                    api.postJson(bearer, disputePath(dispute.id()) + "/accept-claim", body,
                            requestId("accept-claim", dispute.id(), idempotencyKey));
                },
                dispute -> "accepted the claim on " + dispute.id() + (refundAmount == null ? " in full"
                        : " refunding " + refundAmount + " " + dispute.currency()));
    }

    /**
     * Makes the buyer an offer; when the buyer accepts, PayPal refunds {@code amount} (null for a
     * replacement without refund) and closes the case.
     */
    public ActionOutcome makeOffer(String credentialsRef, String disputeId, BigDecimal amount, OfferType offerType,
            String note, String idempotencyKey) {
        return makeOffer(credentialsRef, disputeId, amount, null, offerType, note, idempotencyKey);
    }

    private ActionOutcome makeOffer(String ref, String disputeId, BigDecimal amount, String currency,
            OfferType offerType, String note, String idempotencyKey) {
        Objects.requireNonNull(offerType, "offerType");
        String text = note(note);
        requirePositive(amount);
        return act(ref, disputeId, ClaimAction.OFFER_PARTIAL_REFUND, "make_offer", "make-offer", idempotencyKey,
                dispute -> sameOffer(dispute, amount, offerType) ? "dispute " + dispute.id() + " already carries "
                        + "the offer " + offerType + (amount == null ? "" : " of " + amount + " " + dispute.currency())
                        : null,
                (bearer, dispute) -> {
                    requireCurrency(dispute, currency);
                    requireOption(dispute, "offer_type", offerType.name(), dispute.offerTypes());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("note", text);
                    body.put("offer_type", offerType.name());
                    if (amount != null) {
                        body.put("offer_amount", money(amount, currencyOf(dispute, currency)));
                    }
                    api.postJson(bearer, disputePath(dispute.id()) + "/make-offer", body,
                            requestId("make-offer", dispute.id(), idempotencyKey));
                },
                dispute -> "offered " + offerType + (amount == null ? "" : " of " + amount + " "
                        + dispute.currency()) + " on " + dispute.id());
    }

    /**
     * Submits proof of fulfillment: the carrier (PayPal's carrier code, or a name this class knows, or
     * any other name, sent as {@code OTHER}) and the tracking number, with an optional note.
     */
    public ActionOutcome provideTrackingEvidence(String credentialsRef, String disputeId, String carrier,
            String trackingNumber, String note, String idempotencyKey) {
        if (carrier == null || carrier.isBlank() || trackingNumber == null || trackingNumber.isBlank()) {
            throw new IllegalArgumentException("carrier and tracking number are required");
        }
        String number = trackingNumber.strip();
        return act(credentialsRef, disputeId, ClaimAction.PROVIDE_TRACKING, "provide_evidence", "provide-evidence",
                idempotencyKey,
                dispute -> dispute.hasSellerTracking(number) ? "dispute " + dispute.id() + " already has tracking "
                        + number + " from the seller" : null,
                (bearer, dispute) -> {
                    Map<String, Object> tracking = new LinkedHashMap<>(PaypalCarriers.tracking(carrier));
                    tracking.put("tracking_number", number);
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("evidence_type", "PROOF_OF_FULFILLMENT");
                    evidence.put("evidence_info", Map.of("tracking_info", List.of(tracking)));
                    if (note != null && !note.isBlank()) {
                        evidence.put("notes", note(note));
                    }
                    api.postMultipart(bearer, disputePath(dispute.id()) + "/provide-evidence",
                            Map.of("evidences", List.of(evidence)),
                            requestId("provide-evidence", dispute.id(), idempotencyKey));
                },
                dispute -> "sent tracking " + number + " (" + carrier + ") for " + dispute.id());
    }

    /** A process's answer to a PayPal dispute, in the terms of {@link ClaimResponseCommand}. */
    public ActionOutcome respond(String credentialsRef, ClaimResponseCommand command) {
        return switch (command.action()) {
            case ACCEPT -> acceptClaim(credentialsRef, command.claimId(), command.note(), command.amount(),
                    command.currency(), command.idempotencyKey());
            case OFFER_PARTIAL_REFUND -> makeOffer(credentialsRef, command.claimId(), command.amount(),
                    command.currency(), OfferType.REFUND, command.note(), command.idempotencyKey());
            case PROVIDE_TRACKING -> provideTrackingEvidence(credentialsRef, command.claimId(), command.carrier(),
                    command.trackingNumber(), command.note(), command.idempotencyKey());
        };
    }

    /**
     * Re-read, done already?, allowed now?, send. All in one guarded call, so a retry after a timeout
     * reads the dispute again before it sends anything twice.
     */
    private ActionOutcome act(String ref, String disputeId, ClaimAction action, String rel, String operation,
            String idempotencyKey, Function<PaypalDispute, String> alreadyDone,
            BiConsumer<String, PaypalDispute> send, Function<PaypalDispute, String> done) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is required for " + operation);
        }
        String path = disputePath(disputeId);
        return api.withToken(operation, ref, bearer -> {
            PaypalDispute dispute = read(bearer, path);
            String already = alreadyDone.apply(dispute);
            if (already != null) {
                return new ActionOutcome(dispute.id(), action, true, already);
            }
            if (!dispute.allows(rel)) {
                throw refused(dispute, "PayPal does not allow " + rel + " now; allowed now: "
                        + dispute.allowedActions());
            }
            send.accept(bearer, dispute);
            return new ActionOutcome(dispute.id(), action, false, done.apply(dispute));
        });
    }

    private PaypalDispute read(String bearer, String path) {
        return PaypalDispute.of(api.get(bearer, api.uri(path)), api.client());
    }

    private static boolean sameOffer(PaypalDispute dispute, BigDecimal amount, OfferType offerType) {
        if (dispute.offeredType() != null && !offerType.name().equals(dispute.offeredType())) {
            return false;
        }
        if (amount == null) {
            return offerType.name().equals(dispute.offeredType());
        }
        return dispute.offeredAmount() != null && dispute.offeredAmount().compareTo(amount) == 0;
    }

    private static void requireOption(PaypalDispute dispute, String field, String value, List<String> allowed) {
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            throw refused(dispute, field + " " + value + " is not offered; PayPal allows " + allowed);
        }
    }

    private static void requireCurrency(PaypalDispute dispute, String currency) {
        if (currency != null && dispute.currency() != null && !currency.equalsIgnoreCase(dispute.currency())) {
            throw refused(dispute, "the dispute is in " + dispute.currency() + ", not " + currency);
        }
    }

    private static String currencyOf(PaypalDispute dispute, String currency) {
        String known = dispute.currency() != null ? dispute.currency() : currency;
        if (known == null) {
            throw refused(dispute, "the dispute shows no currency; give one with the amount");
        }
        return known;
    }

    private static void requirePositive(BigDecimal amount) {
        if (amount != null && amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
    }

    private static ProviderFailure refused(PaypalDispute dispute, String why) {
        return new ProviderFailure(PaypalApi.PROVIDER, Kind.REJECTED, 0, dispute.where() + ": " + why);
    }

    /** PayPal requires a note of 1 to 2000 characters. */
    private static String note(String note) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("PayPal requires a note");
        }
        String text = note.strip();
        return text.length() <= MAX_NOTE ? text : text.substring(0, MAX_NOTE);
    }

    /** PayPal money: an ISO currency and the value as a string. */
    private static Map<String, String> money(BigDecimal amount, String currency) {
        Map<String, String> money = new LinkedHashMap<>();
        money.put("currency_code", currency);
        money.put("value", amount.toPlainString());
        return money;
    }

    static String disputePath(String disputeId) {
        if (disputeId == null || !DISPUTE_ID.matcher(disputeId).matches()) {
            throw new IllegalArgumentException("not a PayPal dispute id: " + disputeId);
        }
        return DISPUTES + "/" + disputeId;
    }

    /**
     * The {@code PayPal-Request-Id} of one action: stable for the same key, different for another
     * action or dispute, within PayPal's length and character limits whatever the key looks like.
     */
    static String requestId(String operation, String disputeId, String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((operation + "|" + disputeId + "|"
                    + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "hw-" + HexFormat.of().formatHex(hash, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
