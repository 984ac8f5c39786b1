package com.helloword.aftersales.workflow;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is completing a task right now, for a task listener that must know (a decision's approval limit, four
 * eyes): the person Tasklist or {@code /engine-rest} authenticated for this call, else the task's assignee (the
 * application's own API assigns a task to its caller before completing it, and runs unauthenticated). The one
 * place that reads the engine's current authentication: its type sits in an {@code impl} package, which the
 * architecture test allows here alone.
 */
@Component
public class CurrentUser {

    private final IdentityService identity;

    CurrentUser(IdentityService identity) {
        this.identity = identity;
    }

    /** The authenticated user of this engine call, or the assignee; empty when neither is known. */
    public Optional<String> completing(String assignee) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return Optional.of(authentication.getUserId());
        }
        return Optional.ofNullable(assignee).filter(a -> !a.isBlank());
    }

    /**
     * The user's groups: those the authentication of this call carries (Tasklist, {@code /engine-rest}), else as
     * Camunda identity has them (the application's API, which calls the engine unauthenticated).
     */
    public List<String> groups(String userId) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null && userId.equals(authentication.getUserId())
                && authentication.getGroupIds() != null) {
            return List.copyOf(authentication.getGroupIds());
        }
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
