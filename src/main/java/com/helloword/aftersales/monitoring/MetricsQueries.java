package com.helloword.aftersales.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.monitoring.MetricsOverview.DisputeRow;
import com.helloword.aftersales.monitoring.MetricsOverview.Heatmap;
import com.helloword.aftersales.monitoring.MetricsOverview.HeatmapRow;
import com.helloword.aftersales.monitoring.MetricsOverview.IncidentRow;
import com.helloword.aftersales.monitoring.MetricsOverview.OpenCases;
import com.helloword.aftersales.monitoring.MetricsOverview.Overdue;
import com.helloword.aftersales.monitoring.MetricsOverview.RecallRow;
import com.helloword.aftersales.monitoring.MetricsOverview.SkuRow;
import com.helloword.aftersales.monitoring.MetricsOverview.SlaRow;
import com.helloword.aftersales.monitoring.MetricsOverview.StoreOpenCases;
import com.helloword.aftersales.monitoring.MetricsOverview.TeamRow;

/**
 * The managers' figures, read with plain SQL from the capabilities' tables (monitoring imports no capability
 * class). Times are UTC, as the tables keep them. What each figure means: docs/metrics.md.
 */
@Service
public class MetricsQueries {

    /** At most this many cases in a drill-down. */
    public static final int MAX_CASES = 200;
    /** How many ISO weeks the heatmap shows. */
    static final int HEATMAP_WEEKS = 8;

