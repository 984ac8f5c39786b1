package com.helloword.aftersales.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** carrierRouteHealth by the DMN engine alone: above 1.2 % of 50 shipments or more a route switches. */
class CarrierRouteHealthTableTest {

    static DmnEngine dmn;
    static DmnDecision routeHealth;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = CarrierRouteHealthTableTest.class.getClassLoader()
                .getResourceAsStream("dmn/carrier-route-health.dmn")) {
            routeHealth = dmn.parseDecision("carrierRouteHealth", in);
        }
    }

    @ParameterizedTest(name = "{0} shipments, {1} % complained: switch {2} ({3})")
    @CsvSource({"100, 1.2, false, healthy", "100, 1.21, true, complaint rate above 1.2 %",
            "50, 2.0, true, complaint rate above 1.2 %", "49, 10.0, false, too few shipments to judge",
            "5000, 0.0, false, healthy"})
    void aRouteSwitchesAboveOnePointTwoPercentOnceItHasShipmentsEnoughToJudge(int shipments, double rate,
            boolean alert, String reason) {
        Map<String, Object> row = dmn.evaluateDecision(routeHealth, Map.of("shipments", shipments,
                "complaintRatePercent", rate)).getSingleResult().getEntryMap();
        assertThat(row.get("alert")).isEqualTo(alert);
        assertThat(row.get("reason")).isEqualTo(reason);
    }
}
