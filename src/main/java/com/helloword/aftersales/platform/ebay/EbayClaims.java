package com.helloword.aftersales.platform.ebay;

import static com.helloword.aftersales.platform.ebay.EbayAdapter.PLATFORM;
import static com.helloword.aftersales.platform.ebay.EbayApi.PROVIDER;
import static com.helloword.aftersales.platform.ebay.EbayValues.firstText;
import static com.helloword.aftersales.platform.ebay.EbayValues.hasActivity;
import static com.helloword.aftersales.platform.ebay.EbayValues.instant;
import static com.helloword.aftersales.platform.ebay.EbayValues.money;
import static com.helloword.aftersales.platform.ebay.EbayValues.reference;
import static com.helloword.aftersales.platform.ebay.EbayValues.requireText;
import static com.helloword.aftersales.platform.ebay.EbayValues.withReference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.ClaimRef;
import com.helloword.aftersales.platform.MarketplacePort.ClaimResponseCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.platform.ebay.EbayApi.Family;
import com.helloword.aftersales.platform.ebay.EbayApi.Session;

/**

/**
 * eBay's claims through the Post-Order API v2: cases ({@code casemanagement}), item-not-received inquiries and
 * returns, read as {@code PlatformClaim}s and answered (accept, partial-refund offer on a return, tracking on an
 * inquiry).
 */
final class EbayClaims {

    private final EbayApi api;
    private final ProviderClient client;
    private final Clock clock;
    private final RefundJournal journal;
    private final EbayRefunds refunds;

    EbayClaims(EbayApi api, Clock clock, RefundJournal journal, EbayRefunds refunds) {
        this.api = api;
        this.client = api.client();
        this.clock = clock;
        this.journal = journal;
        this.refunds = refunds;
    }

    PlatformClaim getClaim(StoreConnection store, ClaimRef ref) {
        EbayClaimId id = EbayClaimId.parse(ref.claimId(), EbayClaimId.Kind.CASE);
        return api.call("getClaim", store, false, session -> {
            Map<String, String> variables = Map.of("id", id.id());
            return switch (id.kind()) {
                case CASE -> caseClaim(ref.claimId(), session.get(Family.POST_ORDER,
                        session.uri("/post-order/v2/casemanagement/{id}", variables)));
                case INQUIRY -> inquiryClaim(ref.claimId(), session.get(Family.POST_ORDER,
                        session.uri("/post-order/v2/inquiry/{id}", variables)));
                case RETURN -> returnClaim(ref.claimId(), client.require(session.get(Family.POST_ORDER,
                        session.uri("/post-order/v2/return/{id}?fieldgroups=SUMMARY", variables)), "/summary"));
            };
        });
    }

    private PlatformClaim caseClaim(String claimId, JsonNode found) {
        JsonNode amount = found.path("claimAmount");
        Instant respondBy = instant(found.at("/caseDetails/expirationDate"));
        JsonNode days = found.at("/actionDeadlines/daysToExpireWithoutResponse");
        if (respondBy == null && days.canConvertToInt()) {
            respondBy = clock.instant().plus(Duration.ofDays(days.asInt()));
        }
        return new PlatformClaim(claimId, "CASE_" + found.path("caseType").asText("UNKNOWN"),
                requireText(found, "status", "caseStatusEnum"), firstText(found, "escalateReason"),
                money(amount), firstText(amount, "currency"), respondBy, firstText(found, "orderId"));
    }

    private PlatformClaim inquiryClaim(String claimId, JsonNode found) {
        JsonNode amount = found.path("claimAmount");
        Instant respondBy = instant(found.path("sellerMakeItRightByDate"));
        if (respondBy == null) {
            respondBy = instant(found.at("/inquiryDetails/expirationDate"));
        }
        return new PlatformClaim(claimId, "INQUIRY_ITEM_NOT_RECEIVED",
                requireText(found, "status", "inquiryStatusEnum"), firstText(found, "creationReason"),
                money(amount), firstText(amount, "currency"), respondBy, firstText(found, "orderId"));
    }

    private PlatformClaim returnClaim(String claimId, JsonNode summary) {
        JsonNode amount = summary.at("/sellerTotalRefund/estimatedRefundAmount");
        String type = firstText(summary, "currentType");
        return new PlatformClaim(claimId, "RETURN_" + (type == null ? "UNKNOWN" : type),
                requireText(summary, "status", "state"), firstText(summary.path("creationInfo"), "reason"),
                money(amount), firstText(amount, "currency"),
                instant(summary.at("/sellerResponseDue/respondByDate")), firstText(summary, "orderId"));
    }