    private static final Pattern ISO_WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})$");
    static final List<String> SEVERITIES = List.of("RED", "YELLOW", "BLUE");
    private static final String OPEN = "c.status NOT IN ('RESOLVED', 'CLOSED')";
    private static final String SETTLED = "c.status IN ('RESOLVED', 'CLOSED')";

    private final NamedParameterJdbcTemplate jdbc;
    private final DecisionLines lines;
    private final Clock clock;
    private final Duration qualityWindow;
    private final Duration storeHealthWindow;
    private final Map<String, String> categoryBySkuPrefix;
    private final String otherCategory;

    MetricsQueries(NamedParameterJdbcTemplate jdbc, DecisionLines lines, Clock clock, Environment environment,
            @Value("${aftersales.returns.quality-window}") Duration qualityWindow,
            @Value("${aftersales.disputes.store-health.window}") Duration storeHealthWindow,
            @Value("${aftersales.returns.other-category}") String otherCategory) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.clock = clock;
        this.qualityWindow = qualityWindow;
        this.storeHealthWindow = storeHealthWindow;
        this.otherCategory = otherCategory;
        this.categoryBySkuPrefix = Binder.get(environment).bind("aftersales.returns.category-by-sku-prefix",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    }

    /** Every section, computed now. */
    @Transactional(readOnly = true)
    public MetricsOverview overview() {
        Instant now = clock.instant();
        return new MetricsOverview(now.truncatedTo(ChronoUnit.SECONDS), openCases(), sla(now), overdue(now),
                teams(now), skus(now), disputes(now), recalls(), incidents(), heatmap(now));
    }

    public OpenCases openCases() {
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        SEVERITIES.forEach(s -> bySeverity.put(s, 0L));
        Map<String, long[]> byStore = new LinkedHashMap<>();
        Map<String, String> storeNames = new HashMap<>();
        long[] total = {0};
        jdbc.query("SELECT c.store_id, s.name, c.severity, COUNT(*) n FROM after_sales_cases c"
                + " LEFT JOIN stores s ON s.id = c.store_id WHERE " + OPEN
                + " GROUP BY c.store_id, s.name, c.severity ORDER BY c.store_id", Map.of(), rs -> {
                    long n = rs.getLong("n");
                    String severity = rs.getString("severity");
                    String storeId = rs.getString("store_id");
                    total[0] += n;
                    bySeverity.computeIfPresent(severity == null ? "" : severity, (k, v) -> v + n);
                    if (storeId != null) {
                        storeNames.put(storeId, rs.getString("name"));
                        long[] counts = byStore.computeIfAbsent(storeId, k -> new long[4]);
                        int index = severity == null ? -1 : SEVERITIES.indexOf(severity);
                        if (index >= 0) {
                            counts[index] += n;
                        }
                        counts[3] += n;
                    }
                });
        List<StoreOpenCases> stores = new ArrayList<>();
        byStore.forEach((id, c) -> stores.add(new StoreOpenCases(id, storeNames.get(id), c[0], c[1], c[2], c[3])));
        stores.sort(Comparator.comparingLong(StoreOpenCases::total).reversed().thenComparing(StoreOpenCases::storeId));
        return new OpenCases(total[0], bySeverity, stores);
    }

    public List<SlaRow> sla() {
        return sla(clock.instant());
    }

    private List<SlaRow> sla(Instant now) {
        List<SlaRow> rows = new ArrayList<>();
        rows.addAll(sla("24h", now, Duration.ofHours(24)));
        rows.addAll(sla("7d", now, Duration.ofDays(7)));
        return rows;
    }

    /**
     * Cases opened in the window whose time has been decided: replied (claimed), or the time is over. Within: the
     * first reply (claim) came no later than its due time.
     */
    private List<SlaRow> sla(String window, Instant now, Duration length) {
        return jdbc.query("SELECT c.candidate_group, c.severity,"
                + " SUM(CASE WHEN c.first_reply_due_at IS NOT NULL AND (c.first_replied_at IS NOT NULL"
                + "   OR c.first_reply_due_at < :now) THEN 1 ELSE 0 END) reply_total,"
                + " SUM(CASE WHEN c.first_replied_at IS NOT NULL AND c.first_replied_at <= c.first_reply_due_at"
                + "   THEN 1 ELSE 0 END) reply_within,"
                + " SUM(CASE WHEN c.claim_due_at IS NOT NULL AND (c.first_claimed_at IS NOT NULL"
                + "   OR c.claim_due_at < :now) THEN 1 ELSE 0 END) claim_total,"
                + " SUM(CASE WHEN c.first_claimed_at IS NOT NULL AND c.first_claimed_at <= c.claim_due_at"
                + "   THEN 1 ELSE 0 END) claim_within"
                + " FROM after_sales_cases c WHERE c.opened_at >= :since AND c.opened_at <= :now"
                + " AND c.candidate_group IS NOT NULL AND c.severity IS NOT NULL"
                + " GROUP BY c.candidate_group, c.severity ORDER BY c.candidate_group, c.severity",
                params(now).addValue("since", timestamp(now.minus(length))), (rs, i) -> {
                    long replyTotal = rs.getLong("reply_total");
                    long replyWithin = rs.getLong("reply_within");
                    long claimTotal = rs.getLong("claim_total");
                    long claimWithin = rs.getLong("claim_within");
                    return new SlaRow(window, rs.getString("candidate_group"), rs.getString("severity"), replyTotal,
                            replyWithin, rate(replyWithin, replyTotal), claimTotal, claimWithin,
                            rate(claimWithin, claimTotal));
                });
    }

    public Overdue overdue() {
        return overdue(clock.instant());
    }

    private Overdue overdue(Instant now) {
        return jdbc.queryForObject("SELECT"
                + " SUM(CASE WHEN c.resolution_due_at < :now THEN 1 ELSE 0 END) overdue,"
                + " SUM(CASE WHEN c.escalated_at IS NOT NULL THEN 1 ELSE 0 END) escalated"
                + " FROM after_sales_cases c WHERE " + OPEN, params(now),
                (rs, i) -> new Overdue(rs.getLong("overdue"), rs.getLong("escalated")));
    }

    public List<TeamRow> teams() {
        return teams(clock.instant());
    }

    /** Cases resolved or closed in the last 7 days, per team. */
    private List<TeamRow> teams(Instant now) {
        Map<String, List<Object[]>> byTeam = new LinkedHashMap<>();
        jdbc.query("SELECT c.candidate_group, c.opened_at, c.closed_at, c.contact_count, c.rating"
                + " FROM after_sales_cases c WHERE " + SETTLED + " AND c.closed_at >= :since AND c.closed_at <= :now"
                + " AND c.candidate_group IS NOT NULL ORDER BY c.candidate_group",
                params(now).addValue("since", timestamp(now.minus(Duration.ofDays(7)))), rs -> {
                    Instant opened = instant(rs, "opened_at");
                    Instant closed = instant(rs, "closed_at");
                    int rating = rs.getInt("rating");
                    byTeam.computeIfAbsent(rs.getString("candidate_group"), k -> new ArrayList<>()).add(new Object[] {
                        Duration.between(opened, closed).getSeconds() / 3600.0, rs.getInt("contact_count"),
                        rs.wasNull() ? null : rating});
                });
        List<TeamRow> teams = new ArrayList<>();
        byTeam.forEach((team, cases) -> {
            List<Double> hours = cases.stream().map(c -> (Double) c[0]).sorted().toList();
            long firstContact = cases.stream().filter(c -> (Integer) c[1] <= 1).count();
            List<Integer> ratings = cases.stream().filter(c -> c[2] != null).map(c -> (Integer) c[2]).toList();
            teams.add(new TeamRow(team, cases.size(), round(median(hours)), rate(firstContact, cases.size()),
                    round(ratings.stream().mapToInt(Integer::intValue).average().orElse(0)), ratings.size()));
        });
        return teams;
    }

    public List<SkuRow> skus() {
        return skus(clock.instant());
    }

    /**
     * Per SKU shipped in the quality window: units shipped (as the quality loop counts them), returns requested,
     * complaints (cases about an order with the SKU), against the SKU's category; the line is the category's
     * return rate times the skuReturnAlert table's factor.
     */
    private List<SkuRow> skus(Instant now) {
        MapSqlParameterSource since = params(now).addValue("since", timestamp(now.minus(qualityWindow)));
        Map<String, Long> shipped = counts("SELECT l.sku k, SUM(l.quantity) n FROM order_lines l"
                + " JOIN orders o ON o.id = l.order_id WHERE o.shipped_at >= :since GROUP BY l.sku", since);
        Map<String, Long> returned = counts("SELECT r.sku k, COUNT(*) n FROM return_requests r"
                + " WHERE r.requested_at >= :since AND r.sku IS NOT NULL GROUP BY r.sku", since);
        Map<String, Long> complaints = counts("SELECT l.sku k, COUNT(DISTINCT c.id) n FROM after_sales_cases c"
                + " JOIN order_lines l ON l.order_id = c.order_id WHERE c.opened_at >= :since GROUP BY l.sku", since);
        Map<String, long[]> byCategory = new HashMap<>();
        shipped.forEach((sku, units) -> {
            long[] totals = byCategory.computeIfAbsent(category(sku), k -> new long[3]);
            totals[0] += units;
            totals[1] += returned.getOrDefault(sku, 0L);
            totals[2] += complaints.getOrDefault(sku, 0L);
        });
        double factor = lines.skuReturnFactor();
        List<SkuRow> rows = new ArrayList<>();
        shipped.forEach((sku, units) -> {
            if (units <= 0) {
                return;
            }
            String category = category(sku);
            long[] totals = byCategory.get(category);
            long back = returned.getOrDefault(sku, 0L);
            long complained = complaints.getOrDefault(sku, 0L);
            double returnRate = rate(back, units);
            double categoryReturnRate = rate(totals[1], totals[0]);
            double line = round(categoryReturnRate * factor);
            rows.add(new SkuRow(sku, category, units, back, complained, returnRate, rate(complained, units),
                    categoryReturnRate, rate(totals[2], totals[0]), line, returnRate > line));
        });
        rows.sort(Comparator.comparingDouble(SkuRow::returnRate).reversed().thenComparing(SkuRow::sku));
        return rows;
    }

    public List<DisputeRow> disputes() {
        return disputes(clock.instant());
    }

    /** Per active store: disputes opened / orders placed over the store-health window, against the table's limit. */
    private List<DisputeRow> disputes(Instant now) {
        MapSqlParameterSource since = params(now).addValue("since", timestamp(now.minus(storeHealthWindow)));
        Map<String, Long> orders = counts("SELECT o.store_id k, COUNT(*) n FROM orders o"
                + " WHERE o.ordered_at >= :since GROUP BY o.store_id", since);
        Map<String, Long> disputes = counts("SELECT d.store_id k, COUNT(*) n FROM disputes d"
                + " WHERE d.opened_at >= :since GROUP BY d.store_id", since);
        double line = lines.disputeLine();
        return jdbc.query("SELECT s.id, s.name FROM stores s WHERE s.active = TRUE ORDER BY s.id", Map.of(),
                (rs, i) -> {
                    String storeId = rs.getString("id");
                    long placed = orders.getOrDefault(storeId, 0L);
                    long opened = disputes.getOrDefault(storeId, 0L);
                    double rate = rate(opened, placed);
                    return new DisputeRow(storeId, rs.getString("name"), placed, opened, rate, line, rate > line);
                });
    }

    /** Recalls not closed: buyers to notify, notified, units back, and the completion rate (units done / units). */
    public List<RecallRow> recalls() {
        return jdbc.query("SELECT r.id, r.recall_key, r.sku, r.state, r.process_instance_id,"
                + " (SELECT COUNT(*) FROM recall_notices n WHERE n.recall_id = r.id) buyers,"
                + " (SELECT COUNT(*) FROM recall_notices n WHERE n.recall_id = r.id AND n.queued_at IS NOT NULL)"
                + "   notified,"
                + " (SELECT COUNT(*) FROM recall_units u WHERE u.recall_id = r.id AND u.received_at IS NOT NULL)"
                + "   returned,"
                + " (SELECT COUNT(*) FROM recall_units u WHERE u.recall_id = r.id) units,"
                + " (SELECT COUNT(*) FROM recall_units u WHERE u.recall_id = r.id"
                + "   AND u.status IN ('DISPOSED', 'REFURBISHED')) done"
                + " FROM recalls r WHERE r.closed_at IS NULL ORDER BY r.id", Map.of(),
                (rs, i) -> new RecallRow(rs.getLong("id"), rs.getString("recall_key"), rs.getString("sku"),
                        rs.getString("state"), rs.getLong("buyers"), rs.getLong("notified"), rs.getLong("returned"),
                        rate(rs.getLong("done"), rs.getLong("units")), rs.getString("process_instance_id")));
    }

    /** Batch shipment incidents not closed: orders affected, remedies chosen, carried out, and still open. */
    public List<IncidentRow> incidents() {
        return jdbc.query("SELECT i.id, i.incident_key, i.state, i.process_instance_id, COUNT(o.id) affected,"
                + " SUM(CASE WHEN o.chosen_at IS NOT NULL THEN 1 ELSE 0 END) chosen,"
                + " SUM(CASE WHEN o.executed_at IS NOT NULL THEN 1 ELSE 0 END) executed"
                + " FROM shipment_incidents i LEFT JOIN shipment_incident_orders o ON o.incident_id = i.id"
                + " WHERE i.state <> 'CLOSED'"
                + " GROUP BY i.id, i.incident_key, i.state, i.process_instance_id ORDER BY i.id", Map.of(),
                (rs, i) -> {
                    long affected = rs.getLong("affected");
                    long executed = rs.getLong("executed");
                    return new IncidentRow(rs.getLong("id"), rs.getString("incident_key"), rs.getString("state"),
                            affected, rs.getLong("chosen"), executed, affected - executed,
                            rs.getString("process_instance_id"));
                });
    }

    public Heatmap heatmap() {
        return heatmap(clock.instant());
    }

    /** Cases opened per store and category in each of the last 8 ISO weeks (UTC), oldest week first. */
    private Heatmap heatmap(Instant now) {
        LocalDate thisMonday = now.atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstMonday = thisMonday.minusWeeks(HEATMAP_WEEKS - 1);
        List<String> weeks = new ArrayList<>();
        for (int w = 0; w < HEATMAP_WEEKS; w++) {
            weeks.add(isoWeek(firstMonday.plusWeeks(w)));
        }
        Map<List<String>, long[]> cells = new LinkedHashMap<>();
        Map<String, String> storeNames = new HashMap<>();
        jdbc.query("SELECT c.store_id, s.name, c.category, CAST(c.opened_at AS DATE) d, COUNT(*) n"
                + " FROM after_sales_cases c JOIN stores s ON s.id = c.store_id"
                + " WHERE c.opened_at >= :since AND c.category IS NOT NULL"
                + " GROUP BY c.store_id, s.name, c.category, CAST(c.opened_at AS DATE)"
                + " ORDER BY c.store_id, c.category",
                new MapSqlParameterSource("since", timestamp(firstMonday.atStartOfDay(ZoneOffset.UTC).toInstant())),
                rs -> {
                    long week = ChronoUnit.WEEKS.between(firstMonday, rs.getDate("d").toLocalDate());
                    if (week < 0 || week >= HEATMAP_WEEKS) {
                        return;
                    }
                    storeNames.put(rs.getString("store_id"), rs.getString("name"));
                    cells.computeIfAbsent(List.of(rs.getString("store_id"), rs.getString("category")),
                            k -> new long[HEATMAP_WEEKS])[(int) week] += rs.getLong("n");
                });
        List<HeatmapRow> rows = new ArrayList<>();
        cells.forEach((key, counts) -> rows.add(new HeatmapRow(key.get(0), storeNames.get(key.get(0)), key.get(1),
                Arrays.stream(counts).boxed().toList())));
        return new Heatmap(weeks, rows);
    }

    /** The cases behind a figure, newest first, at most {@value #MAX_CASES}. */
    @Transactional(readOnly = true)
    public List<MetricsCase> cases(MetricsCaseFilter filter) {
        Instant now = clock.instant();
        MapSqlParameterSource params = params(now);
        StringBuilder where = new StringBuilder(switch (filter.state()) {
            case OPEN -> OPEN;
            case OVERDUE -> OPEN + " AND c.resolution_due_at < :now";
            case ESCALATED -> OPEN + " AND c.escalated_at IS NOT NULL";
            case RESOLVED -> SETTLED;
        });
        equal(where, params, "c.severity", "severity", filter.severity());
        equal(where, params, "c.store_id", "storeId", filter.storeId());
        equal(where, params, "c.candidate_group", "team", filter.team());
        equal(where, params, "c.category", "category", filter.category());
        if (filter.sku() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = c.order_id AND l.sku = :sku)");
            params.addValue("sku", filter.sku());
        }
        if (filter.week() != null) {
            LocalDate monday = mondayOf(filter.week());
            where.append(" AND c.opened_at >= :weekStart AND c.opened_at < :weekEnd");
            params.addValue("weekStart", timestamp(monday.atStartOfDay(ZoneOffset.UTC).toInstant()));
            params.addValue("weekEnd", timestamp(monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return jdbc.query("SELECT c.business_key, c.severity, c.category, c.store_id, c.candidate_group, c.status,"
                + " c.opened_at, c.process_instance_id FROM after_sales_cases c WHERE " + where
                + " ORDER BY c.opened_at DESC, c.id DESC LIMIT " + MAX_CASES, params,
                (rs, i) -> new MetricsCase(rs.getString("business_key"), rs.getString("severity"),
                        rs.getString("category"), rs.getString("store_id"), rs.getString("candidate_group"),
                        rs.getString("status"), instant(rs, "opened_at"), rs.getString("process_instance_id")));
    }

    /** The Monday an ISO week like {@code 2026-W48} starts on; a malformed or impossible week is refused. */
    static LocalDate mondayOf(String isoWeek) {
        Matcher week = ISO_WEEK.matcher(isoWeek);
        if (!week.matches()) {
            throw new IllegalArgumentException("week must look like 2026-W48, not " + isoWeek);
        }
        int year = Integer.parseInt(week.group(1));
        int number = Integer.parseInt(week.group(2));
        LocalDate fourthOfJanuary = LocalDate.of(year, 1, 4); // always in week 1
        if (number < 1 || number > fourthOfJanuary.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new IllegalArgumentException("week " + isoWeek + " does not exist");
        }
        return fourthOfJanuary.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private String category(String sku) {
        return categoryBySkuPrefix.entrySet().stream().filter(p -> sku.startsWith(p.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(otherCategory);
    }

    private Map<String, Long> counts(String sql, MapSqlParameterSource params) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, params, rs -> {
            String key = rs.getString("k");
            if (key != null) {
                counts.put(key, rs.getLong("n"));
            }
        });
        return counts;
    }

    private static void equal(StringBuilder where, MapSqlParameterSource params, String column, String name,
            String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = :").append(name);
            params.addValue(name, value);
        }
    }

    private static MapSqlParameterSource params(Instant now) {
        return new MapSqlParameterSource("now", timestamp(now));
    }

    /** The tables keep UTC wall-clock times (hibernate.jdbc.time_zone: UTC), whatever the JVM's zone. */
    static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(instant.atZone(ZoneOffset.UTC).toLocalDateTime());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : round((double) part / whole);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
