package com.helloword.aftersales.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void badHoursAreAClearError() {
        assertThatThrownBy(() -> new TeamHours(Map.of("default", "weekdays")).isOpen("x", Instant.now()))
                .hasMessageContaining("MON-FRI 08:00-18:00 Europe/Berlin");
    }
}
