package com.helloword.aftersales.dispute;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.ApiCaller;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.web.FieldProblem;

/**
 * {@code /api/disputes}: open a dispute (or find the order's open one), read it, decide it, approve a decision
 * above the order value, withdraw it, and its evidence pack. Decisions and approvals complete the same Tasklist
 * tasks, assigned to the caller first, so the task listener's checks hold on every path. Dispute specialists see
 * their own region's disputes; managers and admins all; team leads may decide up to their own limit; the
 * {@code integrations} accounts may open and withdraw.
 */
@RestController
class DisputeController {

    record OpenRequest(String storeId, String platformOrderId, String claimType, String platformClaimId,
            String reason) {
    }

    record DecisionRequest(String outcome, Object percentOfOrder, String comment) {
    }

    record ApprovalRequest(Boolean approve, String comment) {
    }

    record WithdrawRequest(String reason) {
    }

    record OrderRef(String storeId, String platformOrderId) {
    }

    record ClaimView(String source, String claimId, String claimType, String status, boolean closed, String respondBy,
            BigDecimal amount, String currency) {
    }

    record DisputeView(String key, String state, String storeId, String platformOrderId, String claimType,
            String source, String region, String candidateGroup, String respondBy, String respondBySource,
            boolean deadlineMissed, List<OrderRef> frozenOrders, String decision, Integer percentOfOrder,
            BigDecimal amount, String currency, String decidedBy, String approvedBy, String outcome,
            List<ClaimView> claims, String evidence) {
    }

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final DisputeService service;
    private final DisputeRepository disputes;
    private final DisputeClaimRepository claims;
    private final OrderFreezes freezes;
    private final DisputeLimits limits;
    private final DisputeSteps steps;
    private final EvidencePacks evidence;
    private final TaskService tasks;
    private final ApiAccess access;
    private final RemedyConsistency consistency;

    DisputeController(DisputeService service, DisputeRepository disputes, DisputeClaimRepository claims,
            OrderFreezes freezes, DisputeLimits limits, DisputeSteps steps, EvidencePacks evidence, TaskService tasks,
            ApiAccess access, RemedyConsistency consistency) {
        this.consistency = consistency;
        this.service = service;
        this.disputes = disputes;
        this.claims = claims;
        this.freezes = freezes;
        this.limits = limits;
        this.steps = steps;
        this.evidence = evidence;
        this.tasks = tasks;
        this.access = access;
    }

    private static String[] staff(String... more) {
        return Stream.concat(Stream.concat(Stream.of(Groups.CAMUNDA_ADMIN, Groups.MANAGERS),
                Groups.DISPUTE_REGIONS.stream().map(Groups::disputeSpecialists)), Stream.of(more))
                .toArray(String[]::new);
    }

    @PostMapping("/api/disputes")
    ResponseEntity<Map<String, Object>> open(@RequestBody(required = false) OpenRequest request) {
        access.requireAnyGroup(staff(Groups.INTEGRATIONS));
        if (request == null) {
            throw RejectedDispute.badInput("The dispute cannot be opened", List.of(FieldProblem.of("body",
                    "is required: {storeId, platformOrderId, claimType, platformClaimId?, reason}")));
        }
        String claimType = request.claimType() == null ? null : request.claimType().strip().toUpperCase(Locale.ROOT);
        DisputeService.ClaimFacts claim = request.platformClaimId() == null || request.platformClaimId().isBlank()
                ? null : new DisputeService.ClaimFacts(SOURCE_OF_API_CLAIM, request.platformClaimId().strip(), claimType,
                        "REPORTED", false, null, null, null, null);
        DisputeService.Opened opened = service.open(new DisputeService.OpenDispute(request.storeId(),
                request.platformOrderId(), request.claimType(), request.reason(), DisputeService.SOURCE_API, null,
                claim), access.caller().userId());
        Map<String, Object> body = Map.of("key", opened.dispute().getKey(), "created", opened.created());
        return opened.created()
                ? ResponseEntity.created(URI.create("/api/disputes/" + opened.dispute().getKey())).body(body)
                : ResponseEntity.ok(body);
    }

