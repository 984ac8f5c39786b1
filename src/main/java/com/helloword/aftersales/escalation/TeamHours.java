package com.helloword.aftersales.escalation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When each team works, as configured: {@code aftersales.escalation.team-hours.<group>} (or
 * {@code default}) = "MON-FRI 08:00-18:00 Europe/Berlin". Outside these hours a RED case gets an
 * automatic first reply at once.
 */
@ConfigurationProperties("aftersales.escalation")
public record TeamHours(Map<String, String> teamHours) {

    public boolean isOpen(String group, Instant at) {
        String spec = teamHours == null ? null : teamHours.getOrDefault(group, teamHours.get("default"));
        if (spec == null || spec.isBlank()) {
            return true; // no hours configured: somebody is always there
        }
        String[] parts = spec.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalStateException("team hours '" + spec + "' must read like MON-FRI 08:00-18:00 Europe/Berlin");
        }
        ZonedDateTime local = at.atZone(ZoneId.of(parts[2]));
        String[] times = parts[1].split("-");
        LocalTime time = local.toLocalTime();
        return days(parts[0]).contains(local.getDayOfWeek()) && !time.isBefore(LocalTime.parse(times[0]))
                && time.isBefore(LocalTime.parse(times[1]));
    }

    private static Set<DayOfWeek> days(String range) {
        String[] ends = range.toUpperCase(Locale.ROOT).split("-");
        DayOfWeek from = day(ends[0]);
        DayOfWeek to = ends.length > 1 ? day(ends[1]) : from;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d = from; ; d = d.plus(1)) {
            days.add(d);
            if (d == to) {
                return days;
            }
        }
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation)) {
                return d;
            }
        }
        throw new IllegalStateException("unknown day " + abbreviation);
    }
}
