package com.helloword.aftersales.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The business numbers and word lists that a DMN table or the configuration holds are not restated in
 * Java: each pattern below was once a second home of a rule (a cap, a default, a window, a routing) and
 * must not come back. Comments may still name the figures; code and messages may not.
 */
class BusinessRulesHaveOneHomeTest {

    private static final Path MAIN = Path.of("src/main/java/com/helloword/aftersales");

    /** Where a rule must not be restated, what it looked like, and where it lives instead. */
    private record Restated(String under, Pattern code, String home) {
        Restated(String under, String regex, String home) {
            this(under, Pattern.compile(regex), home);
        }
    }

    private static final List<Restated> RESTATED = List.of(
            new Restated("casework/escalation", "\\b150\\b", "remedyApproval: the highest refund anyone may approve (150 %)"),
            new Restated("casework/escalation", "\\b500\\b", "remedyApproval: the coupon cap (500 EUR)"),
            new Restated("casework", "USUAL_PERCENT|=\\s*30\\s*;", "the usual partial refund (30 %) in DMN"),
            new Restated("casework", "\"SAFETY_HAZARD\"", "the grading table says which category is a safety signal"),
            new Restated("security", "disputeRegion", "the region of a marketplace country is a table's answer"),
            new Restated("returns", "TEAM_LANGUAGES\\.contains", "teamRouting decides the team"),
            new Restated("returns", "REFUND_WARNING_DAYS|ofDays\\(2\\)", "returnMarketWindow: days before the refund is due"),
            new Restated("returns", "ofDays\\(90\\)", "the quality window (aftersales.returns configuration)"),
            new Restated("", "ofDays\\(365\\)", "aftersales.returns.buyer-history: the buyer's 12 months"),
            new Restated("", "case \"DAMAGED\", \"DEFECTIVE\"", "the case category's return reason is a table"),
            new Restated("incident", "\\b1\\.2\\b", "carrierRouteHealth: the complaint rate of a sick route (1.2 %)"));

    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void noRuleOfATableIsRestatedInJava() throws IOException {
        List<String> found = new ArrayList<>();
        for (Restated rule : RESTATED) {
            Path root = rule.under().isEmpty() ? MAIN : MAIN.resolve(rule.under());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = COMMENTS.matcher(Files.readString(file)).replaceAll(" ");
                    if (rule.code().matcher(code).find()) {
                        found.add(MAIN.relativize(file) + " restates /" + rule.code() + "/ — lives in " + rule.home());
                    }
                }
            }
        }
        assertThat(found).as("rules restated in Java").isEmpty();
    }

    @Test
    void theScanSeesCodeButNotComments() {
        String code = COMMENTS.matcher("int cap = 150; // up to 150 %\n/* 500 */ int x;").replaceAll(" ");
        assertThat(Pattern.compile("\\b150\\b").matcher(code).find()).isTrue();
        assertThat(Pattern.compile("\\b500\\b").matcher(code).find()).isFalse();
    }
}
