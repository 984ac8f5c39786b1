package com.helloword.aftersales.dispute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.api.CaseRecords;
import com.helloword.aftersales.dispute.api.DisputeDeadlineMissed;
import com.helloword.aftersales.dispute.api.DisputeEnded;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.security.Groups;

/**
 * The steps of {@code disputeArbitrationProcess} and {@code disputeFreezeReleaseProcess}, called as
 * {@code ${disputeSteps.<step>(execution)}}: each reads the dispute's id, does one thing and writes small results
 * back. The process carries ids and small values only; the dispute's facts stay in its record.
 */
@Component("disputeSteps")
public class DisputeSteps {

    private final DisputeService service;
    private final DisputeRepository disputes;
    private final DisputeClaimRepository claims;
    private final DisputeEventRepository events;
    private final SalesOrderRepository orders;
    private final CaseRecords cases;
    private final OrderFreezes freezes;
    private final DisputeLimits limits;
    private final ClaimResponses responses;
    private final DisputeMails mails;
    private final ApplicationEventPublisher published;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Clock clock;

    DisputeSteps(DisputeService service, DisputeRepository disputes, DisputeClaimRepository claims,
            DisputeEventRepository events, SalesOrderRepository orders, CaseRecords cases, OrderFreezes freezes,
            DisputeLimits limits, ClaimResponses responses, DisputeMails mails, ApplicationEventPublisher published,
            RuntimeService runtime, TaskService tasks, Clock clock) {
        this.service = service;
        this.disputes = disputes;
        this.claims = claims;
        this.events = events;
        this.orders = orders;
        this.cases = cases;
        this.freezes = freezes;
        this.limits = limits;
        this.responses = responses;
        this.mails = mails;
        this.published = published;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * The escalation's request about a case: a case whose order has an open dispute joins it ({@code
     * joinedOpenDispute}); otherwise the case's category goes to the caseClaimType table.
     */
    @Transactional
    public void readCase(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(DisputeProcess.VAR_CASE_ID)).longValue();
        CaseRecords.CaseSummary summary = cases.caseOf(caseId).orElseThrow(() -> new IllegalStateException(
                "arbitration requested for case " + caseId + ", which does not exist"));
        if (summary.orderId() == null) {
            throw new IllegalStateException("case " + summary.caseKey() + " is about no order; it is not arbitrated");
        }
        boolean joined = service.joinOpen(summary.orderId(), caseId, "case " + summary.caseKey()).isPresent();
        execution.setVariable(DisputeProcess.VAR_JOINED, joined);
        execution.setVariable("caseCategory", summary.category());
    }

    /** Registers the dispute of this instance: an API start brought its id, the form and a case bring its facts. */
    @Transactional
    public void register(DelegateExecution execution) {
        Dispute dispute;
        if (execution.hasVariable(DisputeProcess.VAR_DISPUTE_ID)) {
            dispute = dispute(execution);
            if (dispute.getProcessInstanceId() != null
                    && !dispute.getProcessInstanceId().equals(execution.getProcessInstanceId())) {
                throw DisputeProcess.refuse("dispute " + dispute.getKey() + " has its process already");
            }
            dispute.started(execution.getProcessInstanceId());
        } else if (execution.hasVariable(DisputeProcess.VAR_CASE_ID)) {
            long caseId = ((Number) execution.getVariable(DisputeProcess.VAR_CASE_ID)).longValue();
            CaseRecords.CaseSummary summary = cases.caseOf(caseId).orElseThrow();
            dispute = service.registerStarted(new DisputeService.OpenDispute(summary.storeId(),
                    summary.platformOrderId(), text(execution, DisputeProcess.VAR_CLAIM_TYPE),
                    "case " + summary.caseKey() + " unresolved after its resolution time", DisputeService.SOURCE_CASE,
                    caseId, null), "case " + summary.caseKey(), execution.getProcessInstanceId());
        } else {
            String startedBy = text(execution, "startedBy");
            dispute = service.registerStarted(new DisputeService.OpenDispute(
                    text(execution, DisputeProcess.VAR_FORM_STORE), text(execution, DisputeProcess.VAR_FORM_ORDER),
                    text(execution, DisputeProcess.VAR_FORM_CLAIM_TYPE), text(execution, DisputeProcess.VAR_FORM_REASON),
                    DisputeService.SOURCE_TASKLIST, null, null), startedBy == null ? "tasklist" : startedBy,
                    execution.getProcessInstanceId());
            execution.removeVariable(DisputeProcess.VAR_FORM_REASON);
        }
        execution.setProcessBusinessKey(dispute.getKey());
        SalesOrder order = order(dispute);
        execution.setVariable(DisputeProcess.VAR_DISPUTE_ID, dispute.getId());
        execution.setVariable(DisputeProcess.VAR_DISPUTE_KEY, dispute.getKey());
        execution.setVariable(DisputeProcess.VAR_CLAIM_TYPE, dispute.getClaimType());
        execution.setVariable(DisputeProcess.VAR_SOURCE, dispute.getSource());
        String country = order.getStore().getMarketplaceCountry();
        execution.setVariable(DisputeProcess.VAR_MARKETPLACE_COUNTRY,
                country == null ? null : country.trim().toUpperCase(Locale.ROOT));
        execution.setVariable(DisputeProcess.VAR_EVIDENCE_LINK, "/api/disputes/" + dispute.getKey() + "/evidence.html");
    }

    /** The disputeRegion table named the region: its specialists are the candidates. */
    @Transactional
    public void routed(DelegateExecution execution) {
        Dispute dispute = dispute(execution);
        String region = text(execution, DisputeProcess.VAR_REGION);
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("Decision table disputeRegion named no region for dispute "
                    + dispute.getKey());
        }
        String group = Groups.disputeSpecialists(region.trim());
        dispute.routed(region.trim(), group);
        execution.setVariable(DisputeProcess.VAR_CANDIDATE_GROUP, group);
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "ROUTED", null, "region " + region + ": "
                + group));
    }

    @Transactional
    public void freezeOtherOrders(DelegateExecution execution) {
        execution.setVariable(DisputeProcess.VAR_FROZEN, freezes.freeze(dispute(execution)));
    }

    /**
     * The respond-by date: the earliest the platform's open claims give, else now plus the
     * platformResponseDeadline table's days; the warning comes its hours before.
     */
    @Transactional
    public void setRespondBy(DelegateExecution execution) {
        Dispute dispute = dispute(execution);
        Map<?, ?> deadline = (Map<?, ?>) execution.getVariable(DisputeProcess.VAR_DEADLINE);
        Number days = (Number) deadline.get("responseDays");
        Number warnHours = (Number) deadline.get("warnHoursBefore");
        if (days == null || warnHours == null) {
            throw new IllegalStateException("Decision table platformResponseDeadline gave no responseDays/"
                    + "warnHoursBefore for " + dispute.getSource() + " " + dispute.getClaimType());
        }
        Instant platform = claims.findByDisputeIdOrderByIdAsc(dispute.getId()).stream()
                .filter(c -> !c.isClosed()).map(DisputeClaim::getRespondBy).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Instant respondBy = platform != null ? platform : clock.instant().plus(Duration.ofDays(days.longValue()));
        dispute.respondBy(respondBy, platform != null ? DisputeService.RESPOND_BY_PLATFORM
                : DisputeService.RESPOND_BY_TABLE);
        Instant warnAt = dispute.getRespondBy().minus(Duration.ofHours(warnHours.longValue()));
        execution.setVariable(DisputeProcess.VAR_RESPOND_BY, Date.from(dispute.getRespondBy()));
        execution.setVariable(DisputeProcess.VAR_WARN_AT, Date.from(warnAt));
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "RESPOND_BY", null, dispute.getRespondBy()
                + " (" + dispute.getRespondBySource() + ")"));
    }

    /** The deadline is near and the dispute is not answered: the specialists hear of it. */
    @Transactional
    public void warnBeforeDeadline(DelegateExecution execution) {
        Dispute dispute = dispute(execution);
        mails.deadline(dispute, "NEAR");
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "DEADLINE_NEAR", null, "respond by "
                + dispute.getRespondBy()));
    }

    /**
     * The platform's deadline passed: recorded on the dispute and the case, the managers become candidates of the
     * open decision and hear of it.
     */
    @Transactional
    public void respondByPassed(DelegateExecution execution) {
        Dispute dispute = dispute(execution);
        dispute.deadlineMissed(clock.instant());
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()
                .forEach(task -> tasks.addCandidateGroup(task.getId(), Groups.MANAGERS));
        mails.deadline(dispute, "PASSED");
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "DEADLINE_MISSED", null, "respond-by "
                + dispute.getRespondBy() + " passed unanswered; managers asked"));
        published.publishEvent(new DisputeDeadlineMissed(dispute.getId(), dispute.getKey(), dispute.getCaseId(),
                dispute.getRespondBy()));
    }

    /** The decision is recorded (by the task's listener): the remedyApproval table's inputs, from the record. */
    @Transactional
    public void recordDecision(DelegateExecution execution) {
        Dispute dispute = dispute(execution);
        execution.setVariables(limits.inputs(order(dispute), dispute.getDecision(), dispute.getPercentOfOrder()));
        execution.setVariable(DisputeProcess.VAR_DECISION, dispute.getDecision().name());
    }

    /** What the table answered: a second approver (above the order value) or none. */
    @Transactional
    public void approvalAnswered(DelegateExecution execution) {
        Dispute dispute = dispute(execution);
        DisputeLimits.Answer answer = DisputeLimits.answer((Map<String, Object>) execution.getVariable(
                DisputeProcess.VAR_APPROVAL_RULE));
        if (answer.notAllowed()) {
            throw new IllegalStateException("dispute " + dispute.getKey() + ": a decision nobody may approve was"
                    + " recorded (" + answer.reason() + ")");
        }
        boolean second = answer.secondApprover() != null && !answer.secondApprover().isBlank();
        execution.setVariable(DisputeProcess.VAR_SECOND_APPROVAL, second);
        if (second) {
            dispute.awaitApproval();
            events.save(new DisputeEvent(dispute.getId(), clock.instant(), "AWAITING_APPROVAL", null,
                    answer.secondApprover() + " approve " + dispute.getDecision() + " of " + dispute.getPercentOfOrder()
                            + " %"));
        }
    }

    /** The manager refused: the decision goes back to the specialists. */
    @Transactional
    public void approvalRefused(DelegateExecution execution) {
        Dispute dispute = dispute(execution);
        dispute.approvalRefused();
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "APPROVAL_REFUSED", text(execution,
                "approvedBy"), text(execution, DisputeProcess.VAR_APPROVAL_COMMENT)));
    }

    /**
     * The decision to the platform; what it cannot take goes to a person ({@code answerByHand}). Not a
     * transactional method of its own: the BPMN error must leave the job's transaction usable, so the records it
     * reads and writes join that transaction.
     */
    public void sendOutcome(DelegateExecution execution) {
        Dispute dispute = dispute(execution);
        try {
            String outcome = responses.send(dispute, order(dispute), claims.findByDisputeIdOrderByIdAsc(dispute.getId()));
            dispute.outcome(outcome);
            events.save(new DisputeEvent(dispute.getId(), clock.instant(), "ANSWERED", null, outcome));
        } catch (PlatformCannotException cannot) {
            throw byHand(execution, dispute, cannot.getMessage() + ": " + cannot.insteadAdvice());
        } catch (ProviderFailure failure) {
            if (failure.kind() != ProviderFailure.Kind.REJECTED) {
                throw failure;
            }
            throw byHand(execution, dispute, "the platform refused the answer: " + failure.getMessage());
        }
    }

    private BpmnError byHand(DelegateExecution execution, Dispute dispute, String reason) {
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "BY_HAND", null, reason));
        execution.setVariable(DisputeProcess.VAR_BY_HAND_REASON, reason.length() <= 900 ? reason
                : reason.substring(0, 900));
        return new BpmnError(DisputeProcess.ERROR_ANSWER_BY_HAND, reason);
    }

    /** The buyer hears the outcome, in their language. */
    @Transactional
    public void tellBuyer(DelegateExecution execution) {
        Dispute dispute = dispute(execution);
        mails.outcome(dispute, order(dispute), !claims.findByDisputeIdOrderByIdAsc(dispute.getId()).isEmpty());
    }

    /** One of the ways out: the freeze is released and the dispute closed in {@code state}. */
    @Transactional
    public void release(DelegateExecution execution, String state) {
        Dispute dispute = dispute(execution);
        freezes.release(dispute);
        if (dispute.isOpen()) {
            close(dispute, DisputeState.valueOf(state));
        }
    }

    /**
     * The instance ended: by an end event (the dispute is closed already), or deleted or cancelled in Cockpit or
     * through the API. Then the dispute is CANCELLED here and a release process of its own lifts the freeze, so the
     * deletion makes no platform call and cannot fail on one.
     */
    @Transactional
    public void processEnded(DelegateExecution execution) {
        if (!execution.hasVariable(DisputeProcess.VAR_DISPUTE_ID)) {
            return;
        }
        Dispute dispute = dispute(execution);
        if (!dispute.isOpen()) {
            return;
        }
        close(dispute, DisputeState.CANCELLED);
        runtime.startProcessInstanceByKey(DisputeProcess.RELEASE_PROCESS_KEY, dispute.getKey() + ":release",
                Map.of(DisputeProcess.VAR_DISPUTE_ID, dispute.getId(), DisputeProcess.VAR_DISPUTE_KEY,
                        dispute.getKey()));
    }

    /** disputeFreezeReleaseProcess: the freeze of a cancelled dispute is released. */
    @Transactional
    public void releaseAfterEnd(DelegateExecution execution) {
        freezes.release(dispute(execution));
    }

    private void close(Dispute dispute, DisputeState state) {
        dispute.close(state, clock.instant());
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "CLOSED", null, state.name()));
        published.publishEvent(new DisputeEnded(dispute.getId(), dispute.getKey(), dispute.getCaseId(), state.name(),
                dispute.getDecision() == null ? null : dispute.getDecision().name(), dispute.getPercentOfOrder()));
    }

    /** A decision's amount: the order value times the percent, in the order's currency. */
    static BigDecimal amount(SalesOrder order, DisputeOutcome outcome, Integer percent) {
        return switch (outcome) {
            case ACCEPT -> order.total().setScale(2, RoundingMode.HALF_UP);
            case PARTIAL_REFUND -> order.total().multiply(BigDecimal.valueOf(percent))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            case CONTEST, RESHIP -> null;
        };
    }

    Dispute dispute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(DisputeProcess.VAR_DISPUTE_ID)).longValue();
        return disputes.findById(id).orElseThrow(() -> new IllegalStateException("no dispute " + id));
    }

    SalesOrder order(Dispute dispute) {
        return orders.findWithLines(dispute.getStoreId(), dispute.getPlatformOrderId()).orElseThrow(
                () -> new IllegalStateException("dispute " + dispute.getKey() + ": its order is gone"));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
