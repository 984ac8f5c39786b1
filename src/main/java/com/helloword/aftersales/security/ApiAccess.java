package com.helloword.aftersales.security;

import java.util.Arrays;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.server.ResponseStatusException;

/** Checks what the authenticated API caller may do, by their Camunda groups. */
@Component
public class ApiAccess {

    public ApiCaller caller() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object caller = attributes == null ? null
                : attributes.getAttribute(ApiCaller.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (!(caller instanceof ApiCaller apiCaller)) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not logged in");
        }
        return apiCaller;
    }

    /** Reading buyers' messages: agents, dispute specialists, team leads, managers, recall managers, admins. */
    public void requireCaseReader() {
        ApiCaller caller = caller();
        boolean reader = caller.groupIds().stream().anyMatch(g -> g.startsWith("agents-")
                || g.startsWith("dispute-specialists-") || g.equals(Groups.TEAM_LEADS) || g.equals(Groups.MANAGERS)
                || g.equals(Groups.RECALL_MANAGERS) || g.equals(Groups.CAMUNDA_ADMIN));
        if (!reader) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "User " + caller.userId() + " does not work buyer cases");
        }
    }

    public void requireAnyGroup(String... groupIds) {
        ApiCaller caller = caller();
        if (Arrays.stream(groupIds).noneMatch(caller.groupIds()::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "User " + caller.userId() + " needs to be in one of " + String.join(", ", groupIds) + ".");
        }
    }
}
