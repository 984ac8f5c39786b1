package com.helloword.aftersales.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing calls to {@code /api} and {@code /engine-rest} that a browser makes on behalf of
 * another site (CSRF): a browser sends cached Basic credentials with them, and the Tasklist session cookie
 * would travel too. A call whose {@code Origin} is neither this server (as the request or the public base
 * URL names it) nor a configured origin gets 403; so does one that the browser marks
 * {@code Sec-Fetch-Site: cross-site}. Programs (relays, Modeler, curl) send neither header and pass.
 */
class CrossSiteRefusal extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> trustedOrigins;

    /** {@code trustedOrigins}: the public base URL and any configured origin, as scheme://host[:port]. */
    CrossSiteRefusal(List<String> trustedOrigins) {
        this.trustedOrigins = trustedOrigins.stream().map(CrossSiteRefusal::origin).filter(o -> !o.isEmpty())
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) || sameSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"A page of another site may not change anything here (cross-site request refused).\"}");
    }

    private boolean sameSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return !"cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
        }
        String offered = origin(origin);
        if (offered.isEmpty()) {
            return false; // "null" (sandboxed frames, file pages) or unreadable
        }
        return offered.equals(ownOrigin(request)) || trustedOrigins.contains(offered);
    }

    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** scheme://host[:port] of a URL or origin, lower case, default ports left out; "" when it is none. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                    || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
