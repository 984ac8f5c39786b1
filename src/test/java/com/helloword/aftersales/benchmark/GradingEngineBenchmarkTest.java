package com.helloword.aftersales.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.casefile.BuyerTier;
import com.helloword.aftersales.casework.escalation.CaseGrading;
import com.helloword.aftersales.casework.escalation.PreparedText;
import com.helloword.aftersales.support.ProviderStubsConfiguration;
import com.helloword.aftersales.support.TestClockConfiguration;

/**
 * Grading throughput in the engine: the evaluation set's 252 messages through {@link CaseGrading#grade} (text
 * preparation and every table in its latest deployed version, evaluated by the engine's decision service, as
 * intake grades), one thread, after three warm-up rounds, for ten seconds. Prints messages/s for the README; the
 * standalone figure is the grading report's (docs/grading.md). Language detection is not included (intake
 * detects before it grades). Run: {@code mvn test -Pbenchmark -Dtest=GradingEngineBenchmarkTest}.
 */
@Tag("benchmark")
@SpringBootTest(properties = "spring.datasource.url=${SPRING_DATASOURCE_URL:jdbc:h2:file:./target/benchmark/grading-"
        + "${random.uuid};LOCK_TIMEOUT=10000}")
@Import({TestClockConfiguration.class, ProviderStubsConfiguration.class})
class GradingEngineBenchmarkTest {

    record Message(String text, String language) {
    }

    @Autowired
    CaseGrading grading;

    @Test
    void messagesPerSecondThroughTheDeployedTables() throws Exception {
        List<Message> messages = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(getClass().getClassLoader()
                .getResourceAsStream("grading/evaluation-set.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    messages.add(new Message(node.get("text").asText(), node.get("language").asText()));
                }
            }
        }
        for (int round = 0; round < 3; round++) {
            messages.forEach(this::grade);
        }
        long start = System.nanoTime();
        long graded = 0;
        while (System.nanoTime() - start < 10_000_000_000L) {
            for (Message message : messages) {
                grade(message);
                graded++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%nGrading in the engine: %d messages in %.1f s = %.0f messages/s (one thread)%n%n",
                graded, seconds, graded / seconds);
        assertThat(graded).isGreaterThanOrEqualTo(messages.size());
    }

    private void grade(Message message) {
        CaseGrading.Grade grade = grading.grade(PreparedText.of("", message.text()), BigDecimal.valueOf(40),
                BuyerTier.NEW, 1, message.language());
        assertThat(grade.severity()).isNotNull();
    }
}
