package com.helloword.aftersales.incident.api;

import java.util.Optional;

/**
 * The incident capability's door for case work on "delivered but not received": what the agent's form shows of the
 * carrier's proof of delivery, and the carrier investigation the agent opens from it.
 */
public interface DeliveryInvestigations {

    /**
     * A short Markdown text for the agent's form when the case's category says not received
     * ({@code aftersales.incidents.delivery.not-received-categories}) and the order is delivered: when and where
     * the carrier delivered, whether it has a signer and a proof link, and the link to
     * {@code /api/cases/{caseKey}/proof-of-delivery}, which shows the signer, the place and the carrier's proof link
     * to the case's readers (the signer is a third party's personal data and the place the buyer's town, so they
     * stay out of process variables). Empty for any other case.
     */
    Optional<String> proofOfDeliveryNote(long caseId);

    /**
     * Opens a carrier investigation for the case's delivered order, unless one is open already: the request is
     * recorded and {@code carrierInvestigationProcess} asks the carrier (asynchronously, with retries) and reads its
     * answer back, which comes to the case as {@link CarrierInvestigationAnswered}. Returns the investigation key.
     *
     * @throws IllegalStateException when the case has no delivered order with a tracking number of a carrier
     *         that takes investigations ({@code aftersales.incidents.delivery.dhl-carriers})
     */
    String requestInvestigation(long caseId, String requestedBy);
}
