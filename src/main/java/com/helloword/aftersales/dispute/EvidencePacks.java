package com.helloword.aftersales.dispute;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.carrier.TrackingEvent;
import com.helloword.aftersales.carrier.TrackingEventRepository;
import com.helloword.aftersales.casefile.OrderLine;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.api.CaseRecords;
import com.helloword.aftersales.notification.MailTemplates;
import com.helloword.aftersales.notification.PdfPages;
import com.helloword.aftersales.returns.api.CaseReturns;
import com.helloword.aftersales.workflow.TaskMarkdown;

/**
 * A dispute's evidence pack, gathered from the case file when it is asked for: the order and its lines, the
 * shipment with every tracking event (the delivery scan and who signed is the proof of delivery), the platform's
 * claims, every message and remedy of the cases about the order, and the buyer's record over the configured window
 * ({@code aftersales.returns.buyer-history}, twelve months): orders in every store, returns and their reasons,
 * disputes. Served as HTML and PDF ({@code templates/pages/dispute-evidence}), and summed up in the specialist's
 * form. Read-write transactions although nothing of the case file is written: the buyer's return record asks a
 * decision table, and the engine writes its history (MariaDB refuses that on a read-only connection).
 */
@Component
class EvidencePacks {

    static final String TEMPLATE = "dispute-evidence";

    private final DisputeRepository disputes;
    private final DisputeClaimRepository claims;
    private final DisputeFreezeRepository freezes;
    private final DisputeEventRepository events;
    private final SalesOrderRepository orders;
    private final TrackingEventRepository tracking;
    private final CaseRecords cases;
    private final CaseReturns returns;
    private final MailTemplates templates;
    private final Duration buyerHistory;
    private final Clock clock;

    EvidencePacks(DisputeRepository disputes, DisputeClaimRepository claims, DisputeFreezeRepository freezes,
            DisputeEventRepository events, SalesOrderRepository orders, TrackingEventRepository tracking,
            CaseRecords cases, CaseReturns returns, MailTemplates templates,
            @Value("${aftersales.returns.buyer-history}") Duration buyerHistory, Clock clock) {
        this.disputes = disputes;
        this.claims = claims;
        this.freezes = freezes;
        this.events = events;
        this.orders = orders;
        this.tracking = tracking;
        this.cases = cases;
        this.returns = returns;
        this.templates = templates;
        this.buyerHistory = buyerHistory;
        this.clock = clock;
    }

    /** The pack's facts, as the page and the form show them. */
    record Pack(Dispute dispute, SalesOrder order, List<TrackingEvent> tracking, List<DisputeClaim> claims,
            List<DisputeFreeze> freezes, List<CaseRecords.CaseSummary> cases,
            Map<String, List<CaseRecords.CaseMessageLine>> messages, List<CaseRecords.CaseRemedyLine> remedies,
            List<SalesOrder> buyerOrders, List<CaseReturns.BuyerReturnLine> buyerReturns,
            CaseReturns.BuyerReturnRecord returnRecord, List<Dispute> buyerDisputes, List<DisputeEvent> timeline,
            Instant since) {
    }

    @Transactional
    Pack gather(Dispute dispute) {
        SalesOrder order = orders.findWithLines(dispute.getStoreId(), dispute.getPlatformOrderId()).orElseThrow();
        Instant now = clock.instant();
        Instant since = now.minus(buyerHistory);
        List<CaseRecords.CaseSummary> orderCases = cases.casesOfOrder(order.getId());
        Map<String, List<CaseRecords.CaseMessageLine>> messages = new LinkedHashMap<>();
        List<CaseRecords.CaseRemedyLine> remedies = new ArrayList<>();
        for (CaseRecords.CaseSummary c : orderCases) {
            messages.put(c.caseKey(), cases.messages(c.caseId()));
        }
        for (CaseRecords.CaseSummary c : cases.casesOfBuyer(dispute.getBuyerId(), since)) {
            remedies.addAll(cases.remedies(c.caseId()));
        }
        return new Pack(dispute, order, tracking.findByOrderIdOrderByOccurredAtAsc(order.getId()),
                claims.findByDisputeIdOrderByIdAsc(dispute.getId()), freezes.findByDisputeIdOrderByIdAsc(dispute.getId()),
                orderCases, messages, remedies, orders.findOfBuyerSince(dispute.getBuyerId(), since),
                returns.returnsOfBuyer(dispute.getBuyerId(), since), returns.buyerRecord(dispute.getBuyerId(), now),
                disputes.findByBuyerIdAndOpenedAtAfterOrderByOpenedAtDesc(dispute.getBuyerId(), since),
                events.findByDisputeIdOrderByAtAscIdAsc(dispute.getId()), since);
    }

    /** The pack as an XHTML page (what the PDF is made of). */
    @Transactional
    String html(Dispute dispute) {
        return templates.renderPage(TEMPLATE, "en", model(gather(dispute))).html();
    }

    @Transactional
    void pdf(Dispute dispute, OutputStream out) {
        PdfPages.write(html(dispute), out, "the evidence pack of " + dispute.getKey());
    }

