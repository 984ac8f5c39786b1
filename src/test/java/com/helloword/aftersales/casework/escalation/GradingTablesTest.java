package com.helloword.aftersales.casework.escalation;

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

/** The designers' grading tables, evaluated by the DMN engine as deployed (dmn/*.dmn on the classpath). */
class GradingTablesTest {

    static DmnEngine dmn;
    static DmnDecision category;
    static DmnDecision urgency;
    static DmnDecision severity;
    static DmnDecision routing;
    static DmnDecision compensation;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        category = decision("dmn/category-detection.dmn", "categoryDetection");
        urgency = decision("dmn/urgency-detection.dmn", "urgencyDetection");
        severity = decision("dmn/severity-grading.dmn", "severityGrading");
        routing = decision("dmn/team-routing.dmn", "teamRouting");
        compensation = decision("dmn/compensation-tier.dmn", "compensationTier");
    }

    private static DmnDecision decision(String resource, String key) throws Exception {
        try (InputStream in = GradingTablesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return dmn.parseDecision(key, in);
        }
    }

    private static final StandaloneGrading STANDALONE = new StandaloneGrading();

    /** The phrase table's signals in a message, as the category and urgency tables read them. */
    private static Map<String, Object> signals(String subject, String body) {
        return Map.of("signals", STANDALONE.phrases().read(PreparedText.of(subject, body).words(), null).asInput());
    }

    private static String categoryOf(String subject, String body) {
        return dmn.evaluateDecisionTable(category, signals(subject, body)).getSingleResult().getEntry("category");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en | The charger started to smoke and burned my hand | SAFETY_HAZARD
            de | Das Netzteil hat Feuer gefangen!                  | SAFETY_HAZARD
            ja | 充電中に発火しました                              | SAFETY_HAZARD
            en | My lawyer will contact you, I filed an A-to-z claim | LEGAL_THREAT
            fr | Je vais porter plainte, contactez mon avocat       | LEGAL_THREAT
            en | My order has not arrived after three weeks        | NOT_RECEIVED
            de | Ich habe mein Paket nicht erhalten                  | NOT_RECEIVED
            es | No he recibido mi pedido                           | NOT_RECEIVED
            pl | Nie otrzymałem paczki                              | NOT_RECEIVED
            zh | 我还没有收到包裹，未收到                            | NOT_RECEIVED
            ar | لم أستلم الطلب حتى الآن                             | NOT_RECEIVED
            en | You sent me the wrong item                          | WRONG_ITEM
            zh | 错误商品，我订的是蓝色                               | WRONG_ITEM
            en | The lamp arrived broken                             | DAMAGED
            it | Il pacco è arrivato danneggiato                     | DAMAGED
            zh | 收到的时候杯子破损了                                 | DAMAGED
            en | It stopped working after two days                   | DEFECTIVE
            nl | Het apparaat werkt niet                             | DEFECTIVE
            es | La cafetera no funciona                             | DEFECTIVE
            en | The kettle isn't working anymore                    | DEFECTIVE
            ar | الخلاط لا يعمل                                       | DEFECTIVE
            sv | Kartongen var skadad vid leveransen                 | DAMAGED
            sv | Det saknas en del, förpackningen är ofullständig    | MISSING_PARTS
            pt | Quero o reembolso do meu dinheiro                   | REFUND_REQUEST
            en | The sweater is too small                            | SIZE_FIT
            fr | La taille est trop petite                           | SIZE_FIT
            en | How do I wash this sweater?                         | CARE_QUESTION
            en | Do you ship to Norway?                              | GENERAL
            """)
    void messagesAreCategorisedInEveryTeamLanguage(String language, String body, String expected) {
        assertThat(categoryOf("", body)).as(language).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            No damage at all, thanks, it arrived fine!        | GENERAL
            Kein Schaden, alles gut angekommen                 | GENERAL
            Le colis n'est pas abîmé, merci                   | GENERAL
            包裹没有损坏，谢谢                                  | GENERAL
            The box was fine but the mug inside is broken     | DAMAGED
            I love this brand, great quality                   | GENERAL
            I was shocked how fast it came                     | GENERAL
            Rien n'est cassé, merci beaucoup                   | GENERAL
            外箱の破損はありませんでした                          | GENERAL
            包裹没有一点损坏                                    | GENERAL
            The new firewall works, I'm fired up               | GENERAL
            Do the smoke alarms need a hub?                    | GENERAL
            Ist die Feuerschale wetterfest?                    | GENERAL
            """)
    void negationsAndOrdinaryWordsDoNotTripIt(String body, String expected) {
        assertThat(categoryOf("", body)).isEqualTo(expected);
    }

    @Test
    void onlySafetyHazardsCountTowardsTheRecallSignal() {
        assertThat((Boolean) dmn.evaluateDecisionTable(category,
                signals("", "The charger started to smoke and burned my hand")).getSingleResult()
                .getEntry("safetySignal")).isTrue();
        assertThat((Boolean) dmn.evaluateDecisionTable(category, signals("", "The mug arrived broken"))
                .getSingleResult().getEntry("safetySignal")).isFalse();
    }

    @Test
    void urgentWordingIsFoundButNotWhenDenied() {
        assertThat((Boolean) dmn.evaluateDecisionTable(urgency, signals("URGENT", "Please answer immediately"))
                .getSingleResult().getEntry("urgent")).isTrue();
        assertThat((Boolean) dmn.evaluateDecisionTable(urgency, signals("", "Not urgent, whenever you can"))
                .getSingleResult().getEntry("urgent")).isFalse();
    }

    private static Map<String, Object> grade(String category, double eur, String tier, int contacts, boolean urgent) {
        return dmn.evaluateDecisionTable(severity, Map.of("category", category, "orderValueEur", eur,
                "buyerTier", tier, "contactCount", contacts, "urgent", urgent)).getSingleResult().getEntryMap();
    }

    @Test
    void safetyAndLegalAreRedWithFifteenMinutesToClaimAndTwoHoursToAnswer() {
        assertThat(grade("SAFETY_HAZARD", 10, "NEW", 1, false))
                .containsEntry("severity", "RED").containsEntry("claimMinutes", 15)
                .containsEntry("firstReplyMinutes", 120).containsEntry("taskPriority", 90);
        assertThat(grade("LEGAL_THREAT", 10, "NEW", 1, false)).containsEntry("severity", "RED");
    }

    @Test
    void notReceivedIsRedOnlyAbove500Dollars() {
        assertThat(grade("NOT_RECEIVED", 461, "NEW", 1, false)).containsEntry("severity", "RED");
        assertThat(grade("NOT_RECEIVED", 460, "NEW", 1, false)).containsEntry("severity", "YELLOW")
                .containsEntry("firstReplyMinutes", 480);
    }

    @Test
    void theThirdContactAndUrgentProblemsAreRed() {
        assertThat(grade("GENERAL", 0, "NEW", 3, false)).containsEntry("severity", "RED");
        assertThat(grade("GENERAL", 0, "NEW", 2, false)).containsEntry("severity", "BLUE");
        assertThat(grade("DAMAGED", 20, "NEW", 1, true)).containsEntry("severity", "RED");
        assertThat(grade("SIZE_FIT", 20, "NEW", 1, true)).containsEntry("severity", "BLUE");
    }

    @Test
    void problemsAreYellowDiamondBuyersAtLeastYellowQuestionsBlue() {
        for (String problem : new String[] {"DAMAGED", "WRONG_ITEM", "DEFECTIVE", "NOT_RECEIVED"}) {
            assertThat(grade(problem, 20, "NEW", 1, false)).as(problem).containsEntry("severity", "YELLOW");
        }
        assertThat(grade("SIZE_FIT", 20, "DIAMOND", 1, false)).containsEntry("severity", "YELLOW");
        assertThat(grade("CARE_QUESTION", 20, "LOYAL", 1, false)).containsEntry("severity", "BLUE")
                .containsEntry("firstReplyMinutes", 1440);
        assertThat(grade("COLOR_MISMATCH", 20, "NEW", 1, false)).containsEntry("severity", "BLUE");
    }

    @Test
    void eachTeamLanguageHasItsTeamAndOthersGoToEnglish() {
        for (String language : new String[] {"en", "de", "fr", "es", "it", "nl", "pl", "sv", "pt", "ja", "ar", "zh"}) {
            assertThat((String) dmn.evaluateDecisionTable(routing, Map.of("language", language)).getSingleResult()
                    .getEntry("candidateGroup")).isEqualTo("agents-" + language);
        }
        assertThat((String) dmn.evaluateDecisionTable(routing, Map.of("language", "ko")).getSingleResult()
                .getEntry("candidateGroup")).isEqualTo("agents-en");
    }

    private static Map<String, Object> compensate(String category, double eur, String tier, int returns) {
        return dmn.evaluateDecisionTable(compensation, Map.of("category", category, "severity", "YELLOW",
                "orderValueEur", eur, "buyerTier", tier, "returnCount", returns)).getSingleResult().getEntryMap();
    }

    @Test
    void minorFaultsGetACouponAndMaterialComplaintsThirtyPercentToKeepTheItem() {
        assertThat(compensate("CARE_QUESTION", 30, "NEW", 0)).containsEntry("remedy", "COUPON")
                .containsEntry("couponEur", 5).containsEntry("approval", "AGENT");
        assertThat(compensate("REFUND_REQUEST", 30, "NEW", 0)).containsEntry("remedy", "PARTIAL_REFUND_KEEP_ITEM")
                .containsEntry("percent", 30);
    }

    @Test
    void sizeMeansExchangeAndLoyalBuyersDoNotPayPostage() {
        assertThat(compensate("SIZE_FIT", 40, "NEW", 0)).containsEntry("remedy", "FREE_EXCHANGE")
                .extractingByKey("note").asString().contains("buyer pays");
        assertThat(compensate("SIZE_FIT", 40, "LOYAL", 0)).extractingByKey("note").asString().contains("prepaid");
    }

    @Test
    void defectsAreReshippedButValuableOnesReturnedAndRefundedWithATeamLead() {
        assertThat(compensate("DAMAGED", 40, "NEW", 0)).containsEntry("remedy", "RESHIP")
                .containsEntry("approval", "AGENT");
        assertThat(compensate("DEFECTIVE", 250, "NEW", 0)).containsEntry("remedy", "RETURN_AND_REFUND")
                .containsEntry("approval", "TEAM_LEAD");
    }

    @Test
    void legalThreatsGoToASpecialistAndSerialReturnersToATeamLead() {
        assertThat(compensate("LEGAL_THREAT", 40, "NEW", 0)).containsEntry("approval", "DISPUTE_SPECIALIST");
        assertThat(compensate("SIZE_FIT", 40, "DIAMOND", 3)).containsEntry("approval", "TEAM_LEAD");
        assertThat(compensate("GENERAL", 40, "NEW", 0)).containsEntry("remedy", "NONE");
    }
}
