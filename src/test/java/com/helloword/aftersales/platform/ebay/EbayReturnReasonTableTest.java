package com.helloword.aftersales.platform.ebay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The eBay rows of dmn/platform-return-reason.dmn: ReturnReasonEnum values of the Post-Order API. */
class EbayReturnReasonTableTest {

    static DmnEngine dmn;
    static DmnDecision reasons;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = EbayReturnReasonTableTest.class.getClassLoader()
                .getResourceAsStream("dmn/platform-return-reason.dmn")) {
            reasons = dmn.parseDecision("platformReturnReason", in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "WRONG_SIZE, SIZE_FIT, true",
            "ARRIVED_DAMAGED, DAMAGED, true",
            "DEFECTIVE_ITEM, DEFECTIVE, true",
            "MISSING_PARTS, MISSING_PARTS, true",
            "DIFFERENT_FROM_LISTING, NOT_AS_DESCRIBED, true",
            "FAKE_OR_COUNTERFEIT, NOT_AS_DESCRIBED, true",
            "CUSTOMIZED, NOT_AS_DESCRIBED, true",
            "DOES_NOT_FIT, NOT_AS_DESCRIBED, true",
            "ORDERED_DIFFERENT_ITEM, WRONG_ITEM, true",
            "ORDERED_WRONG_ITEM, CHANGED_MIND, true",
            "FOUND_BETTER_PRICE, CHANGED_MIND, true",
            "ARRIVED_LATE, NOT_AS_DESCRIBED, true",
            "OTHER, NOT_AS_DESCRIBED, false",
            "WITHDRAW_FROM_PURCHASE_CONTRACT, CHANGED_MIND, true",
            "WRONG_ITEM, NOT_AS_DESCRIBED, false",
            "IN_STORE_RETURN, NOT_AS_DESCRIBED, false"})
    void ebaysCodesMapToTheSystemsReasons(String code, String reason, boolean known) {
        Map<String, Object> result = dmn.evaluateDecision(reasons, Map.of("platform", "EBAY",
                "platformReason", code)).getSingleResult().getEntryMap();

        assertThat(result).containsEntry("reason", reason).containsEntry("known", known);
    }
}