    /** The specialist's summary in the form: counts and the proof of delivery; the link opens the whole pack. */
    @Transactional
    String markdown(Dispute dispute) {
        Pack pack = gather(dispute);
        SalesOrder order = pack.order();
        StringBuilder md = new StringBuilder();
        md.append("**Dispute ").append(dispute.getKey()).append("**: ").append(dispute.getClaimType()).append(" (")
                .append(TaskMarkdown.escape(dispute.getSource())).append(") about order ")
                .append(TaskMarkdown.escape(order.getPlatformOrderId())).append(" of ")
                .append(TaskMarkdown.escape(order.getStore().getName())).append(", ").append(order.total())
                .append(' ').append(order.getCurrency()).append("\n\n");
        if (dispute.getReason() != null && !dispute.getReason().isBlank()) {
            md.append("Reason: ").append(TaskMarkdown.escape(dispute.getReason())).append("\n\n");
        }
        md.append("* Respond by: **").append(dispute.getRespondBy() == null ? "not set yet" : dispute.getRespondBy())
                .append("**").append(dispute.getRespondBySource() == null ? "" : " (" + dispute.getRespondBySource()
                        .toLowerCase(java.util.Locale.ROOT) + ")")
                .append(dispute.getDeadlineMissedAt() == null ? "" : " — missed").append("\n");
        md.append("* Shipment: ").append(order.getCarrier() == null ? "no carrier" : TaskMarkdown.escape(
                order.getCarrier())).append(' ').append(order.getTrackingNumber() == null ? "no tracking number"
                        : TaskMarkdown.escape(order.getTrackingNumber())).append(", ")
                .append(order.getDeliveredAt() == null ? "not delivered" : "delivered " + order.getDeliveredAt())
                .append(proofOfDelivery(pack.tracking())).append("\n");
        md.append("* Claims: ").append(pack.claims().isEmpty() ? "none (from a case)" : String.join("; ", pack.claims()
                .stream().map(c -> TaskMarkdown.escape(c.getSource() + " " + c.getClaimId() + " " + c.getStatus()
                        + (c.getAmount() == null ? "" : " " + c.getAmount() + " " + c.getCurrency())))
                .toList())).append("\n");
        md.append("* Frozen orders: ").append(pack.freezes().stream().filter(DisputeFreeze::isHeld).count())
                .append("\n");
        md.append("* Case messages: ").append(pack.messages().values().stream().mapToInt(List::size).sum())
                .append(" in ").append(pack.cases().size()).append(" case(s); earlier remedies: ")
                .append(pack.remedies().size()).append("\n");
        md.append("* Buyer since ").append(pack.since().toString(), 0, 10).append(": ")
                .append(pack.buyerOrders().size()).append(" order(s), ").append(pack.buyerReturns().size())
                .append(" return(s)").append(pack.returnRecord().serialReturner() ? " (serial returner)" : "")
                .append(", ").append(pack.buyerDisputes().size()).append(" dispute(s)\n\n");
        md.append("Evidence pack: ").append(dispute.getKey()).append("/evidence.html (HTML) and evidence.pdf under"
                + " /api/disputes/, with your login");
        return md.toString();
    }

