package com.helloword.aftersales.dispute;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.platform.MarketplacePort.ClaimAction;
import com.helloword.aftersales.platform.MarketplacePort.ClaimResponseCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.paypal.PaypalDisputes;

/**
 * The decision, sent to the platform. A dispute with an open platform claim answers that claim: PayPal through its
 * Disputes API (accept-claim, make-offer of the amount, tracking as proof of fulfilment, an offer of a replacement
 * for a reship), every other platform through the marketplace port's {@code respondToClaim}. A dispute without a
 * claim (it came from a case) refunds through the port, or — contested — sends nothing. What a platform cannot take
 * ({@link PlatformCannotException}) is left for a person, with the platform's advice. Every call carries the key
 * {@code dispute:<key>:outcome}, so a retried step answers once.
 */
@Component
class ClaimResponses {

    private final MarketplacePort marketplace;
    private final PaypalDisputes paypal;
    private final String paypalCredentialsRef;

    ClaimResponses(MarketplacePort marketplace, PaypalDisputes paypal,
            @Value("${aftersales.disputes.paypal-credentials-ref:paypal}") String paypalCredentialsRef) {
        this.marketplace = marketplace;
        this.paypal = paypal;
        this.paypalCredentialsRef = paypalCredentialsRef;
    }

    /** Sends the decision; returns in words what the platform was told. */
    String send(Dispute dispute, SalesOrder order, List<DisputeClaim> claims) {
        String key = "dispute:" + dispute.getKey() + ":outcome";
        DisputeClaim claim = claims.stream().filter(c -> !c.isClosed()).findFirst().orElse(null);
        DisputeOutcome decision = dispute.getDecision();
        BigDecimal amount = dispute.getDecisionAmount();
        String note = note(dispute);
        if (claim == null) {
            return withoutClaim(dispute, order, key, note);
        }
        if ("PAYPAL".equals(claim.getSource())) {
            return switch (decision) {
                case ACCEPT -> paypal.acceptClaim(paypalCredentialsRef, claim.getClaimId(), note, null, key).detail();
                case PARTIAL_REFUND -> paypal.makeOffer(paypalCredentialsRef, claim.getClaimId(), amount,
                        PaypalDisputes.OfferType.REFUND, note, key).detail();
                case CONTEST -> paypal.provideTrackingEvidence(paypalCredentialsRef, claim.getClaimId(),
                        requireCarrier(order), requireTracking(order), note, key).detail();
                case RESHIP -> paypal.makeOffer(paypalCredentialsRef, claim.getClaimId(), null,
                        PaypalDisputes.OfferType.REPLACEMENT_WITHOUT_REFUND, note, key).detail();
            };
        }
        ClaimAction action = switch (decision) {
            case ACCEPT -> ClaimAction.ACCEPT;
            case PARTIAL_REFUND -> ClaimAction.OFFER_PARTIAL_REFUND;
            case CONTEST -> ClaimAction.PROVIDE_TRACKING;
            case RESHIP -> throw new PlatformCannotException(claim.getSource(), "answer a claim with a reship",
                    "ship the order again and answer the claim in the seller portal with the new tracking number");
        };
        marketplace.respondToClaim(new ClaimResponseCommand(dispute.getStoreId(), claim.getClaimId(), action,
                decision == DisputeOutcome.ACCEPT ? null : amount, dispute.getCurrency(), note,
                action == ClaimAction.PROVIDE_TRACKING ? requireCarrier(order) : null,
                action == ClaimAction.PROVIDE_TRACKING ? requireTracking(order) : null, key));
        return claim.getSource() + " claim " + claim.getClaimId() + ": " + action
                + (amount == null || decision == DisputeOutcome.ACCEPT ? "" : " " + amount + " " + dispute.getCurrency());
    }

    private String withoutClaim(Dispute dispute, SalesOrder order, String key, String note) {
        return switch (dispute.getDecision()) {
            case ACCEPT -> {
                MarketplacePort.RefundResult refund = marketplace.refund(new RefundCommand(dispute.getStoreId(),
                        dispute.getPlatformOrderId(), null, dispute.getCurrency(), note, key));
                yield "refunded " + refund.amount() + " " + refund.currency() + " (" + refund.platformRefundId() + ")";
            }
            case PARTIAL_REFUND -> {
                if (dispute.getDecisionAmount().compareTo(order.total()) > 0) {
                    throw new PlatformCannotException(order.getStore().getPlatform().name(), "refund more than the order",
                            "a platform refunds at most what the buyer paid: refund the order and pay the rest ("
                                    + dispute.getDecisionAmount().subtract(order.total()) + " " + dispute.getCurrency()
                                    + ") another way, e.g. a bank transfer or a voucher");
                }
                MarketplacePort.RefundResult refund = marketplace.refund(new RefundCommand(dispute.getStoreId(),
                        dispute.getPlatformOrderId(), dispute.getDecisionAmount(), dispute.getCurrency(), note, key));
                yield "refunded " + refund.amount() + " " + refund.currency() + " (" + refund.platformRefundId() + ")";
            }
            case CONTEST -> "contested; no platform claim to answer, the buyer is told the decision";
            case RESHIP -> throw new PlatformCannotException(order.getStore().getPlatform().name(),
                    "reship an order", "ship the order again from the warehouse and note the tracking number");
        };
    }

    private static String note(Dispute dispute) {
        String comment = dispute.getDecisionComment();
        return comment == null || comment.isBlank() ? "Dispute " + dispute.getKey() + ": " + dispute.getDecision()
                : comment;
    }

    private static String requireCarrier(SalesOrder order) {
        if (order.getCarrier() == null || order.getCarrier().isBlank()) {
            throw new PlatformCannotException(order.getStore().getPlatform().name(), "contest without a carrier",
                    "the order has no carrier on record: send the proof of delivery in the seller portal");
        }
        return order.getCarrier();
    }

    private static String requireTracking(SalesOrder order) {
        if (order.getTrackingNumber() == null || order.getTrackingNumber().isBlank()) {
            throw new PlatformCannotException(order.getStore().getPlatform().name(), "contest without tracking",
                    "the order has no tracking number on record: send the proof of delivery in the seller portal");
        }
        return order.getTrackingNumber();
    }
}
