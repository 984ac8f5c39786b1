package com.helloword.aftersales.casework.escalation;

import java.time.DayOfWeek;
import java.time.Duration;
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
 * automatic first reply at once, and answer times (first reply, questions to other teams) count
 * working time only.
 */
@ConfigurationProperties("aftersales.escalation")
public record TeamHours(Map<String, String> teamHours) {

    public boolean isOpen(String group, Instant at) {
        Window window = window(group);
        return window == null || window.contains(at.atZone(window.zone()));
    }

    /**
     * The moment {@code work} of the team's working time has passed after {@code from}: an 8-hour
     * answer time asked on Friday evening is due on Monday afternoon. A team without configured
     * hours works around the clock.
     */
    public Instant addWorkingTime(String group, Instant from, Duration work) {
        Window window = window(group);
        if (window == null || work.isZero() || work.isNegative()) {
            return from.plus(work);
        }
        ZonedDateTime at = from.atZone(window.zone());
        Duration left = work;
        for (int day = 0; day < 400; day++) {
            if (window.days().contains(at.getDayOfWeek()) && at.toLocalTime().isBefore(window.end())) {
                if (at.toLocalTime().isBefore(window.start())) {
                    at = at.with(window.start());
                }
                Duration today = Duration.between(at.toLocalTime(), window.end());
                if (left.compareTo(today) <= 0) {
                    return at.plus(left).toInstant();
                }
                left = left.minus(today);
            }
            at = at.toLocalDate().plusDays(1).atTime(window.start()).atZone(window.zone());
        }
        throw new IllegalStateException("team hours of " + group + " leave no working time");
    }

    private record Window(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {
        boolean contains(ZonedDateTime local) {
            LocalTime time = local.toLocalTime();
            return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
        }
    }

    private Window window(String group) {
        String spec = teamHours == null ? null : teamHours.getOrDefault(group, teamHours.get("default"));
        if (spec == null || spec.isBlank()) {
            return null; // no hours configured: somebody is always there
        }
        String[] parts = spec.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalStateException("team hours '" + spec + "' must read like MON-FRI 08:00-18:00 Europe/Berlin");
        }
        String[] times = parts[1].split("-");
        LocalTime start = LocalTime.parse(times[0]);
        LocalTime end = LocalTime.parse(times[1]);
        if (!start.isBefore(end)) {
            throw new IllegalStateException("team hours '" + spec + "' must end after they start");
        }
        return new Window(days(parts[0]), start, end, ZoneId.of(parts[2]));
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
