package com.helloword.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.helloword.aftersales.returns.ReturnPolicy.Decision;
import com.helloword.aftersales.returns.ReturnPolicy.Request;

/**
 * The designers' return policy (dmn/return-policy.dmn, entry decision returnPolicy with its required
 * decisions), evaluated by the DMN engine alone, with the inputs and outputs mapped by {@link ReturnPolicy}.
 */
class ReturnPolicyTableTest {

    static final LocalDate DELIVERED = LocalDate.of(2025, 3, 3);

    static DmnEngine dmn;
    static DmnDecision policy;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = ReturnPolicyTableTest.class.getClassLoader().getResourceAsStream("dmn/return-policy.dmn")) {
            policy = dmn.parseDecision("returnPolicy", in);
        }
    }

    private static Decision decide(Request request) {
        return ReturnPolicy.decision(dmn.evaluateDecision(policy, ReturnPolicy.variables(request)).getSingleResult()
                .getEntryMap(), request, "test");
    }

    private static Decision decide(String market, String reason, int day, String tier, String category,
            Integer storeWindowDays, boolean serialReturner) {
        return decide(new Request(market, reason, DELIVERED, DELIVERED.plusDays(day), tier, category, storeWindowDays,
                serialReturner));
    }

    private static Decision decide(String market, String reason, int day) {
        return decide(market, reason, day, "NEW", "APPAREL", null, false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DE", "FR", "GB", "UK", "NO"})
    void europeHasFourteenDaysDayFourteenInDayFifteenOut(String market) {
        for (String reason : new String[] {"CHANGED_MIND", "SIZE_FIT", "COLOR_MISMATCH"}) {
            Decision lastDay = decide(market, reason, 14);
            assertThat(lastDay.eligible()).as(market + " " + reason).isTrue();
            assertThat(lastDay.windowDays()).isEqualTo(14);
            assertThat(lastDay.lastDay()).isEqualTo(DELIVERED.plusDays(14));
            assertThat(lastDay.refusalReason()).isNull();
            Decision late = decide(market, reason, 15);
            assertThat(late.eligible()).as(market + " " + reason).isFalse();
            assertThat(late.refusalReason()).isEqualTo("WINDOW_PASSED");
            assertThat(late.ruleNote()).contains("day 15").contains("14 days");
        }
        assertThat(decide(market, "CHANGED_MIND", 0).eligible()).as("the delivery day").isTrue();
    }

    @Test
    void theWindowCountsFromTheLastItemOfASplitDelivery() {
        LocalDate first = LocalDate.of(2025, 3, 1);
        LocalDate last = LocalDate.of(2025, 3, 5);
        LocalDate deliveredOn = ReturnPolicy.lastDelivery(List.of(last, first));
        assertThat(deliveredOn).isEqualTo(last);
        assertThat(ReturnPolicy.daysSinceDelivery(deliveredOn, LocalDate.of(2025, 3, 19))).isEqualTo(14);
        assertThat(ReturnPolicy.daysSinceDelivery(first, LocalDate.of(2025, 3, 19))).isEqualTo(18);

        for (String market : new String[] {"DE", "FR"}) {
            Decision in = decide(new Request(market, "CHANGED_MIND", deliveredOn, LocalDate.of(2025, 3, 19), "NEW",
                    "APPAREL", null, false));
            assertThat(in.eligible()).as(market).isTrue();
            assertThat(in.lastDay()).isEqualTo(LocalDate.of(2025, 3, 19));
            Decision out = decide(new Request(market, "CHANGED_MIND", deliveredOn, LocalDate.of(2025, 3, 20), "NEW",
                    "APPAREL", null, false));
            assertThat(out.eligible()).as(market).isFalse();
            assertThat(out.refusalReason()).isEqualTo("WINDOW_PASSED");
        }
    }

    @Test
    void beforeTheLastItemArrivesTheWindowHasNotStarted() {
        assertThat(ReturnPolicy.lastDelivery(Arrays.asList(LocalDate.of(2025, 3, 1), null))).isNull();
        assertThat(ReturnPolicy.lastDelivery(List.of())).isNull();
        assertThat(ReturnPolicy.daysSinceDelivery(null, LocalDate.of(2025, 3, 19))).isZero();
        assertThat(ReturnPolicy.daysSinceDelivery(LocalDate.of(2025, 3, 20), LocalDate.of(2025, 3, 19))).isZero();

        Decision undelivered = decide(new Request("DE", "CHANGED_MIND", null, LocalDate.of(2025, 3, 19), "NEW",
                "APPAREL", null, false));
        assertThat(undelivered.eligible()).isTrue();
        assertThat(undelivered.windowDays()).isEqualTo(14);
        assertThat(undelivered.lastDay()).isNull();
    }

    @ParameterizedTest(name = "{0}: {1} days")
    @CsvSource(textBlock = """
            SG, 21
            MY, 21
            ID, 21
            US, 7
            CA, 7
            JP, 7
            """)
    void seAsiaHasTwentyOneDaysAndElsewhereSevenDaysNoReason(String market, int days) {
        Decision last = decide(market, "CHANGED_MIND", days);
        assertThat(last.eligible()).isTrue();
        assertThat(last.windowDays()).isEqualTo(days);
        assertThat(last.postagePaidBy()).isEqualTo("BUYER");
        Decision late = decide(market, "CHANGED_MIND", days + 1);
        assertThat(late.eligible()).isFalse();
        assertThat(late.refusalReason()).isEqualTo("WINDOW_PASSED");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DEFECTIVE", "DAMAGED", "WRONG_ITEM", "MISSING_PARTS", "NOT_AS_DESCRIBED"})
    void qualityFaultsHaveThirtyDaysInEveryMarketAndTheSellerPays(String reason) {
        for (String market : new String[] {"DE", "FR", "GB", "SG", "US"}) {
            Decision last = decide(market, reason, 30);
            assertThat(last.eligible()).as(market).isTrue();
            assertThat(last.windowDays()).isEqualTo(30);
            assertThat(last.postagePaidBy()).isEqualTo("SELLER");
            assertThat(last.freeExchange()).isTrue();
            Decision late = decide(market, reason, 31);
            assertThat(late.eligible()).as(market).isFalse();
            assertThat(late.refusalReason()).isEqualTo("WINDOW_PASSED");
        }
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(textBlock = """
            CHANGED_MIND,     NEW,     BUYER
            CHANGED_MIND,     LOYAL,   BUYER
            CHANGED_MIND,     DIAMOND, SELLER
            SIZE_FIT,         NEW,     BUYER
            SIZE_FIT,         VALUED,  BUYER
            SIZE_FIT,         LOYAL,   SELLER
            SIZE_FIT,         DIAMOND, SELLER
            COLOR_MISMATCH,   GROWING, BUYER
            COLOR_MISMATCH,   LOYAL,   SELLER
            DEFECTIVE,        NEW,     SELLER
            DAMAGED,          NEW,     SELLER
            WRONG_ITEM,       NEW,     SELLER
            MISSING_PARTS,    NEW,     SELLER
            NOT_AS_DESCRIBED, NEW,     SELLER
            RECALL,           NEW,     SELLER
            """)
    void postagePayerPerReasonAndTier(String reason, String tier, String payer) {
        assertThat(decide("DE", reason, 3, tier, "APPAREL", null, false).postagePaidBy()).isEqualTo(payer);
    }

    @Test
    void loyalAndDiamondBuyersExchangeSizesForFreeAndDiamondBuyersGetAPickup() {
        Decision valued = decide("DE", "SIZE_FIT", 3, "VALUED", "APPAREL", null, false);
        assertThat(valued.freeExchange()).isFalse();
        assertThat(valued.freePickup()).isFalse();
        assertThat(valued.ruleNote()).contains("buyer pays");

        Decision loyal = decide("DE", "SIZE_FIT", 3, "LOYAL", "APPAREL", null, false);
        assertThat(loyal.freeExchange()).isTrue();
        assertThat(loyal.freePickup()).isFalse();
        assertThat(loyal.postagePaidBy()).isEqualTo("SELLER");

        Decision diamond = decide("DE", "SIZE_FIT", 3, "DIAMOND", "APPAREL", null, false);
        assertThat(diamond.freeExchange()).isTrue();
        assertThat(diamond.freePickup()).isTrue();

        for (String reason : new String[] {"CHANGED_MIND", "DEFECTIVE", "COLOR_MISMATCH"}) {
            assertThat(decide("US", reason, 1, "DIAMOND", "APPAREL", null, false).freePickup()).as(reason).isTrue();
            assertThat(decide("US", reason, 1, "LOYAL", "APPAREL", null, false).freePickup()).as(reason).isFalse();
        }
        assertThat(decide("US", "CHANGED_MIND", 1, "LOYAL", "APPAREL", null, false).freeExchange()).isTrue();
        assertThat(decide("US", "CHANGED_MIND", 1, "NEW", "APPAREL", null, false).freeExchange()).isFalse();
    }

    @Test
    void aStoresLongerWindowWinsAShorterOneDoesNot() {
        Decision store = decide("US", "CHANGED_MIND", 30, "NEW", "APPAREL", 30, false);
        assertThat(store.eligible()).isTrue();
        assertThat(store.windowDays()).isEqualTo(30);
        assertThat(store.ruleNote()).contains("Store's own window: 30 days");
        assertThat(decide("US", "CHANGED_MIND", 31, "NEW", "APPAREL", 30, false).refusalReason())
                .isEqualTo("WINDOW_PASSED");
        assertThat(decide("DE", "SIZE_FIT", 30, "NEW", "APPAREL", 30, false).eligible()).isTrue();

        Decision shorter = decide("DE", "CHANGED_MIND", 14, "NEW", "APPAREL", 10, false);
        assertThat(shorter.eligible()).as("the statutory 14 days stay").isTrue();
        assertThat(shorter.windowDays()).isEqualTo(14);
        assertThat(decide("SG", "CHANGED_MIND", 21, "NEW", "APPAREL", 14, false).windowDays()).isEqualTo(21);

        assertThat(decide("US", "DEFECTIVE", 45, "NEW", "APPAREL", 45, false).eligible())
                .as("a longer store window covers quality faults too").isTrue();
        assertThat(decide("US", "DEFECTIVE", 30, "NEW", "APPAREL", 20, false).windowDays()).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HYGIENE", "CUSTOM_MADE", "PERISHABLE", "UNDERWEAR"})
    void nonReturnableCategoriesAreRefusedForChangeOfMindButNotForQualityFaults(String category) {
        for (String reason : new String[] {"CHANGED_MIND", "SIZE_FIT", "COLOR_MISMATCH"}) {
            Decision refused = decide("DE", reason, 1, "DIAMOND", category, null, false);
            assertThat(refused.eligible()).as(reason).isFalse();
            assertThat(refused.refusalReason()).isEqualTo("NON_RETURNABLE");
            assertThat(refused.ruleNote()).startsWith(category);
        }
        Decision defective = decide("DE", "DEFECTIVE", 1, "NEW", category, null, false);
        assertThat(defective.eligible()).isTrue();
        assertThat(defective.postagePaidBy()).isEqualTo("SELLER");
        assertThat(decide("DE", "CHANGED_MIND", 1, "NEW", "APPAREL", null, false).eligible()).isTrue();
        assertThat(decide("DE", "CHANGED_MIND", 1, "NEW", category.toLowerCase(), null, false).refusalReason())
                .as("codes are upper-cased").isEqualTo("NON_RETURNABLE");
    }

    @Test
    void aRecallIsAlwaysEligibleWithAFreePickup() {
        for (String category : new String[] {"APPAREL", "HYGIENE"}) {
            Decision recall = decide("US", "RECALL", 400, "NEW", category, null, true);
            assertThat(recall.eligible()).isTrue();
            assertThat(recall.refusalReason()).isNull();
            assertThat(recall.postagePaidBy()).isEqualTo("SELLER");
            assertThat(recall.freePickup()).isTrue();
            assertThat(recall.needsAgentApproval()).as("not even for serial returners").isFalse();
            assertThat(recall.windowDays()).as("no time limit").isZero();
            assertThat(recall.lastDay()).isNull();
        }
    }

    @Test
    void serialReturnersStayEligibleButAnAgentApprovesFirst() {
        Decision serial = decide("DE", "CHANGED_MIND", 5, "NEW", "APPAREL", null, true);
        assertThat(serial.eligible()).isTrue();
        assertThat(serial.needsAgentApproval()).isTrue();
        assertThat(serial.refusalReason()).isNull();
        assertThat(serial.ruleNote()).startsWith("Serial returner");
        assertThat(decide("DE", "DEFECTIVE", 5, "NEW", "APPAREL", null, true).needsAgentApproval()).isTrue();
        assertThat(decide("DE", "CHANGED_MIND", 5, "NEW", "APPAREL", null, false).needsAgentApproval()).isFalse();

        Decision late = decide("DE", "CHANGED_MIND", 15, "NEW", "APPAREL", null, true);
        assertThat(late.eligible()).isFalse();
        assertThat(late.refusalReason()).isEqualTo("WINDOW_PASSED");
    }

    @Test
    void anUnknownReasonIsRefusedWithACodeNotSilently() {
        Decision unknown = decide("DE", "JUST_BECAUSE", 1);
        assertThat(unknown.eligible()).isFalse();
        assertThat(unknown.refusalReason()).isEqualTo("UNKNOWN_REASON");
        assertThat(unknown.ruleNote()).isNotBlank();
    }

    @Test
    void missingTierAndLowerCaseCodesAreReadAsNewAndUpperCase() {
        Decision decision = decide(new Request("de", "size_fit", DELIVERED, DELIVERED.plusDays(14), null, "apparel",
                null, false));
        assertThat(decision.eligible()).isTrue();
        assertThat(decision.windowDays()).isEqualTo(14);
        assertThat(decision.postagePaidBy()).isEqualTo("BUYER");
        assertThat(decision.ruleNote()).contains("EU/EEA statutory withdrawal");
    }
}
