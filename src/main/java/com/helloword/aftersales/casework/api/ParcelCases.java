package com.helloword.aftersales.casework.api;

/**
 * Case work's door for the parcel watch (incident capability): a case in the case file for an order whose parcel
 * went quiet or hit a carrier exception, noted as the watch goes on and closed when the watch closes. Such a case
 * is a record, not an agent's task (the watch's process has the team's tasks); a buyer who writes about the order
 * gets a case of their own, with the emergency process, as any other message.
 */
public interface ParcelCases {

    /** The case opened: its id (the outbox's mails about it carry it) and business key. */
    record OpenedCase(long caseId, String caseKey) {
    }

    /**
     * Opens the case of the order (category e.g. {@code PARCEL_QUIET}, {@code CARRIER_EXCEPTION}); {@code note} is a
     * staff note without personal data. Opening again with the same {@code reference} answers the case opened
     * first.
     */
    OpenedCase open(long orderId, String category, String reference, String note);

    /** A staff note on the case (what the watch did). */
    void note(long caseId, String subject, String note);

    /** The watch is over: the case is closed with this resolution (a closed case stays closed). */
    void close(long caseId, String resolution);
}
