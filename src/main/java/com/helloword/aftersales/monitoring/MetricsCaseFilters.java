package com.helloword.aftersales.monitoring;

/**
 * The drill-down's query parameters read into a {@link MetricsCaseFilter} for callers outside this package (the
 * Cockpit plugin's resource in {@code monitoring.cockpit}): the same check as {@code GET /api/metrics/cases}, so an
 * unknown value is refused the same way ({@link RejectedMetricsRequest}, 400 naming the parameter).
 */
public final class MetricsCaseFilters {

    private MetricsCaseFilters() {
    }

    public static MetricsCaseFilter of(String severity, String storeId, String team, String state, String sku,
            String category, String week) {
        return MetricsController.filter(severity, storeId, team, state, sku, category, week);
    }
}
