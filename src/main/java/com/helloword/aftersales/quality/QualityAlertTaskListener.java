package com.helloword.aftersales.quality;

import static com.helloword.aftersales.quality.QualityAlerts.USER_TASK_PLAN;
import static com.helloword.aftersales.quality.QualityAlerts.VAR_CAUSE;
import static com.helloword.aftersales.quality.QualityAlerts.VAR_PLAN;
import static com.helloword.aftersales.quality.QualityAlerts.VAR_RESUME;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.workflow.TaskFormRejection;

/**
 * "Write the improvement plan": due when the hold's plan is due; on completion the cause and the plan
 * are kept on the hold (refused with the reason when missing). The hold comes from the business key,
 * not from a variable a completion could set; whether purchasing resumes is the form's choice.
 */
@Component("qualityAlertTaskListener")
class QualityAlertTaskListener implements TaskListener {

    private final QualityAlerts alerts;

    QualityAlertTaskListener(QualityAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!USER_TASK_PLAN.equals(task.getTaskDefinitionKey())) {
            return;
        }
        long holdId = holdId(task.getExecution().getProcessBusinessKey());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            PurchasingHold hold = alerts.hold(holdId);
            task.setDueDate(Date.from(hold.getPlanDueAt()));
            return;
        }
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Object resume = task.getVariable(VAR_RESUME);
            if (!"RESUME".equals(resume) && !"KEEP_PAUSED".equals(resume)) {
                throw TaskFormRejection.because("Say whether purchasing may resume (RESUME or KEEP_PAUSED)");
            }
            alerts.planned(holdId, text(task, VAR_CAUSE), text(task, VAR_PLAN),
                    task.getAssignee() == null ? "unclaimed" : task.getAssignee());
        }
    }

    /** The hold's id from the business key {@code quality:<sku>:<hold id>}. */
    static long holdId(String businessKey) {
        return Long.parseLong(businessKey.substring(businessKey.lastIndexOf(':') + 1));
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
