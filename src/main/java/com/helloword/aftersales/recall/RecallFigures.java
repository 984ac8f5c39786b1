package com.helloword.aftersales.recall;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.springframework.stereotype.Component;

/**
 * The recall report's queries. Every figure is one grouped query over the recall's notices or units (by
 * country and status), so a recall of 10 000 buyers and 15 000 units costs a handful of rows, never an entity
 * per unit; the units list is a stream of plain rows (no entities), read in fetch-size blocks.
 */
@Component
class RecallFigures {

    /** Rows the database hands over per round trip while the units list streams. */
    private static final int STREAM_FETCH_SIZE = 500;

    private final EntityManager entityManager;

    RecallFigures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** How many units of one country are in one status. */
    record UnitCount(String country, RecallUnitStatus status, long units) {
    }

    /** How many notices of one country are in one status with one remedy (null: none chosen), and how many were opened. */
    record NoticeCount(String country, String status, RecallRemedy remedy, long notices, long opened) {
    }

    /**
     * Label costs and refunds of one country's buyers, by the refund's currency and the currency of the buyer's
     * units (either may be null).
     */
    record BuyerCosts(String country, String remedyCurrency, String unitCurrency, BigDecimal labels,
            BigDecimal refunds) {
    }

    /** The price of one country's units whose buyers chose a replacement, in one currency. */
    record ReplacementCosts(String country, String currency, BigDecimal price) {
    }

    /** One unit as the units list shows it: ids and states, never the buyer's name or address. */
    record UnitRow(String unitRef, Long orderId, String platformOrderId, String storeId, Long buyerId, Long noticeId,
            String country, String sku, String batchLot, RecallUnitStatus status, Instant notifiedAt,
            Instant reachedAt, RecallRemedy remedy, Instant remedyChosenAt, String labelTracking, Instant receivedAt,
            Instant inspectedAt, Instant disposedAt, BigDecimal remedyAmount, String remedyCurrency,
            String remedyRef) {
    }

    List<UnitCount> unitCounts(Long recallId) {
        return entityManager.createQuery("""
                select u.country, u.status, count(u) from RecallUnit u where u.recallId = :recall
                group by u.country, u.status""", Tuple.class)
                .setParameter("recall", recallId).getResultStream()
                .map(t -> new UnitCount(t.get(0, String.class), t.get(1, RecallUnitStatus.class), t.get(2, Long.class)))
                .toList();
    }

    List<NoticeCount> noticeCounts(Long recallId) {
        return entityManager.createQuery("""
                select n.country, n.status, n.remedy, count(n), count(n.openedAt) from RecallNotice n
                where n.recallId = :recall group by n.country, n.status, n.remedy""", Tuple.class)
                .setParameter("recall", recallId).getResultStream()
                .map(t -> new NoticeCount(t.get(0, String.class), t.get(1, String.class), t.get(2, RecallRemedy.class),
                        t.get(3, Long.class), t.get(4, Long.class)))
                .toList();
    }

    /**
     * Label costs and refunds per (country, refund currency, units' currency): one projected row per notice that
     * has a cost, summed here (a derived table in the FROM clause is spelled in a way MariaDB refuses).
     */
    List<BuyerCosts> buyerCosts(Long recallId) {
        java.util.Map<java.util.List<String>, BigDecimal[]> sums = new java.util.LinkedHashMap<>();
        entityManager.createQuery("""
                select n.country, n.remedyCurrency,
                       (select min(u.currency) from RecallUnit u where u.noticeId = n.id),
                       n.labelCost, case when n.remedy = :refund then n.remedyAmount end
                from RecallNotice n
                where n.recallId = :recall
                  and (n.labelCost is not null or (n.remedy = :refund and n.remedyAmount is not null))""", Tuple.class)
                .setParameter("recall", recallId).setParameter("refund", RecallRemedy.REFUND).getResultStream()
                .forEach(t -> {
                    BigDecimal[] sum = sums.computeIfAbsent(java.util.Arrays.asList(t.get(0, String.class),
                            t.get(1, String.class), t.get(2, String.class)), k -> new BigDecimal[2]);
                    sum[0] = add(sum[0], t.get(3, BigDecimal.class));
                    sum[1] = add(sum[1], t.get(4, BigDecimal.class));
                });
        return sums.entrySet().stream().map(e -> new BuyerCosts(e.getKey().get(0), e.getKey().get(1),
                e.getKey().get(2), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** Like SQL's SUM: null while nothing was added. */
    private static BigDecimal add(BigDecimal sum, BigDecimal value) {
        return value == null ? sum : sum == null ? value : sum.add(value);
    }

    List<ReplacementCosts> replacementCosts(Long recallId) {
        return entityManager.createQuery("""
                select n.country, u.currency, sum(u.unitPrice) from RecallUnit u
                join RecallNotice n on n.id = u.noticeId
                where u.recallId = :recall and n.remedy = :replacement
                group by n.country, u.currency""", Tuple.class)
                .setParameter("recall", recallId).setParameter("replacement", RecallRemedy.REPLACEMENT)
                .getResultStream()
                .map(t -> new ReplacementCosts(t.get(0, String.class), t.get(1, String.class),
                        t.get(2, BigDecimal.class)))
                .toList();
    }

    /**
     * The recall's units, a buyer's units together (by notice, then order, line and unit). A stream of rows over
     * an open cursor: the caller consumes it inside its transaction and closes it.
     */
    Stream<UnitRow> units(Long recallId) {
        return entityManager.createQuery("""
                select u.unitRef, u.orderId, o.platformOrderId, u.storeId, n.buyerId, n.id, u.country, u.sku,
                       u.batchLot, u.status, n.queuedAt, n.openedAt, n.remedy, n.remedyChosenAt, n.labelTracking,
                       u.receivedAt, u.inspectedAt, u.disposedAt, n.remedyAmount, n.remedyCurrency, n.remedyRef
                from RecallUnit u
                join RecallNotice n on n.id = u.noticeId
                join SalesOrder o on o.id = u.orderId
                where u.recallId = :recall
                order by n.id, u.orderId, u.lineNo, u.unitRef""", Tuple.class)
                .setParameter("recall", recallId)
                .setHint("org.hibernate.fetchSize", STREAM_FETCH_SIZE)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream()
                .map(t -> new UnitRow(t.get(0, String.class), t.get(1, Long.class), t.get(2, String.class),
                        t.get(3, String.class), t.get(4, Long.class), t.get(5, Long.class), t.get(6, String.class),
                        t.get(7, String.class), t.get(8, String.class), t.get(9, RecallUnitStatus.class),
                        t.get(10, Instant.class), t.get(11, Instant.class), t.get(12, RecallRemedy.class),
                        t.get(13, Instant.class), t.get(14, String.class), t.get(15, Instant.class),
                        t.get(16, Instant.class), t.get(17, Instant.class), t.get(18, BigDecimal.class),
                        t.get(19, String.class), t.get(20, String.class)));
    }
}
