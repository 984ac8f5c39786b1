package com.helloword.aftersales.casework.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.casefile.BuyerTier;
import com.helloword.aftersales.casework.escalation.PreparedText;
import com.helloword.aftersales.casework.escalation.StandaloneGrading;
import com.helloword.aftersales.security.Groups;

/**
 * Grades a labelled JSONL set of buyer messages as intake does (the text prepared by {@link PreparedText}, the
 * language by {@link LanguageDetector}, category, urgency and severity by the designers' tables in the chain of
 * {@code CaseGrading}) and reports how far the tables agree with the labels. One message a line:
 * {@code {"id","language","severity","category","kind","text"}}, optionally {@code orderValueEur} (default
 * {@value #DEFAULT_ORDER_VALUE_EUR}), {@code buyerTier} (default NEW) and {@code contactCount} (default 1).
 */
final class GradingEvaluation {

    static final String DEFAULT_SET = "grading/evaluation-set.jsonl";
    static final double DEFAULT_ORDER_VALUE_EUR = 40.0;
    static final List<String> SEVERITIES = List.of("RED", "YELLOW", "BLUE");
    static final List<String> CATEGORIES = List.of("SAFETY_HAZARD", "LEGAL_THREAT", "NOT_RECEIVED", "DAMAGED",
            "WRONG_ITEM", "DEFECTIVE", "MISSING_PARTS", "REFUND_REQUEST", "SIZE_FIT", "COLOR_MISMATCH",
            "CARE_QUESTION", "GENERAL");
    /** The hard kinds of issue 16, and plain messages. */
    static final List<String> KINDS = List.of("plain", "paraphrased-hazard", "indirect-threat", "negation",
            "hypothetical", "buried", "quoted", "tracking-notice", "ascii-typos", "innocent-violence", "short",
            "mixed-script");

    /** One labelled message. */
    record Example(String id, String language, String severity, String category, String kind, String text,
            Double orderValueEur, String buyerTier, Integer contactCount) {

        double value() {
            return orderValueEur == null ? DEFAULT_ORDER_VALUE_EUR : orderValueEur;
        }

        BuyerTier tier() {
            return buyerTier == null ? BuyerTier.NEW : BuyerTier.valueOf(buyerTier);
        }

        int contacts() {
            return contactCount == null ? 1 : contactCount;
        }
    }

