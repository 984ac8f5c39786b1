package com.helloword.aftersales.recall;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code productRecallProcess} and {@code recallNoticeChunkProcess}, called as
 * {@code ${recallSteps.<step>(execution)}}: each reads the process's ids, calls one use case and writes
 * small results back.
 */
@Component("recallSteps")
public class RecallSteps {

    private final RecallService service;
    private final RecallRepository recalls;
    private final RecallEventRepository events;
    private final RiskReports riskReports;
    private final RecallPlanning planning;
    private final RecallFilingRepository filings;
    private final StoreDelistings delistings;
    private final RecallFanOut fanOut;
    private final RecallCompletion completion;
    private final RecallStaffMails staffMails;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Clock clock;

    RecallSteps(RecallService service, RecallRepository recalls, RecallEventRepository events, RiskReports riskReports,
            RecallPlanning planning, RecallFilingRepository filings, StoreDelistings delistings, RecallFanOut fanOut,
            RecallCompletion completion, RecallStaffMails staffMails, RuntimeService runtime, TaskService tasks,
            Clock clock) {
        this.service = service;
        this.recalls = recalls;
        this.events = events;
        this.riskReports = riskReports;
        this.planning = planning;
        this.filings = filings;
        this.delistings = delistings;
        this.fanOut = fanOut;
        this.completion = completion;
        this.staffMails = staffMails;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** An API start registered the recall already; a Tasklist start registers it from the form's fields. */
    @Transactional
    public void register(DelegateExecution execution) {
        Recall recall;
        if (execution.hasVariable(RecallProcess.VAR_RECALL_ID)) {
            recall = recalls.findById(((Number) execution.getVariable(RecallProcess.VAR_RECALL_ID)).longValue())
                    .orElseThrow(() -> RecallProcess.refuse("no such recall"));
            if (recall.getProcessInstanceId() != null
                    && !recall.getProcessInstanceId().equals(execution.getProcessInstanceId())) {
                throw RecallProcess.refuse("recall " + recall.getRecallKey() + " has its process already");
            }
            recall.started(execution.getProcessInstanceId());
        } else {
            RecallStarts.StartRecall command = new RecallStarts.StartRecall(
                    text(execution, RecallProcess.VAR_FORM_SKU),
                    RecallService.listOf(text(execution, RecallProcess.VAR_FORM_BATCHES)),
                    RecallService.listOf(text(execution, RecallProcess.VAR_FORM_COUNTRIES)),
                    RecallService.listOf(text(execution, RecallProcess.VAR_FORM_STORES)),
                    text(execution, RecallProcess.VAR_FORM_REASON), RecallSource.MANUAL, null);
            String startedBy = text(execution, "startedBy");
            try {
                recall = service.registerStarted(command, startedBy == null ? "tasklist" : startedBy,
                        execution.getProcessInstanceId());
            } catch (RejectedRecall e) {
                throw RecallProcess.refuse(e.getMessage());
            }
            execution.setProcessBusinessKey(recall.getRecallKey());
            execution.setVariable(RecallProcess.VAR_RECALL_ID, recall.getId());
            execution.setVariable(RecallProcess.VAR_RECALL_KEY, recall.getRecallKey());
            for (String field : List.of(RecallProcess.VAR_FORM_BATCHES, RecallProcess.VAR_FORM_COUNTRIES,
                    RecallProcess.VAR_FORM_STORES, RecallProcess.VAR_FORM_REASON)) {
                execution.removeVariable(field);
            }
        }
        execution.setVariable(RecallProcess.VAR_FORM_SKU, recall.getSku());
    }

    /** The recallPolicy table's answer, as the timers and the completion check use it. */
    @Transactional
    public void applyPolicy(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> policy = (Map<String, Object>) execution.getVariable(RecallProcess.VAR_POLICY);
        String monitorPeriod = (String) policy.get("monitorPeriod");
        String reminderAfter = (String) policy.get("reminderAfter");
        Number reminderCount = (Number) policy.get("reminderCount");
        String warnBefore = (String) policy.get("filingWarnBefore");
        Number target = (Number) policy.get("completionTarget");
        Duration.parse(monitorPeriod);
        Duration.parse(reminderAfter);
        Duration.parse(warnBefore);
        if (target == null || target.doubleValue() <= 0 || target.doubleValue() > 1) {
            throw new IllegalStateException("recallPolicy's completionTarget must be a share above 0 and at most 1, not "
                    + target);
        }
        execution.setVariable(RecallProcess.VAR_MONITOR_PERIOD, monitorPeriod);
        execution.setVariable(RecallProcess.VAR_REMINDER_CYCLE, "R" + Math.max(0, reminderCount.intValue()) + "/"
                + reminderAfter);
        execution.setVariable(RecallProcess.VAR_FILING_WARN_BEFORE, warnBefore);
        execution.setVariable(RecallProcess.VAR_REMINDER_ROUND, 0);
        recall(execution).completionTarget(BigDecimal.valueOf(target.doubleValue()));
    }

    /** Makes the report; after a monitoring period the recall is being assessed again. */
    @Transactional
    public void buildRiskReport(DelegateExecution execution) {
        riskReports.make(recallId(execution));
        Recall recall = recall(execution);
        if (recall.getState() == RecallState.MONITORING) {
            recall.moveTo(RecallState.ASSESSING);
        }
    }

    @Transactional
    public void enter(DelegateExecution execution, String state) {
        recall(execution).moveTo(RecallState.valueOf(state));
    }

    @Transactional
    public void recordDecision(DelegateExecution execution) {
        String given = text(execution, RecallProcess.VAR_DECISION);
        RecallDecision decision;
        try {
            decision = RecallDecision.valueOf(given == null ? "" : given.strip());
        } catch (IllegalArgumentException e) {
            throw RecallProcess.refuse("decision must be GO, NO_GO or MONITOR, not '" + given + "'");
        }
        execution.setVariable(RecallProcess.VAR_DECISION, decision.name());
        Recall recall = recall(execution);
        String actor = actor(execution);
        recall.decide(decision, text(execution, RecallProcess.VAR_DECISION_COMMENT), actor, clock.instant());
        execution.removeVariable(RecallProcess.VAR_DECISION_COMMENT);
        if (decision == RecallDecision.MONITOR) {
            recall.moveTo(RecallState.MONITORING);
        }
        events.save(new RecallEvent(recall.getId(), clock.instant(), "DECIDED_" + decision, actor,
                recall.getDecisionComment()));
    }

    @Transactional
    public void closeNoGo(DelegateExecution execution) {
        recall(execution).closed(RecallState.NO_GO, clock.instant());
    }

    public List<String> countries(DelegateExecution execution) {
        return recalls.findById(recallId(execution)).orElseThrow().getCountries();
    }

    public void draftPlan(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) execution.getVariable(RecallProcess.VAR_MARKET_RULE);
        planning.draft(recallId(execution), text(execution, RecallProcess.VAR_COUNTRY), rule);
    }

