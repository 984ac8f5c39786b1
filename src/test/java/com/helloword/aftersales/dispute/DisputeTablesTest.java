package com.helloword.aftersales.dispute;

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
 * The tables of dispute arbitration, by the DMN engine alone: remedyApproval as a dispute's decision puts it (the
 * limits 30 / 100 / 150 % and the second approver above the order value), the caller's own limit found by asking
 * the table the way {@link DisputeLimits} does, platformResponseDeadline and caseClaimType.
 */
class DisputeTablesTest {

    static DmnEngine dmn;
    static DmnDecision approval;
    static DmnDecision deadline;
    static DmnDecision caseClaimType;
    static DmnDecision consistency;
    static DmnDecision storeHealth;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = resource("dmn/remedy-approval.dmn")) {
            approval = dmn.parseDecision("remedyApproval", in);
        }
        try (InputStream in = resource("dmn/dispute-arbitration.dmn")) {
            deadline = dmn.parseDecision("platformResponseDeadline", in);
        }
        try (InputStream in = resource("dmn/dispute-arbitration.dmn")) {
            caseClaimType = dmn.parseDecision("caseClaimType", in);
        }
        try (InputStream in = resource("dmn/dispute-arbitration.dmn")) {
            consistency = dmn.parseDecision("remedyConsistency", in);
        }
        try (InputStream in = resource("dmn/store-health.dmn")) {
            storeHealth = dmn.parseDecision("storeHealth", in);
        }
    }

    private static InputStream resource(String name) {
        return DisputeTablesTest.class.getClassLoader().getResourceAsStream(name);
    }

    static DisputeLimits.Answer ask(String remedy, int percent, double orderValueEur, String country) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("remedy", remedy);
        inputs.put("percent", percent);
        inputs.put("couponEur", 0.0);
        inputs.put("orderValueEur", orderValueEur);
        inputs.put("marketplaceCountry", country);
        return DisputeLimits.answer(dmn.evaluateDecision(approval, inputs).getSingleResult().getEntryMap());
    }

    @ParameterizedTest(name = "{0} % back: {1}, second approver {2}")
    @CsvSource(nullValues = "-", value = {"29, AGENT, -", "30, AGENT, -", "31, TEAM_LEAD, -", "100, TEAM_LEAD, -",
            "101, DISPUTE_SPECIALIST, managers", "150, DISPUTE_SPECIALIST, managers", "151, NOT_ALLOWED, -"})
    void aPartialRefundNeedsTheLevelOfItsShareOfTheOrder(int percent, String level, String secondApprover) {
        DisputeLimits.Answer answer = ask("PARTIAL_REFUND_KEEP_ITEM", percent, 80.0, "DE");
        assertThat(answer.approval()).isEqualTo(level);
        assertThat(answer.secondApprover()).isEqualTo(secondApprover);
        assertThat(answer.notAllowed()).isEqualTo(percent > 150);
    }

    @ParameterizedTest(name = "{0} at {1} % is within {2}: {3}")
    @CsvSource({"TEAM_LEAD, 100, true", "TEAM_LEAD, 101, false", "DISPUTE_SPECIALIST, 150, true",
            "DISPUTE_SPECIALIST, 151, false", "AGENT, 30, true", "AGENT, 31, false"})
    void aLevelHoldsWhatTheTableGivesIt(String level, int percent, boolean within) {
        assertThat(DisputeLimits.within(ask("PARTIAL_REFUND_KEEP_ITEM", percent, 80.0, "DE"), level)).isEqualTo(within);
    }

    @Test
    void theCallersLevelFollowsTheirGroupsAndTheDisputesRegion() {
        assertThat(DisputeLimits.levelOf(java.util.List.of("dispute-specialists-eu"), "eu")).isEqualTo("DISPUTE_SPECIALIST");
        assertThat(DisputeLimits.levelOf(java.util.List.of("dispute-specialists-na"), "eu")).isNull();
        assertThat(DisputeLimits.levelOf(java.util.List.of("managers"), "apac")).isEqualTo("DISPUTE_SPECIALIST");
        assertThat(DisputeLimits.levelOf(java.util.List.of("team-leads"), "eu")).isEqualTo("TEAM_LEAD");
        assertThat(DisputeLimits.levelOf(java.util.List.of("agents-de"), "eu")).isNull();
    }

    @Test
    void acceptingAndReshippingArePutAsTheRemedyTheyAmountTo() {
        // ACCEPT is the order's refund: rows by the order's value
        assertThat(ask("REFUND", 100, 40.0, "DE").approval()).isEqualTo("AGENT");
        assertThat(ask("REFUND", 100, 300.0, "DE").approval()).isEqualTo("TEAM_LEAD");
        assertThat(ask("REFUND", 100, 900.0, "US")).satisfies(a -> {
            assertThat(a.approval()).isEqualTo("DISPUTE_SPECIALIST");
            assertThat(a.secondApprover()).isNull();
        });
        // CONTEST is no remedy at all
        assertThat(ask("NONE", 0, 80.0, "DE").approval()).isEqualTo("AGENT");
        assertThat(ask("RESHIP", 0, 80.0, "DE").approval()).isIn("AGENT", "TEAM_LEAD");
    }

    @ParameterizedTest(name = "{0} {1}: {2} days, warned {3} h before")
    @CsvSource({"PAYPAL, ITEM_NOT_RECEIVED, 10, 48", "EBAY, NOT_AS_DESCRIBED, 3, 24", "AMAZON, ITEM_NOT_RECEIVED, 3, 24",
            "SHOPIFY, CHARGEBACK, 7, 48", "SHOPIFY, UNAUTHORIZED, 7, 48", "SHOPIFY, OTHER, 5, 24", "CASE, OTHER, 2, 12",
            "API, NOT_AS_DESCRIBED, 2, 12", "TASKLIST, CHARGEBACK, 2, 12"})
    void eachPlatformHasItsDeadlineWhenItGivesNone(String source, String claimType, int days, int warnHours) {
        Map<String, Object> row = dmn.evaluateDecision(deadline, Map.of("claimSource", source, "claimType", claimType))
                .getSingleResult().getEntryMap();
        assertThat(((Number) row.get("responseDays")).intValue()).isEqualTo(days);
        assertThat(((Number) row.get("warnHoursBefore")).intValue()).isEqualTo(warnHours);
        assertThat(warnHours).isLessThan(days * 24);
    }

    @ParameterizedTest(name = "case category {0} is a {1} claim")
    @CsvSource({"NOT_RECEIVED, ITEM_NOT_RECEIVED", "DAMAGED, NOT_AS_DESCRIBED", "WRONG_ITEM, NOT_AS_DESCRIBED",
            "DEFECTIVE, NOT_AS_DESCRIBED", "REFUND_REQUEST, OTHER", "GENERAL, OTHER"})
    void aCasesCategoryGivesItsClaimType(String category, String claimType) {
        Object answer = dmn.evaluateDecision(caseClaimType, Map.of("caseCategory", category)).getSingleEntry();
        assertThat(answer).isEqualTo(claimType);
    }

    @ParameterizedTest(name = "{0}: within {1} points, from {2} stores")
    @CsvSource({"SAFETY_HAZARD, 5, 2", "DAMAGED, 10, 2", "NOT_AS_DESCRIBED, 10, 2"})
    void remediesAreComparedAcrossStoresWithinTheTablesTolerance(String category, int points, int stores) {
        Map<String, Object> row = dmn.evaluateDecision(consistency, Map.of("category", category)).getSingleResult()
                .getEntryMap();
        assertThat(((Number) row.get("tolerancePoints")).intValue()).isEqualTo(points);
        assertThat(((Number) row.get("minimumStores")).intValue()).isEqualTo(stores);
    }

    @ParameterizedTest(name = "{0} orders, {1} % disputed: pause {2}")
    @CsvSource({"100, 2.5, false", "100, 2.51, true", "25, 4.0, true", "19, 10.0, false", "1000, 0.0, false"})
    void aStoreIsPausedAboveTwoAndAHalfPercentOnceItHasOrdersEnoughToJudge(int orders, double rate, boolean pause) {
        Map<String, Object> row = dmn.evaluateDecision(storeHealth, Map.of("orders", orders, "disputeRatePercent", rate))
                .getSingleResult().getEntryMap();
        assertThat(row.get("alert")).isEqualTo(pause);
        assertThat(row.get("reason")).isNotNull();
    }
}
