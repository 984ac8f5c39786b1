package com.helloword.aftersales.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.OrderStatus;

/**
 * The shipped orders (shipped, not delivered, not cancelled or returned) an incident's selector names, in one
 * query of ids and small values: an incident of thousands of orders loads no entity per order.
 */
@Component
class AffectedShipments {

    /** An affected order: who to tell, in which language, for which store. */
    record Shipment(long orderId, long buyerId, String storeId, String language) {
    }

    private final EntityManager entityManager;

    AffectedShipments(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    List<Shipment> of(IncidentSelector selector) {
        if (selector.empty()) {
            throw new IllegalArgumentException("an incident selects its orders by at least one criterion");
        }
        StringBuilder jpql = new StringBuilder("select o.id, b.id, s.id, coalesce(b.language, s.defaultLanguage)"
                + " from SalesOrder o join o.buyer b join o.store s where o.status = :shipped");
        List<String> criteria = new ArrayList<>();
        if (selector.carrier() != null) {
            jpql.append(" and upper(o.carrier) = :carrier");
            criteria.add("carrier");
        }
        if (selector.destinationCountry() != null) {
            jpql.append(" and upper(o.destinationCountry) = :country");
            criteria.add("country");
        }
        if (selector.shippedFrom() != null) {
            jpql.append(" and o.shippedAt >= :shippedFrom");
            criteria.add("shippedFrom");
        }
        if (selector.shippedTo() != null) {
            jpql.append(" and o.shippedAt < :shippedTo");
            criteria.add("shippedTo");
        }
        if (!selector.storeIds().isEmpty()) {
            jpql.append(" and s.id in :storeIds");
            criteria.add("storeIds");
        }
        if (selector.trackingStatus() != null) {
            jpql.append(" and o.trackingStatus = :trackingStatus");
            criteria.add("trackingStatus");
        }
        jpql.append(" order by o.id");
        TypedQuery<Object[]> query = entityManager.createQuery(jpql.toString(), Object[].class)
                .setParameter("shipped", OrderStatus.SHIPPED);
        for (String criterion : criteria) {
            switch (criterion) {
                case "carrier" -> query.setParameter("carrier", selector.carrier().toUpperCase(Locale.ROOT));
                case "country" -> query.setParameter("country",
                        selector.destinationCountry().toUpperCase(Locale.ROOT));
                case "shippedFrom" -> query.setParameter("shippedFrom", selector.shippedFrom());
                case "shippedTo" -> query.setParameter("shippedTo", selector.shippedTo());
                case "storeIds" -> query.setParameter("storeIds", selector.storeIds());
                default -> query.setParameter("trackingStatus", selector.trackingStatus());
            }
        }
        List<Shipment> shipments = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            shipments.add(new Shipment(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                    (String) row[3]));
        }
        return shipments;
    }
}
