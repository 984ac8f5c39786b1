package com.helloword.aftersales.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.helloword.aftersales.carrier.TrackingEvent;
import com.helloword.aftersales.carrier.TrackingRecorder;
import com.helloword.aftersales.carrier.dhl.DhlTracking;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.integration.ProviderFailure;

/**
 * The proof of delivery of a not-received case's order, for {@code GET /api/cases/{caseKey}/proof-of-delivery}:
 * who signed, where, when, and the carrier's signature or photo link. When no stored delivery scan has a signer or
 * a link and the parcel is DHL's ({@code aftersales.incidents.delivery.dhl-carriers}), DHL's Shipment Tracking
 * (which reports {@code details.proofOfDelivery}) is asked once and its scans stored like any tracking news; a DHL
 * failure leaves the stored scans and says why.
 */
@Component
class DeliveryProofs {

    static final String SOURCE = "dhl";

    /** One investigation of the case, as the proof page lists them. */
    record InvestigationView(String investigationKey, String status, String carrier, String carrierReference,
            String outcome, String answer, String requestedBy, Instant requestedAt, Instant openedAt,
            Instant answeredAt) {

        static InvestigationView of(CarrierInvestigation i) {
            return new InvestigationView(i.getInvestigationKey(), i.getStatus(), i.getCarrier(),
                    i.getCarrierReference(), i.getOutcome(), i.getAnswer(), i.getRequestedBy(), i.getRequestedAt(),
                    i.getOpenedAt(), i.getAnsweredAt());
        }
    }

    /** The proof of delivery as the agent reads it; {@code carrierLookup} says why DHL could not be asked, if so. */
    record ProofView(String caseKey, String carrier, String trackingNumber, String orderStatus, Instant deliveredAt,
            String place, String signer, String proofUrl, String source, String carrierLookup,
            List<InvestigationView> investigations) {
    }

    private final DeliveryInvestigationService service;
    private final DhlTracking dhl;
    private final TrackingRecorder recorder;
    private final CarrierInvestigationRepository investigations;
    private final DeliveryInvestigationSettings settings;

    DeliveryProofs(DeliveryInvestigationService service, DhlTracking dhl, TrackingRecorder recorder,
            CarrierInvestigationRepository investigations, DeliveryInvestigationSettings settings) {
        this.service = service;
        this.dhl = dhl;
        this.recorder = recorder;
        this.investigations = investigations;
        this.settings = settings;
    }

    /** Empty when the case is not a delivered-but-not-received case. */
    Optional<ProofView> proof(long caseId) {
        Optional<DeliveryInvestigationService.Delivered> found = service.deliveredNotReceived(caseId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeliveryInvestigationService.Delivered d = found.get();
        SalesOrder order = d.order();
        Optional<TrackingEvent> scan = d.deliveryScan();
        String lookup = null;
        boolean proven = scan.isPresent() && (scan.get().getSigner() != null || scan.get().getProofUrl() != null);
        if (!proven && settings.isDhl(order.getCarrier()) && order.getTrackingNumber() != null) {
            try {
                recorder.record(dhl.track(order.getTrackingNumber(), null, null), SOURCE);
                scan = service.deliveryScan(order.getId());
            } catch (ProviderFailure failure) {
                lookup = failure.getMessage();
            }
        }
        Optional<TrackingEvent> delivered = scan;
        return Optional.of(new ProofView(d.c().caseKey(), order.getCarrier(), order.getTrackingNumber(),
                String.valueOf(order.getStatus()),
                delivered.map(TrackingEvent::getOccurredAt).orElse(order.getDeliveredAt()),
                delivered.map(TrackingEvent::getLocation).orElse(null),
                delivered.map(TrackingEvent::getSigner).orElse(null),
                delivered.map(TrackingEvent::getProofUrl).orElse(null),
                delivered.map(TrackingEvent::getSource).orElse(null), lookup,
                investigations.findByCaseIdOrderByIdAsc(caseId).stream().map(InvestigationView::of).toList()));
    }
}
