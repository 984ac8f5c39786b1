package com.helloword.aftersales.carrier;

import java.math.BigDecimal;

/**
 * A return label for one buyer's parcel to the seller ({@link ReturnLabelPort}), in the terms of DHL's
 * Parcel DE Returns API 1.1.0 ({@code ReturnOrder}), the carrier that makes them. The parcel goes to the return receiver configured in the business customer portal
 * under {@code receiverId} (e.g. {@code deu}); that configuration also fixes the country the buyer ships
 * from, so the shipper address has no country.
 *
 * @param receiverId the receiver configuration in the business customer portal (up to 50 characters)
 * @param customerReference e.g. the order number; the first 30 characters are printed on the label
 * @param shipmentReference shown only in the portal's returns overview; null to derive it from
 *        {@code idempotencyKey}, which makes a second label for the same return recognisable there
 * @param shipperName the buyer (DHL's {@code name1}, up to 50 characters)
 * @param shipperStreet the street without the house number (DHL refuses a number inside it)
 * @param shipperHouse the house number (up to 10 characters)
 * @param shipperPostalCode 3 to 10 letters and digits
 * @param shipperCity up to 40 characters
 * @param shipperEmail optional; DHL mails the label to it when the receiver configuration says so
 * @param weightGrams optional, 1 to 31 500 g
 * @param value optional value of the returned goods
 * @param currency {@code EUR}, {@code GBP} or {@code CHF}; null means EUR
 * @param idempotencyKey names this return label (e.g. case and step); see {@link ReturnLabelPort}
 */
public record ReturnLabelRequest(String receiverId, String customerReference, String shipmentReference,
        String shipperName, String shipperStreet, String shipperHouse, String shipperPostalCode, String shipperCity,
        String shipperEmail, Integer weightGrams, BigDecimal value, String currency, String idempotencyKey) {

    public ReturnLabelRequest {
        required(receiverId, "receiverId");
        required(shipperName, "shipperName");
        required(shipperStreet, "shipperStreet");
        required(shipperHouse, "shipperHouse");
        required(shipperPostalCode, "shipperPostalCode");
        required(shipperCity, "shipperCity");
        required(idempotencyKey, "idempotencyKey");
        if (weightGrams != null && (weightGrams < 1 || weightGrams > 31_500)) {
            throw new IllegalArgumentException("weightGrams must be 1 to 31500, not " + weightGrams);
        }
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException("value must not be negative, not " + value);
        }
    }

    private static void required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required for a DHL return label");
        }
    }
}
