package com.helloword.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.helloword.aftersales.support.MutableClock;

class AttemptLimiterTest {

    final MutableClock clock = new MutableClock();

    @Test
    void theAttemptAfterTheLastAllowedIsRefusedWithTheWaitUntilTheWindowIsOver() {
        clock.set(Instant.parse("2026-11-02T10:00:00Z"));
        AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(1), 100, clock);

        assertThat(limiter.attempt("203.0.113.7")).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.attempt("203.0.113.7")).isEmpty();
        assertThat(limiter.attempt("203.0.113.7")).isEmpty();

        assertThat(limiter.attempt("203.0.113.7")).contains(Duration.ofSeconds(40));
        assertThat(limiter.attempt("203.0.113.7")).as("a refused attempt does not lengthen the wait")
                .contains(Duration.ofSeconds(40));
        assertThat(limiter.attempt("198.51.100.1")).as("another key has its own allowance").isEmpty();

        clock.advance(Duration.ofSeconds(40));
        assertThat(limiter.attempt("203.0.113.7")).as("a new window").isEmpty();
    }

    @Test
    void anAttemptGivenBackDoesNotCount() {
        AttemptLimiter limiter = new AttemptLimiter(2, Duration.ofMinutes(1), 100, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.attempt("paypal")).isEmpty();
            limiter.giveBack("paypal");
        }
        assertThat(limiter.attempt("paypal")).isEmpty();
        assertThat(limiter.attempt("paypal")).isEmpty();
        assertThat(limiter.attempt("paypal")).isPresent();
    }

    @Test
    void aClockSetBackStartsANewWindow() {
        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        AttemptLimiter limiter = new AttemptLimiter(1, Duration.ofHours(1), 100, clock);
        limiter.attempt("k");
        assertThat(limiter.attempt("k")).isPresent();

        clock.set(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(limiter.attempt("k")).isEmpty();
    }

    @Test
    void atMostMaxKeysAreKeptTheLeastRecentlySeenIsForgottenFirst() {
        AttemptLimiter limiter = new AttemptLimiter(1, Duration.ofHours(1), 3, clock);
        limiter.attempt("a");
        limiter.attempt("b");
        limiter.attempt("c");
        assertThat(limiter.attempt("a")).as("a seen again, now the most recent").isPresent();
        for (int i = 0; i < 1000; i++) {
            limiter.attempt("flood-" + i);
        }
        assertThat(limiter.keys()).isEqualTo(3);

        AttemptLimiter small = new AttemptLimiter(1, Duration.ofHours(1), 2, clock);
        small.attempt("a");
        small.attempt("b");
        small.attempt("a");
        small.attempt("c"); // forgets b, the least recently seen
        assertThat(small.attempt("a")).isPresent();
        assertThat(small.attempt("b")).isEmpty();
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(AttemptLimiter.retryAfterSeconds(Duration.ofMillis(40_001))).isEqualTo("41");
        assertThat(AttemptLimiter.retryAfterSeconds(Duration.ofSeconds(40))).isEqualTo("40");
        assertThat(AttemptLimiter.retryAfterSeconds(Duration.ZERO)).isEqualTo("1");
    }

    @Test
    void aLimitWithoutAttemptsOrWindowIsRefused() {
        assertThatThrownBy(() -> new AttemptLimiter(0, Duration.ofMinutes(1), 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptLimiter(1, Duration.ZERO, 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
