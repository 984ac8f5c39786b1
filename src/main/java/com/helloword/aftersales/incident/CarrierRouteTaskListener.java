package com.helloword.aftersales.incident;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.workflow.CurrentUser;
import com.helloword.aftersales.workflow.TaskFormRejection;

/**
 * "Switch the route to the backup carrier": a named member of logistics (or an admin) completes it, naming the
 * carrier the route's new shipments go with; recorded as the one who switched.
 */
@Component("carrierRouteTaskListener")
class CarrierRouteTaskListener implements TaskListener {

    private final CurrentUser users;

    CarrierRouteTaskListener(CurrentUser users) {
        this.users = users;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = users.completing(task.getAssignee()).orElseThrow(() -> TaskFormRejection.because(
                "claim the task first: a named member of logistics switches a route"));
        List<String> groups = users.groups(user);
        if (!groups.contains(Groups.LOGISTICS) && !groups.contains(Groups.CAMUNDA_ADMIN)) {
            throw TaskFormRejection.because(user + " is not in logistics: logistics switches a carrier route");
        }
        Object backup = task.getVariable(CarrierRouteHealth.VAR_BACKUP_CARRIER);
        if (backup == null || backup.toString().isBlank()) {
            throw TaskFormRejection.because("name the carrier the route's new shipments go with");
        }
        Object carrier = task.getVariable(CarrierRouteHealth.VAR_CARRIER);
        if (backup.toString().strip().equalsIgnoreCase(String.valueOf(carrier))) {
            throw TaskFormRejection.because("the backup carrier must differ from the route's carrier");
        }
        task.setVariable(CarrierRouteHealth.VAR_SWITCHED_BY, user);
    }
}
