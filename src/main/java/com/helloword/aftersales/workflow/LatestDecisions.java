package com.helloword.aftersales.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The one way Java asks a designer's table: the latest deployed version of decision {@code key}, so a
 * table changed in Modeler and deployed takes effect at once, with no Java change. The answer names the
 * version that decided ({@link Evaluated#definitionId}, e.g. {@code teamRouting:3:…}) for the case file's
 * record of who decided what. Where the process itself decides, a business-rule task in the BPMN asks the
 * table instead (binding latest) and Cockpit shows the decision.
 */
@Component
public class LatestDecisions {

    /** What a table decided, and which deployed version decided it. */
    public record Evaluated(String key, String definitionId, DmnDecisionResult result) {

        /** The single matching rule's outputs (a unique or first hit-policy table). */
        public DmnDecisionResultEntries single() {
            DmnDecisionResultEntries entries = result.getSingleResult();
            if (entries == null) {
                throw new IllegalStateException("Decision table " + key + " (" + definitionId
                        + ") matched no rule; its last row should catch the rest");
            }
            return entries;
        }

        /** One output of the single matching rule. */
        public <T> T output(String name) {
            return single().getEntry(name);
        }
    }

    private final DecisionService decisions;
    private final RepositoryService repository;
    /** A DMN engine of our own, outside the process engine: what it evaluates leaves no decision history. */
    private final DmnEngine unrecorded = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** Parsed once per deployed version. */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    LatestDecisions(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /** @throws IllegalStateException when no version of the table is deployed */
    public Evaluated evaluate(String key, Map<String, Object> variables) {
        String definitionId = latestDefinitionId(key);
        return new Evaluated(key, definitionId,
                decisions.evaluateDecisionById(definitionId).variables(variables).evaluate());
    }

    /**
     * As {@link #evaluate}, but not recorded in the engine's decision history (ACT_HI_DEC_IN keeps every input):
     * for a table whose input is the buyer's own words, which the house rule keeps out of engine history.
     *
     * @throws IllegalStateException when no version of the table is deployed
     */
    public Evaluated evaluateUnrecorded(String key, Map<String, Object> variables) {
        String definitionId = latestDefinitionId(key);
        DmnDecision decision = parsed.computeIfAbsent(definitionId, id -> {
            try (InputStream model = repository.getDecisionModel(id)) {
                return unrecorded.parseDecision(key, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Evaluated(key, definitionId, unrecorded.evaluateDecision(decision, variables));
    }

    /**
     * The id of the latest deployed version of table {@code key}: the version a business-rule task with
     * binding latest takes, for the step after it that records which version decided (asked in the same
     * transaction, so it is that task's version unless a deployment commits in between).
     *
     * @throws IllegalStateException when no version of the table is deployed
     */
    public String latestDefinitionId(String key) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("Decision table " + key + " is not deployed");
        }
        return latest.getId();
    }
}