    public void approvePlans(DelegateExecution execution) {
        planning.approve(recallId(execution), actor(execution), text(execution, RecallProcess.VAR_PLAN_NOTE));
        execution.removeVariable(RecallProcess.VAR_PLAN_NOTE);
    }

    /** The authorities to file with, one filing each (made on approval). */
    public List<String> authorities(DelegateExecution execution) {
        return filings.findByRecallIdOrderByDueAt(recallId(execution)).stream().map(RecallFiling::getAuthority)
                .toList();
    }

    public String filingDueAt(DelegateExecution execution) {
        return filing(execution).getDueAt().toString();
    }

    public String filingWarnAt(DelegateExecution execution) {
        Instant due = filing(execution).getDueAt();
        return due.minus(Duration.parse(text(execution, RecallProcess.VAR_FILING_WARN_BEFORE))).toString();
    }

    @Transactional
    public void warnFiling(DelegateExecution execution) {
        RecallFiling filing = filing(execution);
        if (!filing.isFiled()) {
            filing.warned(clock.instant());
            staffMails.filingDue(recall(execution), filing, false);
        }
    }

    /** The deadline passed: the managers are told and get the filing task too. */
    @Transactional
    public void escalateFiling(DelegateExecution execution) {
        RecallFiling filing = filing(execution);
        if (filing.isFiled()) {
            return;
        }
        filing.missed(clock.instant());
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(RecallProcess.USER_TASK_FILE).list()) {
            if (filing.getAuthority().equals(runtime.getVariable(task.getExecutionId(), RecallProcess.VAR_AUTHORITY))) {
                tasks.addCandidateGroup(task.getId(), com.helloword.aftersales.security.Groups.MANAGERS);
            }
        }
        events.save(new RecallEvent(filing.getRecallId(), clock.instant(), "FILING_MISSED", null,
                filing.getAuthority() + " was due " + filing.getDueAt()));
        staffMails.filingDue(recall(execution), filing, true);
    }

    @Transactional
    public void recordFiling(DelegateExecution execution) {
        String reference = text(execution, RecallProcess.VAR_FILING_REFERENCE);
        if (reference == null || reference.isBlank()) {
            throw RecallProcess.refuse("filingReference: enter the authority's reference for the notification");
        }
        RecallFiling filing = filing(execution);
        String actor = actor(execution);
        filing.filed(reference.strip(), actor, clock.instant());
        execution.removeVariable(RecallProcess.VAR_FILING_REFERENCE);
        events.save(new RecallEvent(filing.getRecallId(), clock.instant(), "FILED", actor,
                filing.getAuthority() + " reference " + filing.getReference()
                        + (filing.getFiledAt().isAfter(filing.getDueAt()) ? " (late: due " + filing.getDueAt() + ")"
                                : "")));
    }

    public List<String> storesToDelist(DelegateExecution execution) {
        return delistings.plan(recallId(execution));
    }

    public void delist(DelegateExecution execution) {
        if (!delistings.delist(recallId(execution), text(execution, RecallProcess.VAR_STORE_ID))) {
            throw new BpmnError(RecallProcess.ERROR_DELIST_BY_HAND, "the platform has no API to delist");
        }
    }

    public void delistedByHand(DelegateExecution execution) {
        delistings.delistedByHand(recallId(execution), text(execution, RecallProcess.VAR_STORE_ID), actor(execution));
    }

    public void findAffectedBuyers(DelegateExecution execution) {
        fanOut.findAffectedBuyers(recallId(execution));
    }

    public void startNoticeChunks(DelegateExecution execution) {
        execution.setVariable(RecallProcess.VAR_NOTICE_CHUNKS, fanOut.startChunks(recallId(execution), 0));
    }

    /** recallNoticeChunkProcess: queues one chunk; the last notice chunk tells the recall. */
    public void queueNoticeChunk(DelegateExecution execution) {
        Long recallId = recallId(execution);
        int round = ((Number) execution.getVariable(RecallProcess.VAR_ROUND)).intValue();
        boolean last = fanOut.queueChunk(recallId, ((Number) execution.getVariable(RecallProcess.VAR_CHUNK_NO))
                .intValue(), round);
        if (last) {
            runtime.createMessageCorrelation(RecallProcess.MESSAGE_NOTICES_QUEUED)
                    .processInstanceBusinessKey(recalls.findById(recallId).orElseThrow().getRecallKey())
                    .correlateAllWithResult();
        }
    }

    @Transactional
    public void recordNotified(DelegateExecution execution) {
        Recall recall = recall(execution);
        recall.notified(clock.instant());
        events.save(new RecallEvent(recall.getId(), clock.instant(), "NOTIFIED", null,
                recall.getNoticesTotal() + " buyers notified; delisted on " + delistings.delisted(recall.getId()).size()
                        + " stores"));
    }

    public void checkCompletion(DelegateExecution execution) {
        execution.setVariable(RecallProcess.VAR_TARGET_REACHED, completion.targetReached(recallId(execution)));
    }

    public void sendReminders(DelegateExecution execution) {
        Number round = (Number) execution.getVariable(RecallProcess.VAR_REMINDER_ROUND);
        int next = (round == null ? 0 : round.intValue()) + 1;
        execution.setVariable(RecallProcess.VAR_REMINDER_ROUND, next);
        fanOut.startChunks(recallId(execution), next);
    }

    @Transactional
    public void close(DelegateExecution execution) {
        String rootCause = text(execution, RecallProcess.VAR_ROOT_CAUSE);
        String action = text(execution, RecallProcess.VAR_CORRECTIVE_ACTION);
        if (rootCause == null || rootCause.isBlank() || action == null || action.isBlank()) {
            throw RecallProcess.refuse("rootCause and correctiveAction are both needed for the report");
        }
        Recall recall = recall(execution);
        String actor = actor(execution);
        recall.rootCause(rootCause.strip(), action.strip());
        recall.closed(RecallState.CLOSED, clock.instant());
        execution.removeVariable(RecallProcess.VAR_ROOT_CAUSE);
        execution.removeVariable(RecallProcess.VAR_CORRECTIVE_ACTION);
        events.save(new RecallEvent(recall.getId(), clock.instant(), "CLOSED", actor, "completion "
                + completion.rate(recall.getId())));
    }

    @Transactional
    public void cancel(DelegateExecution execution) {
        Recall recall = recall(execution);
        recall.closed(RecallState.CANCELLED, clock.instant());
        execution.setVariable(RecallProcess.VAR_DELISTED_STORES, delistings.delisted(recall.getId()).size());
        events.save(new RecallEvent(recall.getId(), clock.instant(), "CANCELLED", actor(execution), null));
    }

    public List<String> storesToRelist(DelegateExecution execution) {
        return delistings.delisted(recallId(execution));
    }

    public void relist(DelegateExecution execution) {
        delistings.relist(recallId(execution), text(execution, RecallProcess.VAR_STORE_ID));
    }

    private RecallFiling filing(DelegateExecution execution) {
        return filings.findByRecallIdAndAuthority(recallId(execution), text(execution, RecallProcess.VAR_AUTHORITY))
                .orElseThrow();
    }

    private Recall recall(DelegateExecution execution) {
        return recalls.findById(recallId(execution)).orElseThrow();
    }

    /**
     * The recall this instance runs. The variable alone is not trusted: in a recall's own process it must name
     * the recall registered to this very instance, so a start or a task completion that sets {@code recallId}
     * cannot point the process at another recall.
     */
    Long recallId(DelegateExecution execution) {
        Long id = ((Number) execution.getVariable(RecallProcess.VAR_RECALL_ID)).longValue();
        if (execution.getProcessDefinitionId().startsWith(RecallProcess.PROCESS_KEY + ":")) {
            String owner = recalls.findById(id).map(Recall::getProcessInstanceId).orElse(null);
            if (owner != null && !owner.equals(execution.getProcessInstanceId())) {
                throw new IllegalStateException("Recall " + id + " is run by process instance " + owner + ", not by "
                        + execution.getProcessInstanceId());
            }
        }
        return id;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** Who completed the task this step follows: the API's caller, else Tasklist's user; taken once. */
    private static String actor(DelegateExecution execution) {
        String actor = text(execution, RecallProcess.VAR_ACTOR);
        execution.removeVariable(RecallProcess.VAR_ACTOR);
        return actor;
    }
}
