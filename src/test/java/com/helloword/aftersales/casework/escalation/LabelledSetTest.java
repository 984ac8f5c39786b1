package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.helloword.aftersales.casefile.BuyerTier;

/**
 * The labelled set of buyer messages ({@code grading/labelled-messages.tsv}): each message is graded by the
 * designers' tables in the same chain as {@link CaseGrading} (category and urgency from the prepared text,
 * then severity from category, order value, buyer tier, contacts and urgency) and compared with what a
 * careful agent labelled it. Agreement figures are printed so they can be quoted.
 */
class LabelledSetTest {

    static final String SET = "grading/labelled-messages.tsv";
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pl", "sv", "pt", "ja", "ar",
            "zh");
    static final Set<String> CATEGORIES = Set.of("SAFETY_HAZARD", "LEGAL_THREAT", "NOT_RECEIVED", "DAMAGED",
            "WRONG_ITEM", "DEFECTIVE", "MISSING_PARTS", "REFUND_REQUEST", "SIZE_FIT", "COLOR_MISMATCH",
            "CARE_QUESTION", "GENERAL");
    static final Set<String> SEVERITIES = Set.of("RED", "YELLOW", "BLUE");

    record Labelled(String id, String language, String subject, String body, double orderValueEur, BuyerTier tier,
            int contactCount, String category, String severity) {

        boolean redSafetyOrLegal() {
            return "RED".equals(severity) && ("SAFETY_HAZARD".equals(category) || "LEGAL_THREAT".equals(category));
        }

        String describe() {
            return id + " [" + language + "] " + (subject.isEmpty() ? "" : subject + " / ") + body;
        }
    }

    record Graded(Labelled message, String category, boolean urgent, String severity) {

        boolean severityAgrees() {
            return severity.equals(message.severity);
        }

        boolean categoryAgrees() {
            return category.equals(message.category);
        }

        String mismatch() {
            return message.describe() + "\n      expected " + message.category + "/" + message.severity + ", got "
                    + category + "/" + severity + (urgent ? " (urgent)" : "") + " — value " + message.orderValueEur
                    + " EUR, " + message.tier + ", contact " + message.contactCount;
        }
    }

    static StandaloneGrading tables;
    static List<Labelled> set;
    static List<Graded> graded;

    @BeforeAll
    static void gradeTheSet() throws Exception {
        tables = new StandaloneGrading();
        set = read();
        graded = set.stream().map(LabelledSetTest::grade).toList();
        report();
    }

    /** Tab-separated with a header; lines starting with # are the labelling notes. */
    private static List<Labelled> read() throws Exception {
        List<Labelled> rows = new ArrayList<>();
        try (InputStream in = LabelledSetTest.class.getClassLoader().getResourceAsStream(SET)) {
            assertThat(in).as(SET + " on the test classpath").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Integer> column = null;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (column == null) {
                    column = new LinkedHashMap<>();
                    for (int i = 0; i < cells.length; i++) {
                        column.put(cells[i].trim(), i);
                    }
                    continue;
                }
                assertThat(cells).as("line %d has a cell per column: %s", number, line).hasSize(column.size());
                Map<String, Integer> at = column;
                java.util.function.Function<String, String> cell = name -> cells[at.get(name)].trim();
                rows.add(new Labelled(cell.apply("id"), cell.apply("language"), cell.apply("subject"),
                        cell.apply("body"), Double.parseDouble(cell.apply("orderValueEur")),
                        BuyerTier.valueOf(cell.apply("buyerTier")), Integer.parseInt(cell.apply("contactCount")),
                        cell.apply("expectedCategory"), cell.apply("expectedSeverity")));
            }
        }
        return rows;
    }

    /** The chain of {@link CaseGrading#grade}, on the standalone engine. */
    private static Graded grade(Labelled message) {
        StandaloneGrading.Result result = tables.grade(PreparedText.of(message.subject, message.body),
                message.language, message.orderValueEur, message.tier, message.contactCount);
        return new Graded(message, result.category(), result.urgent(), result.severity());
    }

    private static double percent(List<Graded> rows, Predicate<Graded> agrees) {
        return rows.isEmpty() ? 100.0 : 100.0 * rows.stream().filter(agrees).count() / rows.size();
    }

    private static void report() {
        StringBuilder out = new StringBuilder("Labelled set: ").append(graded.size()).append(" messages\n");
        out.append(String.format("  severity agreement %.1f %%, category agreement %.1f %%%n",
                percent(graded, Graded::severityAgrees), percent(graded, Graded::categoryAgrees)));
        List<Graded> redSafetyLegal = graded.stream().filter(g -> g.message.redSafetyOrLegal()).toList();
        out.append(String.format("  RED safety/legal: %d of %d graded RED with the expected category%n",
                redSafetyLegal.stream().filter(g -> g.severityAgrees() && g.categoryAgrees()).count(),
                redSafetyLegal.size()));
        out.append("  language  messages  severity  category\n");
        Map<String, List<Graded>> byLanguage = graded.stream()
                .collect(Collectors.groupingBy(g -> g.message.language, TreeMap::new, Collectors.toList()));
        for (String language : LANGUAGES) {
            List<Graded> rows = byLanguage.getOrDefault(language, List.of());
            out.append(String.format("  %-8s  %8d  %7.1f%%  %7.1f%%%n", language, rows.size(),
                    percent(rows, Graded::severityAgrees), percent(rows, Graded::categoryAgrees)));
        }
        Map<String, Long> bySeverity = graded.stream()
                .collect(Collectors.groupingBy(g -> g.message.severity, TreeMap::new, Collectors.counting()));
        out.append("  labelled severities ").append(bySeverity).append('\n');
        List<Graded> wrong = graded.stream().filter(g -> !g.severityAgrees() || !g.categoryAgrees()).toList();
        if (!wrong.isEmpty()) {
            out.append("  disagreements:\n");
            wrong.forEach(g -> out.append("    ").append(g.mismatch()).append('\n'));
        }
        System.out.print(out);
    }

    private static String mismatches(Predicate<Graded> agrees) {
        return graded.stream().filter(agrees.negate()).map(Graded::mismatch).collect(Collectors.joining("\n  ",
                "\n  ", "\n"));
    }

    @Test
    void theSetIsLargeCoversEveryLanguageAndCategoryAndIsLabelledWithKnownValues() {
        assertThat(set).hasSizeGreaterThanOrEqualTo(120);
        assertThat(set.stream().map(Labelled::id).distinct().count()).as("unique ids").isEqualTo(set.size());
        Map<String, Long> perLanguage = set.stream()
                .collect(Collectors.groupingBy(Labelled::language, Collectors.counting()));
        assertThat(perLanguage.keySet()).containsExactlyInAnyOrderElementsOf(LANGUAGES);
        perLanguage.forEach((language, count) -> assertThat(count).as(language).isGreaterThanOrEqualTo(8));
        assertThat(set).allSatisfy(m -> {
            assertThat(CATEGORIES).as(m.id).contains(m.category);
            assertThat(SEVERITIES).as(m.id).contains(m.severity);
            assertThat(m.body).as(m.id).isNotBlank();
        });
        Map<String, Set<String>> languagesPerCategory = set.stream().collect(Collectors.groupingBy(Labelled::category,
                Collectors.mapping(Labelled::language, Collectors.toSet())));
        assertThat(languagesPerCategory.keySet()).containsExactlyInAnyOrderElementsOf(CATEGORIES);
        languagesPerCategory.forEach((category, languages) -> assertThat(languages)
                .as("languages with a %s message", category).hasSizeGreaterThanOrEqualTo(3));
        List<Labelled> redSafetyLegal = set.stream().filter(Labelled::redSafetyOrLegal).toList();
        assertThat(redSafetyLegal).hasSizeGreaterThanOrEqualTo(25);
        assertThat(redSafetyLegal.stream().map(Labelled::language).distinct())
                .containsExactlyInAnyOrderElementsOf(LANGUAGES);
        assertThat(set).as("high-value parcels not received").anyMatch(
                m -> "NOT_RECEIVED".equals(m.category) && m.orderValueEur > 460 && "RED".equals(m.severity));
        assertThat(set).as("third contacts").anyMatch(m -> m.contactCount >= 3);
        assertThat(set).as("diamond buyers").anyMatch(m -> m.tier == BuyerTier.DIAMOND);
        assertThat(Arrays.stream(BuyerTier.values()).filter(t -> set.stream().anyMatch(m -> m.tier == t)))
                .as("buyer tiers used").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void severityAgreesWithTheLabelsInAtLeast95Percent() {
        assertThat(percent(graded, Graded::severityAgrees)).as("severity agreement; disagreements:%s",
                mismatches(Graded::severityAgrees)).isGreaterThanOrEqualTo(95.0);
    }

    @Test
    void everyRedSafetyOrLegalMessageIsGradedRedWithItsCategory() {
        List<Graded> redSafetyLegal = graded.stream().filter(g -> g.message.redSafetyOrLegal()).toList();
        List<Graded> missed = redSafetyLegal.stream().filter(g -> !g.severityAgrees() || !g.categoryAgrees())
                .toList();
        assertThat(missed).as("RED safety/legal messages not graded RED with their category:%s",
                missed.stream().map(Graded::mismatch).collect(Collectors.joining("\n  ", "\n  ", "\n"))).isEmpty();
    }

    @Test
    void nothingIsGradedSafetyOrLegalThatIsNot() {
        List<Graded> falseAlarms = graded.stream()
                .filter(g -> !g.message.redSafetyOrLegal()
                        && ("SAFETY_HAZARD".equals(g.category) || "LEGAL_THREAT".equals(g.category)))
                .toList();
        assertThat(falseAlarms).as("false safety/legal alarms:%s",
                falseAlarms.stream().map(Graded::mismatch).collect(Collectors.joining("\n  ", "\n  ", "\n")))
                .isEmpty();
    }

    @Test
    void categoryAgreesWithTheLabelsInAtLeast95Percent() {
        assertThat(percent(graded, Graded::categoryAgrees)).as("category agreement; disagreements:%s",
                mismatches(Graded::categoryAgrees)).isGreaterThanOrEqualTo(95.0);
    }
}
