package com.helloword.aftersales.incident;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;

/**
 * The mails of a batch incident, queued through the outbox in the caller's transaction (the chunk job's): the
 * apology with the three choices ({@code incident-notice}), the reminder ({@code incident-reminder}) and the
 * word that the remedy is done ({@code incident-remedy-done}), each once per order under its idempotency key, in
 * the buyer's language. The model carries the order's number, the store's name and the links: no personal data
 * (the buyer's name is filled in when the mail goes out).
 */
@Component
class IncidentMails {

    static final String NOTICE = "incident-notice";
    static final String REMINDER = "incident-reminder";
    static final String DONE = "incident-remedy-done";
    private static final int ORDERS_PER_QUERY = 500;
    /** The end of the choice as the mail says it: the same for every reader, in UTC. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final OutboxService outbox;
    private final BuyerLinks links;
    private final EntityManager entityManager;
    private final String trackingLink;

    IncidentMails(OutboxService outbox, BuyerLinks links, EntityManager entityManager,
            @Value("${aftersales.incidents.parcels.tracking-link}") String trackingLink) {
        this.outbox = outbox;
        this.links = links;
        this.entityManager = entityManager;
        this.trackingLink = trackingLink;
    }

    /** The first mail of each row; returns how many were new. */
    @Transactional
    public int queueNotices(ShipmentIncident incident, List<IncidentOption> options, List<IncidentOrder> rows) {
        return queue(incident, options, rows, NOTICE);
    }

    /** The reminder of each row; returns how many were new. */
    @Transactional
    public int queueReminders(ShipmentIncident incident, List<IncidentOption> options, List<IncidentOrder> rows) {
        return queue(incident, options, rows, REMINDER);
    }

    /** The buyer's word that their remedy is carried out (with the coupon's code for a coupon). */
    @Transactional
    public void queueDone(ShipmentIncident incident, IncidentOrder row) {
        SalesOrder order = orders(List.of(row)).get(row.getOrderId());
        Map<String, Object> model = base(incident, order);
        model.put("remedy", row.getRemedy().name());
        model.put("chosenBy", row.getChosenBy().name());
        put(model, "amount", row.getAmount() == null ? null : row.getAmount().toPlainString());
        put(model, "currency", row.getCurrency());
        put(model, "couponCode", row.getCouponCode());
        put(model, "byHand", row.getStatus() == IncidentOrder.Status.BY_HAND ? Boolean.TRUE : null);
        outbox.queue(new MailRequest(key(incident, DONE, row), null, DONE, row.getLanguage(), RecipientType.BUYER,
                String.valueOf(row.getBuyerId()), model));
    }

    private int queue(ShipmentIncident incident, List<IncidentOption> options, List<IncidentOrder> rows,
            String template) {
        List<MailRequest> requests = new ArrayList<>(rows.size());
        Map<Long, SalesOrder> orders = orders(rows);
        for (IncidentOrder row : rows) {
            SalesOrder order = orders.get(row.getOrderId());
            if (order == null) {
                throw new IllegalStateException("Order " + row.getOrderId() + " of incident " + incident.getKey()
                        + " is no longer in the case file");
            }
            Map<String, Object> model = base(incident, order);
            model.put("options", options.stream().map(option -> option(option, row, order, incident)).toList());
            model.put("choiceEndsAt", incident.getChoiceEndsAt().toString());
            model.put("choiceEnds", WHEN.format(incident.getChoiceEndsAt()));
            requests.add(new MailRequest(key(incident, template, row), null, template, row.getLanguage(),
                    RecipientType.BUYER, String.valueOf(row.getBuyerId()), model));
        }
        return outbox.queueAll(requests);
    }

    /** {@code incident:<key>:<template>:<order id>}: one mail of each kind per order and incident. */
    static String key(ShipmentIncident incident, String template, IncidentOrder row) {
        return "incident:" + incident.getKey() + ":" + template + ":" + row.getOrderId();
    }

    private Map<String, Object> base(ShipmentIncident incident, SalesOrder order) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("incidentKey", incident.getKey());
        model.put("cause", incident.getCause());
        put(model, "note", incident.getMessage());
        model.put("orderId", order.getPlatformOrderId());
        model.put("storeName", order.getStore().getName());
        put(model, "carrier", order.getCarrier());
        put(model, "trackingNumber", order.getTrackingNumber());
        put(model, "trackingUrl", order.getTrackingNumber() == null ? null
                : trackingLink.replace("{number}", order.getTrackingNumber()));
        return model;
    }

    private Map<String, Object> option(IncidentOption option, IncidentOrder row, SalesOrder order,
            ShipmentIncident incident) {
        Map<String, Object> view = new HashMap<>();
        view.put("no", option.getOptionNo());
        view.put("remedy", option.getRemedy().name());
        IncidentRemedies.Money money = IncidentRemedies.moneyOf(option, order);
        put(view, "amount", money == null ? null : money.amount().toPlainString());
        put(view, "currency", money == null ? null : money.currency());
        put(view, "percent", option.getPercent());
        view.put("url", links.incidentOptionUrl(row.getId(), option.getOptionNo(), incident.getChoiceEndsAt(),
                row.getLanguage()));
        return view;
    }

    private static void put(Map<String, Object> model, String key, Object value) {
        if (value != null) {
            model.put(key, value);
        }
    }

    /** The rows' orders with their stores and lines, a query per 500. */
    Map<Long, SalesOrder> orders(List<IncidentOrder> rows) {
        List<Long> ids = rows.stream().map(IncidentOrder::getOrderId).distinct().toList();
        Map<Long, SalesOrder> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += ORDERS_PER_QUERY) {
            entityManager.createQuery("select distinct o from SalesOrder o join fetch o.store left join fetch o.lines"
                    + " where o.id in :ids", SalesOrder.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + ORDERS_PER_QUERY)))
                    .getResultList().forEach(o -> found.put(o.getId(), o));
        }
        return found;
    }
}
