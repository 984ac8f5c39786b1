package com.helloword.aftersales.dispute;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.casework.api.CaseRecords;
import com.helloword.aftersales.platform.PlatformClaimNotice;
import com.helloword.aftersales.web.FieldProblem;

/**
 * Opening disputes and everything that joins them. One open dispute per order: a second claim, case or request
 * about the order joins the open one (its claim is recorded; an earlier respond-by date of the platform moves the
 * waiting deadline timers). Every start (API, platform claim, Tasklist form, the escalation's arbitration request)
 * comes through here.
 */
@Service
public class DisputeService {

    /** What a start names; {@code claim} is the platform's claim when a platform opened it. */
    public record OpenDispute(String storeId, String platformOrderId, String claimType, String reason, String source,
            Long caseId, ClaimFacts claim) {
    }

    /** A platform claim as it joins a dispute. */
    public record ClaimFacts(String source, String claimId, String claimType, String status, boolean closed,
            Instant respondBy, BigDecimal amount, String currency, String platformReason) {

        static ClaimFacts of(PlatformClaimNotice notice) {
            return new ClaimFacts(notice.source(), notice.claimId(), notice.claimType(), notice.status(),
                    notice.closed(), notice.respondBy(), notice.amount(), notice.currency(), notice.platformReason());
        }
    }

    /** The dispute a start opened ({@code created}) or joined. */
    public record Opened(Dispute dispute, boolean created) {
    }

    static final String SOURCE_API = "API";
    static final String SOURCE_TASKLIST = "TASKLIST";
    static final String SOURCE_CASE = "CASE";
    static final String RESPOND_BY_PLATFORM = "PLATFORM";
    static final String RESPOND_BY_TABLE = "TABLE";

    private final DisputeRepository disputes;
    private final DisputeClaimRepository claims;
    private final DisputeEventRepository events;
    private final SalesOrderRepository orders;
    private final StoreRepository stores;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final CaseRecords cases;
    private final Clock clock;

    DisputeService(DisputeRepository disputes, DisputeClaimRepository claims, DisputeEventRepository events,
            SalesOrderRepository orders, StoreRepository stores, RuntimeService runtime, ManagementService management,
            TaskService tasks, CaseRecords cases, Clock clock) {
        this.disputes = disputes;
        this.claims = claims;
        this.events = events;
        this.orders = orders;
        this.stores = stores;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.cases = cases;
        this.clock = clock;
    }

    /** Opens a dispute and starts its process, or joins the order's open one. */
    @Transactional
    public Opened open(OpenDispute command, String openedBy) {
        SalesOrder order = orderOf(command);
        Optional<Dispute> open = disputes.findByOpenOrderId(order.getId());
        if (open.isPresent()) {
            Dispute joined = disputes.lockById(open.get().getId()).orElseThrow();
            join(joined, command, openedBy);
            return new Opened(joined, false);
        }
        Dispute dispute = create(command, order, openedBy);
        Map<String, Object> variables = new HashMap<>();
        variables.put(DisputeProcess.VAR_DISPUTE_ID, dispute.getId());
        variables.put(DisputeProcess.VAR_DISPUTE_KEY, dispute.getKey());
        runtime.startProcessInstanceByKey(DisputeProcess.PROCESS_KEY, dispute.getKey(), variables);
        return new Opened(dispute, true);
    }

    /**
     * Registers the dispute of a process that started without one (the Tasklist start form, the escalation's
     * request). An order with an open dispute is refused for the form (the refusal names it); a case joins it.
     */
    @Transactional
    public Dispute registerStarted(OpenDispute command, String openedBy, String processInstanceId) {
        SalesOrder order = orderOf(command);
        Optional<Dispute> open = disputes.findByOpenOrderId(order.getId());
        if (open.isPresent()) {
            throw DisputeProcess.refuse("order " + order.getPlatformOrderId() + " of " + order.getStore().getId()
                    + " has the open dispute " + open.get().getKey() + "; work on that one");
        }
        Dispute dispute = create(command, order, openedBy);
        dispute.started(processInstanceId);
        return dispute;
    }

