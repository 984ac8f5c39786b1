package com.helloword.aftersales.casework.escalation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.BuyerTier;
import com.helloword.aftersales.workflow.LatestDecisions.Evaluated;
import com.helloword.aftersales.workflow.LatestDecisions;

/**
 * Grades a buyer's message with the designers' tables, each in its latest deployed version, whose ids are
 * returned so the case can say which versions graded it: the phrase table {@code gradingPhrases} (read once
 * per version and matched in one pass, {@link GradingPhrases}) finds the signals in the buyer's own words;
 * {@code categoryDetection} and {@code urgencyDetection} decide from those signals, {@code severityGrading}
 * from category, order value, tier, contacts and urgency, {@code teamRouting} from the language.
 */
@Component
public class CaseGrading {

    /**
     * What the tables decided, and which table versions decided it. {@code safetySignal}: the case counts
     * towards its SKU's recall signal (categoryDetection says so per category).
     */
    public record Grade(String category, boolean safetySignal, boolean urgent, String severity, int claimMinutes, int firstReplyMinutes,
            int taskPriority, String candidateGroup, String decisionIds) {
    }

    private final LatestDecisions decisions;
    private final RepositoryService repository;
    private final Map<String, GradingPhrases> phraseTables = new ConcurrentHashMap<>();

    CaseGrading(LatestDecisions decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /** The signals of the latest phrase table in the buyer's own words, and that table version's id. */
    public record Signals(GradingPhrases.Reading reading, String definitionId) {
    }

    public Signals signals(PreparedText text, String language) {
        String definitionId = decisions.latestDefinitionId(PhraseTable.DECISION_KEY);
        GradingPhrases phrases = phraseTables.computeIfAbsent(definitionId,
                id -> PhraseTable.compile(repository.getDmnModelInstance(id)));
        return new Signals(phrases.read(text.words(), language), definitionId);
    }

    public Grade grade(PreparedText text, BigDecimal orderValueEur, BuyerTier tier, int contactCount,
            String language) {
        Signals signals = signals(text, language);
        Map<String, Object> prepared = Map.of("signals", signals.reading().asInput());
        Evaluated category = evaluate("categoryDetection", prepared);
        Evaluated urgency = evaluate("urgencyDetection", prepared);
        String categoryName = category.single().getEntry("category");
        boolean urgent = Boolean.TRUE.equals(urgency.single().getEntry("urgent"));
        Evaluated severity = evaluate("severityGrading", Map.of("category", categoryName,
                "orderValueEur", orderValueEur == null ? 0.0 : orderValueEur.doubleValue(),
                "buyerTier", tier == null ? BuyerTier.NEW.name() : tier.name(),
                "contactCount", contactCount, "urgent", urgent));
        Evaluated routing = evaluate("teamRouting", Map.of("language", language == null ? "" : language));
        var grade = severity.single();
        boolean safetySignal = Boolean.TRUE.equals(category.single().getEntry("safetySignal"));
        return new Grade(categoryName, safetySignal, urgent, grade.getEntry("severity"),
                ((Number) grade.getEntry("claimMinutes")).intValue(),
                ((Number) grade.getEntry("firstReplyMinutes")).intValue(),
                ((Number) grade.getEntry("taskPriority")).intValue(),
                routing.<String>output("candidateGroup"),
                String.join(",", signals.definitionId(), category.definitionId(), urgency.definitionId(), severity.definitionId(),
                        routing.definitionId()));
    }

    private Evaluated evaluate(String key, Map<String, Object> variables) {
        return decisions.evaluate(key, variables);
    }
}
