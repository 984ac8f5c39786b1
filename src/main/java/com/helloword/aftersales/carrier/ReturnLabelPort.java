package com.helloword.aftersales.carrier;

/**
 * Return labels for the buyer's parcel back to the seller, whichever carrier makes them (DHL's Parcel DE
 * Returns API today, {@code carrier.dhl.DhlReturnLabels}): the returns capability asks this port, so it
 * knows no carrier's client, and a carrier can be swapped or stubbed without touching it.
 */
public interface ReturnLabelPort {

    /**
     * Creates one return label. <b>Not idempotent</b>: every call the carrier receives makes a new label
     * (shipment number), so the caller keeps the label it gets and never asks again for the same return.
     */
    ReturnLabel createReturnLabel(ReturnLabelRequest request);
}
