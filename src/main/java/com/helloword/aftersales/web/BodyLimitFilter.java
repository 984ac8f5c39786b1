package com.helloword.aftersales.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request body into memory up to a limit and refuses a larger one with 413 before anything parses
 * it: at once when the declared {@code Content-Length} is over, else while reading, as soon as one byte more
 * than the limit has come (a chunked body declares no length). A body within the limit goes on as a
 * {@link CachedBodyRequest}. Paths in {@code ownLimits} (exact, or a prefix ending in {@code /}) are left to
 * the limit of their own.
 */
public final class BodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final String what;
    private final Set<String> ownLimits;

    /** @param what what the body is, for the refusal: "A webhook body", "A message" */
    public BodyLimitFilter(long maxBytes, String what, Set<String> ownLimits) {
        if (maxBytes < 0 || maxBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a body limit kept in memory must be 0 to " + (Integer.MAX_VALUE - 1)
                    + " bytes, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.what = what;
        this.ownLimits = Set.copyOf(ownLimits);
    }

    public BodyLimitFilter(long maxBytes, String what) {
        this(maxBytes, what, Set.of());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return ownLimits.stream().anyMatch(own -> own.endsWith("/") ? path.startsWith(own) : path.equals(own));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                + "\"detail\":\"" + what + " may be at most " + maxBytes + " bytes\"}");
        // sent now: the container reads (swallows) only so much of the rest before it closes the connection, and
        // an answer still in its buffer then would never reach the client
        response.flushBuffer();
    }
}
