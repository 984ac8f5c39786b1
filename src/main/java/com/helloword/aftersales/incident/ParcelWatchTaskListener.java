package com.helloword.aftersales.incident;

import static com.helloword.aftersales.incident.StuckParcelProcess.VAR_LOGISTICS_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A logistics task of {@code stuckParcelProcess} is completed: who did it and their note go on the watch's case,
 * and an address the buyer typed is forgotten. The watch comes from the business key, not from a variable a
 * completion could set.
 */
@Component("parcelWatchTaskListener")
class ParcelWatchTaskListener implements TaskListener {

    private final ParcelWatches watches;

    ParcelWatchTaskListener(ParcelWatches watches) {
        this.watches = watches;
    }

    @Override
    public void notify(DelegateTask task) {
        long watchId = StuckParcelProcess.watchId(task.getExecution().getProcessBusinessKey());
        Object note = task.getVariable(VAR_LOGISTICS_NOTE);
        watches.logisticsDone(watchId, task.getName(), task.getAssignee() == null ? "unclaimed" : task.getAssignee(),
                note == null ? null : note.toString());
    }
}
