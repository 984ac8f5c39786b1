package com.helloword.aftersales.returns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReturnRequestRepository extends JpaRepository<ReturnRequest, Long> {

    @Query("select distinct r from ReturnRequest r left join fetch r.timeline where r.returnKey = :returnKey")
    Optional<ReturnRequest> findWithTimeline(String returnKey);

    Optional<ReturnRequest> findByReturnKey(String returnKey);

    List<ReturnRequest> findByLabelTracking(String labelTracking);

    List<ReturnRequest> findByOrderIdOrderByIdDesc(Long orderId);

    /** Returns per SKU since a moment (sku, count), for the product-quality loop. */
    @Query("select r.sku, count(r) from ReturnRequest r where r.requestedAt >= :since and r.sku is not null"
            + " group by r.sku")
    List<Object[]> countBySkuSince(Instant since);

    /** Returns of a buyer for a reason since a moment (serial returners: "changed my mind" in 12 months). */
    long countByBuyerIdAndReasonAndRequestedAtAfter(Long buyerId, String reason, Instant since);

    /** A buyer's returns requested since a moment, newest first (a dispute's evidence pack). */
    @Query("select r from ReturnRequest r join fetch r.order o join fetch o.store where r.buyer.id = :buyerId"
            + " and r.requestedAt >= :since order by r.requestedAt desc")
    List<ReturnRequest> findOfBuyerSince(Long buyerId, java.time.Instant since);
}
