package com.helloword.aftersales.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;

/**
 * Who may read {@code /actuator/*} beyond health and info (the Prometheus scrape, docs/metrics.md): the same login
 * as {@code /api} ({@link ApiAuthenticationFilter}: HTTP Basic, or a service account's token), then managers,
 * Camunda admins or a service account (group {@code integrations}, the scraper); anyone else 403.
 */
class ActuatorAuthentication extends ApiAuthenticationFilter {

    static final List<String> SCRAPERS = List.of(Groups.MANAGERS, Groups.CAMUNDA_ADMIN, Groups.INTEGRATIONS);

    ActuatorAuthentication(IdentityService identityService, ServiceAccounts serviceAccounts) {
        super(identityService, serviceAccounts);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean open = path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                || path.equals("/actuator/info");
        return open && !path.contains("..") && !path.contains(";");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        super.doFilterInternal(request, response, (req, res) -> {
            ApiCaller caller = (ApiCaller) req.getAttribute(ApiCaller.REQUEST_ATTRIBUTE);
            if (caller == null || caller.groupIds().stream().noneMatch(SCRAPERS::contains)) {
                ((HttpServletResponse) res).sendError(HttpServletResponse.SC_FORBIDDEN,
                        "The actuator is for " + String.join(", ", SCRAPERS));
                return;
            }
            chain.doFilter(req, res);
        });
    }
}