    /**
     * The remedies of the window ({@code window}, an ISO duration, default {@code aftersales.disputes.consistency-window})
     * that deviate from the median of the same SKU and complaint category across stores.
     */
    @GetMapping("/api/disputes/consistency")
    RemedyConsistency.Report consistency(@org.springframework.web.bind.annotation.RequestParam(required = false)
            String window) {
        access.requireAnyGroup(staff());
        java.time.Duration over;
        try {
            over = window == null || window.isBlank() ? consistency.defaultWindow() : java.time.Duration.parse(window);
        } catch (java.time.format.DateTimeParseException e) {
            throw RejectedDispute.badInput("The report cannot be made", List.of(FieldProblem.of("window",
                    "'" + window + "' is not an ISO-8601 duration such as P90D")));
        }
        if (over.isNegative() || over.isZero() || over.toDays() > 730) {
            throw RejectedDispute.badInput("The report cannot be made", List.of(FieldProblem.of("window",
                    "must be longer than zero and at most 730 days")));
        }
        return consistency.report(over);
    }

    /** A claim reported through the API names no platform feed of its own: it is recorded as the API's. */
    static final String SOURCE_OF_API_CLAIM = "API";

    @GetMapping("/api/disputes/{key}")
    @Transactional(readOnly = true)
    DisputeView get(@PathVariable String key) {
        return view(readable(key));
    }

    @PostMapping("/api/disputes/{key}/decision")
    @Transactional
    DisputeView decide(@PathVariable String key, @RequestBody(required = false) DecisionRequest request) {
        access.requireAnyGroup(staff(Groups.TEAM_LEADS));
        Dispute dispute = find(key);
        ApiCaller caller = access.caller();
        String level = DisputeLimits.levelOf(caller.groupIds(), dispute.getRegion());
        if (level == null) {
            throw RejectedDispute.forbidden("The decision cannot be taken", caller.userId() + " is not a dispute"
                    + " specialist of region " + dispute.getRegion() + ", a team lead or a manager");
        }
        DisputeTaskListener.Decision decision = decision(request);
        Task task = task(dispute, DisputeProcess.USER_TASK_ARBITRATE, "The decision cannot be taken",
                "it is not waiting for a decision");
        SalesOrder order = steps.order(dispute);
        limits.check(order, decision.outcome(), decision.percent(), level);
        Map<String, Object> variables = new HashMap<>();
        variables.put(DisputeProcess.VAR_DECISION, decision.outcome().name());
        variables.put(DisputeProcess.VAR_PERCENT, decision.percent());
        variables.put(DisputeProcess.VAR_COMMENT, decision.comment());
        tasks.setAssignee(task.getId(), caller.userId());
        tasks.complete(task.getId(), variables);
        return viewOf(key);
    }

