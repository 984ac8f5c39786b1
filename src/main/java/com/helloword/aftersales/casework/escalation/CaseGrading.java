package com.helloword.aftersales.casework.escalation;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.BuyerTier;


/**
 * Grades a buyer's message with the designers' tables: {@code categoryDetection},
 * {@code urgencyDetection}, {@code severityGrading} and {@code teamRouting}, each in its latest
 * deployed version, whose ids are returned so the case can say which versions graded it.
 */
@Component
public class CaseGrading {

    /** What the tables decided, and which table versions decided it. */
    public record Grade(String category, boolean urgent, String severity, int claimMinutes, int firstReplyMinutes,
            int taskPriority, String candidateGroup, String decisionIds) {
    }

    private final DecisionService decisions;
    private final RepositoryService repository;

    CaseGrading(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    public Grade grade(PreparedText text, BigDecimal orderValueEur, BuyerTier tier, int contactCount,
            String language) {
        Map<String, Object> prepared = Map.of("text", text.text(), "affirmedText", text.affirmed());
        Evaluated category = evaluate("categoryDetection", prepared);
        Evaluated urgency = evaluate("urgencyDetection", prepared);
        String categoryName = category.result.getSingleResult().getEntry("category");
        boolean urgent = Boolean.TRUE.equals(urgency.result.getSingleResult().getEntry("urgent"));
        Evaluated severity = evaluate("severityGrading", Map.of("category", categoryName,
                "orderValueEur", orderValueEur == null ? 0.0 : orderValueEur.doubleValue(),
                "buyerTier", tier == null ? BuyerTier.NEW.name() : tier.name(),
                "contactCount", contactCount, "urgent", urgent));
        Evaluated routing = evaluate("teamRouting", Map.of("language", language == null ? "" : language));
        var grade = severity.result.getSingleResult();
        return new Grade(categoryName, urgent, grade.getEntry("severity"),
                ((Number) grade.getEntry("claimMinutes")).intValue(),
                ((Number) grade.getEntry("firstReplyMinutes")).intValue(),
                ((Number) grade.getEntry("taskPriority")).intValue(),
                routing.result.getSingleResult().getEntry("candidateGroup"),
                String.join(",", category.definitionId, urgency.definitionId, severity.definitionId,
                        routing.definitionId));
    }

    private record Evaluated(DmnDecisionResult result, String definitionId) {
    }

    private Evaluated evaluate(String key, Map<String, Object> variables) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("Decision table " + key + " is not deployed");
        }
        return new Evaluated(decisions.evaluateDecisionById(latest.getId()).variables(variables).evaluate(),
                latest.getId());
    }
}
