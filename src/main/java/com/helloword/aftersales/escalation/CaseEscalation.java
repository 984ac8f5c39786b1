package com.helloword.aftersales.escalation;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.AfterSalesCase;
import com.helloword.aftersales.casefile.AfterSalesCaseRepository;
import com.helloword.aftersales.casefile.CaseStatus;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.security.Groups;

/** What the escalation steps of a case do to its open task, its record and the team leads' mailbox. */
@Service
public class CaseEscalation {

    static final String ANSWER_TASK = EmergencyAfterSales.USER_TASK_ANSWER_BUYER;

    private final TaskService tasks;
    private final AfterSalesCaseRepository cases;
    private final OutboxService outbox;

    CaseEscalation(TaskService tasks, AfterSalesCaseRepository cases, OutboxService outbox) {
        this.tasks = tasks;
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

    /** A later message changed the case's grade: the open task's priority follows. */
    @Transactional
    public void applyPriority(String processInstanceId, int priority) {
        Task task = openAnswerTask(processInstanceId);
        if (task != null && task.getPriority() != priority) {
            tasks.setPriority(task.getId(), priority);
        }
    }

    private Task openAnswerTask(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(ANSWER_TASK)
                .singleResult();
    }
}
