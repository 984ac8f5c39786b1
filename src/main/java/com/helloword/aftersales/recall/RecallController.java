package com.helloword.aftersales.recall;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/recalls}: start a recall, read where it stands, and take the recall manager's steps (the
 * same Tasklist tasks, completed for the caller). A step the recall is not waiting for is a 409 that says
 * the stage it is in; nothing changes.
 */
@RestController
class RecallController {

    record StartRequest(String sku, List<String> batches, List<String> countries, List<String> storeIds,
            String reason) {
    }

    record DecisionRequest(String decision, String comment) {
    }

    record NoteRequest(String note) {
    }

    record FilingRequest(String reference) {
    }

    record RootCauseRequest(String rootCause, String correctiveAction) {
    }

    record Counted(long total, Map<String, Long> byCountry) {
    }

    record DelistingView(String storeId, String platform, String status, int attempts, String lastError) {
    }

    record PlanView(String country, String authority, String authorityName, String filingDeadline,
            List<String> remedies, String noticeTemplate, String status) {
    }

    record FilingView(String authority, String authorityName, List<String> countries, String dueAt, String status,
            String reference, String filedAt, String filedBy, boolean missed) {
    }

    record RecallView(Long id, String recallKey, String sku, List<String> batches, List<String> countries,
            List<String> storeIds, String reason, String source, int stage, String stageName, String state,
            String decision, Counted affectedOrders, Counted affectedBuyers, long notified, long reached, long chosen,
            long returned, long disposed, BigDecimal completionRate, BigDecimal completionTarget,
            List<DelistingView> delisting, List<PlanView> plans, List<FilingView> filings, RiskReport riskReport) {
    }

    private static final String[] RECALL_STAFF = {Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.RECALL_MANAGERS};

    private final RecallService service;
    private final RecallRepository recalls;
    private final RiskReports riskReports;
    private final RecallNoticeRepository notices;
    private final RecallUnitRepository units;
    private final RecallDelistingRepository delistings;
    private final RecallMarketPlanRepository plans;
    private final RecallFilingRepository filings;
    private final RecallCompletion completion;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ApiAccess access;

    RecallController(RecallService service, RecallRepository recalls, RiskReports riskReports,
            RecallNoticeRepository notices, RecallUnitRepository units, RecallDelistingRepository delistings,
            RecallMarketPlanRepository plans, RecallFilingRepository filings, RecallCompletion completion,
            TaskService tasks, RuntimeService runtime, ApiAccess access) {
        this.service = service;
        this.recalls = recalls;
        this.riskReports = riskReports;
        this.notices = notices;
        this.units = units;
        this.delistings = delistings;
        this.plans = plans;
        this.filings = filings;
        this.completion = completion;
        this.tasks = tasks;
        this.runtime = runtime;
        this.access = access;
    }

