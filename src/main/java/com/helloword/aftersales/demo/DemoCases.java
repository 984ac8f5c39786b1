package com.helloword.aftersales.demo;

import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.intake.IntakeMessage;
import com.helloword.aftersales.casework.intake.IntakeService;

/**
 * A few buyer messages for the demo, taken in through the real intake so that Tasklist has graded
 * cases for the language teams the moment the demo starts (and a knowledge-base answer in the
 * embedded mailbox): a desk lamp delivered broken in German, a power bank that smoked in English (the
 * recall signal counts it against that power bank's batch), a yoga mat stuck in transit for weeks in
 * Japanese, a size question in French on a sweater not yet shipped, a knit-wear care question in English.
 * Each message comes with its own order, made to fit it: the item the message is about, the status
 * and the carrier's scans the complaint implies ({@link DemoDataLoader} imports and tracks them).
 */
@Component
class DemoCases {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);

    /**
     * The order a demo message is about: {@code about} is the item the message names (first line),
     * {@code alsoOrdered} the order's other lines; ordered {@code daysAgo}, shipped a day later, delivered
     * (when the status says so) {@code deliveredDaysAgo}.
     */
    record CaseOrder(String platformOrderId, OrderStatus status, int daysAgo, int deliveredDaysAgo,
            DemoProducts.Product about, List<DemoProducts.Product> alsoOrdered) {

        List<DemoProducts.Product> lines() {
            return Stream.concat(Stream.of(about), alsoOrdered.stream()).toList();
        }
    }

    /** One demo message: which store's buyer, in which language, about which order, what they write. */
    record Message(String storeId, String language, CaseOrder order, String subject, String body) {
    }

    static final List<Message> MESSAGES = List.of(
            new Message("amazon-de", "de",
                    new CaseOrder("302-4417265-9000001", OrderStatus.DELIVERED, 6, 1, DemoProducts.DESK_LAMP,
                            List.of(DemoProducts.SILK_SCARF)),
                    "Lampe kaputt",
                    "Guten Tag, die Lampe ist leider zerbrochen angekommen, das Glas ist gesprungen. Was nun?"),
            new Message("amazon-us", "en",
                    new CaseOrder("114-8820413-9000002", OrderStatus.DELIVERED, 20, 15, DemoProducts.POWER_BANK_09A,
                            List.of()),
                    "Charger smoked",
                    "The power bank got very hot and started to smoke while charging my phone. This is dangerous!"),
            new Message("amazon-jp", "ja",
                    new CaseOrder("503-1276604-9000003", OrderStatus.SHIPPED, 21, 0, DemoProducts.YOGA_MAT, List.of()),
                    "荷物が届きません",
                    "三週間前にヨガマットを注文しましたが、まだ荷物が届いていません。確認していただけますか。"),
            new Message("shopify-fr", "fr",
                    new CaseOrder("5109000004", OrderStatus.PLACED, 1, 0, DemoProducts.SWEATER_M, List.of()),
                    "Quelle taille ?",
                    "Bonjour, je fais du 38 en France, quelle taille dois-je prendre pour le pull ?"),
            new Message("amazon-uk", "en",
                    new CaseOrder("205-6631978-9000005", OrderStatus.DELIVERED, 9, 4, DemoProducts.SWEATER_L,
                            List.of(DemoProducts.YOGA_MAT)),
                    "Washing my jumper",
                    "Hello, how should I wash the knit sweater? It is wool and I do not want it to shrink."));

    private final SalesOrderRepository orders;
    private final IntakeService intake;

    DemoCases(SalesOrderRepository orders, IntakeService intake) {
        this.orders = orders;
        this.intake = intake;
    }

    /** The mail id demo message {@code index} (from 0) arrives with. */
    static String messageId(int index) {
        return "<demo-" + (index + 1) + "@helloword.example>";
    }

    /** Sends each demo message once, on its own order (the same external id again changes nothing). */
    void send() {
        int sent = 0;
        for (int i = 0; i < MESSAGES.size(); i++) {
            Message m = MESSAGES.get(i);
            SalesOrder order = orders.findWithLines(m.storeId(), m.order().platformOrderId()).orElse(null);
            if (order == null) {
                continue;
            }
            intake.receive(new IntakeMessage(m.storeId(), "email", messageId(i), order.getPlatformOrderId(),
                    order.getBuyer().getEmail(), null, m.subject(), m.body(), null));
            sent++;
        }
        LOG.info("Demo cases: {} buyer messages taken in through the intake", sent);
    }
}
