package com.helloword.aftersales.recall;

import static com.helloword.aftersales.workflow.TaskMarkdown.escape;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.carrier.ReturnLabel;
import com.helloword.aftersales.carrier.ReturnLabelPort;
import com.helloword.aftersales.carrier.ReturnLabelRequest;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.platform.MarketplacePort;

/**
 * The parcel of a buyer's recall return: the return label (once per notice: the carrier port is not
 * idempotent), made from the delivery address the platform has for the buyer's order, read now and never
 * stored, or by hand where that address is incomplete; the label mail and its reminders; the units coming
 * back and their inspection; the timeline lines of all of it.
 */
@Service
class RecallReturns {

    static final String SYSTEM = "system";

    private final RecallNoticeRepository notices;
    private final RecallUnitRepository units;
    private final RecallRepository recalls;
    private final RecallEventRepository events;
    private final SalesOrderRepository orders;
    private final MarketplacePort marketplace;
    private final ReturnLabelPort labels;
    private final BuyerLinks links;
    private final OutboxService outbox;
    private final RecallReturnSettings settings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    RecallReturns(RecallNoticeRepository notices, RecallUnitRepository units, RecallRepository recalls,
            RecallEventRepository events, SalesOrderRepository orders, MarketplacePort marketplace,
            ReturnLabelPort labels, BuyerLinks links, OutboxService outbox, RecallReturnSettings settings,
            ApplicationEventPublisher publisher, Clock clock) {
        this.notices = notices;
        this.units = units;
        this.recalls = recalls;
        this.events = events;
        this.orders = orders;
        this.marketplace = marketplace;
        this.labels = labels;
        this.links = links;
        this.outbox = outbox;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
    }

    RecallNotice notice(long noticeId) {
        return notices.findById(noticeId).orElseThrow(() -> new IllegalStateException(
                "Recall notice " + noticeId + " does not exist"));
    }

    Recall recallOf(RecallNotice notice) {
        return recalls.findById(notice.getRecallId()).orElseThrow(() -> new IllegalStateException(
                "Recall " + notice.getRecallId() + " does not exist"));
    }

    List<RecallUnit> unitsOf(long noticeId) {
        return units.findByNoticeIdOrderByUnitRef(noticeId);
    }

    /** The orders of the notice's units, each with its units, in the order of the unit references. */
    Map<SalesOrder, List<RecallUnit>> byOrder(long noticeId) {
        Map<Long, List<RecallUnit>> grouped = unitsOf(noticeId).stream()
                .collect(Collectors.groupingBy(RecallUnit::getOrderId, LinkedHashMap::new, Collectors.toList()));
        Map<SalesOrder, List<RecallUnit>> result = new LinkedHashMap<>();
        grouped.forEach((orderId, ofOrder) -> result.put(orders.findById(orderId).orElseThrow(
                () -> new IllegalStateException("Order " + orderId + " of recall notice " + noticeId + " is gone")),
                ofOrder));
        return result;
    }

    void record(RecallNotice notice, String kind, String actor, String detail) {
        events.save(new RecallEvent(notice.getRecallId(), clock.instant(), kind, actor,
                "notice " + notice.getId() + ": " + detail));
    }

