package com.helloword.aftersales.incident;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.CurrencyDigits;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.platform.MarketplacePort;

/**
 * Carries out the remedy an order of an incident got, once: a refund or a partial refund through the store's
 * marketplace, an express replacement as a free order on the store's platform, a coupon as a code of ours (told
 * to the buyer in the done mail). Every marketplace call carries the key {@code incident:<key>:order:<order id>},
 * so a job that runs again after a crash asks the platform again under the same key and it happens once. What the
 * platform cannot do through its API is left for people ({@code aftersales.incidents.by-hand-group.*}).
 */
@Service
class IncidentRemedies {

    /** An amount in a currency, as the platform takes it. */
    record Money(BigDecimal amount, String currency) {
    }

    /** Null when done; else the group that carries it out by hand and what to do. */
    record Outcome(String byHandGroup, String note) {
        static final Outcome DONE = new Outcome(null, null);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IncidentOrderRepository rows;
    private final IncidentOptionRepository options;
    private final ShipmentIncidentRepository incidents;
    private final IncidentMails mails;
    private final MarketplacePort marketplace;
    private final Clock clock;
    private final String refundGroup;
    private final String reshipGroup;

    IncidentRemedies(IncidentOrderRepository rows, IncidentOptionRepository options,
            ShipmentIncidentRepository incidents, IncidentMails mails, MarketplacePort marketplace, Clock clock,
            @Value("${aftersales.incidents.by-hand-group.refund}") String refundGroup,
            @Value("${aftersales.incidents.by-hand-group.reship}") String reshipGroup) {
        this.rows = rows;
        this.options = options;
        this.incidents = incidents;
        this.mails = mails;
        this.marketplace = marketplace;
        this.clock = clock;
        this.refundGroup = refundGroup;
        this.reshipGroup = reshipGroup;
    }

    @Transactional
    public Outcome carryOut(long incidentOrderId) {
        IncidentOrder row = rows.findById(incidentOrderId).orElseThrow();
        if (row.getStatus() == IncidentOrder.Status.EXECUTED) {
            return Outcome.DONE;
        }
        if (row.getStatus() == IncidentOrder.Status.BY_HAND) {
            return new Outcome(groupFor(row.getRemedy()), row.getNote());
        }
        if (row.getStatus() != IncidentOrder.Status.CHOSEN) {
            throw new IllegalStateException("Order " + row.getOrderId() + " of incident " + row.getIncidentId()
                    + " is " + row.getStatus() + ": nothing was chosen");
        }
        ShipmentIncident incident = incidents.findById(row.getIncidentId()).orElseThrow();
        IncidentOption option = options.findByIncidentIdOrderByOptionNo(row.getIncidentId()).stream()
                .filter(o -> o.getOptionNo() == row.getOptionNo()).findFirst().orElseThrow();
        SalesOrder order = mails.orders(List.of(row)).get(row.getOrderId());
        String key = "incident:" + incident.getKey() + ":order:" + row.getOrderId();
        String reason = "Shipment incident " + incident.getKey() + " (" + incident.getCause() + "): "
                + option.getRemedy();
        Money money = moneyOf(option, order);
        try {
            switch (option.getRemedy()) {
                case REFUND, PARTIAL_REFUND -> {
                    if (money != null && !money.currency().equals(order.getCurrency())) {
                        row.leftForPeople("Refund " + money.amount() + " " + money.currency() + " of order "
                                + order.getPlatformOrderId() + " by hand: the order was paid in " + order.getCurrency());
                        return new Outcome(refundGroup, row.getNote());
                    }
                    MarketplacePort.RefundResult refund = marketplace.refund(new MarketplacePort.RefundCommand(
                            order.getStore().getId(), order.getPlatformOrderId(),
                            money == null ? null : money.amount(), order.getCurrency(), reason, key));
                    row.executed(refund.platformRefundId(), null, refund.amount(), refund.currency(), clock.instant());
                }
                case RESHIP_EXPRESS -> {
                    MarketplacePort.ExchangeResult reship = marketplace.createExchangeOrder(
                            new MarketplacePort.ExchangeOrderCommand(order.getStore().getId(),
                                    order.getPlatformOrderId(), order.getLines().stream()
                                            .map(l -> new MarketplacePort.ExchangeLine(l.getSku(), l.getQuantity()))
                                            .toList(), reason + ": ship by express", key));
                    row.executed(reship.platformOrderId(), null, null, null, clock.instant());
                }
                case COUPON -> row.executed(null, couponCode(), money.amount(), money.currency(), clock.instant());
            }
        } catch (PlatformCannotException cannot) {
            row.leftForPeople((option.getRemedy() == IncidentRemedy.RESHIP_EXPRESS
                    ? "Ship a replacement of order " + order.getPlatformOrderId() + " by express"
                    : "Refund " + (money == null ? "order " + order.getPlatformOrderId() + " in full"
                            : money.amount() + " " + money.currency() + " of order " + order.getPlatformOrderId()))
                    + " by hand: " + cannot.insteadAdvice());
            return new Outcome(groupFor(option.getRemedy()), row.getNote());
        }
        mails.queueDone(incident, row);
        return Outcome.DONE;
    }

    /** People reported the by-hand remedy done ({@code reference}: the platform's refund or order, if any). */
    @Transactional
    public void doneByHand(long incidentOrderId, String reference) {
        IncidentOrder row = rows.findById(incidentOrderId).orElseThrow();
        if (row.getStatus() != IncidentOrder.Status.BY_HAND) {
            return;
        }
        row.executed(reference == null || reference.isBlank() ? null : reference.strip(), null, row.getAmount(),
                row.getCurrency(), clock.instant());
        mails.queueDone(incidents.findById(row.getIncidentId()).orElseThrow(), row);
    }

    private String groupFor(IncidentRemedy remedy) {
        return remedy == IncidentRemedy.RESHIP_EXPRESS ? reshipGroup : refundGroup;
    }

    /**
     * What an option gives back for an order: a coupon or a partial refund of a fixed amount as given, a partial
     * refund of a percent as that share of the order's total in the order's currency (rounded as the currency
     * writes money); null for a refund in full and a reship.
     */
    static Money moneyOf(IncidentOption option, SalesOrder order) {
        if (option.getAmount() != null) {
            return new Money(option.getAmount(), option.getCurrency());
        }
        if (option.getRemedy() == IncidentRemedy.PARTIAL_REFUND && option.getPercent() != null) {
            BigDecimal share = order.total().multiply(BigDecimal.valueOf(option.getPercent()))
                    .divide(BigDecimal.valueOf(100), CurrencyDigits.minorDigits(order.getCurrency()),
                    RoundingMode.HALF_UP);
            return new Money(share, order.getCurrency());
        }
        return null;
    }

    private static String couponCode() {
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        return "HWI-" + HexFormat.of().withUpperCase().formatHex(random);
    }
}
