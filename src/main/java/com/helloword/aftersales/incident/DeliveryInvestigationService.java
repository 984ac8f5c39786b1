package com.helloword.aftersales.incident;

import static com.helloword.aftersales.workflow.TaskMarkdown.escape;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.carrier.TrackingEvent;
import com.helloword.aftersales.carrier.TrackingEventRepository;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.api.CaseRecords;
import com.helloword.aftersales.casework.api.CaseRecords.CaseSummary;
import com.helloword.aftersales.incident.api.DeliveryInvestigations;

/**
 * Delivered but not received, for case work ({@link DeliveryInvestigations}): the proof-of-delivery note on the
 * agent's form and the carrier investigation the agent (or {@code POST /api/cases/{key}/carrier-investigation})
 * opens, recorded in {@code carrier_investigations} and carried out by {@code carrierInvestigationProcess}.
 */
@Service
class DeliveryInvestigationService implements DeliveryInvestigations {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private final CaseRecords caseRecords;
    private final SalesOrderRepository orders;
    private final TrackingEventRepository scans;
    private final CarrierInvestigationRepository investigations;
    private final RuntimeService runtime;
    private final DeliveryInvestigationSettings settings;
    private final Clock clock;

    DeliveryInvestigationService(CaseRecords caseRecords, SalesOrderRepository orders, TrackingEventRepository scans,
            CarrierInvestigationRepository investigations, RuntimeService runtime,
            DeliveryInvestigationSettings settings, Clock clock) {
        this.caseRecords = caseRecords;
        this.orders = orders;
        this.scans = scans;
        this.investigations = investigations;
        this.runtime = runtime;
        this.settings = settings;
        this.clock = clock;
    }

    /** The case and its delivered order, when the case's category says not received. */
    record Delivered(CaseSummary c, SalesOrder order, Optional<TrackingEvent> deliveryScan) {
    }

    @Transactional(readOnly = true)
    Optional<Delivered> deliveredNotReceived(long caseId) {
        Optional<CaseSummary> found = caseRecords.caseOf(caseId);
        if (found.isEmpty() || !settings.notReceived(found.get().category()) || found.get().orderId() == null) {
            return Optional.empty();
        }
        Optional<SalesOrder> order = orders.findById(found.get().orderId());
        if (order.isEmpty() || !(order.get().getStatus() == OrderStatus.DELIVERED
                || order.get().getDeliveredAt() != null)) {
            return Optional.empty();
        }
        return Optional.of(new Delivered(found.get(), order.get(), deliveryScan(order.get().getId())));
    }

    /** The latest delivery scan of the order, preferring one with a signer or a proof link. */
    Optional<TrackingEvent> deliveryScan(long orderId) {
        List<TrackingEvent> delivered = scans.findByOrderIdOrderByOccurredAtAsc(orderId).stream()
                .filter(e -> e.getStatus() == TrackingStatus.DELIVERED).toList();
        return delivered.stream().filter(e -> e.getSigner() != null || e.getProofUrl() != null)
                .max(Comparator.comparing(TrackingEvent::getOccurredAt))
                .or(() -> delivered.stream().max(Comparator.comparing(TrackingEvent::getOccurredAt)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> proofOfDeliveryNote(long caseId) {
        return deliveredNotReceived(caseId).map(d -> {
            SalesOrder o = d.order();
            StringBuilder md = new StringBuilder("### Delivered, says the carrier\n\n");
            Instant at = d.deliveryScan().map(TrackingEvent::getOccurredAt).orElse(o.getDeliveredAt());
            md.append(escape(String.valueOf(o.getCarrier()))).append(" reports parcel ")
                    .append(escape(String.valueOf(o.getTrackingNumber()))).append(" delivered");
            if (at != null) {
                md.append(" on ").append(WHEN.format(at.atOffset(ZoneOffset.UTC)));
            }
            // the place (the buyer's town) and the signer stay on the proof page: task variables live on in history
            md.append(". ");
            boolean signer = d.deliveryScan().map(TrackingEvent::getSigner).isPresent();
            boolean proof = d.deliveryScan().map(TrackingEvent::getProofUrl).isPresent();
            md.append(signer ? "A signer and the place are on record" : "No signer on record yet")
                    .append(proof ? " and the carrier gives a signature or photo link" : "").append(". ");
            md.append("[Proof of delivery (signer, place, time, photo)](/api/cases/").append(d.c().caseKey())
                    .append("/proof-of-delivery)\n\n");
            List<CarrierInvestigation> earlier = investigations.findByCaseIdOrderByIdAsc(caseId);
            if (earlier.isEmpty()) {
                md.append(settings.isDhl(o.getCarrier()) && o.getTrackingNumber() != null
                        ? "No carrier investigation yet: tick the box below to open one."
                        : "The carrier takes no investigation from here; ask logistics.");
            } else {
                CarrierInvestigation last = earlier.get(earlier.size() - 1);
                md.append("Carrier investigation ").append(last.getInvestigationKey()).append(": ")
                        .append(last.getStatus());
                if (last.getOutcome() != null) {
                    md.append(" (").append(escape(last.getOutcome())).append(')');
                }
            }
            return md.append("\n").toString();
        });
    }

    @Transactional(readOnly = true)
    boolean hasOpenInvestigation(long caseId) {
        return investigations.findByOpenCaseId(caseId).isPresent();
    }

    @Override
    @Transactional
    public String requestInvestigation(long caseId, String requestedBy) {
        Optional<CarrierInvestigation> open = investigations.findByOpenCaseId(caseId);
        if (open.isPresent()) {
            return open.get().getInvestigationKey();
        }
        CaseSummary c = caseRecords.caseOf(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
        SalesOrder order = c.orderId() == null ? null : orders.findById(c.orderId()).orElse(null);
        if (order == null || order.getTrackingNumber() == null || order.getTrackingNumber().isBlank()) {
            throw new IllegalStateException("Case " + c.caseKey() + " has no shipped order with a tracking number");
        }
        if (!settings.isDhl(order.getCarrier())) {
            throw new IllegalStateException("Carrier " + order.getCarrier() + " of case " + c.caseKey()
                    + " takes no investigation from here (aftersales.incidents.delivery.dhl-carriers)");
        }
        String key = c.caseKey() + "-INV" + (investigations.findByCaseIdOrderByIdAsc(caseId).size() + 1);
        CarrierInvestigation investigation = investigations.saveAndFlush(new CarrierInvestigation(key, caseId,
                c.caseKey(), order.getId(), order.getCarrier(), order.getTrackingNumber().strip(), requestedBy,
                clock.instant()));
        Map<String, Object> variables = new HashMap<>();
        variables.put(CarrierInvestigationSteps.VAR_INVESTIGATION_ID, investigation.getId());
        variables.put(CarrierInvestigationSteps.VAR_CASE_ID, caseId);
        variables.put(CarrierInvestigationSteps.VAR_POLL_EVERY, settings.pollEvery().toString());
        runtime.startProcessInstanceByKey(CarrierInvestigationSteps.PROCESS_KEY, key, variables);
        return key;
    }
}
