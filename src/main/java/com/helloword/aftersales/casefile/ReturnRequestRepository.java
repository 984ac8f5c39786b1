package com.helloword.aftersales.casefile;

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

    /** Returns of a buyer for a reason since a moment (serial returners: "changed my mind" in 12 months). */
    long countByBuyerIdAndReasonAndRequestedAtAfter(Long buyerId, String reason, Instant since);
}
