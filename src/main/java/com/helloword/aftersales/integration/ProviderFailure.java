package com.helloword.aftersales.integration;

import java.net.ConnectException;
import java.time.Duration;

/**
 * A call to a marketplace, carrier or payment provider went wrong, said in words a manager can act
 * on (it becomes the incident message in Cockpit when a job gives up). {@link Kind} decides whether
 * retrying can help.
 */
public class ProviderFailure extends RuntimeException {

    public enum Kind {
        /** 429 or the provider's own throttling; retry after the time it asks for */
        RATE_LIMITED(true),
        /** 5xx, connection refused, circuit open */
        UNAVAILABLE(true),
        /** no answer within the timeout */
        TIMEOUT(true),
        /** credentials refused even after a token refresh; someone must fix them */
        UNAUTHORIZED(false),
        /** the provider said no (4xx, business validation); retrying the same request cannot help */
        REJECTED(false),
        /** an answer that is not what the provider documents */
        MALFORMED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final String provider;
    private final Kind kind;
    private final int httpStatus;
    private final transient Duration retryAfter;

    public ProviderFailure(String provider, Kind kind, int httpStatus, String message, Duration retryAfter,
            Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public ProviderFailure(String provider, Kind kind, int httpStatus, String message) {
        this(provider, kind, httpStatus, message, null, null);
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** How long the provider asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /**
     * Whether the provider certainly did not act on the request: it refused it for the rate (429), or
     * no connection was made. Only such failures are retried for operations that must not run twice.
     */
    public boolean certainlyNotProcessed() {
        if (kind == Kind.RATE_LIMITED) {
            return true;
        }
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
