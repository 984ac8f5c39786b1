package com.helloword.aftersales.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The {@code aftersales.*} gauges of {@code /actuator/prometheus} (docs/metrics.md): open cases by severity, SLA
 * breaches of open cases, the mail outbox's backlog and failures, the engine's executable and failed jobs. Each
 * is one COUNT, kept for {@code aftersales.monitoring.gauge-cache} so that a scrape costs at most a few cheap
 * queries. The intake and provider-failure counters are counted where it happens (intake, ProviderClient).
 */
@Component
class AfterSalesMeters implements MeterBinder {

    private static final String OPEN = "status NOT IN ('RESOLVED', 'CLOSED')";

    private final NamedParameterJdbcTemplate jdbc;
    private final ManagementService management;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(double value, Instant readAt) {
    }

    AfterSalesMeters(NamedParameterJdbcTemplate jdbc, ManagementService management, Clock clock,
            @Value("${aftersales.monitoring.gauge-cache}") Duration cacheFor) {
        this.jdbc = jdbc;
        this.management = management;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String severity : MetricsQueries.SEVERITIES) {
            gauge(registry, "aftersales.cases.open", "Cases not resolved or closed", "severity", severity,
                    () -> count("SELECT COUNT(*) FROM after_sales_cases WHERE " + OPEN + " AND severity = :severity",
                            new MapSqlParameterSource("severity", severity)));
        }
        Map<String, String> breaches = Map.of(
                "claim", "claim_due_at < :now AND first_claimed_at IS NULL",
                "first_reply", "first_reply_due_at < :now AND first_replied_at IS NULL",
                "resolution", "resolution_due_at < :now");
        breaches.forEach((kind, condition) -> gauge(registry, "aftersales.sla.breaches",
                "Open cases past a time they have not met", "kind", kind,
                () -> count("SELECT COUNT(*) FROM after_sales_cases WHERE " + OPEN + " AND " + condition,
                        new MapSqlParameterSource("now", MetricsQueries.timestamp(clock.instant())))));
        gauge(registry, "aftersales.outbox.backlog", "Mails waiting in the outbox", null, null,
                () -> count("SELECT COUNT(*) FROM outbox_messages WHERE status = 'PENDING'", new MapSqlParameterSource()));
        gauge(registry, "aftersales.outbox.failures", "Mails the outbox gave up on", null, null,
                () -> count("SELECT COUNT(*) FROM outbox_messages WHERE status = 'FAILED'", new MapSqlParameterSource()));
        gauge(registry, "aftersales.jobs.executable", "Engine jobs due and waiting for the job executor", null, null,
                () -> management.createJobQuery().executable().count());
        gauge(registry, "aftersales.jobs.failed", "Engine jobs without retries left (incidents)", null, null,
                () -> management.createJobQuery().noRetriesLeft().count());
    }

    private void gauge(MeterRegistry registry, String name, String description, String tag, String tagValue,
            Supplier<Number> read) {
        String key = name + "|" + tagValue;
        Gauge.Builder<Supplier<Number>> builder = Gauge.builder(name, () -> (Number) cached(key, read))
                .description(description);
        if (tag != null) {
            builder.tag(tag, tagValue);
        }
        builder.register(registry);
    }

    private double cached(String key, Supplier<Number> read) {
        Instant now = Instant.now();
        Cached current = cache.get(key);
        if (current == null || current.readAt().plus(cacheFor).isBefore(now)) {
            current = new Cached(read.get().doubleValue(), now);
            cache.put(key, current);
        }
        return current.value();
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long n = jdbc.queryForObject(sql, params, Long.class);
        return n == null ? 0 : n;
    }
}