    private static String proofOfDelivery(List<TrackingEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            TrackingEvent event = events.get(i);
            if ("DELIVERED".equals(String.valueOf(event.getStatus()))) {
                return "; delivery scan " + event.getOccurredAt() + (event.getSigner() == null ? ""
                        : ", signed by " + TaskMarkdown.escape(event.getSigner()));
            }
        }
        return events.isEmpty() ? "; no tracking events" : "; " + events.size() + " tracking event(s), no delivery scan";
    }

    private static Map<String, Object> model(Pack pack) {
        Dispute d = pack.dispute();
        SalesOrder order = pack.order();
        Map<String, Object> dispute = new LinkedHashMap<>();
        dispute.put("key", d.getKey());
        dispute.put("state", d.getState().name());
        dispute.put("claimType", d.getClaimType());
        dispute.put("source", d.getSource());
        dispute.put("reason", text(d.getReason()));
        dispute.put("region", text(d.getRegion()));
        dispute.put("respondBy", text(d.getRespondBy()));
        dispute.put("respondBySource", text(d.getRespondBySource()));
        dispute.put("deadlineMissed", text(d.getDeadlineMissedAt()));
        dispute.put("decision", d.getDecision() == null ? "" : d.getDecision().name()
                + (d.getPercentOfOrder() == null ? "" : " " + d.getPercentOfOrder() + " %")
                + (d.getDecisionAmount() == null ? "" : " = " + d.getDecisionAmount() + " " + d.getCurrency()));
        dispute.put("outcome", text(d.getOutcome()));
        dispute.put("openedAt", text(d.getOpenedAt()));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("storeId", order.getStore().getId());
        o.put("storeName", order.getStore().getName());
        o.put("platformOrderId", order.getPlatformOrderId());
        o.put("status", order.getStatus().name());
        o.put("orderedAt", text(order.getOrderedAt()));
        o.put("shippedAt", text(order.getShippedAt()));
        o.put("deliveredAt", text(order.getDeliveredAt()));
        o.put("carrier", text(order.getCarrier()));
        o.put("trackingNumber", text(order.getTrackingNumber()));
        o.put("destinationCountry", text(order.getDestinationCountry()));
        o.put("total", order.total().toPlainString() + " " + order.getCurrency());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (OrderLine line : order.getLines()) {
            lines.add(Map.of("sku", line.getSku(), "title", text(line.getTitle()), "batch", text(line.getBatchLot()),
                    "quantity", String.valueOf(line.getQuantity()), "unitPrice", line.getUnitPrice().toPlainString()));
        }
        o.put("lines", lines);
        List<Map<String, Object>> scans = pack.tracking().stream().map(t -> Map.<String, Object>of("at",
                text(t.getOccurredAt()), "status", String.valueOf(t.getStatus()), "description",
                text(t.getDescription()), "location", text(t.getLocation()), "signer", text(t.getSigner()))).toList();
        List<Map<String, Object>> claimRows = pack.claims().stream().map(c -> Map.<String, Object>of("source",
                c.getSource(), "claimId", c.getClaimId(), "type", text(c.getClaimType()), "status", text(c.getStatus()),
                "amount", c.getAmount() == null ? "" : c.getAmount().toPlainString() + " " + text(c.getCurrency()),
                "respondBy", text(c.getRespondBy()), "reason", text(c.getPlatformReason()))).toList();
        List<Map<String, Object>> freezeRows = pack.freezes().stream().map(f -> Map.<String, Object>of("storeId",
                f.getStoreId(), "platformOrderId", f.getPlatformOrderId(), "method", f.getMethod(), "state",
                f.getState(), "detail", text(f.getDetail()))).toList();
        List<Map<String, Object>> caseRows = new ArrayList<>();
        for (CaseRecords.CaseSummary c : pack.cases()) {
            List<Map<String, Object>> messages = pack.messages().getOrDefault(c.caseKey(), List.of()).stream()
                    .map(m -> Map.<String, Object>of("direction", m.direction(), "channel", text(m.channel()), "at",
                            text(m.at()), "subject", text(m.subject()), "body", text(m.body()))).toList();
            caseRows.add(Map.of("key", c.caseKey(), "category", text(c.category()), "status", text(c.status()),
                    "openedAt", text(c.openedAt()), "messages", messages));
        }
        List<Map<String, Object>> remedyRows = pack.remedies().stream().map(r -> Map.<String, Object>of("caseKey",
                r.caseKey(), "remedy", r.remedy(), "percent", r.percent() == null ? "" : r.percent() + " %", "amount",
                r.amount() == null ? "" : r.amount().toPlainString() + " " + text(r.currency()), "status", r.status(),
                "chosenAt", text(r.chosenAt()))).toList();
        List<Map<String, Object>> orderRows = pack.buyerOrders().stream().map(b -> Map.<String, Object>of("storeId",
                b.getStore().getId(), "platformOrderId", b.getPlatformOrderId(), "status", b.getStatus().name(),
                "orderedAt", text(b.getOrderedAt()), "frozen", b.isFrozen() ? "frozen" : "")).toList();
        List<Map<String, Object>> returnRows = pack.buyerReturns().stream().map(r -> Map.<String, Object>of("key",
                r.returnKey(), "order", r.storeId() + " " + r.platformOrderId(), "sku", text(r.sku()), "reason",
                text(r.reason()), "status", r.status(), "outcome", text(r.outcome()), "requestedAt",
                text(r.requestedAt()))).toList();
        List<Map<String, Object>> disputeRows = pack.buyerDisputes().stream().map(x -> Map.<String, Object>of("key",
                x.getKey(), "order", x.getStoreId() + " " + x.getPlatformOrderId(), "claimType", x.getClaimType(),
                "state", x.getState().name(), "decision", x.getDecision() == null ? "" : x.getDecision().name(),
                "openedAt", text(x.getOpenedAt()))).toList();
        List<Map<String, Object>> timeline = pack.timeline().stream().map(e -> Map.<String, Object>of("at",
                text(e.getAt()), "kind", e.getKind(), "actor", text(e.getActor()), "detail", text(e.getDetail())))
                .toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("dispute", dispute);
        model.put("order", o);
        model.put("tracking", scans);
        model.put("claims", claimRows);
        model.put("freezes", freezeRows);
        model.put("cases", caseRows);
        model.put("remedies", remedyRows);
        model.put("buyerOrders", orderRows);
        model.put("buyerReturns", returnRows);
        model.put("returnedOrders", String.valueOf(pack.returnRecord().returnedOrders()));
        model.put("changedMindReturns", String.valueOf(pack.returnRecord().changedMindReturns()));
        model.put("serialReturner", pack.returnRecord().serialReturner() ? "yes" : "no");
        model.put("buyerDisputes", disputeRows);
        model.put("since", pack.since().toString().substring(0, 10));
        model.put("timeline", timeline);
        return model;
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal b ? b.toPlainString() : value.toString();
    }
}
