package com.helloword.aftersales.casework.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Case work's door for dispute arbitration and shipment incidents: the cases about an order or a buyer, their
 * messages and remedies, as an evidence pack shows them, and complaints per carrier route. Read-only; what
 * arbitration changes on a case goes through its events.
 */
public interface CaseRecords {

    /** A case as arbitration sees it. */
    record CaseSummary(long caseId, String caseKey, String storeId, Long orderId, String platformOrderId,
            Long buyerId, String category, String status, String language, Instant openedAt, Instant closedAt) {
    }

    /** One message of a case: IN from the buyer, OUT to them, INTERNAL between staff. */
    record CaseMessageLine(String direction, String channel, Instant at, String subject, String body) {
    }

    /** One remedy of a case. */
    record CaseRemedyLine(String caseKey, String remedy, Integer percent, BigDecimal amount, String currency,
            String status, String chosenBy, String approvedBy, Instant chosenAt) {
    }

    /**
     * A remedy that gave money back, as the consistency report compares them: the store, the order's first SKU,
     * the case's category and the share of the order value given back (a partial refund its percent, a refund the
     * whole order, no remedy 0).
     */
    record RemedyFact(String storeId, String sku, String category, String reference, String remedy, int percent,
            Instant at) {
    }

    Optional<CaseSummary> caseOf(long caseId);

    /** The money-back remedies agreed since a moment (goodwill, coupons and exchanges are not money back). */
    List<RemedyFact> moneyBackRemedies(Instant since);

    /** The cases about this order, oldest first. */
    List<CaseSummary> casesOfOrder(long orderId);

    /** The buyer's cases opened since a moment, newest first. */
    List<CaseSummary> casesOfBuyer(long buyerId, Instant since);

    /** A case's messages, in the order they came. */
    List<CaseMessageLine> messages(long caseId);

    /** A case's remedies, oldest first. */
    List<CaseRemedyLine> remedies(long caseId);

    /** The case with this business key. */
    Optional<CaseSummary> caseByKey(String caseKey);

    /** Whether this person (with these groups) may read the case: its team, a team it went through, overseers. */
    boolean mayRead(String caseKey, String userId, List<String> groupIds);

    /**
     * Complaints about a carrier route (carrier route health): the cases of these categories opened since a moment
     * about orders shipped with the carrier (case-insensitive) to the destination country.
     */
    long routeComplaints(String carrier, String destinationCountry, Instant since, java.util.Collection<String>
            categories);
}
