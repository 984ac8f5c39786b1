package com.helloword.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The designers' quality-loop tables (dmn/quality-loop.dmn), evaluated by the DMN engine alone. */
class QualityLoopTableTest {

    static DmnEngine dmn;
    static DmnDecision skuReturnAlert;
    static DmnDecision serialReturner;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        skuReturnAlert = decision("skuReturnAlert");
        serialReturner = decision("serialReturner");
    }

    private static DmnDecision decision(String key) throws Exception {
        try (InputStream in = QualityLoopTableTest.class.getClassLoader().getResourceAsStream("dmn/quality-loop.dmn")) {
            return dmn.parseDecision(key, in);
        }
    }

    private static Map<String, Object> alert(double rate, double average, int shipped) {
        return dmn.evaluateDecision(skuReturnAlert, Map.of("skuReturnRate", rate, "categoryAverageRate", average,
                "skuShipped", shipped)).getSingleResult().getEntryMap();
    }

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource(textBlock = """
            0.12,  0.10, false
            0.121, 0.10, true
            0.06,  0.05, false
            0.0601, 0.05, true
            0.30,  0.25, false
            0.31,  0.25, true
            0.10,  0.10, false
            0.05,  0.10, false
            0.00,  0.00, false
            0.01,  0.00, true
            """)
    void anSkuAlertsOnlyWhenMoreThanTwentyPercentAboveItsCategory(double rate, double average, boolean expected) {
        assertThat(alert(rate, average, 200)).containsEntry("alert", expected);
    }

    @Test
    void theAlertNoteNamesTheImprovementPlan() {
        assertThat(alert(0.5, 0.1, 200)).extractingByKey("note").asString().contains("improvement plan");
    }

    @Test
    void smallSamplesNeverAlert() {
        assertThat(alert(0.5, 0.1, 19)).containsEntry("alert", false).extractingByKey("note").asString()
                .contains("too few");
        assertThat(alert(0.5, 0.1, 0)).containsEntry("alert", false);
        assertThat(alert(0.5, 0.1, 20)).containsEntry("alert", true);
    }

    private static boolean serial(int returns, String tier) {
        return dmn.evaluateDecision(serialReturner, Map.of("changedMindReturns12m", returns, "buyerTier", tier))
                .getSingleResult().getEntry("serialReturner");
    }

    @Test
    void threeChangeOfMindReturnsInTwelveMonthsMakeASerialReturner() {
        for (String tier : new String[] {"NEW", "GROWING", "VALUED"}) {
            assertThat(serial(0, tier)).as(tier).isFalse();
            assertThat(serial(2, tier)).as(tier).isFalse();
            assertThat(serial(3, tier)).as(tier).isTrue();
            assertThat(serial(10, tier)).as(tier).isTrue();
        }
    }

    @Test
    void loyalAndDiamondBuyersAreSerialReturnersFromFive() {
        for (String tier : new String[] {"LOYAL", "DIAMOND"}) {
            assertThat(serial(3, tier)).as(tier).isFalse();
            assertThat(serial(4, tier)).as(tier).isFalse();
            assertThat(serial(5, tier)).as(tier).isTrue();
        }
    }
}
