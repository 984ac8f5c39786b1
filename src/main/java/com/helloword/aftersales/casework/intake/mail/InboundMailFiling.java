package com.helloword.aftersales.casework.intake.mail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.intake.IntakeMessage;
import com.helloword.aftersales.casework.intake.IntakeResult;
import com.helloword.aftersales.casework.intake.IntakeService;

/**
 * Files a stored buyer mail into a case through the same intake as the API. The order is the one
 * whose number the mail names (Amazon 123-1234567-1234567, eBay 12-12345-12345), else the buyer's
 * latest order; its store is the case's store. A mail from an unknown sender with no order number
 * goes to the default store ({@code INBOUND_DEFAULT_STORE}) or, without one, waits for a person.
 */
@Component
class InboundMailFiling {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailFiling.class);
    private static final Pattern ORDER_NUMBER = Pattern.compile("\\b(\\d{3}-\\d{7}-\\d{7}|\\d{2}-\\d{5}-\\d{5})\\b");

    private final InboundMailRepository mails;
    private final BuyerRepository buyers;
    private final SalesOrderRepository orders;
    private final AfterSalesCaseRepository cases;
    private final IntakeService intake;
    private final TransactionTemplate transaction;
    private final AmazonClaimMails claimMails;
    private final ApplicationEventPublisher events;
    private final String defaultStore;

    InboundMailFiling(InboundMailRepository mails, BuyerRepository buyers, SalesOrderRepository orders,
            AfterSalesCaseRepository cases, IntakeService intake, TransactionTemplate transaction,
            AmazonClaimMails claimMails, ApplicationEventPublisher events,
            @Value("${aftersales.mail.inbound.default-store:}") String defaultStore) {
        this.mails = mails;
        this.buyers = buyers;
        this.orders = orders;
        this.cases = cases;
        this.intake = intake;
        this.transaction = transaction;
        this.claimMails = claimMails;
        this.events = events;
        this.defaultStore = defaultStore;
    }

    @EventListener
    void on(InboundMailReceived received) {
        file(received.inboundMailId());
    }

    /** Mails stored but not filed yet (intake was down, or a node stopped in between). */
    void filePending() {
        mails.findTop50ByStatusOrderByIdAsc(InboundMail.Status.RECEIVED.name()).forEach(m -> file(m.getId()));
    }

    private void file(long inboundMailId) {
        InboundMail mail = mails.findById(inboundMailId).orElse(null);
        if (mail == null || mail.getStatus() != InboundMail.Status.RECEIVED) {
            return;
        }
        Optional<SalesOrder> order = order(mail);
        if (claimMails.isClaimNotice(mail)) {
            handToArbitration(mail, order);
            return;
        }
        String store = order.map(o -> o.getStore().getId()).orElse(defaultStore);
        if (store == null || store.isBlank()) {
            LOG.warn("Mail {} from {} names no order and no default store is set; it waits for a person",
                    mail.getMessageId(), mail.getFromAddress());
            return;
        }
        try {
            IntakeResult result = intake.receive(new IntakeMessage(store, "email", mail.getMessageId(),
                    order.map(SalesOrder::getPlatformOrderId).orElse(null), mail.getFromAddress(), null,
                    mail.getSubject(), mail.getBody().isBlank() ? "(no text)" : mail.getBody(),
                    mail.getSentAt() == null ? null : mail.getSentAt().toString()));
            transaction.executeWithoutResult(status -> mails.findById(inboundMailId).ifPresent(m -> m.filed(
                    cases.findByBusinessKey(result.businessKey()).orElseThrow().getId())));
        } catch (RuntimeException e) {
            LOG.warn("Mail {} could not be filed yet, it is tried again after the next poll: {}", mail.getMessageId(),
                    e.getMessage());
        }
    }

    /**
     * An Amazon A-to-z notification: published as a platform claim in the transaction that marks the mail, so a
     * failing listener leaves the mail RECEIVED and the next poll tries again. One without an order number waits
     * for a person like any mail that cannot be filed.
     */
    private void handToArbitration(InboundMail mail, Optional<SalesOrder> order) {
        Optional<com.helloword.aftersales.platform.PlatformClaimNotice> notice = claimMails.notice(mail, order);
        if (notice.isEmpty()) {
            LOG.warn("Claim notification {} from {} names no Amazon order number; it waits for a person",
                    mail.getMessageId(), mail.getFromAddress());
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                events.publishEvent(notice.get());
                mails.findById(mail.getId()).ifPresent(InboundMail::claimNotice);
            });
        } catch (RuntimeException e) {
            LOG.warn("Claim notification {} could not be handed to arbitration yet, it is tried again after the next"
                    + " poll: {}", mail.getMessageId(), e.getMessage());
        }
    }

    private Optional<SalesOrder> order(InboundMail mail) {
        Matcher number = ORDER_NUMBER.matcher((mail.getSubject() == null ? "" : mail.getSubject()) + " "
                + mail.getBody());
        if (number.find()) {
            Optional<SalesOrder> named = orders.findFirstByPlatformOrderId(number.group(1));
            if (named.isPresent()) {
                return named;
            }
        }
        return buyers.findByEmail(Buyer.normaliseEmail(mail.getFromAddress()))
                .flatMap(buyer -> orders.findFirstByBuyerIdOrderByOrderedAtDesc(buyer.getId()));
    }
}
