package com.helloword.aftersales.casework.escalation;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.BuyerTier;
import com.helloword.aftersales.workflow.LatestDecisions.Evaluated;
import com.helloword.aftersales.workflow.LatestDecisions;

/**
 * Grades a buyer's message with the designers' tables: {@code categoryDetection},
 * {@code urgencyDetection}, {@code severityGrading} and {@code teamRouting}, each in its latest
 * deployed version, whose ids are returned so the case can say which versions graded it.
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

    CaseGrading(LatestDecisions decisions) {
        this.decisions = decisions;
    }

    public Grade grade(PreparedText text, BigDecimal orderValueEur, BuyerTier tier, int contactCount,
            String language) {
        Map<String, Object> prepared = Map.of("text", text.text(), "affirmedText", text.affirmed());
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
                String.join(",", category.definitionId(), urgency.definitionId(), severity.definitionId(),
                        routing.definitionId()));
    }

    private Evaluated evaluate(String key, Map<String, Object> variables) {
        return decisions.evaluate(key, variables);
    }
}
