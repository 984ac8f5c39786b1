package com.helloword.aftersales.returns.api;

import java.time.Instant;

/**
 * The returns capability as the other capabilities may use it: a case's remedy opens a return, an agent's
 * view reads the buyer's return record. The only door into {@code returns}; the rest of the package is its
 * own (the architecture test keeps it so).
 */
public interface CaseReturns {

    /** A return an agent's remedy asks for: refund or exchange of the case's order, for the case's category. */
    record CaseReturnRequest(long caseId, String storeId, String platformOrderId, String caseCategory,
            boolean exchange) {
    }

    /**
     * A return as a case sees it. {@code ownProcess} when the buyer's return of the order already runs in a
     * process of its own (self-service, platform), so the case starts no second one.
     */
    record ReturnRef(long returnId, String returnKey, boolean ownProcess) {
    }

    /**
     * What this buyer's last twelve months say, as of a moment: orders that came back, "changed my mind"
     * returns (counted from a team lead's lifting of the serial-returner flag, if later) and whether the
     * buyer is a serial returner (the flag on the profile, or the serialReturner table on those counts).
     */
    record BuyerReturnRecord(long returnedOrders, int changedMindReturns, boolean serialReturner,
            Instant serialReturnerSince) {

        public static final BuyerReturnRecord NONE = new BuyerReturnRecord(0, 0, false, null);
    }

    /** One of a buyer's returns, as a dispute's evidence pack lists it. */
    record BuyerReturnLine(String returnKey, String storeId, String platformOrderId, String sku, String reason,
            String status, String outcome, Instant requestedAt) {
    }

    /** Opens (or finds, when the buyer already has it) the return a case's remedy asks for. */
    ReturnRef openForCase(CaseReturnRequest request);

    /** The return a case's remedy opened earlier. */
    ReturnRef byKey(String returnKey);

    /** The buyer's last twelve months, as of {@code asOf}. */
    BuyerReturnRecord buyerRecord(long buyerId, Instant asOf);

    /** The buyer's returns requested since {@code since}, newest first. */
    java.util.List<BuyerReturnLine> returnsOfBuyer(long buyerId, Instant since);
}
