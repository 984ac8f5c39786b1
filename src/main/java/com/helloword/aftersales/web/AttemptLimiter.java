package com.helloword.aftersales.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code attempts} per key (a remote address, an order number) in a window that starts with the key's
 * first attempt, for requests that cost something before they can be told apart from abuse. Memory is
 * bounded: at most {@code maxKeys} keys are kept, the least recently seen is forgotten first. Kept per node
 * (several nodes each allow the attempts), which is enough to take the weight of a flood off the expensive
 * step; the window follows the application clock, and a clock set back starts a new window.
 */
public final class AttemptLimiter {

    private final int attempts;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows;

    public AttemptLimiter(int attempts, Duration window, int maxKeys, Clock clock) {
        if (attempts < 1 || window == null || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("an attempt limit needs attempts >= 1, a positive window and "
                    + "maxKeys >= 1 (got " + attempts + ", " + window + ", " + maxKeys + ")");
        }
        this.attempts = attempts;
        this.window = window;
        this.clock = clock;
        this.windows = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /**
     * Counts an attempt of {@code key}: empty when it may go ahead, else how long until the key's window is
     * over (for {@code Retry-After}); a refused attempt is not counted.
     */
    public synchronized Optional<Duration> attempt(String key) {
        Instant now = clock.instant();
        Window current = windows.get(key);
        if (current == null || now.isBefore(current.start) || !now.isBefore(current.start.plus(window))) {
            windows.put(key, new Window(now, 1));
            return Optional.empty();
        }
        if (current.count >= attempts) {
            return Optional.of(Duration.between(now, current.start.plus(window)));
        }
        current.count++;
        return Optional.empty();
    }

    /** Gives an attempt back: it turned out to be a genuine one and should not count against its key. */
    public synchronized void giveBack(String key) {
        Window current = windows.get(key);
        if (current != null && current.count > 0) {
            current.count--;
        }
    }

    /** How many keys are kept now (at most {@code maxKeys}). */
    public synchronized int keys() {
        return windows.size();
    }

    /** Whole seconds to wait, at least one: the value of a {@code Retry-After} header. */
    public static String retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return String.valueOf(Math.max(1, seconds));
    }

    private static final class Window {
        final Instant start;
        int count;

        Window(Instant start, int count) {
            this.start = start;
            this.count = count;
        }
    }
}
