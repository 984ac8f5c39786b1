package com.helloword.aftersales.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dmn/recall-trigger.dmn, rule group by rule group: a single case, many cases, the rate per 1000 units, below. */
class RecallTriggerTableTest {

    static DmnEngine dmn;
    static DmnDecision trigger;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = RecallTriggerTableTest.class.getClassLoader()
                .getResourceAsStream("dmn/recall-trigger.dmn")) {
            trigger = dmn.parseDecision(RecallTrigger.DECISION_KEY, in);
        }
    }

    private static Map<String, Object> decide(int cases, long units) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("safetyCases", cases);
        inputs.put("unitsSold", units);
        inputs.put("casesPerThousandUnits", units == 0 ? null : cases * 1000.0 / units);
        return dmn.evaluateDecision(trigger, inputs).getSingleResult().getEntryMap();
    }

    @ParameterizedTest(name = "{0} case(s) of {1} units: never on one case")
    @CsvSource({"0, 0", "1, 0", "1, 10", "1, 50"})
    void aSingleCaseIsNotYetAPattern(int cases, long units) {
        assertThat(decide(cases, units)).containsEntry("raise", false);
        assertThat((String) decide(cases, units).get("reason")).contains("not yet a pattern");
    }

    @ParameterizedTest(name = "{0} cases of {1} units")
    @CsvSource({"5, 100000", "5, 0", "9, 2000"})
    void fiveCasesInTheWindowRaiseWhateverWasSold(int cases, long units) {
        assertThat(decide(cases, units)).containsEntry("raise", true)
                .containsEntry("reason", "5 or more safety cases of the batch in the window");
    }

    @ParameterizedTest(name = "{0} cases of {1} units")
    @CsvSource({"2, 200", "3, 100", "4, 400"})
    void tenPerThousandUnitsRaise(int cases, long units) {
        assertThat(decide(cases, units)).containsEntry("raise", true)
                .containsEntry("reason", "10 or more safety cases per 1000 units sold in the window");
    }

    @ParameterizedTest(name = "{0} cases of {1} units")
    @CsvSource({"2, 201", "4, 401", "4, 100000", "2, 0"})
    void belowBothThresholdsTheSignalIsWatched(int cases, long units) {
        assertThat(decide(cases, units)).containsEntry("raise", false)
                .containsEntry("reason", "Below the thresholds: the signal is watched");
    }
}
