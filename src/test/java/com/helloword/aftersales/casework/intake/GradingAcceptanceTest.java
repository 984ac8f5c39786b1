package com.helloword.aftersales.casework.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation set ({@code grading/evaluation-set.jsonl}, docs/grading.md) graded as intake grades it, held to
 * issue 16's thresholds: every RED message graded RED, severity right for at least 90 % of the set, the language
 * right for at least 98 %. A changed phrase table, stemmer or detector that misses a RED fails the build and
 * names the message.
 */
class GradingAcceptanceTest {

    static List<GradingEvaluation.Graded> graded;

    @BeforeAll
    static void gradeTheSet() throws Exception {
        graded = new GradingEvaluation().gradeAll(GradingEvaluation.readResource(GradingEvaluation.DEFAULT_SET));
    }

    private static String misses(List<GradingEvaluation.Graded> rows) {
        return rows.stream().map(GradingEvaluation.Graded::miss).collect(Collectors.joining("\n"));
    }

    @Test
    void everyRedMessageIsGradedRed() {
        List<GradingEvaluation.Graded> red = graded.stream().filter(g -> g.example().severity().equals("RED")).toList();
        assertThat(red).as("the set has RED messages").hasSizeGreaterThan(50);
        List<GradingEvaluation.Graded> missed = red.stream().filter(g -> !g.severityRight()).toList();
        assertThat(missed).as("REDs not graded RED:%n%s", misses(missed)).isEmpty();
    }

    @Test
    void severityIsRightForAtLeastNinetyPercent() {
        double accuracy = GradingEvaluation.percent(graded, GradingEvaluation.Graded::severityRight);
        assertThat(accuracy).as("severity accuracy; misses:%n%s",
                misses(graded.stream().filter(g -> !g.severityRight()).toList())).isGreaterThanOrEqualTo(90.0);
    }

    @Test
    void languageIsRightForAtLeastNinetyEightPercent() {
        double accuracy = GradingEvaluation.percent(graded, GradingEvaluation.Graded::languageRight);
        assertThat(accuracy).as("language accuracy; misses:%n%s",
                misses(graded.stream().filter(g -> !g.languageRight()).toList())).isGreaterThanOrEqualTo(98.0);
    }
}
