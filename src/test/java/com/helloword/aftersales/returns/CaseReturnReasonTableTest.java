package com.helloword.aftersales.returns;

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
 * The designers' caseReturnReason table (dmn/case-return-reason.dmn) on the DMN engine alone: every case
 * category the categoryDetection table gives becomes a return reason the returnPolicy table knows.
 */
class CaseReturnReasonTableTest {

    static DmnEngine dmn;
    static DmnDecision table;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = CaseReturnReasonTableTest.class.getClassLoader()
                .getResourceAsStream("dmn/case-return-reason.dmn")) {
            table = dmn.parseDecision("caseReturnReason", in);
        }
    }

    private static String reason(String category) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseCategory", category);
        return dmn.evaluateDecision(table, variables).getSingleResult().getEntry("reason");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "DAMAGED, DAMAGED", "DEFECTIVE, DEFECTIVE", "WRONG_ITEM, WRONG_ITEM", "MISSING_PARTS, MISSING_PARTS",
            "SIZE_FIT, SIZE_FIT", "COLOR_MISMATCH, COLOR_MISMATCH",
            "SAFETY_HAZARD, DEFECTIVE",
            "REFUND_REQUEST, CHANGED_MIND", "GENERAL, CHANGED_MIND", "CARE_QUESTION, CHANGED_MIND",
            "NOT_RECEIVED, NOT_AS_DESCRIBED", "LEGAL_THREAT, NOT_AS_DESCRIBED", "'', NOT_AS_DESCRIBED"})
    void aCaseCategoryBecomesAReturnReason(String category, String reason) {
        assertThat(reason(category)).isEqualTo(reason);
    }

    @Test
    void aCaseWithoutACategoryIsNotAsDescribed() {
        assertThat(reason(null)).isEqualTo("NOT_AS_DESCRIBED");
    }

    @Test
    void everyReasonTheTableGivesIsOneTheReturnsKnow() {
        for (String category : new String[] {"DAMAGED", "SAFETY_HAZARD", "GENERAL", "NOT_RECEIVED"}) {
            assertThat(ReturnReasons.ALL).contains(reason(category));
        }
    }
}
