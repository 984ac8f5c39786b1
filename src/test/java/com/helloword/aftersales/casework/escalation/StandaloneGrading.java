package com.helloword.aftersales.casework.escalation;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;

import com.helloword.aftersales.casefile.BuyerTier;

/**
 * The chain of {@link CaseGrading#grade} on a standalone DMN engine, with the designers' tables from
 * {@code dmn/}: the phrase table's signals in the buyer's words, category and urgency from them, then severity from category, order value, buyer
 * tier, contacts and urgency. Used by the labelled sets, which must grade exactly as intake does.
 */
public final class StandaloneGrading {

    /** What the tables answered for one message. */
    public record Result(String category, boolean urgent, String severity, GradingPhrases.Reading reading) {
    }

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final GradingPhrases phrases = PhraseTable.compile(model("dmn/grading-phrases.dmn"));
    private final DmnDecision categoryTable = decision("dmn/category-detection.dmn", "categoryDetection");
    private final DmnDecision urgencyTable = decision("dmn/urgency-detection.dmn", "urgencyDetection");
    private final DmnDecision severityTable = decision("dmn/severity-grading.dmn", "severityGrading");

    private static org.camunda.bpm.model.dmn.DmnModelInstance model(String resource) {
        try (InputStream in = StandaloneGrading.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GradingPhrases phrases() {
        return phrases;
    }

    private DmnDecision decision(String resource, String key) {
        try (InputStream in = StandaloneGrading.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return dmn.parseDecision(key, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result grade(PreparedText text, String language, double orderValueEur, BuyerTier tier, int contactCount) {
        GradingPhrases.Reading reading = phrases.read(text.words(), language);
        Map<String, Object> prepared = Map.of("signals", reading.asInput());
        String category = dmn.evaluateDecisionTable(categoryTable, prepared).getSingleResult().getEntry("category");
        boolean urgent = Boolean.TRUE.equals(
                dmn.evaluateDecisionTable(urgencyTable, prepared).getSingleResult().getEntry("urgent"));
        String severity = dmn.evaluateDecisionTable(severityTable, Map.of("category", category,
                "orderValueEur", orderValueEur, "buyerTier", tier.name(),
                "contactCount", contactCount, "urgent", urgent)).getSingleResult().getEntry("severity");
        return new Result(category, urgent, severity, reading);
    }
}
