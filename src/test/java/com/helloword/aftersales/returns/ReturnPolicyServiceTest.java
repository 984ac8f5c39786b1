package com.helloword.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.helloword.aftersales.returns.ReturnPolicy.Decision;
import com.helloword.aftersales.returns.ReturnPolicy.Request;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.workflow.LatestDecisions;

/**
 * The return policy and the quality loop against the tables the application deployed: the policy as the
 * return process asks it (the latest version, inputs and outputs read as {@link ReturnPolicy} does).
 */
@IntegrationTest
class ReturnPolicyServiceTest {

    static final LocalDate DELIVERED = LocalDate.of(2025, 3, 3);

    @Autowired
    LatestDecisions decisions;

    @Autowired
    QualityLoop qualityLoop;

    @Autowired
    RepositoryService repository;

    @Test
    void theDeployedPolicyGivesGermanBuyersFourteenDaysAndNamesTheTableVersion() {
        String latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("returnPolicy")
                .latestVersion().singleResult().getId();

        Decision lastDay = decide(new Request("DE", "CHANGED_MIND", DELIVERED, DELIVERED.plusDays(14),
                "NEW", "APPAREL", null, false));
        assertThat(lastDay.eligible()).isTrue();
        assertThat(lastDay.windowDays()).isEqualTo(14);
        assertThat(lastDay.postagePaidBy()).isEqualTo("BUYER");
        assertThat(lastDay.lastDay()).isEqualTo(LocalDate.of(2025, 3, 17));
        assertThat(lastDay.decisionId()).isEqualTo(latest).startsWith("returnPolicy:");

        Decision late = decide(new Request("DE", "CHANGED_MIND", DELIVERED, DELIVERED.plusDays(15),
                "NEW", "APPAREL", null, false));
        assertThat(late.eligible()).isFalse();
        assertThat(late.refusalReason()).isEqualTo("WINDOW_PASSED");
    }

    @Test
    void theDeployedPolicyGivesDiamondBuyersAFreeExchangeAndRefusesUsedHygieneItems() {
        Decision diamond = decide(new Request("SG", "SIZE_FIT", DELIVERED, DELIVERED.plusDays(21),
                "DIAMOND", "APPAREL", null, false));
        assertThat(diamond.eligible()).isTrue();
        assertThat(diamond.freeExchange()).isTrue();
        assertThat(diamond.freePickup()).isTrue();
        assertThat(diamond.postagePaidBy()).isEqualTo("SELLER");

        Decision hygiene = decide(new Request("FR", "CHANGED_MIND", DELIVERED, DELIVERED.plusDays(2),
                "LOYAL", "HYGIENE", null, true));
        assertThat(hygiene.eligible()).isFalse();
        assertThat(hygiene.refusalReason()).isEqualTo("NON_RETURNABLE");

        Decision recall = decide(new Request("US", "RECALL", DELIVERED, DELIVERED.plusDays(300),
                "NEW", "HYGIENE", null, true));
        assertThat(recall.eligible()).isTrue();
        assertThat(recall.needsAgentApproval()).isFalse();
    }

    @Test
    void theDeployedQualityLoopAlertsAboveTwentyPercentAndFlagsSerialReturners() {
        assertThat(qualityLoop.skuAlert(0.12, 0.10, 100)).isFalse();
        assertThat(qualityLoop.skuAlert(0.13, 0.10, 100)).isTrue();
        assertThat(qualityLoop.skuAlert(0.50, 0.10, 10)).isFalse();
        assertThat(qualityLoop.serialReturner(2, "NEW")).isFalse();
        assertThat(qualityLoop.serialReturner(3, "new")).isTrue();
        assertThat(qualityLoop.serialReturner(3, "DIAMOND")).isFalse();
        assertThat(qualityLoop.serialReturner(3, null)).isTrue();
    }

    private Decision decide(Request request) {
        LatestDecisions.Evaluated evaluated = decisions.evaluate(ReturnPolicy.DECISION_KEY,
                ReturnPolicy.variables(request));
        return ReturnPolicy.decision(evaluated.single().getEntryMap(), request, evaluated.definitionId());
    }
}
