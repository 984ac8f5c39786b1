package com.helloword.aftersales.casework.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Reads the rows of the designers' phrase table (decision {@value #DECISION_KEY}) from a DMN model: each
 * rule's input entry is a list of FEEL strings ({@code "caught fire","on fire"}), its outputs the signal
 * and whether negations cancel it. A cell that is not such a list is refused with the rule's id.
 */
public final class PhraseTable {

    public static final String DECISION_KEY = "gradingPhrases";
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]*");

    private PhraseTable() {
    }

    public static GradingPhrases compile(DmnModelInstance model) {
        return new GradingPhrases(rows(model));
    }

    public static List<GradingPhrases.Row> rows(DmnModelInstance model) {
        Decision decision = model.getModelElementById(DECISION_KEY);
        if (decision == null) {
            throw new IllegalArgumentException("The model has no decision " + DECISION_KEY);
        }
        DecisionTable table = decision.getChildElementsByType(DecisionTable.class).iterator().next();
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        int signal = outputs.indexOf("signal");
        int cancellable = outputs.indexOf("cancellable");
        if (signal < 0 || cancellable < 0) {
            throw new IllegalArgumentException(DECISION_KEY + " needs the outputs signal and cancellable");
        }
        List<GradingPhrases.Row> rows = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            InputEntry input = rule.getInputEntries().iterator().next();
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            rows.add(new GradingPhrases.Row(strings(rule, text(entries.get(signal).getTextContent())).stream()
                    .findFirst().orElse(null),
                    "true".equals(text(entries.get(cancellable).getTextContent())),
                    strings(rule, text(input.getTextContent()))));
        }
        return rows;
    }

    private static String text(String content) {
        return content == null ? "" : content.strip();
    }

    private static List<String> strings(Rule rule, String cell) {
        List<String> strings = new ArrayList<>();
        Matcher matcher = STRING.matcher(cell);
        int last = 0;
        while (matcher.find()) {
            if (!SEPARATORS.matcher(cell.substring(last, matcher.start())).matches()) {
                throw refused(rule, cell);
            }
            strings.add(matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            last = matcher.end();
        }
        if (!SEPARATORS.matcher(cell.substring(last)).matches() || strings.isEmpty()) {
            throw refused(rule, cell);
        }
        return strings;
    }

    private static IllegalArgumentException refused(Rule rule, String cell) {
        String shown = cell.length() > 80 ? cell.substring(0, 80) + "..." : cell;
        return new IllegalArgumentException("Rule " + rule.getId() + " of " + DECISION_KEY
                + ": a cell must be a list of quoted phrases such as \"caught fire\",\"on fire\", not " + shown);
    }
}
