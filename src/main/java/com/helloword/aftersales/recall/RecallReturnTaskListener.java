package com.helloword.aftersales.recall;

import static com.helloword.aftersales.recall.RecallReturnProcess.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code recallReturnProcess} ({@code ${recallReturnTaskListener}} on create and complete): on
 * create the task gets the notice's units as the worker reads them ({@code noticeView}); on complete what the
 * person entered is checked and recorded on the notice, or refused with the reason (the task stays open). The
 * notice comes from the business key, never from a variable a completion could set.
 */
@Component("recallReturnTaskListener")
class RecallReturnTaskListener implements TaskListener {

    private final RecallReturns returns;
    private final RecallRemedies remedies;

    RecallReturnTaskListener(RecallReturns returns, RecallRemedies remedies) {
        this.returns = returns;
        this.remedies = remedies;
    }

    @Override
    public void notify(DelegateTask task) {
        long noticeId = RecallReturnProcess.noticeIdOf(task.getExecution().getProcessBusinessKey());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(VAR_NOTICE_VIEW, returns.view(noticeId));
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String who = task.getAssignee();
        switch (task.getTaskDefinitionKey()) {
            case USER_TASK_MAKE_LABEL -> returns.labelMadeByHand(noticeId, text(task, VAR_LABEL_CARRIER),
                    text(task, VAR_LABEL_TRACKING), who);
            case USER_TASK_INSPECT -> returns.inspected(noticeId, text(task, VAR_UNIT_OUTCOME),
                    text(task, VAR_INSPECTION_NOTE), who);
            case USER_TASK_REFUND_BY_HAND -> {
                Object amount = task.getVariable(VAR_REFUNDED_AMOUNT);
                remedies.refundedByHand(noticeId, amount instanceof Number n ? new BigDecimal(n.toString()) : null,
                        text(task, VAR_REFUND_REFERENCE), who);
            }
            case USER_TASK_SHIP_REPLACEMENT, USER_TASK_SHIP_REPAIRED -> remedies.shippedByHand(noticeId,
                    text(task, VAR_SHIPPED_REFERENCE), who);
            default -> {
            }
        }
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
