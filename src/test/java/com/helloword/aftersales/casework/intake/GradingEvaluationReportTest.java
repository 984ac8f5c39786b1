package com.helloword.aftersales.casework.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the grading evaluation ({@link GradingEvaluation}) of {@code -Dgrading.set=path/to/file.jsonl}, or of
 * the evaluation set on the test classpath, and writes it to {@code target/grading-report.txt}. Not in the
 * default suite (tag {@code grading-report}): {@code mvn -o -Pgrading-report test}. It measures, it does not
 * judge; {@link GradingAcceptanceTest} holds the evaluation set to its thresholds in the default suite.
 */
@Tag("grading-report")
class GradingEvaluationReportTest {

    @Test
    void gradeTheSetAndReport() throws Exception {
        String file = System.getProperty("grading.set", "");
        List<GradingEvaluation.Example> examples = file.isBlank()
                ? GradingEvaluation.readResource(GradingEvaluation.DEFAULT_SET)
                : GradingEvaluation.read(Path.of(file));
        GradingEvaluation evaluation = new GradingEvaluation();
        List<GradingEvaluation.Graded> graded = evaluation.gradeAll(examples);
        GradingEvaluation.Throughput throughput = evaluation.throughput(examples, 3, 10_000);
        String report = GradingEvaluation.report(file.isBlank() ? GradingEvaluation.DEFAULT_SET : file, graded,
                throughput);
        System.out.print(report);
        Path out = Path.of("target", "grading-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        assertThat(graded).hasSameSizeAs(examples).isNotEmpty();
        assertThat(throughput.perSecond()).isPositive();
    }
}
