package com.helloword.aftersales.monitoring;

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
}
