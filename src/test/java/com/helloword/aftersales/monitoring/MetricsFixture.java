package com.helloword.aftersales.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written straight into the tables for the metrics tests (no process runs): two stores of their own, their
 * buyers, orders, cases, returns, disputes, a recall and an incident, all removed again by {@link #remove}.
 * Ids start far above what the application's id generator hands out.
 */
final class MetricsFixture {

    private final JdbcTemplate jdbc;
    private final String run;
    private final AtomicLong ids;

    MetricsFixture(JdbcTemplate jdbc, long base) {
        this.jdbc = jdbc;
        this.ids = new AtomicLong(base);
        this.run = Long.toString(base, 36);
    }

    String name(String prefix) {
        return prefix + "-" + run;
    }

    static Timestamp at(Instant instant) {
        return MetricsQueries.timestamp(instant);
    }

    void store(String id) {
        jdbc.update("INSERT INTO stores (id, name, platform, marketplace_country, currency, default_language,"
                + " time_zone, active, created_at, version) VALUES (?, ?, 'SHOPIFY', 'DE', 'EUR', 'de', 'UTC', TRUE, ?, 0)",
                id, "Store " + id, at(Instant.now()));
    }

    long buyer() {
        long id = ids.incrementAndGet();
        jdbc.update("INSERT INTO buyers (id, email, tier, created_at, updated_at, version)"
                + " VALUES (?, ?, 'NEW', ?, ?, 0)", id, "buyer-" + id + "@metrics.test", at(Instant.now()),
                at(Instant.now()));
        return id;
    }

    /** An order with one line of {@code quantity} units of {@code sku}, ordered and shipped at {@code at}. */
    long order(String storeId, long buyerId, String sku, int quantity, Instant at) {
        long id = ids.incrementAndGet();
        jdbc.update("INSERT INTO orders (id, store_id, platform_order_id, buyer_id, destination_country, currency,"
                + " status, ordered_at, shipped_at, frozen, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, 'DE', 'EUR', 'SHIPPED', ?, ?, FALSE, ?, ?, 0)", id, storeId, "PO-" + id, buyerId,
                at(at), at(at), at(at), at(at));
        jdbc.update("INSERT INTO order_lines (id, order_id, line_no, sku, quantity, unit_price)"
                + " VALUES (?, ?, 1, ?, ?, 10)", ids.incrementAndGet(), id, sku, quantity);
        return id;
    }

    /** What a case row carries for the figures; null times are not set. */
    record Case(String storeId, Long orderId, String category, String severity, String status, String team,
            Instant openedAt, Instant claimDue, Instant claimed, Instant replyDue, Instant replied,
            Instant resolutionDue, Instant closedAt, Instant escalatedAt, int contacts, Integer rating) {
    }

    String insert(Case c) {
        long id = ids.incrementAndGet();
        String key = "C-MX-" + run + "-" + id;
        jdbc.update("INSERT INTO after_sales_cases (id, business_key, store_id, order_id, channel, category, severity,"
                + " status, contact_count, opened_at, claim_due_at, first_claimed_at, first_reply_due_at,"
                + " first_replied_at, resolution_due_at, closed_at, escalated_at, candidate_group, rating, created_at,"
                + " updated_at, version) VALUES (?, ?, ?, ?, 'email', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                id, key, c.storeId(), c.orderId(), c.category(), c.severity(), c.status(), c.contacts(),
                at(c.openedAt()), ts(c.claimDue()), ts(c.claimed()), ts(c.replyDue()), ts(c.replied()),
                ts(c.resolutionDue()), ts(c.closedAt()), ts(c.escalatedAt()), c.team(), c.rating(),
                at(c.openedAt()), at(c.openedAt()));
        return key;
    }

    void returnOf(long orderId, long buyerId, String sku, Instant requestedAt) {
        long id = ids.incrementAndGet();
        jdbc.update("INSERT INTO return_requests (id, return_key, order_id, buyer_id, sku, source, reason, wanted,"
                + " status, requested_at, version) VALUES (?, ?, ?, ?, ?, 'BUYER', 'DEFECTIVE', 'REFUND', 'REQUESTED', ?, 0)",
                id, "RT-MX-" + id, orderId, buyerId, sku, at(requestedAt));
    }

    void dispute(String storeId, long orderId, long buyerId, Instant openedAt) {
        long id = ids.incrementAndGet();
        jdbc.update("INSERT INTO disputes (id, dispute_key, state, store_id, platform_order_id, order_id, buyer_id,"
                + " claim_type, source, opened_by, opened_at, version)"
                + " VALUES (?, ?, 'OPEN', ?, ?, ?, ?, 'NOT_RECEIVED', 'MANUAL', 'mia', ?, 0)",
                id, "DSP-MX-" + id, storeId, "PO-" + orderId, orderId, buyerId, at(openedAt));
    }

    /** A recall of {@code sku} with a notice per buyer ({@code queued} of them sent) and a unit per order. */
    long recall(String sku, List<Long> buyers, int queued, List<Long> orders, List<String> unitStatuses, String storeId) {
        long id = ids.incrementAndGet();
        Instant now = Instant.now();
        jdbc.update("INSERT INTO recalls (id, recall_key, sku, batches, countries, reason, source, state, stage,"
                + " monitor_rounds, notices_total, chunks_total, chunks_done, created_by, created_at, version)"
                + " VALUES (?, ?, ?, 'ALL', 'DE', 'metrics test', 'MANUAL', 'RETURNING', 4, 0, ?, 1, 1, 'rita', ?, 0)",
                id, "RC-MX-" + id, sku, buyers.size(), at(now));
        long firstNotice = 0;
        for (int i = 0; i < buyers.size(); i++) {
            long notice = ids.incrementAndGet();
            firstNotice = firstNotice == 0 ? notice : firstNotice;
            jdbc.update("INSERT INTO recall_notices (id, recall_id, buyer_id, country, chunk_no, order_count, unit_count,"
                    + " status, queued_at, reminders_sent, version) VALUES (?, ?, ?, 'DE', 1, 1, 1, ?, ?, 0, 0)",
                    notice, id, buyers.get(i), i < queued ? "SENT" : "PENDING", i < queued ? at(now) : null);
        }
        for (int i = 0; i < orders.size(); i++) {
            String status = unitStatuses.get(i);
            jdbc.update("INSERT INTO recall_units (id, recall_id, notice_id, unit_ref, order_id, line_no, store_id, sku,"
                    + " country, unit_price, status, received_at, version) VALUES (?, ?, ?, ?, ?, 1, ?, ?, 'DE', 10, ?, ?, 0)",
                    ids.incrementAndGet(), id, firstNotice, "U-" + i, orders.get(i), storeId, sku, status,
                    "AFFECTED".equals(status) ? null : at(now));
        }
        return id;
    }

    /** An open incident over these orders: the first {@code chosen} chose, the first {@code executed} carried out. */
    long incident(List<Long> orders, long buyerId, String storeId, int chosen, int executed) {
        long id = ids.incrementAndGet();
        Instant now = Instant.now();
        jdbc.update("INSERT INTO shipment_incidents (id, incident_key, state, cause, declared_by, declared_at, version)"
                + " VALUES (?, ?, 'OPEN', 'CUSTOMS_HOLD', 'mia', ?, 0)", id, "INC-MX-" + id, at(now));
        for (int i = 0; i < orders.size(); i++) {
            jdbc.update("INSERT INTO shipment_incident_orders (id, incident_id, order_id, buyer_id, store_id, chunk_no,"
                    + " status, chosen_at, executed_at, version) VALUES (?, ?, ?, ?, ?, 1, 'MAILED', ?, ?, 0)",
                    ids.incrementAndGet(), id, orders.get(i), buyerId, storeId, i < chosen ? at(now) : null,
                    i < executed ? at(now) : null);
        }
        return id;
    }

    /** Every row this fixture wrote (its ids are above the base), children first. */
    void remove(long base) {
        for (String table : List.of("shipment_incident_orders", "shipment_incidents", "recall_units", "recall_notices",
                "recalls", "disputes", "return_requests", "after_sales_cases", "order_lines", "orders", "buyers")) {
            jdbc.update("DELETE FROM " + table + " WHERE id > ?", base);
        }
    }

    void removeStores(List<String> storeIds) {
        storeIds.forEach(id -> jdbc.update("DELETE FROM stores WHERE id = ?", id));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : at(instant);
    }
}
