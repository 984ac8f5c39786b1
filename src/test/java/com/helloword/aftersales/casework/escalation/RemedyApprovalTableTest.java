package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The remedyApproval table (with the disputeRegion decision it requires) and the usualRemedySizes
 * table, evaluated by the DMN engine as deployed: the limits of DOMAIN.md section 3 are rows here.
 */
class RemedyApprovalTableTest {

    static DmnEngine dmn;
    static DmnDecision approval;
    static DmnDecision usualSizes;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        approval = decision("dmn/remedy-approval.dmn", "remedyApproval");
        usualSizes = decision("dmn/usual-remedy-sizes.dmn", "usualRemedySizes");
    }

    private static DmnDecision decision(String resource, String key) throws Exception {
        try (InputStream in = RemedyApprovalTableTest.class.getClassLoader().getResourceAsStream(resource)) {
            return dmn.parseDecision(key, in);
        }
    }

    private static Map<String, Object> approve(String remedy, int percent, double couponEur, double orderValueEur,
            String country) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("remedy", remedy);
        inputs.put("percent", percent);
        inputs.put("couponEur", couponEur);
        inputs.put("orderValueEur", orderValueEur);
        inputs.put("marketplaceCountry", country);
        return dmn.evaluateDecision(approval, inputs).getSingleResult().getEntryMap();
    }

    @ParameterizedTest(name = "{0} {1} % / {2} EUR on {3} EUR -> {4}")
    @CsvSource({
            "NONE,                     0,   0,  60, AGENT",
            "COUPON,                   0,   5,  60, AGENT",
            "COUPON,                   0,  10,  60, AGENT",
            "COUPON,                   0,  11,  60, TEAM_LEAD",
            "COUPON,                   0, 500,  60, TEAM_LEAD",
            "COUPON,                   0, 501,  60, NOT_ALLOWED",
            "COUPON,                   0,   0,  60, NOT_ALLOWED",
            "GOODWILL_DISCOUNT,       15,   0,  60, AGENT",
            "GOODWILL_DISCOUNT,       50,   0,  60, TEAM_LEAD",
            "GOODWILL_DISCOUNT,       51,   0,  60, NOT_ALLOWED",
            "PARTIAL_REFUND_KEEP_ITEM, 30,  0,  60, AGENT",
            "PARTIAL_REFUND_KEEP_ITEM, 100, 0,  60, TEAM_LEAD",
            "PARTIAL_REFUND_KEEP_ITEM, 150, 0,  60, DISPUTE_SPECIALIST",
            "PARTIAL_REFUND_KEEP_ITEM, 151, 0,  60, NOT_ALLOWED",
            "PARTIAL_REFUND_KEEP_ITEM, 0,   0,  60, NOT_ALLOWED",
            "REFUND,                  100,  0,  50, AGENT",
            "REFUND,                  100,  0, 500, TEAM_LEAD",
            "REFUND,                  100,  0, 501, DISPUTE_SPECIALIST",
            "RETURN_AND_REFUND,         0,  0, 900, AGENT",
            "RESHIP,                    0,  0, 100, AGENT",
            "RESHIP,                    0,  0, 101, TEAM_LEAD"})
    void theRowsSayWhoApproves(String remedy, int percent, double couponEur, double orderValueEur, String expected) {
        assertThat(approve(remedy, percent, couponEur, orderValueEur, "DE")).containsEntry("approval", expected);
    }

    @Test
    void whatNobodyMayApproveComesWithTheRowsReason() {
        assertThat(approve("PARTIAL_REFUND_KEEP_ITEM", 200, 0, 60, "DE")).extractingByKey("reason").asString()
                .contains("1 to 150 %");
        assertThat(approve("COUPON", 0, 600, 60, "DE")).extractingByKey("reason").asString()
                .contains("1 to 500 EUR");
        assertThat(approve("PARTIAL_REFUND_KEEP_ITEM", 30, 0, 60, "DE")).doesNotContainKey("reason");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"US, na", "MX, na", "AE, mena", "TR, mena", "JP, apac", "AU, apac", "DE, eu", "GB, eu", "CH, eu",
            "'', eu"})
    void aDisputeSpecialistOfTheMarketplacesRegionApprovesMoreThanTheOrderValue(String country, String region) {
        assertThat(approve("PARTIAL_REFUND_KEEP_ITEM", 120, 0, 60, country.isEmpty() ? null : country))
                .containsEntry("approval", "DISPUTE_SPECIALIST").containsEntry("region", region);
        assertThat(approve("PARTIAL_REFUND_KEEP_ITEM", 30, 0, 60, country.isEmpty() ? null : country))
                .doesNotContainKey("region");
    }

    @Test
    void theFormOffersThirtyPercentAndAFiveEuroCouponWhenTheSuggestionCarriesNoSize() {
        Map<String, Object> category = new HashMap<>();
        category.put("category", "DAMAGED");
        assertThat(dmn.evaluateDecision(usualSizes, category).getSingleResult().getEntryMap())
                .containsEntry("percent", 30).containsEntry("couponEur", 5.0);
    }
}