    @PostMapping("/api/disputes/{key}/approval")
    @Transactional
    DisputeView approve(@PathVariable String key, @RequestBody(required = false) ApprovalRequest request) {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.MANAGERS);
        Dispute dispute = find(key);
        ApiCaller caller = access.caller();
        if (caller.userId().equals(dispute.getDecidedBy())) {
            throw RejectedDispute.forbidden("The approval cannot be given", caller.userId() + " decided this dispute;"
                    + " another manager approves it (four eyes)");
        }
        if (request == null || request.approve() == null) {
            throw RejectedDispute.badInput("The approval cannot be given", List.of(FieldProblem.of("approve",
                    "is required: true or false")));
        }
        Task task = task(dispute, DisputeProcess.USER_TASK_APPROVE, "The approval cannot be given",
                "no decision is waiting for approval");
        Map<String, Object> variables = new HashMap<>();
        variables.put(DisputeProcess.VAR_APPROVE, request.approve());
        variables.put(DisputeProcess.VAR_APPROVAL_COMMENT, request.comment());
        tasks.setAssignee(task.getId(), caller.userId());
        tasks.complete(task.getId(), variables);
        return viewOf(key);
    }

    @PostMapping("/api/disputes/{key}/withdraw")
    DisputeView withdraw(@PathVariable String key, @RequestBody(required = false) WithdrawRequest request) {
        access.requireAnyGroup(staff(Groups.INTEGRATIONS));
        if (!access.caller().groupIds().contains(Groups.INTEGRATIONS)) {
            readable(key);
        }
        service.withdraw(key, request == null ? null : request.reason(), access.caller().userId());
        return viewOf(key);
    }

    @GetMapping("/api/disputes/{key}/evidence.html")
    ResponseEntity<String> evidenceHtml(@PathVariable String key) {
        Dispute dispute = readable(key);
        return ResponseEntity.ok().contentType(HTML).header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\""
                + fileName(dispute) + "-evidence.html\"").body(evidence.html(dispute));
    }

    @GetMapping("/api/disputes/{key}/evidence.pdf")
    ResponseEntity<byte[]> evidencePdf(@PathVariable String key) {
        Dispute dispute = readable(key);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        evidence.pdf(dispute, pdf);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                "inline; filename=\"" + fileName(dispute) + "-evidence.pdf\"").body(pdf.toByteArray());
    }

    private static String fileName(Dispute dispute) {
        return dispute.getKey().replaceAll("[^A-Za-z0-9-]", "");
    }

    /** The dispute, for a caller who may read it: 403 before 404, then the region's specialists only. */
    private Dispute readable(String key) {
        access.requireAnyGroup(staff());
        Dispute dispute = find(key);
        List<String> groups = access.caller().groupIds();
        if (!groups.contains(Groups.CAMUNDA_ADMIN) && !groups.contains(Groups.MANAGERS)
                && (dispute.getRegion() == null || !groups.contains(Groups.disputeSpecialists(dispute.getRegion())))) {
            throw RejectedDispute.forbidden("The dispute is not yours to read", access.caller().userId()
                    + " is not a dispute specialist of region " + dispute.getRegion());
        }
        return dispute;
    }

    private Dispute find(String key) {
        return disputes.findByKey(key).orElseThrow(() -> RejectedDispute.notFound("No such dispute", "key",
                "no dispute " + key));
    }

    private Task task(Dispute dispute, String taskKey, String lead, String reason) {
        Task task = dispute.getProcessInstanceId() == null ? null : tasks.createTaskQuery()
                .processInstanceId(dispute.getProcessInstanceId()).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw RejectedDispute.notNow(lead, dispute, reason);
        }
        return task;
    }

    private static DisputeTaskListener.Decision decision(DecisionRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null) {
            problems.add(FieldProblem.of("body", "is required: {outcome, percentOfOrder?, comment}"));
        } else {
            try {
                return DisputeTaskListener.Decision.read(request.outcome(), request.percentOfOrder(), request.comment());
            } catch (DisputeTaskListener.Decision.Invalid invalid) {
                problems.add(FieldProblem.of(invalid.field(), invalid.getMessage()));
            }
        }
        throw RejectedDispute.badInput("The decision cannot be taken", problems);
    }

    private DisputeView viewOf(String key) {
        return view(find(key));
    }

    private DisputeView view(Dispute d) {
        List<OrderRef> frozen = freezes.held(d).stream().map(f -> new OrderRef(f.getStoreId(), f.getPlatformOrderId()))
                .toList();
        List<ClaimView> claimViews = claims.findByDisputeIdOrderByIdAsc(d.getId()).stream().map(c -> new ClaimView(
                c.getSource(), c.getClaimId(), c.getClaimType(), c.getStatus(), c.isClosed(),
                c.getRespondBy() == null ? null : c.getRespondBy().toString(), c.getAmount(), c.getCurrency())).toList();
        return new DisputeView(d.getKey(), d.getState().name(), d.getStoreId(), d.getPlatformOrderId(),
                d.getClaimType(), d.getSource(), d.getRegion(), d.getCandidateGroup(),
                d.getRespondBy() == null ? null : d.getRespondBy().toString(), d.getRespondBySource(),
                d.getDeadlineMissedAt() != null, frozen, d.getDecision() == null ? null : d.getDecision().name(),
                d.getPercentOfOrder(), d.getDecisionAmount(), d.getCurrency(), d.getDecidedBy(), d.getApprovedBy(),
                d.getOutcome(), claimViews, "/api/disputes/" + d.getKey() + "/evidence.html");
    }
}
