package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TeamHoursTest {

    private final TeamHours hours = new TeamHours(Map.of(
            "default", "MON-SAT 08:00-22:00 Asia/Shanghai",
            "agents-de", "MON-FRI 08:00-18:00 Europe/Berlin",
            "agents-ar", "SUN-THU 09:00-18:00 Asia/Dubai"));

    @Test
    void aTeamWorksOnItsDaysBetweenItsHoursInItsZone() {
        assertThat(hours.isOpen("agents-de", Instant.parse("2026-11-23T08:30:00Z"))).isTrue();  // Mon 09:30 Berlin
        assertThat(hours.isOpen("agents-de", Instant.parse("2026-11-23T17:00:00Z"))).isFalse(); // Mon 18:00 Berlin
        assertThat(hours.isOpen("agents-de", Instant.parse("2026-11-22T10:00:00Z"))).isFalse(); // Sunday
        assertThat(hours.isOpen("agents-ar", Instant.parse("2026-11-22T06:00:00Z"))).isTrue();  // Sun 10:00 Dubai
        assertThat(hours.isOpen("agents-ar", Instant.parse("2026-11-27T06:00:00Z"))).isFalse(); // Friday
    }

    @Test
    void teamsWithoutTheirOwnHoursWorkTheDefaultOnes() {
        assertThat(hours.isOpen("agents-en", Instant.parse("2026-11-23T02:00:00Z"))).isTrue();  // Mon 10:00 Shanghai
        assertThat(hours.isOpen("agents-en", Instant.parse("2026-11-22T19:00:00Z"))).isFalse(); // Mon 03:00 Shanghai
        assertThat(new TeamHours(Map.of()).isOpen("agents-en", Instant.now())).isTrue();
    }

    @Test
    void answerTimesCountWorkingTimeOnly() {
        // Monday 10:00 Berlin + 2 h = 12:00 the same day
        assertThat(hours.addWorkingTime("agents-de", Instant.parse("2026-11-23T09:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
        // Friday 16:00 Berlin + 8 h: 2 h on Friday, 6 h on Monday from 08:00 = Monday 14:00 Berlin
        assertThat(hours.addWorkingTime("agents-de", Instant.parse("2026-11-27T15:00:00Z"), Duration.ofHours(8)))
                .isEqualTo(Instant.parse("2026-11-30T13:00:00Z"));
        // Saturday night: the clock starts on Monday 08:00
        assertThat(hours.addWorkingTime("agents-de", Instant.parse("2026-11-28T22:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
        // 24 h of a 10-hour day span three working days: Mon 08-18, Tue 08-18, Wed 08-12
        assertThat(hours.addWorkingTime("agents-de", Instant.parse("2026-11-23T07:00:00Z"), Duration.ofHours(24)))
                .isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
        // Dubai works Sunday to Thursday: Thursday 17:00 + 2 h = Sunday 10:00
        assertThat(hours.addWorkingTime("agents-ar", Instant.parse("2026-11-26T13:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-11-29T06:00:00Z"));
    }

    @Test
    void aTeamWithoutHoursCountsTheClock() {
        Instant from = Instant.parse("2026-11-28T22:00:00Z");
        assertThat(new TeamHours(Map.of()).addWorkingTime("agents-en", from, Duration.ofHours(8)))
                .isEqualTo(from.plus(Duration.ofHours(8)));
    }

    @Test
    void badHoursAreAClearError() {
        assertThatThrownBy(() -> new TeamHours(Map.of("default", "weekdays")).isOpen("x", Instant.now()))
                .hasMessageContaining("MON-FRI 08:00-18:00 Europe/Berlin");
    }
}
