package com.helloword.aftersales.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who calls {@code /api/*}. People log in with HTTP Basic against Camunda identity (the Tasklist login);
 * service accounts (group {@code integrations}) with their token ({@code Authorization: Bearer}, see
 * {@link ServiceTokens}) and never with a password, so wrong passwords tried on their name lock nothing
 * they use. Signed webhooks under {@code /api/webhooks/} authenticate by their signature instead.
 *
 * <p>The caller is kept as {@link ApiCaller}; each use case checks it ({@link ApiAccess}) and then does its
 * engine work as the application. The engine's own authorizations therefore stay what Tasklist, Cockpit and
 * {@code /engine-rest} need, and an account that may feed the intake holds no engine rights at all.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String WEBHOOK_PREFIX = "/api/webhooks/";

    private final IdentityService identityService;
    private final ServiceAccounts serviceAccounts;

    ApiAuthenticationFilter(IdentityService identityService, ServiceAccounts serviceAccounts) {
        this.identityService = identityService;
        this.serviceAccounts = serviceAccounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith(WEBHOOK_PREFIX) && !path.contains("..") && !path.contains(";");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<String> userId;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            userId = serviceAccounts.byToken(header.substring(7).trim());
        } else {
            String[] credentials = basicCredentials(header);
            if (credentials != null && serviceAccounts.isServiceAccount(credentials[0])) {
                refuse(response, "Service accounts call the API with their token (Authorization: Bearer), "
                        + "not a password.");
                return;
            }
            userId = credentials != null && identityService.checkPassword(credentials[0], credentials[1])
                    ? Optional.of(credentials[0]) : Optional.empty();
        }
        if (userId.isEmpty()) {
            refuse(response, "Log in with HTTP Basic as a Camunda user (the Tasklist login), "
                    + "or with a service account's token.");
            return;
        }
        request.setAttribute(ApiCaller.REQUEST_ATTRIBUTE, new ApiCaller(userId.get(), groupsOf(userId.get())));
        chain.doFilter(request, response);
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"helloword-aftersales\", charset=\"UTF-8\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"" + detail + "\"}");
    }
}
