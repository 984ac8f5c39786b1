package com.helloword.aftersales.recall;

import com.helloword.aftersales.casefile.OrderStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The order lines a recall covers, read in aggregate (for the risk report) or line by line (to find the
 * affected buyers): the recall's SKU, one of its batches, shipped to one of its countries, from one of its
 * stores when it names any. Affected means the buyer has the unit: SHIPPED or DELIVERED (not PLACED,
 * CANCELLED or RETURNED).
 */
@Component
class AffectedOrders {

    static final List<OrderStatus> AFFECTED = List.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED);

    private final EntityManager entityManager;

    AffectedOrders(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Units, orders and buyers of the recall's lines per (country, batch, order status). */
    record Tally(String country, String batch, OrderStatus status, long units, long orders, long buyers) {
    }

    /** One affected order line, with what a notice and its units need. */
    record Line(Long orderId, int lineNo, String storeId, Long buyerId, String buyerLanguage, String country,
            String batch, int quantity, BigDecimal unitPrice, String currency) {
    }

    List<Tally> tallies(Recall recall) {
        TypedQuery<Object[]> query = entityManager.createQuery("select o.destinationCountry, l.batchLot, o.status,"
                + " sum(l.quantity), count(distinct o.id), count(distinct o.buyer.id) from OrderLine l join l.order o"
                + where(recall) + " group by o.destinationCountry, l.batchLot, o.status", Object[].class);
        bind(query, recall);
        return query.getResultList().stream().map(row -> new Tally((String) row[0], (String) row[1],
                (OrderStatus) row[2], ((Number) row[3]).longValue(), ((Number) row[4]).longValue(),
                ((Number) row[5]).longValue())).toList();
    }

    /** Affected orders and buyers per country, and in all (a buyer with orders to two countries counts once). */
    record Reach(Map<String, Long> ordersByCountry, Map<String, Long> buyersByCountry, long orders, long buyers) {
    }

    Reach reach(Recall recall) {
        TypedQuery<Object[]> perCountry = entityManager.createQuery("select o.destinationCountry, count(distinct o.id),"
                + " count(distinct o.buyer.id) from OrderLine l join l.order o" + where(recall)
                + " and o.status in :affected group by o.destinationCountry", Object[].class);
        bind(perCountry, recall);
        perCountry.setParameter("affected", AFFECTED);
        Map<String, Long> orders = new TreeMap<>();
        Map<String, Long> buyers = new TreeMap<>();
        for (Object[] row : perCountry.getResultList()) {
            orders.put((String) row[0], ((Number) row[1]).longValue());
            buyers.put((String) row[0], ((Number) row[2]).longValue());
        }
        TypedQuery<Object[]> total = entityManager.createQuery("select count(distinct o.id), count(distinct o.buyer.id)"
                + " from OrderLine l join l.order o" + where(recall) + " and o.status in :affected", Object[].class);
        bind(total, recall);
        total.setParameter("affected", AFFECTED);
        Object[] sums = total.getSingleResult();
        return new Reach(orders, buyers, ((Number) sums[0]).longValue(), ((Number) sums[1]).longValue());
    }

    /** The affected lines, by buyer then order then line: the order notices are made in. */
    List<Line> lines(Recall recall) {
        TypedQuery<Object[]> query = entityManager.createQuery("select o.id, l.lineNo, o.store.id, o.buyer.id,"
                + " coalesce(o.buyer.language, o.store.defaultLanguage), o.destinationCountry, l.batchLot, l.quantity, l.unitPrice, o.currency"
                + " from OrderLine l join l.order o" + where(recall) + " and o.status in :affected"
                + " order by o.buyer.id, o.id, l.lineNo", Object[].class);
        bind(query, recall);
        query.setParameter("affected", AFFECTED);
        return query.getResultList().stream().map(row -> new Line((Long) row[0], (Integer) row[1], (String) row[2],
                (Long) row[3], (String) row[4], (String) row[5], (String) row[6], (Integer) row[7],
                (BigDecimal) row[8], (String) row[9])).toList();
    }

    /** Whether any order line, anywhere, has this SKU (a recall of a SKU never sold is a typo). */
    boolean sold(String sku) {
        return !entityManager.createQuery("select l.id from OrderLine l where l.sku = :sku", Long.class)
                .setParameter("sku", sku).setMaxResults(1).getResultList().isEmpty();
    }

    private static String where(Recall recall) {
        return " where l.sku = :sku and l.batchLot in :batches and o.destinationCountry in :countries"
                + (recall.getStoreIds().isEmpty() ? "" : " and o.store.id in :stores");
    }

    private static void bind(TypedQuery<?> query, Recall recall) {
        query.setParameter("sku", recall.getSku());
        query.setParameter("batches", recall.getBatches());
        query.setParameter("countries", recall.getCountries());
        if (!recall.getStoreIds().isEmpty()) {
            query.setParameter("stores", recall.getStoreIds());
        }
    }
}
