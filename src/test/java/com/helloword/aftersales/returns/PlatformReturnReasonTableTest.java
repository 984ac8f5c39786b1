package com.helloword.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The designers' platformReturnReason table (dmn/platform-return-reason.dmn) on the DMN engine alone:
 * Shopify's reasons, codes that name no reason, late deliveries and codes of a platform with no rows.
 * eBay's and Amazon's own codes are in EbayReturnReasonTableTest and AmazonReturnReasonTableTest.
 */
class PlatformReturnReasonTableTest {

    static DmnEngine dmn;
    static DmnDecision table;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = PlatformReturnReasonTableTest.class.getClassLoader()
                .getResourceAsStream("dmn/platform-return-reason.dmn")) {
            table = dmn.parseDecision("platformReturnReason", in);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2} (known {3})")
    @CsvSource({
            "SHOPIFY, SIZE_TOO_SMALL, SIZE_FIT, true",
            "SHOPIFY, SIZE_TOO_LARGE, SIZE_FIT, true",
            "SHOPIFY, COLOR, COLOR_MISMATCH, true",
            "SHOPIFY, DEFECTIVE, DEFECTIVE, true",
            "SHOPIFY, NOT_AS_DESCRIBED, NOT_AS_DESCRIBED, true",
            "SHOPIFY, WRONG_ITEM, WRONG_ITEM, true",
            "SHOPIFY, UNWANTED, CHANGED_MIND, true",
            "SHOPIFY, STYLE, CHANGED_MIND, true",
            // no reason named: the seller pays, and it never counts as "changed my mind" towards the flag
            "SHOPIFY, OTHER, NOT_AS_DESCRIBED, false",
            "SHOPIFY, UNKNOWN, NOT_AS_DESCRIBED, false",
            "EBAY, OTHER, NOT_AS_DESCRIBED, false",
            // late is the seller's side
            "EBAY, ARRIVED_LATE, NOT_AS_DESCRIBED, true",
            "AMAZON, CR-MISSED_ESTIMATED_DELIVERY, NOT_AS_DESCRIBED, true",
            // a platform with no rows, an empty code
            "ALIEXPRESS, WRONG_SIZE, NOT_AS_DESCRIBED, false",
            "SHOPIFY, '', NOT_AS_DESCRIBED, false"})
    void platformCodesMapToTheSystemsReasons(String platform, String code, String reason, boolean known) {
        Map<String, Object> result = dmn.evaluateDecision(table, Map.of("platform", platform, "platformReason", code))
                .getSingleResult().getEntryMap();

        assertThat(result).containsEntry("reason", reason).containsEntry("known", known);
    }
}
