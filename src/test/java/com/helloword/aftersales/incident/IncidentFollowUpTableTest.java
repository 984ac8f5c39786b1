package com.helloword.aftersales.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The incidentFollowUp table by the DMN engine alone: every cause gets a reminder before the choice closes, and a
 * default preference that names every remedy, so the default is always one of the three offered; a parcel that
 * will still come defaults to the coupon, a lost or damaged one to a replacement.
 */
class IncidentFollowUpTableTest {

    static DmnEngine dmn;
    static DmnDecision followUp;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = IncidentFollowUpTableTest.class.getClassLoader()
                .getResourceAsStream("dmn/shipment-incident.dmn")) {
            followUp = dmn.parseDecision(ShipmentIncidentProcess.FOLLOW_UP_DECISION, in);
        }
    }

    static DmnDecisionRuleResult ask(String cause, String country) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("cause", cause);
        inputs.put("destinationCountry", country);
        return dmn.evaluateDecisionTable(followUp, inputs).getSingleResult();
    }

    @ParameterizedTest
    @CsvSource({"CUSTOMS_HOLD,FR,COUPON", "CARRIER_DELAY,DE,COUPON", "WEATHER,,COUPON", "LOST_IN_TRANSIT,US,RESHIP_EXPRESS",
            "DAMAGED_IN_TRANSIT,FR,RESHIP_EXPRESS", "STRIKE,FR,COUPON", "OTHER,,COUPON"})
    void eachCauseHasItsFollowUp(String cause, String country, String firstDefault) {
        DmnDecisionRuleResult answer = ask(cause, country);
        Duration reminder = Duration.parse(answer.getEntry("reminderAfter"));
        Duration window = Duration.parse(answer.getEntry("choiceWindow"));
        assertThat(reminder).isPositive().isLessThan(window);
        assertThat(window).isLessThanOrEqualTo(Duration.ofHours(24)); // 95 % settled within a day
        List<String> preference = List.of(((String) answer.getEntry("defaultPreference")).split(","));
        assertThat(preference.get(0)).isEqualTo(firstDefault);
        assertThat(preference).containsExactlyInAnyOrder("COUPON", "RESHIP_EXPRESS", "REFUND", "PARTIAL_REFUND");
    }
}
