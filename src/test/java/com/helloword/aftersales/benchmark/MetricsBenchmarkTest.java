package com.helloword.aftersales.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import com.helloword.aftersales.monitoring.MetricsCaseFilter;
import com.helloword.aftersales.monitoring.MetricsOverview;
import com.helloword.aftersales.monitoring.MetricsQueries;
import com.helloword.aftersales.support.ProviderStubsConfiguration;
import com.helloword.aftersales.support.TestClockConfiguration;

/**
 * The managers' metrics over a year of after-sales: 100 000 cases (with their orders and order lines, 10 000
 * returns) spread over 365 days, written with batch JDBC inserts (no process runs), then {@code overview()} and a
 * few drill-downs timed. On the H2 file database of the embedded default, or on the one SPRING_DATASOURCE_URL
 * names. Prints the figures for docs/performance.md; asserts that the figures see the rows.
 * Run: {@code mvn test -Pbenchmark -Dtest=MetricsBenchmarkTest}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=${SPRING_DATASOURCE_URL:jdbc:h2:file:./target/benchmark/metrics-${random.uuid};"
                + "LOCK_TIMEOUT=10000}")
@Import({TestClockConfiguration.class, ProviderStubsConfiguration.class})
class MetricsBenchmarkTest {

    private static final int CASES = 100_000;
    private static final long BASE = 8_000_000_000_000L;
    private static final String[] SEVERITIES = {"RED", "YELLOW", "BLUE"};
    private static final String[] CATEGORIES = {"defect", "delivery", "safety", "return", "question"};
    private static final String[] STATUSES = {"OPEN", "CLOSED", "CLOSED", "CLOSED", "RESOLVED", "ESCALATED"};

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MetricsQueries queries;

    @Test
    void aYearOfCases() {
        Instant now = Instant.now();
        long insertStart = System.nanoTime();
        seed(now);
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
        queries.overview(); // warm-up: the DMN lines, the statement caches
        List<Double> overviews = new ArrayList<>();
        MetricsOverview overview = null;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            overview = queries.overview();
            overviews.add((System.nanoTime() - start) / 1e6);
        }
        assertThat(overview.openCases().total()).isGreaterThan(CASES / 10);
        assertThat(overview.heatmap().rows()).isNotEmpty();
        double open = time(() -> queries.cases(MetricsCaseFilter.open()).size());
        double overdue = time(() -> queries.cases(new MetricsCaseFilter("RED", null, "agents-de",
                MetricsCaseFilter.State.OVERDUE, null, null, null)).size());
        double week = time(() -> queries.cases(new MetricsCaseFilter(null, "bench-store-1", null,
                MetricsCaseFilter.State.RESOLVED, null, "defect", null)).size());
        double sku = time(() -> queries.cases(new MetricsCaseFilter(null, null, null, MetricsCaseFilter.State.OPEN,
                "BENCH-SKU-7", null, null)).size());
        System.out.printf(Locale.ROOT, "BENCHMARK metrics: %d cases inserted in %.1f s; overview() median %.0f ms"
                + " (runs %s); drill-downs: open %.0f ms, red overdue of a team %.0f ms, resolved defects of a store"
                + " %.0f ms, open cases of an SKU %.0f ms%n", CASES, insertSeconds,
                overviews.stream().sorted().toList().get(2), overviews, open, overdue, week, sku);
    }

    private static double time(Supplier<Integer> drillDown) {
        drillDown.get();
        long start = System.nanoTime();
        assertThat(drillDown.get()).isPositive();
        return (System.nanoTime() - start) / 1e6;
    }

    private void seed(Instant now) {
        Random random = new Random(42);
        java.sql.Timestamp created = ts(now);
        for (int s = 1; s <= 8; s++) {
            jdbc.update("INSERT INTO stores (id, name, platform, marketplace_country, currency, default_language,"
                    + " time_zone, active, created_at, version) VALUES (?, ?, 'SHOPIFY', 'DE', 'EUR', 'de', 'UTC', TRUE,"
                    + " ?, 0)", "bench-store-" + s, "Bench store " + s, created);
        }
        jdbc.update("INSERT INTO buyers (id, email, tier, created_at, updated_at, version)"
                + " VALUES (?, 'bench@metrics.test', 'NEW', ?, ?, 0)", BASE, created, created);
        int batch = 5_000;
        for (int from = 0; from < CASES; from += batch) {
            List<Object[]> orders = new ArrayList<>();
            List<Object[]> lines = new ArrayList<>();
            List<Object[]> cases = new ArrayList<>();
            List<Object[]> returns = new ArrayList<>();
            for (int i = from; i < from + batch; i++) {
                long order = BASE + 1 + i * 4L;
                Instant opened = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
                String store = "bench-store-" + (1 + random.nextInt(8));
                String status = STATUSES[random.nextInt(STATUSES.length)];
                boolean settled = status.equals("CLOSED") || status.equals("RESOLVED");
                orders.add(new Object[] {order, store, "BO-" + i, BASE, ts(opened.minus(Duration.ofDays(3))),
                    ts(opened.minus(Duration.ofDays(2))), created, created});
                lines.add(new Object[] {order + 1, order, "BENCH-SKU-" + random.nextInt(300), 1 + random.nextInt(3)});
                cases.add(new Object[] {order + 2, "C-BENCH-" + i, store, order, CATEGORIES[random.nextInt(5)],
                    SEVERITIES[random.nextInt(3)], status, 1 + random.nextInt(3), ts(opened),
                    ts(opened.plus(Duration.ofMinutes(30))), ts(opened.plus(Duration.ofMinutes(random.nextInt(60)))),
                    ts(opened.plus(Duration.ofHours(4))), ts(opened.plus(Duration.ofMinutes(random.nextInt(400)))),
                    ts(opened.plus(Duration.ofHours(72))),
                    settled ? ts(opened.plus(Duration.ofHours(1 + random.nextInt(100)))) : null,
                    status.equals("ESCALATED") ? ts(opened.plus(Duration.ofHours(1))) : null,
                    "agents-" + (random.nextBoolean() ? "de" : "fr"), settled ? 1 + random.nextInt(5) : null,
                    ts(opened), ts(opened)});
                if (i % 10 == 0) {
                    returns.add(new Object[] {order + 3, "RT-BENCH-" + i, order, BASE, lines.get(lines.size() - 1)[2],
                        ts(opened.plus(Duration.ofDays(1)))});
                }
            }
            jdbc.batchUpdate("INSERT INTO orders (id, store_id, platform_order_id, buyer_id, destination_country,"
                    + " currency, status, ordered_at, shipped_at, frozen, created_at, updated_at, version)"
                    + " VALUES (?, ?, ?, ?, 'DE', 'EUR', 'SHIPPED', ?, ?, FALSE, ?, ?, 0)", orders);
            jdbc.batchUpdate("INSERT INTO order_lines (id, order_id, line_no, sku, quantity, unit_price)"
                    + " VALUES (?, ?, 1, ?, ?, 10)", lines);
            jdbc.batchUpdate("INSERT INTO after_sales_cases (id, business_key, store_id, order_id, channel, category,"
                    + " severity, status, contact_count, opened_at, claim_due_at, first_claimed_at, first_reply_due_at,"
                    + " first_replied_at, resolution_due_at, closed_at, escalated_at, candidate_group, rating,"
                    + " created_at, updated_at, version)"
                    + " VALUES (?, ?, ?, ?, 'email', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", cases);
            jdbc.batchUpdate("INSERT INTO return_requests (id, return_key, order_id, buyer_id, sku, source, reason,"
                    + " wanted, status, requested_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, 'BUYER', 'DEFECTIVE', 'REFUND', 'REQUESTED', ?, 0)", returns);
        }
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.valueOf(instant.atZone(java.time.ZoneOffset.UTC).toLocalDateTime());
    }
}
