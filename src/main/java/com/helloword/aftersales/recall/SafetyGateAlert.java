package com.helloword.aftersales.recall;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One alert of the EU Safety Gate (RAPEX) as its weekly report export lists it: the {@code notification}
 * elements of the report's XML, taken here as JSON with the same member names (the Commission publishes no JSON
 * schema of its own), either {@code {"notifications": [...]}} or a bare array. {@code reference} is the alert
 * number (e.g. {@code A12/00123/25}); {@code batchNumber_barcode} is free text that holds batch numbers and
 * barcodes together; {@code type_numberOfModel} the model(s).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SafetyGateAlert(
        @JsonProperty("reference") String reference,
        @JsonProperty("alertType") String alertType,
        @JsonProperty("category") String category,
        @JsonProperty("product") String product,
        @JsonProperty("name") String name,
        @JsonProperty("brand") String brand,
        @JsonProperty("type_numberOfModel") String typeNumberOfModel,
        @JsonProperty("batchNumber_barcode") String batchNumberBarcode,
        @JsonProperty("barcode") String barcode,
        @JsonProperty("countryOfOrigin") String countryOfOrigin,
        @JsonProperty("notifyingCountry") String notifyingCountry,
        @JsonProperty("description") String description,
        @JsonProperty("danger") String danger,
        @JsonProperty("riskType") String riskType,
        @JsonProperty("level") String level,
        @JsonProperty("measures") String measures,
        @JsonProperty("publicationDate") String publicationDate,
        @JsonProperty("URL") String url) {

    /** The export's root: {@code {"notifications": [...]}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(@JsonProperty("notifications") List<SafetyGateAlert> notifications) {
    }
}
