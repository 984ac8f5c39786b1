package com.helloword.aftersales.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * recallMarketRules per market and recallPolicy, evaluated by the DMN engine alone and read the way the recall
 * reads them ({@link MarketRules.Rule#of}): every answer is one the process can use (a duration, remedies the
 * recall page offers, a notice template that exists).
 */
class RecallTablesTest {

    static DmnEngine dmn;
    static DmnDecision marketRules;
    static DmnDecision policy;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = RecallTablesTest.class.getClassLoader().getResourceAsStream("dmn/recall-market-rules.dmn")) {
            marketRules = dmn.parseDecision("recallMarketRules", in);
        }
        try (InputStream in = RecallTablesTest.class.getClassLoader().getResourceAsStream("dmn/recall-policy.dmn")) {
            policy = dmn.parseDecision("recallPolicy", in);
        }
    }

    static MarketRules.Rule market(String country) {
        return MarketRules.Rule.of(dmn.evaluateDecision(marketRules, Map.of("country", country)).getSingleResult()
                .getEntryMap());
    }

    @ParameterizedTest(name = "{0}: {1} within {2}")
    @CsvSource({"US, US_CPSC, PT24H, recall-notice", "DE, EU_SBG, P2D, recall-notice-gpsr",
            "FR, EU_SBG, P2D, recall-notice-gpsr", "IT, EU_SBG, P2D, recall-notice-gpsr",
            "NO, EU_SBG, P2D, recall-notice-gpsr", "GB, UK_OPSS, P2D, recall-notice", "UK, UK_OPSS, P2D, recall-notice",
            "CA, CA_HC, P2D, recall-notice", "AU, AU_ACCC, P2D, recall-notice", "JP, JP_METI, P10D, recall-notice",
            "BR, LOCAL, P2D, recall-notice"})
    void eachMarketHasItsAuthorityDeadlineAndNotice(String country, String authority, String deadline,
            String template) {
        MarketRules.Rule rule = market(country);
        assertThat(rule.authority()).isEqualTo(authority);
        assertThat(Duration.parse(rule.filingDeadline())).isEqualTo(Duration.parse(deadline));
        assertThat(rule.noticeTemplate()).isEqualTo(template);
        assertThat(rule.authorityName()).isNotBlank();
        assertThat(rule.legalBasis()).isNotBlank();
        assertThat(rule.recallLevel()).isEqualTo("CONSUMER");
    }

    @Test
    void theUsReportIsDueWithinTwentyFourHours() {
        assertThat(market("US").legalBasis()).contains("15(b)", "24 hours");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "NO", "IS", "LI"})
    void everyEuAndEeaMarketFilesThroughTheOneGatewayWithTwoRemediesAtLeast(String country) {
        MarketRules.Rule rule = market(country);
        assertThat(rule.authority()).isEqualTo("EU_SBG");
        assertThat(rule.legalBasis()).contains("2023/988");
        // GPSR Art. 37: at least two of repair, replacement and refund
        assertThat(rule.remedies()).hasSizeGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"US", "DE", "GB", "CA", "AU", "JP", "BR", "CH", "CN"})
    void everyAnswerIsOneTheRecallCanOffer(String country) {
        MarketRules.Rule rule = market(country);
        assertThat(rule.remedies()).isNotEmpty().allSatisfy(r -> RecallRemedy.valueOf(r));
        assertThat(RecallTablesTest.class.getClassLoader().getResource("templates/mail/" + rule.noticeTemplate()
                + "/en.ftlh")).as(rule.noticeTemplate()).isNotNull();
    }

    @Test
    void thePolicyGivesEverySkuAPeriodATargetAndReminders() {
        Map<String, Object> answer = dmn.evaluateDecision(policy, Map.of("sku", "ANY-SKU")).getSingleResult()
                .getEntryMap();
        assertThat(Duration.parse((String) answer.get("monitorPeriod"))).isEqualTo(Duration.ofDays(14));
        assertThat(((Number) answer.get("completionTarget")).doubleValue()).isEqualTo(0.95);
        assertThat(Duration.parse((String) answer.get("reminderAfter"))).isEqualTo(Duration.ofDays(7));
        assertThat(((Number) answer.get("reminderCount")).intValue()).isEqualTo(3);
        assertThat(Duration.parse((String) answer.get("filingWarnBefore"))).isEqualTo(Duration.ofHours(6));
        assertThat(Arrays.asList("monitorPeriod", "completionTarget", "reminderAfter", "reminderCount",
                "filingWarnBefore")).allSatisfy(name -> assertThat(answer).containsKey(name));
    }
}
