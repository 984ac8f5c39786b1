package com.helloword.aftersales.buyer.erasure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/**
 * The buyer's traces in the engine: variables (runtime and history, with every earlier value), decision
 * inputs and outputs, comments and operation-log values of the buyer's process instances (the cases' and
 * those they started), and the knowledge-base decisions that are evaluated outside a process. Only what
 * holds a trace goes; the instances, their activities and times stay for the statistics.
 */
@Component
class EngineHistoryErasure {

    /** Decisions evaluated on their own (no process instance) with the buyer's words as an input. */
    static final List<String> STANDALONE_DECISIONS = List.of("knowledgeBaseArticle");
    private static final int PAGE = 500;

    private final HistoryService history;
    private final RuntimeService runtime;
    private final TaskService tasks;

    EngineHistoryErasure(HistoryService history, RuntimeService runtime, TaskService tasks) {
        this.history = history;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /**
     * @param traces in the buyer's own process instances
     * @param shared in decisions evaluated outside a process, which are every buyer's: whole texts only
     */
    Map<String, Integer> erase(List<String> caseKeys, List<String> processInstanceIds, PersonalTraces traces,
            PersonalTraces shared) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> instances = instances(caseKeys, processInstanceIds);
        counts.put("processVariables", traces.isEmpty() || instances.isEmpty() ? 0 : variables(instances, traces));
        counts.put("decisionInstances", traces.isEmpty() ? 0 : decisions(instances, traces, shared));
        counts.put("comments", traces.isEmpty() ? 0 : comments(instances, traces));
        counts.put("operationLogEntries", traces.isEmpty() ? 0 : operationLog(instances, traces));
        return counts;
    }

    /** The cases' process instances and, one level down and more, those they called. */
    private Set<String> instances(List<String> caseKeys, List<String> processInstanceIds) {
        Set<String> instances = new LinkedHashSet<>(processInstanceIds);
        if (!caseKeys.isEmpty()) {
            history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(caseKeys.toArray(String[]::new))
                    .list().forEach(p -> instances.add(p.getId()));
        }
        List<String> parents = new ArrayList<>(instances);
        while (!parents.isEmpty()) {
            List<String> children = new ArrayList<>();
            for (String parent : parents) {
                for (HistoricProcessInstance child : history.createHistoricProcessInstanceQuery()
                        .superProcessInstanceId(parent).list()) {
                    if (instances.add(child.getId())) {
                        children.add(child.getId());
                    }
                }
            }
            parents = children;
        }
        return instances;
    }

    /**
     * A variable with a trace in its value or any earlier value: removed where it still runs, then its history
     * (instance and details) deleted. The house rule keeps buyer data out of variables; this is for what slipped in.
     */
    private int variables(Set<String> instances, PersonalTraces traces) {
        String[] ids = instances.toArray(String[]::new);
        Set<String> traced = new LinkedHashSet<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(ids).list()) {
            if (traces.foundIn(variable.getValue())) {
                traced.add(variable.getId());
            }
        }
        for (HistoricDetail detail : history.createHistoricDetailQuery().variableUpdates().processInstanceIdIn(ids)
                .list()) {
            if (detail instanceof HistoricVariableUpdate update && traces.foundIn(update.getValue())) {
                traced.add(update.getVariableInstanceId());
            }
        }
        for (VariableInstance variable : runtime.createVariableInstanceQuery().processInstanceIdIn(ids).list()) {
            if (traced.contains(variable.getId()) || traces.foundIn(variable.getValue())) {
                traced.add(variable.getId());
                if (variable.getTaskId() != null) {
                    tasks.removeVariableLocal(variable.getTaskId(), variable.getName());
                } else {
                    runtime.removeVariableLocal(variable.getExecutionId(), variable.getName());
                }
            }
        }
        traced.forEach(history::deleteHistoricVariableInstance);
        return traced.size();
    }

    private int decisions(Set<String> instances, PersonalTraces traces, PersonalTraces shared) {
        Set<String> traced = new LinkedHashSet<>();
        for (String instance : instances) {
            history.createHistoricDecisionInstanceQuery().processInstanceId(instance).includeInputs().includeOutputs()
                    .list().stream().filter(d -> traced(d, traces)).forEach(d -> traced.add(d.getId()));
        }
        for (String key : STANDALONE_DECISIONS) {
            int first = 0;
            List<HistoricDecisionInstance> page;
            do {
                page = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).includeInputs()
                        .includeOutputs().orderByEvaluationTime().asc().listPage(first, PAGE);
                page.stream().filter(d -> d.getProcessInstanceId() == null && traced(d, shared))
                        .forEach(d -> traced.add(d.getId()));
                first += PAGE;
            } while (page.size() == PAGE);
        }
        traced.forEach(history::deleteHistoricDecisionInstanceByInstanceId);
        return traced.size();
    }

    private static boolean traced(HistoricDecisionInstance decision, PersonalTraces traces) {
        for (HistoricDecisionInputInstance input : decision.getInputs()) {
            if (traces.foundIn(input.getValue())) {
                return true;
            }
        }
        for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
            if (traces.foundIn(output.getValue())) {
                return true;
            }
        }
        return false;
    }

    private int comments(Set<String> instances, PersonalTraces traces) {
        int count = 0;
        for (String instance : instances) {
            for (Comment comment : tasks.getProcessInstanceComments(instance)) {
                if (traces.foundIn(comment.getFullMessage())) {
                    tasks.deleteProcessInstanceComment(instance, comment.getId());
                    count++;
                }
            }
        }
        return count;
    }

    private int operationLog(Set<String> instances, PersonalTraces traces) {
        int count = 0;
        for (String instance : instances) {
            for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(instance)
                    .list()) {
                if (traces.foundIn(entry.getOrgValue()) || traces.foundIn(entry.getNewValue())) {
                    history.deleteUserOperationLogEntry(entry.getId());
                    count++;
                }
            }
        }
        return count;
    }
}