    /** What intake's grading made of one message. */
    record Graded(Example example, String language, String category, boolean urgent, String severity,
            String signals) {

        boolean severityRight() {
            return severity.equals(example.severity);
        }

        boolean categoryRight() {
            return category.equals(example.category);
        }

        boolean languageRight() {
            return example.language.equals(language);
        }

        String miss() {
            return String.format("%s [%s] expected %s/%s/%s, got %s/%s/%s%s, phrases [%s]%n      %s", example.id,
                    example.kind, example.severity, example.category, example.language, severity, category, language,
                    urgent ? " (urgent)" : "", signals.strip(), example.text.replace('\n', ' '));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final StandaloneGrading tables = new StandaloneGrading();

    static List<Example> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    static List<Example> readResource(String resource) throws IOException {
        try (InputStream in = GradingEvaluation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + " is not on the test classpath");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        }
    }

    /** Blank lines are skipped; a line that is not a labelled message fails with its number. */
    private static List<Example> read(Reader source, String name) throws IOException {
        List<Example> examples = new ArrayList<>();
        BufferedReader lines = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Example example;
            try {
                example = JSON.readValue(line, Example.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(name + " line " + number + ": " + e.getOriginalMessage(), e);
            }
            if (example.id() == null || example.language() == null || example.severity() == null
                    || example.category() == null || example.text() == null) {
                throw new IllegalArgumentException(
                        name + " line " + number + ": id, language, severity, category and text are required");
            }
            examples.add(example);
        }
        return examples;
    }

    Graded grade(Example example) {
        PreparedText text = PreparedText.of("", example.text);
        String language = LanguageDetector.detect(text);
        StandaloneGrading.Result result = tables.grade(text, language, example.value(), example.tier(), example.contacts());
        return new Graded(example, language == null ? "-" : language, result.category(), result.urgent(),
                result.severity(), result.reading().hits().stream()
                        .map(hit -> hit.signal() + " \"" + hit.written() + "\"").distinct()
                        .collect(Collectors.joining(", ")));
    }

    List<Graded> gradeAll(List<Example> examples) {
        return examples.stream().map(this::grade).toList();
    }

    /** Messages graded per second of wall-clock time and per second of this thread's CPU time. */
    record Throughput(double perSecond, double perCpuSecond) {
    }

    /** Grades the examples round after round, text preparation and language detection included, after a warm-up. */
    Throughput throughput(List<Example> examples, int warmUpRounds, long measureMillis) {
        for (int i = 0; i < warmUpRounds; i++) {
            gradeAll(examples);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long graded = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + measureMillis * 1_000_000;
        long now = start;
        while (now < end) {
            graded += gradeAll(examples).size();
            now = System.nanoTime();
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new Throughput(graded / ((now - start) / 1e9), cpuSeconds > 0 ? graded / cpuSeconds : Double.NaN);
    }

    static double percent(List<Graded> rows, Predicate<Graded> right) {
        return rows.isEmpty() ? Double.NaN : 100.0 * rows.stream().filter(right).count() / rows.size();
    }

    static String report(String setName, List<Graded> graded, Throughput throughput) {
        StringBuilder out = new StringBuilder();
        out.append("Grading evaluation of ").append(setName).append(": ").append(graded.size())
                .append(" messages\n");
        List<Graded> red = graded.stream().filter(g -> "RED".equals(g.example.severity)).toList();
        List<Graded> notRed = graded.stream().filter(g -> !"RED".equals(g.example.severity)).toList();
        long redFound = red.stream().filter(g -> "RED".equals(g.severity)).count();
        long falseRed = notRed.stream().filter(g -> "RED".equals(g.severity)).count();
        out.append(String.format("  severity accuracy  %5.1f %% (%d of %d)%n", percent(graded, Graded::severityRight),
                graded.stream().filter(Graded::severityRight).count(), graded.size()));
        out.append(String.format("  RED recall         %5.1f %% (%d of %d RED graded RED, %d missed)%n",
                percent(red, g -> "RED".equals(g.severity)), redFound, red.size(), red.size() - redFound));
        out.append(String.format("  false-RED rate     %5.1f %% (%d of %d non-RED graded RED)%n",
                percent(notRed, g -> "RED".equals(g.severity)), falseRed, notRed.size()));
        out.append(String.format("  category accuracy  %5.1f %%%n", percent(graded, Graded::categoryRight)));
        out.append(String.format("  language accuracy  %5.1f %%%n", percent(graded, Graded::languageRight)));
        out.append(String.format("  throughput         %,.0f messages/s, %,.0f per CPU-second (standalone tables, one thread,"
                + " after warm-up)%n", throughput.perSecond(), throughput.perCpuSecond()));
        table(out, "language", Groups.TEAM_LANGUAGES, graded, g -> g.example.language);
        table(out, "kind", KINDS, graded, g -> g.example.kind);
        out.append("\n  severity confusion (rows: labelled, columns: graded)\n");
        out.append(String.format("  %-8s", "")).append(SEVERITIES.stream().map(s -> String.format("%8s", s))
                .collect(Collectors.joining())).append('\n');
        for (String expected : SEVERITIES) {
            out.append(String.format("  %-8s", expected));
            for (String got : SEVERITIES) {
                out.append(String.format("%8d", graded.stream()
                        .filter(g -> expected.equals(g.example.severity) && got.equals(g.severity)).count()));
            }
            out.append('\n');
        }
        List<Graded> misses = graded.stream()
                .filter(g -> !g.severityRight() || !g.categoryRight() || !g.languageRight()).toList();
        out.append("\n  misses (severity, category or language): ").append(misses.size()).append('\n');
        misses.forEach(g -> out.append("    ").append(g.miss()).append('\n'));
        return out.toString();
    }

    private static void table(StringBuilder out, String title, List<String> keys, List<Graded> graded,
            Function<Graded, String> key) {
        Map<String, List<Graded>> groups = new LinkedHashMap<>();
        keys.forEach(k -> groups.put(k, new ArrayList<>()));
        graded.forEach(g -> groups.computeIfAbsent(key.apply(g), k -> new ArrayList<>()).add(g));
        out.append(String.format("%n  %-20s %8s %9s %9s %9s%n", title, "messages", "severity", "category",
                "language"));
        groups.forEach((name, rows) -> {
            if (!rows.isEmpty()) {
                out.append(String.format("  %-20s %8d %8.1f%% %8.1f%% %8.1f%%%n", Objects.toString(name), rows.size(),
                        percent(rows, Graded::severityRight), percent(rows, Graded::categoryRight),
                        percent(rows, Graded::languageRight)));
            }
        });
    }
}
