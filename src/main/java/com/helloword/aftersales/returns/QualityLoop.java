package com.helloword.aftersales.returns;

import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

import com.helloword.aftersales.casefile.BuyerTier;

/**
 * The product-quality loop and the serial-returner flag, by the designers' tables {@code skuReturnAlert}
 * and {@code serialReturner} (dmn/quality-loop.dmn), each in its latest deployed version.
 */
@Service
public class QualityLoop {

    private final DecisionService decisions;
    private final RepositoryService repository;

    QualityLoop(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /**
     * Whether an SKU raises the product-quality alert: its return rate (0..1) is more than 20 % above its
     * category's average, and enough units were shipped to tell.
     */
    public boolean skuAlert(double skuRate, double categoryAverage, int shipped) {
        return Boolean.TRUE.equals(evaluate("skuReturnAlert", Map.of("skuReturnRate", skuRate,
                "categoryAverageRate", categoryAverage, "skuShipped", shipped)).get("alert"));
    }

    /** Whether a buyer with this many change-of-mind returns in 12 months is a serial returner. */
    public boolean serialReturner(int changedMindReturns12m, String tier) {
        String buyerTier = tier == null ? BuyerTier.NEW.name() : tier.trim().toUpperCase(Locale.ROOT);
        return Boolean.TRUE.equals(evaluate("serialReturner", Map.of("changedMindReturns12m", changedMindReturns12m,
                "buyerTier", buyerTier)).get("serialReturner"));
    }

    private Map<String, Object> evaluate(String key, Map<String, Object> variables) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("Decision table " + key + " is not deployed");
        }
        return decisions.evaluateDecisionById(latest.getId()).variables(variables).evaluate().getSingleResult()
                .getEntryMap();
    }
}
