package com.helloword.aftersales.dispute;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DisputeFreezeRepository extends JpaRepository<DisputeFreeze, Long> {

    List<DisputeFreeze> findByDisputeIdOrderByIdAsc(Long disputeId);

    Optional<DisputeFreeze> findByDisputeIdAndOrderId(Long disputeId, Long orderId);

    /** Whether any dispute still holds the order. */
    boolean existsByOrderIdAndState(Long orderId, String state);
}
