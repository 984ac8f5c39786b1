package com.helloword.aftersales.carrier;

import java.util.Arrays;
import java.util.Objects;

/**
 * A return label the carrier created ({@link ReturnLabelPort}; DHL's Parcel DE Returns API 1.1.0,
 * {@code ReturnOrderConfirmation}).
 *
 * @param shipmentNumber DHL's {@code shipmentNo}, the number the return parcel is tracked under
 * @param labelPdf the label to print, as DHL sent it ({@code label.b64}, requested as PDF)
 * @param qrLabelPng the QR code to show at a DHL counter instead of a printed label ({@code qrLabel.b64}),
 *        or null when DHL sent none
 * @param routingCode DHL's routing code of the label, or null when DHL left it out
 */
public record ReturnLabel(String shipmentNumber, byte[] labelPdf, byte[] qrLabelPng, String routingCode) {

    @Override
    public boolean equals(Object other) {
        return other instanceof ReturnLabel that && Objects.equals(shipmentNumber, that.shipmentNumber)
                && Arrays.equals(labelPdf, that.labelPdf) && Arrays.equals(qrLabelPng, that.qrLabelPng)
                && Objects.equals(routingCode, that.routingCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shipmentNumber, Arrays.hashCode(labelPdf), Arrays.hashCode(qrLabelPng), routingCode);
    }

    @Override
    public String toString() {
        return "ReturnLabel[shipmentNumber=" + shipmentNumber + ", labelPdf=" + size(labelPdf) + ", qrLabelPng="
                + size(qrLabelPng) + ", routingCode=" + routingCode + "]";
    }

    private static String size(byte[] bytes) {
        return bytes == null ? "none" : bytes.length + " bytes";
    }
}
