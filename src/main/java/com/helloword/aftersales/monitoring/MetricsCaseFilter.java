package com.helloword.aftersales.monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.helloword.aftersales.web.FieldProblem;

/**
 * Which cases a drill-down lists; every field may be null (no filter), {@code state} defaults to {@link State#OPEN}.
 * {@code week} is an ISO week like {@code 2026-W48}: the cases opened that week (UTC).
 */
public record MetricsCaseFilter(String severity, String storeId, String team, State state, String sku,
        String category, String week) {

    public enum State {
        OPEN, OVERDUE, ESCALATED, RESOLVED
    }

    public MetricsCaseFilter {
        state = state == null ? State.OPEN : state;
    }

    public static MetricsCaseFilter open() {
        return new MetricsCaseFilter(null, null, null, State.OPEN, null, null, null);
    }

    /**
     * The drill-down's query parameters ({@code GET /api/metrics/cases} and the Cockpit plugin's resource) read into a
     * filter; an unknown severity, state or week is refused with the parameter named ({@link RejectedMetricsRequest}).
     */
    public static MetricsCaseFilter parse(String severity, String storeId, String team, String state, String sku,
            String category, String week) {
        List<FieldProblem> problems = new ArrayList<>();
        String grade = blankToNull(severity);
        if (grade != null && !MetricsQueries.SEVERITIES.contains(grade.toUpperCase(Locale.ROOT))) {
            problems.add(FieldProblem.of("severity", "'" + severity + "' is not one of " + String.join(", ", MetricsQueries.SEVERITIES)));
        }
        State wanted = null;
        String stateName = blankToNull(state);
        if (stateName != null) {
            wanted = Arrays.stream(State.values()).filter(s -> s.name().equalsIgnoreCase(stateName)).findFirst()
                    .orElse(null);
            if (wanted == null) {
                problems.add(FieldProblem.of("state", "'" + state + "' is not one of open, overdue, escalated, resolved"));
            }
        }
        String isoWeek = blankToNull(week);
        if (isoWeek != null) {
            try {
                MetricsQueries.mondayOf(isoWeek);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("week", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RejectedMetricsRequest(problems);
        }
        return new MetricsCaseFilter(grade == null ? null : grade.toUpperCase(Locale.ROOT), blankToNull(storeId),
                blankToNull(team), wanted, blankToNull(sku), blankToNull(category), isoWeek);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
