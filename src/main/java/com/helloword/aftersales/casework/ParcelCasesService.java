package com.helloword.aftersales.casework;

import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.api.ParcelCases;

/**
 * The parcel watch's cases ({@link ParcelCases}): a case on the order, in the buyer's language, with the watch's
 * notes as staff messages; no emergency process (the watch's own process has the team's tasks). The first note
 * carries the watch's reference as its message id, so opening twice finds the first case.
 */
@Service
class ParcelCasesService implements ParcelCases {

    static final String CHANNEL = "parcel-watch";

    private final AfterSalesCaseRepository cases;
    private final CaseMessageRepository messages;
    private final SalesOrderRepository orders;
    private final Clock clock;

    ParcelCasesService(AfterSalesCaseRepository cases, CaseMessageRepository messages, SalesOrderRepository orders,
            Clock clock) {
        this.cases = cases;
        this.messages = messages;
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    @Transactional
    public OpenedCase open(long orderId, String category, String reference, String note) {
        return messages.findByChannelAndExternalMessageId(CHANNEL, reference)
                .map(m -> new OpenedCase(m.getAfterSalesCase().getId(), m.getAfterSalesCase().getBusinessKey()))
                .orElseGet(() -> {
                    SalesOrder order = orders.findById(orderId)
                            .orElseThrow(() -> new IllegalArgumentException("No order " + orderId));
                    AfterSalesCase c = new AfterSalesCase(newBusinessKey(), CHANNEL, order.getStore(), order,
                            order.getBuyer(), clock.instant());
                    String language = order.getBuyer().getLanguage() != null ? order.getBuyer().getLanguage()
                            : order.getStore().getDefaultLanguage();
                    c.grade(category, null, language);
                    c.addMessage(MessageDirection.INTERNAL, CHANNEL, reference, "Parcel watch " + reference, note,
                            language, clock.instant());
                    cases.saveAndFlush(c);
                    return new OpenedCase(c.getId(), c.getBusinessKey());
                });
    }

    @Override
    @Transactional
    public void note(long caseId, String subject, String note) {
        cases.findById(caseId).ifPresent(c -> c.addMessage(MessageDirection.INTERNAL, CHANNEL, null, subject, note,
                c.getLanguage(), clock.instant()));
    }

    @Override
    @Transactional
    public void close(long caseId, String resolution) {
        cases.findById(caseId).filter(AfterSalesCase::isOpen).ifPresent(c -> c.close(resolution, clock.instant()));
    }

    private static String newBusinessKey() {
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        return "AS-" + HexFormat.of().withUpperCase().formatHex(random);
    }
}