    /**
     * Makes the notice's return label through the carrier, once: a notice that has a label never asks again.
     * Returns true when a person must make it by hand (the platform's address of the buyer's latest affected
     * order has no street, house number, postal code or city the carrier can take).
     */
    @Transactional
    public boolean createLabel(long noticeId) {
        RecallNotice notice = notice(noticeId);
        if (notice.getLabelTracking() != null) {
            return false;
        }
        Recall recall = recallOf(notice);
        SalesOrder order = byOrder(noticeId).keySet().stream()
                .max(Comparator.comparing(SalesOrder::getOrderedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElseThrow(() -> new IllegalStateException("Recall notice " + noticeId + " has no units"));
        MarketplacePort.ShipTo to = marketplace.getShipTo(new MarketplacePort.ShipToRef(order.getStore().getId(),
                order.getPlatformOrderId()));
        if (!to.complete()) {
            record(notice, "LABEL_BY_HAND", SYSTEM, "the delivery address of order " + order.getPlatformOrderId()
                    + " is incomplete for the carrier; the label is made by hand");
            return true;
        }
        ReturnLabel label = labels.createReturnLabel(new ReturnLabelRequest(settings.dhlReceiverId(),
                recall.getRecallKey() + "/" + noticeId, null, to.name(), to.street(), to.houseNumber(),
                to.postalCode(), to.city(), null, null, null, null, labelKey(recall, noticeId)));
        // the carrier's answer names no price: the label costs what the configuration says
        notice.labelCreated(settings.carrier(), label.shipmentNumber(), label.labelPdf(), settings.labelCost(),
                clock.instant());
        record(notice, "LABEL_CREATED", SYSTEM, settings.carrier() + " " + label.shipmentNumber());
        return false;
    }

    static String labelKey(Recall recall, long noticeId) {
        return "recall:" + recall.getRecallKey() + ":label:" + noticeId;
    }

    /**
     * A person made the label by hand (in the carrier's portal, which mails it to the buyer): its carrier and
     * tracking number go on the notice. Refused with the reason when the tracking number is missing.
     */
    @Transactional
    public void labelMadeByHand(long noticeId, String carrier, String tracking, String who) {
        RecallNotice notice = notice(noticeId);
        if (notice.getLabelTracking() != null) {
            return;
        }
        if (tracking == null || tracking.isBlank() || tracking.strip().length() > 64) {
            throw RecallTaskRefusal.because("Enter the label's tracking number (up to 64 characters)");
        }
        String by = carrier == null || carrier.isBlank() ? settings.carrier() : carrier.strip();
        notice.labelCreated(by.length() > 32 ? by.substring(0, 32) : by, tracking.strip(), null,
                settings.labelCost(), clock.instant());
        record(notice, "LABEL_CREATED", who == null ? "unclaimed" : who, by + " " + tracking.strip() + " (by hand)");
    }

    /**
     * The label mail in the buyer's language (template {@code recall-label}): the tracking number, the unit
     * references to put in the parcel and, when the label is ours, the signed link to its PDF. {@code reminder} 0 is
     * the first mail, 1, 2 ... the reminders; each is queued once. Returns whether all units are back already.
     */
    @Transactional
    public boolean mailLabel(long noticeId, int reminder) {
        RecallNotice notice = notice(noticeId);
        Recall recall = recallOf(notice);
        List<RecallUnit> ofNotice = unitsOf(noticeId);
        if (reminder > 0 && allBack(ofNotice)) {
            return true;
        }
        Map<String, Object> model = new HashMap<>(baseModel(recall, notice, ofNotice));
        model.put("tracking", notice.getLabelTracking());
        model.put("carrier", notice.getLabelCarrier());
        model.put("reminder", reminder);
        if (notice.getLabelPdf() != null) {
            model.put("labelUrl", links.recallLabelUrl(noticeId, notice.getLanguage()));
        }
        String key = "recall:" + recall.getRecallKey() + (reminder == 0 ? ":label:" : ":label-reminder-" + reminder + ":")
                + noticeId;
        outbox.queue(new MailRequest(key, null, "recall-label", notice.getLanguage(), RecipientType.BUYER,
                notice.getBuyerId().toString(), model));
        return allBack(ofNotice);
    }

    /** What every recall mail to the buyer shows: the recall, the product, the remedy and the unit references. */
    Map<String, Object> baseModel(Recall recall, RecallNotice notice, List<RecallUnit> ofNotice) {
        Map<String, Object> model = new HashMap<>();
        model.put("recallKey", recall.getRecallKey());
        model.put("sku", recall.getSku());
        model.put("remedy", notice.getRemedy() == null ? "" : notice.getRemedy().name());
        model.put("units", ofNotice.stream().map(RecallUnit::getUnitRef).toList());
        return model;
    }

    static boolean allBack(List<RecallUnit> ofNotice) {
        return !ofNotice.isEmpty() && ofNotice.stream().noneMatch(u -> u.getStatus() == RecallUnitStatus.AFFECTED);
    }

    static boolean allDone(List<RecallUnit> ofNotice) {
        return !ofNotice.isEmpty() && ofNotice.stream().allMatch(u -> u.getStatus().done());
    }

    @Transactional(readOnly = true)
    public boolean unitsBack(long noticeId) {
        return allBack(unitsOf(noticeId));
    }

    @Transactional(readOnly = true)
    public boolean unitsDone(long noticeId) {
        return allDone(unitsOf(noticeId));
    }

    /** The wait for the parcel ended without all units back: the timeline says so; the remedy is not given. */
    @Transactional
    public void notReturned(long noticeId) {
        RecallNotice notice = notice(noticeId);
        long back = unitsOf(noticeId).stream().filter(u -> u.getStatus() != RecallUnitStatus.AFFECTED).count();
        record(notice, "NOT_RETURNED", SYSTEM, back + " of " + unitsOf(noticeId).size()
                + " units back when the wait ended (" + settings.giveUpAfter() + ")");
    }

    /**
     * The inspection task was completed: the units not yet disposed or refurbished by a scan get the outcome
     * the warehouse chose (DISPOSED or REFURBISHED) and the note. Refused with the reason when units are left
     * and no outcome was chosen.
     */
    @Transactional
    public void inspected(long noticeId, String outcome, String note, String who) {
        List<RecallUnit> open = unitsOf(noticeId).stream().filter(u -> !u.getStatus().done()).toList();
        if (open.isEmpty()) {
            return;
        }
        RecallUnitStatus to = "DISPOSED".equals(outcome) ? RecallUnitStatus.DISPOSED
                : "REFURBISHED".equals(outcome) ? RecallUnitStatus.REFURBISHED : null;
        if (to == null) {
            throw RecallTaskRefusal.because("Choose disposed or refurbished for the " + open.size()
                    + " units not scanned as such (" + open.stream().map(RecallUnit::getUnitRef)
                            .collect(Collectors.joining(", ")) + ")");
        }
        if (who == null) {
            throw RecallTaskRefusal.because("Claim the task first: the units are recorded with who inspected them");
        }
        open.forEach(u -> u.scan(to, note, who, clock.instant()));
        record(notice(noticeId), "UNITS_INSPECTED", who, open.size() + " units " + to);
        publisher.publishEvent(new RecallUnitsChanged(open.get(0).getRecallId()));
    }

    /** The notice's units as the warehouse reads them in its tasks (Markdown; references and states only). */
    @Transactional(readOnly = true)
    public String view(long noticeId) {
        RecallNotice notice = notice(noticeId);
        Recall recall = recallOf(notice);
        StringBuilder md = new StringBuilder();
        md.append("**Recall ").append(recall.getRecallKey()).append("** · SKU ").append(recall.getSku())
                .append(" · notice ").append(noticeId).append(" · remedy ")
                .append(notice.getRemedy() == null ? "none" : notice.getRemedy().name().toLowerCase(java.util.Locale.ROOT))
                .append("\n\n");
        if (notice.getLabelTracking() != null) {
            md.append("Label ").append(escape(notice.getLabelCarrier())).append(' ')
                    .append(escape(notice.getLabelTracking()))
                    .append("\n\n");
        }
        md.append("| Unit | Batch | Status |\n|---|---|---|\n");
        for (RecallUnit unit : unitsOf(noticeId)) {
            md.append("| ").append(unit.getUnitRef()).append(" | ").append(unit.getBatchLot() == null ? ""
                    : escape(unit.getBatchLot())).append(" | ").append(unit.getStatus().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" |\n");
        }
        return md.toString();
    }
}