    /** The open dispute about an order, if any: a case about it joins that one instead of opening a second. */
    @Transactional
    public Optional<Dispute> joinOpen(long orderId, Long caseId, String by) {
        Optional<Dispute> open = disputes.findByOpenOrderId(orderId);
        open.ifPresent(dispute -> {
            dispute.linkCase(caseId);
            events.save(new DisputeEvent(dispute.getId(), clock.instant(), "JOINED", by, "case " + caseId));
        });
        return open;
    }

    private Dispute create(OpenDispute command, SalesOrder order, String openedBy) {
        // a platform claim or an API start about an order with an open case: the dispute is that case's
        Long caseId = command.caseId() != null ? command.caseId() : cases.casesOfOrder(order.getId()).stream()
                .filter(c -> c.closedAt() == null && !"CLOSED".equals(c.status()) && !"RESOLVED".equals(c.status()))
                .map(CaseRecords.CaseSummary::caseId).reduce((first, last) -> last).orElse(null);
        Dispute dispute = disputes.saveAndFlush(new Dispute(order.getStore().getId(), order.getPlatformOrderId(),
                order.getId(), order.getBuyer().getId(), caseId, claimType(command.claimType()),
                command.source(), command.reason(), order.getCurrency(), openedBy, clock.instant()));
        dispute.named();
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "OPENED", openedBy, command.source() + ": "
                + dispute.getClaimType() + " about " + dispute.getStoreId() + " " + dispute.getPlatformOrderId()
                + (caseId == null ? "" : ", case " + caseId)));
        if (command.claim() != null) {
            recordClaim(dispute, command.claim());
        }
        return dispute;
    }

    private void join(Dispute dispute, OpenDispute command, String by) {
        dispute.linkCase(command.caseId());
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "JOINED", by, command.source()
                + (command.claim() == null ? "" : " claim " + command.claim().claimId())
                + (command.caseId() == null ? "" : " case " + command.caseId())));
        if (command.claim() != null) {
            recordClaim(dispute, command.claim());
        }
        if ("OTHER".equals(dispute.getClaimType()) && command.claimType() != null
                && !"OTHER".equals(claimType(command.claimType()))) {
            dispute.claimTypeIs(claimType(command.claimType()));
        }
    }

    /** Records (or updates) the platform's claim on the dispute; an earlier respond-by date moves the deadline. */
    void recordClaim(Dispute dispute, ClaimFacts facts) {
        DisputeClaim claim = claims.findBySourceAndClaimId(facts.source(), facts.claimId())
                .orElseGet(() -> new DisputeClaim(dispute.getId(), facts.source(), facts.claimId()));
        claim.update(claimType(facts.claimType()), facts.status(), facts.closed(), facts.respondBy(), facts.amount(),
                facts.currency(), facts.platformReason(), clock.instant());
        claims.save(claim);
        if (facts.respondBy() != null && !facts.closed()) {
            moveDeadline(dispute, facts.respondBy());
        }
    }

    /**
     * The platform wants an answer earlier than the dispute's deadline: the dispute's date, the process's
     * variables, the waiting timers and the task's due date move to it. Before the deadline is set, only the
     * dispute's date (the deadline step takes the earliest date of the claims).
     */
    void moveDeadline(Dispute dispute, Instant respondBy) {
        if (dispute.getRespondBy() == null || !respondBy.isBefore(dispute.getRespondBy())
                || dispute.getProcessInstanceId() == null) {
            return;
        }
        String process = dispute.getProcessInstanceId();
        Object warnAt = runtime.getVariable(process, DisputeProcess.VAR_WARN_AT);
        Duration lead = warnAt instanceof Date warn ? Duration.between(warn.toInstant(), dispute.getRespondBy())
                : Duration.ZERO;
        Instant newWarn = respondBy.minus(lead);
        Instant previous = dispute.getRespondBy();
        dispute.respondBy(respondBy, RESPOND_BY_PLATFORM);
        runtime.setVariable(process, DisputeProcess.VAR_RESPOND_BY, Date.from(dispute.getRespondBy()));
        runtime.setVariable(process, DisputeProcess.VAR_WARN_AT, Date.from(newWarn));
        for (Job job : management.createJobQuery().processInstanceId(process).activityId(DisputeProcess.TIMER_MISSED)
                .list()) {
            management.setJobDuedate(job.getId(), Date.from(dispute.getRespondBy()));
        }
        for (Job job : management.createJobQuery().processInstanceId(process).activityId(DisputeProcess.TIMER_WARN)
                .list()) {
            management.setJobDuedate(job.getId(), Date.from(newWarn));
        }
        for (Task task : tasks.createTaskQuery().processInstanceId(process).list()) {
            task.setDueDate(Date.from(dispute.getRespondBy()));
            tasks.saveTask(task);
        }
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "DEADLINE_MOVED", null, "from " + previous
                + " to " + dispute.getRespondBy() + " (the platform's respond-by date)"));
    }

    /** Withdraws the claim: the process's withdrawal sub-process releases the freeze and ends it. */
    @Transactional
    public Dispute withdraw(String key, String reason, String by) {
        Dispute dispute = disputes.findByKey(key).orElseThrow(() -> RejectedDispute.notFound("No such dispute", "key",
                "no dispute " + key));
        if (!dispute.isOpen() || dispute.getProcessInstanceId() == null) {
            throw RejectedDispute.notNow("The dispute cannot be withdrawn", dispute, "it is over");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw RejectedDispute.badInput("The dispute cannot be withdrawn", List.of(FieldProblem.of("reason",
                    "is required: who withdrew the claim and how")));
        }
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "WITHDRAWN", by, text));
        runtime.createMessageCorrelation(DisputeProcess.MESSAGE_WITHDRAWN)
                .processInstanceId(dispute.getProcessInstanceId()).correlate();
        return dispute;
    }

    /** Every claim of the open dispute is closed on the platform: its process ends as closed by the platform. */
    void closedByPlatform(Dispute dispute) {
        if (dispute.isOpen() && dispute.getProcessInstanceId() != null
                && claims.findByDisputeIdOrderByIdAsc(dispute.getId()).stream().allMatch(DisputeClaim::isClosed)) {
            events.save(new DisputeEvent(dispute.getId(), clock.instant(), "CLOSED_BY_PLATFORM", null,
                    "every claim of the dispute is closed on the platform"));
            runtime.createMessageCorrelation(DisputeProcess.MESSAGE_CLOSED_BY_PLATFORM)
                    .processInstanceId(dispute.getProcessInstanceId()).correlate();
        }
    }

    private SalesOrder orderOf(OpenDispute command) {
        List<FieldProblem> problems = new ArrayList<>();
        String storeId = command.storeId() == null ? "" : command.storeId().strip();
        String orderId = command.platformOrderId() == null ? "" : command.platformOrderId().strip();
        if (storeId.isEmpty()) {
            problems.add(FieldProblem.of("storeId", "is required"));
        } else if (!stores.existsById(storeId)) {
            problems.add(FieldProblem.of("storeId", "no store '" + storeId + "'"));
        }
        if (orderId.isEmpty()) {
            problems.add(FieldProblem.of("platformOrderId", "is required"));
        }
        String type = command.claimType() == null ? "" : command.claimType().strip().toUpperCase(Locale.ROOT);
        if (!PlatformClaimNotice.CLAIM_TYPES.contains(type)) {
            problems.add(FieldProblem.of("claimType", "must be one of " + String.join(", ",
                    PlatformClaimNotice.CLAIM_TYPES) + ", not '" + command.claimType() + "'"));
        }
        if (command.reason() != null && command.reason().length() > 2000) {
            problems.add(FieldProblem.of("reason", "is longer than 2000 characters"));
        }
        if (!problems.isEmpty()) {
            throw RejectedDispute.badInput("The dispute cannot be opened", problems);
        }
        return orders.findWithLines(storeId, orderId).orElseThrow(() -> RejectedDispute.notFound(
                "The dispute cannot be opened", "platformOrderId", "store " + storeId + " has no order '" + orderId
                        + "' (import it first)"));
    }

    private static String claimType(String type) {
        String upper = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
        return PlatformClaimNotice.CLAIM_TYPES.contains(upper) ? upper : "OTHER";
    }
}
