package com.helloword.aftersales.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.intake.IntakeMessage;
import com.helloword.aftersales.casework.intake.IntakeService;

/**
 * A few buyer messages for the demo, taken in through the real intake so that Tasklist has graded
 * cases for the language teams the moment the demo starts (and a knowledge-base answer in the
 * embedded mailbox): a damaged lamp in German, a charger that smoked in English, a parcel that never
 * arrived in Japanese, a size question in French, a knit-wear care question in English.
 */
@Component
class DemoCases {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);

    /** One demo message: which store's buyers, in which language, what they write. */
    record Message(String storeId, String language, String subject, String body) {
    }

    static final List<Message> MESSAGES = List.of(
            new Message("amazon-de", "de", "Lampe kaputt",
                    "Guten Tag, die Lampe ist leider zerbrochen angekommen, das Glas ist gesprungen. Was nun?"),
            new Message("amazon-us", "en", "Charger smoked",
                    "The power bank got very hot and started to smoke while charging my phone. This is dangerous!"),
            new Message("amazon-jp", "ja", "荷物が届きません",
                    "三週間前に注文しましたが、まだ荷物が届いていません。確認していただけますか。"),
            new Message("shopify-fr", "fr", "Quelle taille ?",
                    "Bonjour, je fais du 38 en France, quelle taille dois-je prendre pour le pull ?"),
            new Message("amazon-uk", "en", "Washing my jumper",
                    "Hello, how should I wash the knit sweater? It is wool and I do not want it to shrink."));

    private final SalesOrderRepository orders;
    private final IntakeService intake;

    DemoCases(SalesOrderRepository orders, IntakeService intake) {
        this.orders = orders;
        this.intake = intake;
    }

    /** Sends each demo message once (the same external id again changes nothing). */
    void send() {
        int sent = 0;
        for (int i = 0; i < MESSAGES.size(); i++) {
            Message m = MESSAGES.get(i);
            List<SalesOrder> candidates = orders.findByStoreAndBuyerLanguage(m.storeId(), m.language(),
                    PageRequest.of(0, 1));
            if (candidates.isEmpty()) {
                continue;
            }
            SalesOrder order = candidates.get(0);
            intake.receive(new IntakeMessage(m.storeId(), "email", "<demo-" + (i + 1) + "@helloword.example>",
                    order.getPlatformOrderId(), order.getBuyer().getEmail(), null, m.subject(), m.body(), null));
            sent++;
        }
        LOG.info("Demo cases: {} buyer messages taken in through the intake", sent);
    }
}
