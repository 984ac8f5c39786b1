package com.helloword.aftersales.dispute;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.workflow.CurrentUser;

/** "Release the store's listings": only a manager (or an admin) releases, and is recorded as the one who did. */
@Component("storeHealthTaskListener")
class StoreHealthTaskListener implements TaskListener {

    private final CurrentUser users;

    StoreHealthTaskListener(CurrentUser users) {
        this.users = users;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = users.completing(task.getAssignee()).orElseThrow(() -> DisputeProcess.refuse(
                "claim the task first: a named manager releases a store"));
        List<String> groups = users.groups(user);
        if (!groups.contains(Groups.MANAGERS) && !groups.contains(Groups.CAMUNDA_ADMIN)) {
            throw DisputeProcess.refuse(user + " is not a manager: managers release a paused store");
        }
        task.setVariable(StoreHealth.VAR_RELEASED_BY, user);
    }
}
