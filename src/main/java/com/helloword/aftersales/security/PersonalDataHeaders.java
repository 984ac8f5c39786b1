package com.helloword.aftersales.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Response headers for {@code /api/*} and the buyer pages under {@code /buyer/*}, which carry personal
 * data (names, addresses, mail, a signed link in the URL): no caching by browsers or proxies, no content
 * sniffing, no framing, no referrer carrying a buyer link's token elsewhere, and a Content-Security-Policy.
 * The buyer pages are server-rendered forms with inline styles and no scripts (templates/pages), so their
 * policy allows inline styles, images and form posts to this origin and nothing else; {@code /api} answers
 * data only and allows nothing, except that a recall report ({@code /api/recalls/<id>/report.html}) and a dispute's
 * evidence pack ({@code /api/disputes/<key>/evidence.html}), documents for printing, may use their own inline print
 * stylesheet. The Camunda webapps ({@code /camunda/*}) keep Camunda's own headers: their
 * Angular code would break under either policy.
 */
class PersonalDataHeaders extends OncePerRequestFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";
    private static final Pattern REPORT_PAGE = Pattern.compile(
            "/api/recalls/[0-9]+/report\\.html|/api/disputes/[A-Za-z0-9-]+/evidence\\.html");
    static final String BUYER_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean buyer = request.getRequestURI().startsWith(request.getContextPath() + "/buyer/");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        boolean report = REPORT_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()))
                .matches();
        response.setHeader("Content-Security-Policy", buyer ? BUYER_POLICY : report ? REPORT_POLICY : API_POLICY);
        chain.doFilter(request, response);
    }
}