    @PostMapping("/api/recalls")
    ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) StartRequest request) {
        access.requireAnyGroup(RECALL_STAFF);
        required(request, "The recall cannot be started");
        Recall recall = service.start(new RecallStarts.StartRecall(request.sku(), request.batches(),
                request.countries(), request.storeIds(), request.reason(), RecallSource.MANUAL, null),
                access.caller().userId());
        return ResponseEntity.created(URI.create("/api/recalls/" + recall.getId()))
                .body(Map.of("id", recall.getId(), "recallKey", recall.getRecallKey()));
    }

    @GetMapping("/api/recalls/{id}")
    @Transactional(readOnly = true)
    RecallView get(@PathVariable String id) {
        access.requireAnyGroup(RECALL_STAFF);
        Recall recall = find(id);
        RiskReport report = riskReports.read(recall);
        Counted orders = report == null ? new Counted(0, Map.of())
                : new Counted(report.affectedOrders(), report.affectedOrdersByCountry());
        Counted buyers = report == null ? new Counted(0, Map.of())
                : new Counted(report.affectedBuyers(), report.affectedBuyersByCountry());
        Long recallId = recall.getId();
        return new RecallView(recallId, recall.getRecallKey(), recall.getSku(), recall.getBatches(),
                recall.getCountries(), recall.getStoreIds(), recall.getReason(), recall.getSource().name(),
                recall.getStage(), RecallProcess.stageName(recall.getStage()), recall.getState().name(),
                recall.getDecision() == null ? null : recall.getDecision().name(), orders, buyers,
                notices.countByRecallIdAndStatus(recallId, RecallNotice.QUEUED),
                notices.countByRecallIdAndOpenedAtIsNotNull(recallId), notices.countByRecallIdAndRemedyIsNotNull(recallId),
                units.countByRecallIdAndStatusIn(recallId, List.of(RecallUnitStatus.RECEIVED, RecallUnitStatus.INSPECTED,
                        RecallUnitStatus.DISPOSED, RecallUnitStatus.REFURBISHED)),
                units.countByRecallIdAndStatusIn(recallId, List.of(RecallUnitStatus.DISPOSED,
                        RecallUnitStatus.REFURBISHED)),
                completion.rate(recallId), recall.getCompletionTarget(),
                delistings.findByRecallIdOrderByStoreId(recallId).stream().map(d -> new DelistingView(d.getStoreId(),
                        d.getPlatform(), d.getStatus(), d.getAttempts(), d.getLastError())).toList(),
                plans.findByRecallIdOrderByCountry(recallId).stream().map(p -> new PlanView(p.getCountry(),
                        p.getAuthority(), p.getAuthorityName(), p.getFilingDeadline(), p.getRemedies(),
                        p.getNoticeTemplate(), p.getStatus())).toList(),
                filings.findByRecallIdOrderByDueAt(recallId).stream().map(f -> new FilingView(f.getAuthority(),
                        f.getAuthorityName(), f.getCountries(), String.valueOf(f.getDueAt()), f.getStatus(),
                        f.getReference(), f.getFiledAt() == null ? null : f.getFiledAt().toString(), f.getFiledBy(),
                        f.getMissedAt() != null)).toList(),
                report);
    }

    @PostMapping("/api/recalls/{id}/decision")
    Map<String, Object> decide(@PathVariable String id, @RequestBody(required = false) DecisionRequest request) {
        access.requireAnyGroup(RECALL_STAFF);
        Recall recall = find(id);
        required(request, "The decision cannot be taken");
        String decision = request.decision() == null ? "" : request.decision().strip();
        try {
            RecallDecision.valueOf(decision);
        } catch (IllegalArgumentException e) {
            throw RejectedRecall.badInput("The decision cannot be taken", List.of(com.helloword.aftersales.web
                    .FieldProblem.of("decision", "must be GO, NO_GO or MONITOR, not '" + request.decision() + "'")));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(RecallProcess.VAR_DECISION, decision);
        variables.put(RecallProcess.VAR_DECISION_COMMENT, request.comment());
        complete(recall, RecallProcess.USER_TASK_DECIDE, null, "A decision", "it is not waiting for a GO/NO_GO/MONITOR decision",
                variables);
        return state(find(id));
    }

    @PostMapping("/api/recalls/{id}/plans/approve")
    Map<String, Object> approvePlans(@PathVariable String id, @RequestBody(required = false) NoteRequest request) {
        access.requireAnyGroup(RECALL_STAFF);
        Recall recall = find(id);
        Map<String, Object> variables = new HashMap<>();
        variables.put(RecallProcess.VAR_PLANS_APPROVED, true);
        variables.put(RecallProcess.VAR_PLAN_NOTE, request == null ? null : request.note());
        complete(recall, RecallProcess.USER_TASK_APPROVE_PLANS, null, "Approving the plans",
                "no market plans are waiting for approval", variables);
        return state(find(id));
    }

    @PostMapping("/api/recalls/{id}/filings/{authority}")
    Map<String, Object> filed(@PathVariable String id, @PathVariable String authority,
            @RequestBody(required = false) FilingRequest request) {
        access.requireAnyGroup(RECALL_STAFF);
        Recall recall = find(id);
        required(request, "The filing cannot be recorded");
        if (request.reference() == null || request.reference().isBlank()) {
            throw RejectedRecall.badInput("The filing cannot be recorded", List.of(com.helloword.aftersales.web
                    .FieldProblem.of("reference", "is required: the authority's reference for the notification")));
        }
        complete(recall, RecallProcess.USER_TASK_FILE, authority, "Recording a filing with " + authority,
                "no filing with " + authority + " is open", Map.of(RecallProcess.VAR_FILING_REFERENCE,
                        request.reference().strip()));
        return state(find(id));
    }

    @PostMapping("/api/recalls/{id}/close")
    Map<String, Object> close(@PathVariable String id) {
        access.requireAnyGroup(RECALL_STAFF);
        Recall recall = find(id);
        if (recall.getState() != RecallState.RETURNING || runtime.createEventSubscriptionQuery()
                .processInstanceId(recall.getProcessInstanceId()).eventName(RecallProcess.MESSAGE_CLOSE_REQUESTED)
                .count() == 0) {
            throw RejectedRecall.notNow("Closing", recall, "a recall is closed from stage 4, once buyers were notified");
        }
        runtime.createMessageCorrelation(RecallProcess.MESSAGE_CLOSE_REQUESTED)
                .processInstanceId(recall.getProcessInstanceId()).correlateWithResult();
        return state(find(id));
    }

    @PostMapping("/api/recalls/{id}/root-cause")
    Map<String, Object> rootCause(@PathVariable String id,
            @RequestBody(required = false) RootCauseRequest request) {
        access.requireAnyGroup(RECALL_STAFF);
        Recall recall = find(id);
        required(request, "The recall cannot be closed out");
        List<com.helloword.aftersales.web.FieldProblem> problems = new java.util.ArrayList<>();
        if (request.rootCause() == null || request.rootCause().isBlank()) {
            problems.add(com.helloword.aftersales.web.FieldProblem.of("rootCause", "is required"));
        }
        if (request.correctiveAction() == null || request.correctiveAction().isBlank()) {
            problems.add(com.helloword.aftersales.web.FieldProblem.of("correctiveAction", "is required"));
        }
        if (!problems.isEmpty()) {
            throw RejectedRecall.badInput("The recall cannot be closed out", problems);
        }
        complete(recall, RecallProcess.USER_TASK_ROOT_CAUSE, null, "The root cause", "it is not in its close-out",
                Map.of(RecallProcess.VAR_ROOT_CAUSE, request.rootCause(), RecallProcess.VAR_CORRECTIVE_ACTION,
                        request.correctiveAction()));
        return state(find(id));
    }

    @PostMapping("/api/recalls/{id}/cancel")
    Map<String, Object> cancel(@PathVariable String id, @RequestBody(required = false) NoteRequest request) {
        access.requireAnyGroup(RECALL_STAFF);
        Recall recall = find(id);
        if (recall.getState().finished()) {
            throw RejectedRecall.notNow("Cancelling", recall, "it has ended");
        }
        runtime.createMessageCorrelation(RecallProcess.MESSAGE_CANCELLED).processInstanceId(recall.getProcessInstanceId())
                .setVariable(RecallProcess.VAR_ACTOR, access.caller().userId()).correlateWithResult();
        return state(find(id));
    }

    private void complete(Recall recall, String taskKey, String authority, String what, String reason,
            Map<String, Object> variables) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(recall.getProcessInstanceId())
                .taskDefinitionKey(taskKey).list();
        Task task = open.stream().filter(t -> authority == null
                || authority.equals(runtime.getVariable(t.getExecutionId(), RecallProcess.VAR_AUTHORITY)))
                .findFirst().orElseThrow(() -> RejectedRecall.notNow(what, recall, reason));
        tasks.setAssignee(task.getId(), access.caller().userId());
        tasks.complete(task.getId(), variables);
    }

    /** The caller's rights are checked before the body is: a stranger learns nothing from a 400. */
    private static void required(Object body, String lead) {
        if (body == null) {
            throw RejectedRecall.badInput(lead, List.of(com.helloword.aftersales.web.FieldProblem.of("body",
                    "is required (JSON)")));
        }
    }

    private Recall find(String id) {
        try {
            return recalls.findById(Long.parseLong(id)).orElseThrow(() -> RejectedRecall.notFound(id));
        } catch (NumberFormatException e) {
            return recalls.findByRecallKey(id).orElseThrow(() -> RejectedRecall.notFound(id));
        }
    }

    private static Map<String, Object> state(Recall recall) {
        Map<String, Object> out = new TreeMap<>();
        out.put("id", recall.getId());
        out.put("recallKey", recall.getRecallKey());
        out.put("stage", recall.getStage());
        out.put("stageName", RecallProcess.stageName(recall.getStage()));
        out.put("state", recall.getState().name());
        return out;
    }
}
