package com.helloword.aftersales.casework.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.helloword.aftersales.casefile.BuyerTier;
import com.helloword.aftersales.security.Groups;

/**
 * The evaluation set of {@link GradingEvaluation} is well-formed: every line a labelled message, ids unique,
 * known labels, at least 20 messages in each team language and every hard kind in every language.
 */
class EvaluationSetTest {

    static List<GradingEvaluation.Example> set;

    @BeforeAll
    static void read() throws Exception {
        set = GradingEvaluation.readResource(GradingEvaluation.DEFAULT_SET);
    }

    @Test
    void everyLineIsALabelledMessageWithAUniqueIdAndKnownLabels() {
        assertThat(set).hasSizeGreaterThanOrEqualTo(240);
        assertThat(set.stream().map(GradingEvaluation.Example::id).distinct().count()).as("unique ids")
                .isEqualTo(set.size());
        assertThat(set).allSatisfy(m -> {
            assertThat(m.id()).as("id of %s", m.text()).startsWith(m.language() + "-");
            assertThat(Groups.TEAM_LANGUAGES).as(m.id()).contains(m.language());
            assertThat(GradingEvaluation.SEVERITIES).as(m.id()).contains(m.severity());
            assertThat(GradingEvaluation.CATEGORIES).as(m.id()).contains(m.category());
            assertThat(GradingEvaluation.KINDS).as(m.id()).contains(m.kind());
            assertThat(m.text()).as(m.id()).isNotBlank();
            if (m.buyerTier() != null) {
                assertThat(BuyerTier.valueOf(m.buyerTier())).as(m.id()).isNotNull();
            }
        });
    }

    @Test
    void everyTeamLanguageHasAtLeast20MessagesAndEveryHardKind() {
        Map<String, List<GradingEvaluation.Example>> perLanguage = set.stream()
                .collect(Collectors.groupingBy(GradingEvaluation.Example::language));
        assertThat(perLanguage.keySet()).containsExactlyInAnyOrderElementsOf(Groups.TEAM_LANGUAGES);
        perLanguage.forEach((language, examples) -> {
            assertThat(examples).as(language).hasSizeGreaterThanOrEqualTo(20);
            Set<String> kinds = examples.stream().map(GradingEvaluation.Example::kind).collect(Collectors.toSet());
            assertThat(kinds).as("kinds in %s", language).containsAll(GradingEvaluation.KINDS);
        });
    }

    @Test
    void aboutAThirdIsRed() {
        long red = set.stream().filter(m -> "RED".equals(m.severity())).count();
        assertThat(100.0 * red / set.size()).as("per cent RED").isBetween(25.0, 42.0);
        assertThat(set.stream().map(GradingEvaluation.Example::severity).distinct())
                .containsExactlyInAnyOrderElementsOf(GradingEvaluation.SEVERITIES);
    }
}