    void respondToClaim(StoreConnection store, ClaimResponseCommand command) {
        EbayClaimId id = EbayClaimId.parse(command.claimId(), EbayClaimId.Kind.CASE);
        switch (command.action()) {
            case ACCEPT -> accept(store, id, command);
            case OFFER_PARTIAL_REFUND -> {
                if (id.kind() != EbayClaimId.Kind.RETURN) {
                    throw EbayRefunds.partialRefundOnlyOnReturns();
                }
                refunds.offerOnReturn(store, id.id(), command.amount(), command.currency(), command.note(),
                        command.idempotencyKey());
            }
            case PROVIDE_TRACKING -> {
                if (id.kind() != EbayClaimId.Kind.INQUIRY) {
                    throw new PlatformCannotException(PLATFORM, "add tracking to a " + kindName(id), "eBay's API"
                            + " takes the seller's tracking only on an item-not-received inquiry (on cases and"
                            + " returns the shipment info is the buyer's return parcel); add it to the case in"
                            + " Seller Hub");
                }
                provideTracking(store, id.id(), command);
            }
        }
    }

    /** A return is approved; an inquiry or case is refunded in full, as eBay refunds them. */
    private void accept(StoreConnection store, EbayClaimId id, ClaimResponseCommand command) {
        String key = store.storeId() + "|" + command.idempotencyKey();
        String text = withReference(command.note(), reference(command.idempotencyKey()));
        api.call("respondToClaim", store, true, session -> {
            if (id.kind() == EbayClaimId.Kind.RETURN) {
                approveReturn(session, id.id(), text);
            } else {
                refundClaim(session, id, text, key);
            }
            return null;
        });
    }

    private void approveReturn(Session session, String returnId, String text) {
        Map<String, String> ret = Map.of("returnId", returnId);
        JsonNode detail = session.get(Family.POST_ORDER, session.uri("/post-order/v2/return/{returnId}", ret));
        if (hasActivity(detail, "SELLER_APPROVE_REQUEST", null)) {
            return;
        }
        session.postSigned(Family.POST_ORDER, session.uri("/post-order/v2/return/{returnId}/decide", ret),
                Map.of("decision", "APPROVE", "comments", Map.of("content", text)));
    }

    private void refundClaim(Session session, EbayClaimId id, String text, String key) {
        if (journal.find(key) instanceof RefundJournal.Issued) {
            return;
        }
        boolean isCase = id.kind() == EbayClaimId.Kind.CASE;
        String path = isCase ? "/post-order/v2/casemanagement/{id}" : "/post-order/v2/inquiry/{id}";
        Map<String, String> variables = Map.of("id", id.id());
        JsonNode claim = session.get(Family.POST_ORDER, session.uri(path, variables));
        String status = requireText(claim, "status", isCase ? "caseStatusEnum" : "inquiryStatusEnum");
        if ("CLOSED".equals(status) || "CS_CLOSED".equals(status)) {
            return;
        }
        if ("CLOSED_WITH_ESCALATION".equals(status)) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "inquiry " + id.id() + " was escalated to a"
                    + " case; answer the case instead");
        }
        JsonNode answer = session.postSigned(Family.POST_ORDER, session.uri(path + "/issue_refund", variables),
                Map.of("comments", Map.of("content", text)));
        if ("FAILED".equals(answer.at("/refundResult/refundStatus").asText())) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "eBay could not refund " + kindName(id) + " "
                    + id.id() + " (refundStatus FAILED); check the seller's payment option in Seller Hub");
        }
        JsonNode amount = claim.path("claimAmount");
        journal.issued(key, new RefundResult(kindName(id) + ":" + id.id(), money(amount),
                firstText(amount, "currency"), false));
    }

    private void provideTracking(StoreConnection store, String inquiryId, ClaimResponseCommand command) {
        if (command.carrier() == null || command.carrier().isBlank() || command.trackingNumber() == null
                || command.trackingNumber().isBlank()) {
            throw new IllegalArgumentException("tracking for inquiry " + inquiryId + " needs carrier and number");
        }
        api.call("respondToClaim", store, false, session -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("shippingCarrierName", command.carrier());
            body.put("trackingNumber", command.trackingNumber().replaceAll("[\\s-]", ""));
            body.put("shippedWithTracking", true);
            if (command.note() != null && !command.note().isBlank()) {
                body.put("sellerComments", Map.of("content", command.note().strip()));
            }
            session.post(Family.POST_ORDER, session.uri("/post-order/v2/inquiry/{id}/provide_shipment_info",
                    Map.of("id", inquiryId)), body);
            return null;
        });
    }

    private static String kindName(EbayClaimId id) {
        return id.kind().name().toLowerCase(Locale.ROOT);
    }

}
