package com.helloword.aftersales.platform.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The AMAZON rows of dmn/platform-return-reason.dmn for the "Return Reason" codes of the merchant-fulfilled returns
 * report ({@code CR-} codes and Amazon's {@code AMZ-PG-} codes), evaluated by the DMN engine alone.
 */
class AmazonReturnReasonTableTest {

    static String xml;
    static DmnEngine dmn;
    static DmnDecision table;

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream in = AmazonReturnReasonTableTest.class.getClassLoader()
                .getResourceAsStream("dmn/platform-return-reason.dmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = AmazonReturnReasonTableTest.class.getClassLoader()
                .getResourceAsStream("dmn/platform-return-reason.dmn")) {
            table = dmn.parseDecision("platformReturnReason", in);
        }
    }

    static Map<String, Object> decide(String code) {
        return dmn.evaluateDecision(table, Variables.createVariables().putValue("platform", "AMAZON")
                .putValue("platformReason", code)).getSingleResult().getEntryMap();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "CR-UNWANTED_ITEM, CHANGED_MIND", "CR-ORDERED_WRONG_ITEM, CHANGED_MIND",
            "CR-FOUND_BETTER_PRICE, CHANGED_MIND", "CR-NOT_COMPATIBLE, CHANGED_MIND",
            "CR-NO_REASON_GIVEN, CHANGED_MIND", "CR-MISSED_ESTIMATED_DELIVERY, NOT_AS_DESCRIBED",
            "CR-UNAUTHORIZED_PURCHASE, CHANGED_MIND", "AMZ-PG-APP-TOO-SMALL, SIZE_FIT",
            "AMZ-PG-APP-TOO-LARGE, SIZE_FIT", "AMZ-PG-WJ-TOO-SMALL, SIZE_FIT", "CR-POOR_FIT, SIZE_FIT",
            "CR-DEFECTIVE, DEFECTIVE", "CR-QUALITY_UNACCEPTABLE, DEFECTIVE", "AMZ-PG-BAD-DESC, NOT_AS_DESCRIBED",
            "CR-DAMAGED_BY_CARRIER, DAMAGED", "CR-DAMAGED_BY_FC, DAMAGED", "CR-MISSING_PARTS, MISSING_PARTS",
            "CR-SWITCHEROO, WRONG_ITEM", "CR-EXTRA_ITEM, WRONG_ITEM", "UNWANTED_ITEM, CHANGED_MIND"})
    void theReportsReasonCodesAreKnown(String code, String reason) {
        Map<String, Object> result = decide(code);

        assertThat(result).containsEntry("reason", reason).containsEntry("known", true);
    }

    @Test
    void aCodeNoRowNamesFallsToTheLastRowWhereTheSellerPays() {
        assertThat(decide("UNDELIVERABLE_UNKNOWN")).containsEntry("reason", "NOT_AS_DESCRIBED")
                .containsEntry("known", false);
    }

    @Test
    void theTableKeepsFirstHitUniqueIdsAndTheCatchAllLast() {
        assertThat(xml).contains("hitPolicy=\"FIRST\"");
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(xml);
        while (id.find()) {
            ids.add(id.group(1));
        }
        assertThat(ids).doesNotHaveDuplicates();
        List<String> rules = ids.stream().filter(i -> i.startsWith("rule_")).toList();
        assertThat(rules.get(rules.size() - 1)).isEqualTo("rule_prrUnknown");
    }
}
