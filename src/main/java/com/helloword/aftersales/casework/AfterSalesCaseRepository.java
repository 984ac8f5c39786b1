package com.helloword.aftersales.casework;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AfterSalesCaseRepository extends JpaRepository<AfterSalesCase, Long> {

    @Query("select distinct c from AfterSalesCase c left join fetch c.messages where c.businessKey = :businessKey")
    Optional<AfterSalesCase> findWithMessages(String businessKey);

    Optional<AfterSalesCase> findByBusinessKey(String businessKey);

    List<AfterSalesCase> findByOrderId(Long orderId);

    /** The buyer's open cases about this order, newest first. */
    @Query("select c from AfterSalesCase c where c.buyer.id = :buyerId and c.order.id = :orderId"
            + " and c.status not in (com.helloword.aftersales.casework.CaseStatus.RESOLVED,"
            + " com.helloword.aftersales.casework.CaseStatus.CLOSED) order by c.id desc")
    List<AfterSalesCase> findOpen(Long buyerId, Long orderId);

    /** The buyer's cases, newest first (the agent's view of the buyer's history). */
    List<AfterSalesCase> findTop10ByBuyerIdOrderByIdDesc(Long buyerId);

    /** The buyer's cases opened since a moment, newest first (a dispute's evidence pack). */
    List<AfterSalesCase> findByBuyerIdAndOpenedAtGreaterThanEqualOrderByOpenedAtDesc(Long buyerId, java.time.Instant since);

    /** The cases about an order, oldest first. */
    List<AfterSalesCase> findByOrderIdOrderByIdAsc(Long orderId);

    /** Cases of these categories opened since a moment about orders shipped with the carrier to the country. */
    @Query("select count(c) from AfterSalesCase c where upper(c.order.carrier) = upper(:carrier)"
            + " and c.order.destinationCountry = :destinationCountry and c.openedAt >= :since"
            + " and c.category in :categories")
    long countRouteComplaints(String carrier, String destinationCountry, java.time.Instant since,
            java.util.Collection<String> categories);
}
