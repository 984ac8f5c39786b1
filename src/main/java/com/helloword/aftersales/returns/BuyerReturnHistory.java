package com.helloword.aftersales.returns;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerTier;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.returns.api.CaseReturns.BuyerReturnRecord;

/**
 * The one answer to "this buyer's last twelve months": the intake's compensation input, the return policy's
 * serial-returner check and the agent's case view all read it here, so they cannot disagree. The window is
 * {@code aftersales.returns.buyer-history}; a team lead's lifting of the serial-returner flag restarts the
 * count of "changed my mind" returns.
 */
@Component
class BuyerReturnHistory {

    private final ReturnRequestRepository returns;
    private final SalesOrderRepository orders;
    private final QualityLoop qualityLoop;
    private final ReturnSettings settings;

    BuyerReturnHistory(ReturnRequestRepository returns, SalesOrderRepository orders, QualityLoop qualityLoop,
            ReturnSettings settings) {
        this.returns = returns;
        this.orders = orders;
        this.qualityLoop = qualityLoop;
        this.settings = settings;
    }

    /** Where the count of "changed my mind" returns starts for this buyer, as of a moment. */
    Instant countFrom(Buyer buyer, Instant asOf) {
        Instant windowStart = asOf.minus(settings.buyerHistory());
        Instant cleared = buyer.getSerialReturnerClearedAt();
        return cleared != null && cleared.isAfter(windowStart) ? cleared : windowStart;
    }

    /** "Changed my mind" returns requested from {@link #countFrom} on. */
    int changedMindReturns(Buyer buyer, Instant asOf) {
        return (int) returns.countByBuyerIdAndReasonAndRequestedAtAfter(buyer.getId(), ReturnReasons.CHANGED_MIND,
                countFrom(buyer, asOf));
    }

    /** Whether the serialReturner table calls a buyer with this many such returns a serial returner. */
    boolean serialByTable(Buyer buyer, int changedMindReturns) {
        String tier = buyer.getTier() == null ? BuyerTier.NEW.name() : buyer.getTier().name();
        return qualityLoop.serialReturner(Math.max(0, changedMindReturns), tier);
    }

    BuyerReturnRecord record(Buyer buyer, Instant asOf) {
        long returnedOrders = orders.countByBuyerIdAndStatusAndOrderedAtAfter(buyer.getId(), OrderStatus.RETURNED,
                asOf.minus(settings.buyerHistory()));
        int changedMind = changedMindReturns(buyer, asOf);
        boolean serial = buyer.isSerialReturner() || serialByTable(buyer, changedMind);
        return new BuyerReturnRecord(returnedOrders, changedMind, serial, buyer.getSerialReturnerSince());
    }
}
