package com.helloword.aftersales.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the managers' view shows, computed at {@code generatedAt} (docs/metrics.md). Record component names
 * are the JSON field names; rates are fractions 0..1; no section is ever null.
 */
public record MetricsOverview(Instant generatedAt, OpenCases openCases, List<SlaRow> sla, Overdue overdue,
        List<TeamRow> teams, List<SkuRow> skus, List<DisputeRow> disputes, List<RecallRow> recalls,
        List<IncidentRow> incidents, Heatmap heatmap) {

    /** Cases not resolved or closed, by severity ({@code RED}, {@code YELLOW}, {@code BLUE}) and by store. */
    public record OpenCases(long total, Map<String, Long> bySeverity, List<StoreOpenCases> byStore) {
    }

    public record StoreOpenCases(String storeId, String storeName, long red, long yellow, long blue, long total) {
    }

    /** Of the cases opened in the window ({@code 24h}, {@code 7d}) per team and severity: how many met their times. */
    public record SlaRow(String window, String team, String severity, long firstReplyTotal, long firstReplyWithin,
            double firstReplyRate, long claimTotal, long claimWithin, double claimRate) {
    }

    /** Open cases past their resolution time, and open cases escalated to the team leads. */
    public record Overdue(long overdue, long escalated) {
    }

    /** Cases a team settled in the last 7 days. */
    public record TeamRow(String team, long resolved, double medianHoursToResolve, double firstContactResolutionRate,
            double averageRating, long ratings) {
    }

    /** An SKU's returns and complaints against its category over the quality window; the line from the DMN table. */
    public record SkuRow(String sku, String category, long orders, long returns, long complaints, double returnRate,
            double complaintRate, double categoryReturnRate, double categoryComplaintRate, double returnLine,
            boolean aboveLine) {
    }

    /** A store's disputes against its orders over the store-health window; the line from the DMN table. */
    public record DisputeRow(String storeId, String storeName, long orders, long disputes, double rate, double line,
            boolean aboveLine) {
    }

    public record RecallRow(long id, String key, String sku, String stage, long affectedBuyers, long notified,
            long returned, double completionRate, String processInstanceId) {
    }

    public record IncidentRow(long id, String key, String state, long affectedOrders, long chosen, long executed,
            long open, String processInstanceId) {
    }

    /** Complaints opened per store and category in each of the last ISO weeks, oldest first (UTC). */
    public record Heatmap(List<String> weeks, List<HeatmapRow> rows) {
    }

    public record HeatmapRow(String storeId, String storeName, String category, List<Long> counts) {
    }
}
