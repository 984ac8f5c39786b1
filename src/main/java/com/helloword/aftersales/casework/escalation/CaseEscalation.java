package com.helloword.aftersales.casework.escalation;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseStatus;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.security.Groups;

/** What the escalation steps of a case do to its open task, its record and the team leads' mailbox. */
@Service
public class CaseEscalation {

    static final String ANSWER_TASK = EmergencyAfterSales.USER_TASK_ANSWER_BUYER;

    private final TaskService tasks;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final AfterSalesCaseRepository cases;
    private final OutboxService outbox;

    CaseEscalation(TaskService tasks, ManagementService management, RuntimeService runtime,
            RepositoryService repository, AfterSalesCaseRepository cases, OutboxService outbox) {
        this.tasks = tasks;
        this.management = management;
        this.runtime = runtime;
        this.repository = repository;
        this.cases = cases;
        this.outbox = outbox;
    }

    /**
     * The claim time is over: if nobody took the case, team leads may take it too and get a mail.
     * Returns whether it escalated. Running twice queues one mail (same idempotency key).
     */
    @Transactional
    public boolean escalateUnclaimed(String processInstanceId, long caseId) {
        Task task = openAnswerTask(processInstanceId);
        if (task == null || task.getAssignee() != null) {
            return false;
        }
        AfterSalesCase escalated = cases.findById(caseId).orElseThrow(
                () -> new IllegalStateException("No case " + caseId + " for process " + processInstanceId));
        tasks.addCandidateGroup(task.getId(), Groups.TEAM_LEADS);
        escalated.changeStatus(CaseStatus.ESCALATED);
        outbox.queue(new MailRequest("case:" + escalated.getBusinessKey() + ":claimEscalation", caseId,
                "case-unclaimed", "en", RecipientType.GROUP, Groups.TEAM_LEADS, Map.of(
                        "caseKey", escalated.getBusinessKey(),
                        "severity", String.valueOf(escalated.getSeverity()),
                        "category", String.valueOf(escalated.getCategory()),
                        "team", String.valueOf(escalated.getCandidateGroup()))));
        return true;
    }

    /**
     * The case is not resolved in time: it goes to dispute arbitration by the message
     * {@code aftersales.arbitrationRequested} (disputeArbitrationProcess). Returns whether a process took it; when
     * none does (the case is about no order, or no arbitration process is deployed), the emergency process gives
     * it to the team leads.
     */
    @Transactional
    public boolean requestArbitration(String businessKey, long caseId) {
        AfterSalesCase escalated = cases.findById(caseId).orElse(null);
        if (escalated != null) {
            escalated.changeStatus(CaseStatus.ESCALATED);
        }
        // arbitration is about an order (its freeze, its platform claim): a case about no order stays with the
        // team leads. Asked first: a failed correlation would mark the whole transaction for rollback
        boolean subscribed = escalated != null && escalated.getOrder() != null && repository
                .createProcessDefinitionQuery()
                .messageEventSubscriptionName(EmergencyAfterSales.MESSAGE_ARBITRATION_REQUESTED).count() > 0;
        if (subscribed) {
            runtime.createMessageCorrelation(EmergencyAfterSales.MESSAGE_ARBITRATION_REQUESTED)
                    .processInstanceBusinessKey(businessKey).setVariable(EmergencyAfterSales.VAR_CASE_ID, caseId)
                    .correlateStartMessage();
        }
        return subscribed;
    }

    /**
     * The automatic first reply (outside the team's hours): the acknowledgement in the case's
     * language with the case number and the time to the agent's answer. Queued once per case.
     */
    @Transactional
    public void sendAutomaticFirstReply(long caseId) {
        AfterSalesCase afterSalesCase = cases.findById(caseId).orElseThrow(
                () -> new IllegalStateException("No case " + caseId));
        if (afterSalesCase.getBuyer() == null) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("caseKey", afterSalesCase.getBusinessKey());
        if (afterSalesCase.getOrder() != null) {
            model.put("orderId", afterSalesCase.getOrder().getPlatformOrderId());
        }
        if (afterSalesCase.getStore() != null) {
            model.put("storeName", afterSalesCase.getStore().getName());
        }
        if (afterSalesCase.getFirstReplyDueAt() != null) {
            model.put("replyWithinHours", Math.max(1, Duration.between(afterSalesCase.getOpenedAt(),
                    afterSalesCase.getFirstReplyDueAt()).toHours()));
        }
        outbox.queue(new MailRequest("case:" + afterSalesCase.getBusinessKey() + ":automaticFirstReply", caseId,
                "case-received", afterSalesCase.getLanguage(), RecipientType.BUYER,
                afterSalesCase.getBuyer().getId().toString(), model));
    }

    /**
     * A later message changed the case's grade: the open task takes its priority and its name (which
     * starts with the grade: {@link CaseTaskNames}) and, when they are
     * earlier, its first-reply time as due date and its claim time for the running claim timer. The
     * engine evaluates a timer once, when the task starts: its job is moved here. Deadlines only move
     * earlier (null: this message set none).
     */
    @Transactional
    public void applyGrade(String processInstanceId, int priority, Date firstReplyDue, Date claimDue) {
        Task task = openAnswerTask(processInstanceId);
        if (task == null) {
            return;
        }
        // renamed first: saveTask writes the whole task as read here
        String caseKey = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey();
        cases.findByBusinessKey(caseKey).ifPresent(c -> {
            String name = CaseTaskNames.of(c, task.getName());
            if (!name.equals(task.getName())) {
                task.setName(name);
                tasks.saveTask(task);
            }
        });
        if (task.getPriority() != priority) {
            tasks.setPriority(task.getId(), priority);
        }
        if (firstReplyDue != null && (task.getDueDate() == null || firstReplyDue.before(task.getDueDate()))) {
            tasks.setDueDate(task.getId(), firstReplyDue);
        }
        if (claimDue != null) {
            for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).timers()
                    .activityId(EmergencyAfterSales.TIMER_CLAIM_DUE).list()) {
                if (timer.getDuedate() == null || claimDue.before(timer.getDuedate())) {
                    management.setJobDuedate(timer.getId(), claimDue);
                }
            }
        }
    }

    /** Whether the case's "Answer buyer" task is open (the team has it in hand). */
    public boolean answerTaskOpen(String processInstanceId) {
        return openAnswerTask(processInstanceId) != null;
    }

    private Task openAnswerTask(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(ANSWER_TASK)
                .singleResult();
    }
}
