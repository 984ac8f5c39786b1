package com.helloword.aftersales.monitoring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The lines the view draws, read from the rules of the latest deployed decision tables (never restated here):
 * the number in the input entry ({@code > 2.5}, {@code > categoryAverageRate * 1.2}) of the rule that answers
 * {@code alert = true}. Read once per deployed version.
 */
@Component
class DecisionLines {

    /** {@code > n}, {@code >= n} or {@code > something * n}: the number n. */
    private static final Pattern ABOVE = Pattern.compile("^>=?\\s*(?:[A-Za-z_][A-Za-z0-9_]*\\s*\\*\\s*)?([0-9]+(?:\\.[0-9]+)?)$");

    private final RepositoryService repository;
    private final Map<String, Double> byDefinitionAndInput = new ConcurrentHashMap<>();

    DecisionLines(RepositoryService repository) {
        this.repository = repository;
    }

    /** The storeHealth table's dispute rate limit, as a fraction (the table speaks percent). */
    double disputeLine() {
        return line("storeHealth", "disputeRatePercent") / 100.0;
    }

    /** How many times its category's average an SKU's return rate may be (skuReturnAlert: 1.2). */
    double skuReturnFactor() {
        return line("skuReturnAlert", "skuReturnRate");
    }

    private double line(String decisionKey, String inputExpression) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().withoutTenantId().singleResult();
        if (definition == null) {
            throw new IllegalStateException("No decision " + decisionKey + " deployed");
        }
        return byDefinitionAndInput.computeIfAbsent(definition.getId() + "|" + inputExpression,
                k -> read(definition, inputExpression));
    }

    private double read(DecisionDefinition definition, String inputExpression) {
        DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
        Decision decision = model.getModelElementById(definition.getKey());
        DecisionTable table = decision.getChildElementsByType(DecisionTable.class).iterator().next();
        List<Input> inputs = List.copyOf(table.getInputs());
        List<Output> outputs = List.copyOf(table.getOutputs());
        int in = indexOf(inputs.stream().map(i -> i.getInputExpression().getText().getTextContent().trim()).toList(),
                inputExpression, definition);
        int alert = indexOf(outputs.stream().map(Output::getName).toList(), "alert", definition);
        for (Rule rule : table.getRules()) {
            List<OutputEntry> answers = List.copyOf(rule.getOutputEntries());
            if (!"true".equals(answers.get(alert).getText().getTextContent().trim())) {
                continue;
            }
            InputEntry entry = List.copyOf(rule.getInputEntries()).get(in);
            Matcher above = ABOVE.matcher(entry.getText().getTextContent().trim());
            if (above.matches()) {
                return Double.parseDouble(above.group(1));
            }
        }
        throw new IllegalStateException("No rule of " + definition.getKey() + " v" + definition.getVersion()
                + " alerts above a number on " + inputExpression);
    }

    private static int indexOf(List<String> names, String name, DecisionDefinition definition) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException(definition.getKey() + " has no " + name);
        }
        return index;
    }
}
