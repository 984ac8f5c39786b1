package com.helloword.aftersales.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps service accounts off {@code /engine-rest}: they feed the intake and webhooks through {@code /api}
 * and nothing else. A Basic login naming one is refused with 403 before Camunda's filter checks (and
 * counts) the password, so strangers cannot lock the account there either.
 */
class EngineRestServiceAccounts extends OncePerRequestFilter {

    private final ServiceAccounts accounts;

    EngineRestServiceAccounts(ServiceAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] credentials = ApiAuthenticationFilter.basicCredentials(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials == null || !accounts.isServiceAccount(credentials[0])) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"Service accounts feed the intake and webhooks through /api only.\"}");
    }
}
