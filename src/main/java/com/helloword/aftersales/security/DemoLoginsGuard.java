package com.helloword.aftersales.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Under prod, refuses to run while a demo login still works on this database (a schema first used
 * for a demo keeps its users: Camunda never removes them). Demo users are password = user id, and
 * the demo admin demo/demo. Checked after the engine starts, before the app reports ready.
 */
@Component
@Profile("prod")
@Order(1)
class DemoLoginsGuard implements ApplicationRunner {

    private final IdentityService identityService;

    DemoLoginsGuard(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> open = new ArrayList<>();
        List<String> ids = new ArrayList<>(DemoUsers.ALL.stream().map(DemoUsers.DemoUser::id).toList());
        ids.add("demo");
        for (String id : ids) {
            // only existing users are tried, so nobody else's login attempts are counted
            if (identityService.createUserQuery().userId(id).count() > 0 && identityService.checkPassword(id, id)) {
                open.add(id);
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to run while demo logins work: " + open
                    + ". Delete these users in Camunda Admin (or change their passwords) first.");
        }
    }
}
