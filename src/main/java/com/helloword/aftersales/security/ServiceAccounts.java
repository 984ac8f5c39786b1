package com.helloword.aftersales.security;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Who is a service account (a member of {@code integrations}, or an account a token is configured for). */
@Component
class ServiceAccounts {

    private final IdentityService identityService;
    private final ServiceTokens tokens;

    ServiceAccounts(IdentityService identityService, ServiceTokens tokens) {
        this.identityService = identityService;
        this.tokens = tokens;
    }

    boolean isServiceAccount(String userId) {
        return tokens.hasToken(userId) || identityService.createUserQuery().userId(userId)
                .memberOfGroup(Groups.INTEGRATIONS).count() > 0;
    }

    /** The service account a token belongs to, if it still exists and is a member of {@code integrations}. */
    Optional<String> byToken(String token) {
        return tokens.account(token).filter(user -> identityService.createUserQuery().userId(user)
                .memberOfGroup(Groups.INTEGRATIONS).count() > 0);
    }
}
