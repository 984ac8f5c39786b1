package com.helloword.aftersales.recall;

import static com.helloword.aftersales.recall.RegulatorNoticeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.workflow.TaskFormRejection;

/**
 * "Review the regulator notice", on completion: a recall chosen (SKU among the candidates, batches, countries,
 * reason) is kept on the notice for the next step to start, a dismissal with its note; anything else is refused
 * with the reason. The notice comes from the business key, not from a variable a completion could set.
 */
@Component("regulatorNoticeTaskListener")
class RegulatorNoticeTaskListener implements TaskListener {

    private final RegulatorNotices notices;

    RegulatorNoticeTaskListener(RegulatorNotices notices) {
        this.notices = notices;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!USER_TASK_REVIEW.equals(task.getTaskDefinitionKey()) || !EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        long noticeId = Long.parseLong(task.getExecution().getProcessBusinessKey()
                .substring(BUSINESS_KEY_PREFIX.length()));
        String by = reviewer(task);
        Object decision = task.getVariable(VAR_DECISION);
        if (DECISION_START_RECALL.equals(decision)) {
            notices.recallChosen(noticeId, text(task, VAR_SKU), text(task, VAR_BATCHES), text(task, VAR_COUNTRIES),
                    text(task, VAR_REASON), by);
        } else if (DECISION_DISMISS.equals(decision)) {
            notices.dismiss(noticeId, text(task, VAR_NOTE), by);
        } else {
            throw TaskFormRejection.because("Choose whether to start a recall (" + DECISION_START_RECALL
                    + ") or dismiss the notice (" + DECISION_DISMISS + ")");
        }
    }

    private static String reviewer(DelegateTask task) {
        return task.getAssignee() == null ? "unclaimed" : task.getAssignee();
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
