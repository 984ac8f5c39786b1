package com.helloword.aftersales.integration.webhook;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.helloword.aftersales.web.CachedBodyRequest;

/**
 * Webhooks are unauthenticated until their signature is checked, so their bodies are read into
 * memory only up to a limit (1 MiB by default); anything larger is refused with 413 before any
 * parsing, declared length or not.
 */
class WebhookBodyLimitFilter extends OncePerRequestFilter {

    private final int maxBytes;

    WebhookBodyLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"title\":\"Payload Too Large\",\"status\":413,\"detail\":\"A webhook body may be "
                + "at most " + maxBytes + " bytes\"}");
    }
}
