package com.helloword.aftersales.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parcel watch's tables by the DMN engine alone: parcelQuietLimit (3 days by default, DHL in Germany 2, Latin
 * America 7, economy 6, with the options offered) and carrierExceptionHandling (each 17TRACK sub-status to its
 * kind, path, buyer mail and team; anything unknown to logistics).
 */
class ParcelWatchTablesTest {

    static DmnEngine dmn;
    static DmnDecision quiet;
    static DmnDecision exceptions;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = resource("dmn/parcel-quiet-limit.dmn")) {
            quiet = dmn.parseDecision("parcelQuietLimit", in);
        }
        try (InputStream in = resource("dmn/carrier-exception-handling.dmn")) {
            exceptions = dmn.parseDecision("carrierExceptionHandling", in);
        }
    }

    private static InputStream resource(String name) {
        return ParcelWatchTablesTest.class.getClassLoader().getResourceAsStream(name);
    }

    static DmnDecisionResultEntries quietLimit(String country, String carrier, String service) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("destinationCountry", country);
        inputs.put("carrier", carrier);
        inputs.put("service", service);
        return dmn.evaluateDecision(quiet, inputs).getSingleResult();
    }

    static DmnDecisionResultEntries handling(String status, String subStatus, String country) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("status", status);
        inputs.put("subStatus", subStatus);
        inputs.put("destinationCountry", country);
        return dmn.evaluateDecision(exceptions, inputs).getSingleResult();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "US, UPS, null, 3, 'WAIT_WITH_COUPON,RESHIP,REFUND'",
            "FR, Colissimo, null, 3, 'WAIT_WITH_COUPON,RESHIP,REFUND'",
            "DE, DHL, null, 2, 'WAIT_WITH_COUPON,RESHIP,REFUND'",
            "DE, UPS, null, 3, 'WAIT_WITH_COUPON,RESHIP,REFUND'",
            "BR, Correios, null, 7, 'WAIT_WITH_COUPON,REFUND'",
            "US, USPS, economy, 6, 'WAIT_WITH_COUPON,RESHIP,REFUND'",
            "null, null, null, 3, 'WAIT_WITH_COUPON,RESHIP,REFUND'"})
    void theQuietLimitDependsOnCountryCarrierAndService(String country, String carrier, String service, int days,
            String options) {
        DmnDecisionResultEntries row = quietLimit(country, carrier, service);

        assertThat(((Number) row.getEntry("quietDays")).intValue()).isEqualTo(days);
        assertThat((String) row.getEntry("offeredOptions")).isEqualTo(options);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "EXCEPTION, Exception_Returning, RETURNED_TO_SENDER, RESHIP_OR_REFUND_OFFER, parcel-exception",
            "EXCEPTION, Exception_Returned, RETURNED_TO_SENDER, RESHIP_OR_REFUND_OFFER, parcel-exception",
            "EXCEPTION, Exception_Security, CUSTOMS_HOLD, CUSTOMS_DOCUMENTS_TASK, parcel-exception",
            "DELIVERY_FAILURE, DeliveryFailure_InvalidAddress, ADDRESS_PROBLEM, ASK_ADDRESS, parcel-exception",
            "EXCEPTION, Exception_NoBody, ADDRESS_PROBLEM, ASK_ADDRESS, parcel-exception",
            "EXCEPTION, Exception_Damage, DAMAGED, CLAIM_WITH_CARRIER, parcel-exception",
            "EXCEPTION, Exception_Lost, LOST, CLAIM_WITH_CARRIER, parcel-exception",
            "EXPIRED, Expired_Other, LOST, CLAIM_WITH_CARRIER, parcel-exception",
            "EXCEPTION, Exception_Delayed, DELAYED, NONE, ''",
            "EXCEPTION, Exception_Other, OTHER, LOGISTICS_REVIEW, ''",
            "EXCEPTION, null, OTHER, LOGISTICS_REVIEW, ''"})
    void eachExceptionHasItsPath(String status, String subStatus, String kind, String path, String mail) {
        DmnDecisionResultEntries row = handling(status, subStatus, "FR");

        assertThat((String) row.getEntry("kind")).isEqualTo(kind);
        assertThat((String) row.getEntry("path")).isEqualTo(path);
        assertThat((String) row.getEntry("buyerMail")).isEqualTo(mail);
        assertThat((String) row.getEntry("teamGroup")).isEqualTo("logistics");
    }

    @Test
    void everyRowOfBothTablesIsReachable() {
        assertThat(handling("EXCEPTION", "Exception_Rejected", "US").getEntry("kind").toString())
                .isEqualTo("RETURNED_TO_SENDER");
        assertThat(handling("DELIVERY_FAILURE", "DeliveryFailure_Security", "GB").getEntry("kind").toString())
                .isEqualTo("CUSTOMS_HOLD");
        assertThat(handling("EXCEPTION", "Exception_Destroyed", "JP").getEntry("kind").toString()).isEqualTo("LOST");
        assertThat(((Number) quietLimit("MX", "DHL", null).getEntry("quietDays")).intValue()).isEqualTo(7);
    }
}
