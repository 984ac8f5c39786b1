package com.helloword.aftersales.dispute;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.workflow.CurrentUser;

/**
 * The dispute's tasks. On create, what the form shows ({@code {{disputeView}}}, task-local Markdown: the claim,
 * the order, the freeze, the deadline, the evidence pack's summary and its link). On complete, the server-side
 * checks, the same for Tasklist, {@code /engine-rest/task/{id}/complete} and the API (which assigns the task to its
 * caller first): a decision is within the remedyApproval table's hard cap and within the completing person's own
 * level; an approval is by a manager who did not decide. A refusal keeps the task open and nothing of it.
 */
@Component("disputeTaskListener")
class DisputeTaskListener implements TaskListener {

    private final DisputeRepository disputes;
    private final DisputeSteps steps;
    private final DisputeLimits limits;
    private final EvidencePacks evidence;
    private final DisputeEventRepository events;
    private final CurrentUser users;
    private final Clock clock;

    DisputeTaskListener(DisputeRepository disputes, DisputeSteps steps, DisputeLimits limits, EvidencePacks evidence,
            DisputeEventRepository events, CurrentUser users, Clock clock) {
        this.disputes = disputes;
        this.steps = steps;
        this.limits = limits;
        this.evidence = evidence;
        this.events = events;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void notify(DelegateTask task) {
        Dispute dispute = steps.dispute(task.getExecution());
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(DisputeProcess.VAR_DISPUTE_VIEW, evidence.markdown(dispute));
            return;
        }
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String user = users.completing(task.getAssignee()).orElseThrow(() -> DisputeProcess.refuse(
                "claim the task first: a dispute is decided by a named person"));
        List<String> groups = users.groups(user);
        switch (task.getTaskDefinitionKey()) {
            case DisputeProcess.USER_TASK_ARBITRATE -> decide(task, dispute, user, groups);
            case DisputeProcess.USER_TASK_APPROVE -> approve(task, dispute, user, groups);
            case DisputeProcess.USER_TASK_ANSWER_BY_HAND -> answeredByHand(task, dispute, user);
            default -> { }
        }
    }

    private void decide(DelegateTask task, Dispute dispute, String user, List<String> groups) {
        Decision decision;
        try {
            decision = Decision.read(task.getVariable(DisputeProcess.VAR_DECISION),
                    task.getVariable(DisputeProcess.VAR_PERCENT), task.getVariable(DisputeProcess.VAR_COMMENT));
        } catch (Decision.Invalid invalid) {
            throw DisputeProcess.refuse(invalid.getMessage());
        }
        String level = DisputeLimits.levelOf(groups, dispute.getRegion());
        if (level == null) {
            throw DisputeProcess.refuse(user + " may not decide disputes: the region's dispute specialists, team"
                    + " leads (up to their limit) and managers decide");
        }
        SalesOrder order = steps.order(dispute);
        try {
            limits.check(order, decision.outcome(), decision.percent(), level);
        } catch (RejectedDispute refused) {
            throw DisputeProcess.refuse(refused.getMessage());
        }
        Dispute locked = disputes.lockById(dispute.getId()).orElseThrow();
        locked.decided(decision.outcome(), decision.percent(), DisputeSteps.amount(order, decision.outcome(),
                decision.percent()), decision.comment(), user, clock.instant());
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "DECIDED", user, decision.outcome()
                + (decision.percent() == null ? "" : " " + decision.percent() + " %")
                + (locked.getDecisionAmount() == null ? "" : " = " + locked.getDecisionAmount() + " "
                        + locked.getCurrency())));
        task.setVariable(DisputeProcess.VAR_PERCENT, decision.percent());
    }

    private void approve(DelegateTask task, Dispute dispute, String user, List<String> groups) {
        if (!groups.contains(Groups.MANAGERS) && !groups.contains(Groups.CAMUNDA_ADMIN)) {
            throw DisputeProcess.refuse(user + " is not a manager: a second person from managers approves");
        }
        if (user.equals(dispute.getDecidedBy())) {
            throw DisputeProcess.refuse(user + " decided this dispute; another manager approves it (four eyes)");
        }
        Object approve = task.getVariable(DisputeProcess.VAR_APPROVE);
        if (!(approve instanceof Boolean approved)) {
            throw DisputeProcess.refuse("say whether you approve the decision (approve: true or false)");
        }
        task.setVariable("approvedBy", user);
        if (approved) {
            dispute.approved(user, clock.instant());
            events.save(new DisputeEvent(dispute.getId(), clock.instant(), "APPROVED", user, dispute.getDecision()
                    + " " + dispute.getPercentOfOrder() + " %"));
        }
    }

    private void answeredByHand(DelegateTask task, Dispute dispute, String user) {
        Object note = task.getVariable(DisputeProcess.VAR_BY_HAND_NOTE);
        String text = note == null ? "" : note.toString().strip();
        if (text.isEmpty()) {
            throw DisputeProcess.refuse("say what you did on the platform (the note is the dispute's record)");
        }
        dispute.outcome("by hand (" + user + "): " + text);
        events.save(new DisputeEvent(dispute.getId(), clock.instant(), "ANSWERED_BY_HAND", user, text));
    }

    /** A decision as a completion brings it, checked for its shape; the limits come after. */
    record Decision(DisputeOutcome outcome, Integer percent, String comment) {

        /** A decision of the wrong shape: which field, and why (the message). */
        static final class Invalid extends RuntimeException {

            private final String field;

            Invalid(String field, String reason) {
                super(reason);
                this.field = field;
            }

            String field() {
                return field;
            }
        }

        static Decision read(Object outcome, Object percent, Object comment) {
            DisputeOutcome chosen;
            try {
                chosen = DisputeOutcome.valueOf(String.valueOf(outcome).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Invalid("outcome", "decision must be ACCEPT, PARTIAL_REFUND, CONTEST or RESHIP, not '"
                        + outcome + "'");
            }
            Integer share = null;
            if (chosen == DisputeOutcome.PARTIAL_REFUND) {
                share = percent(percent);
                if (share == null || share < 1) {
                    throw new Invalid("percentOfOrder", "a partial refund names the percent of the order value (a"
                            + " whole number from 1), not '" + percent + "'");
                }
            } else if (chosen == DisputeOutcome.ACCEPT) {
                share = 100;
            }
            String text = comment == null ? null : comment.toString().strip();
            if (text != null && text.length() > 2000) {
                throw new Invalid("comment", "the comment is longer than 2000 characters");
            }
            return new Decision(chosen, share, text);
        }

        private static Integer percent(Object value) {
            if (value instanceof Number number) {
                double d = number.doubleValue();
                return d == Math.rint(d) && Math.abs(d) < 1_000_000 ? (int) d : null;
            }
            if (value instanceof String s && s.strip().matches("-?[0-9]{1,6}")) {
                return Integer.valueOf(s.strip());
            }
            return null;
        }
    }
}
