package com.helloword.aftersales.dispute;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DisputeClaimRepository extends JpaRepository<DisputeClaim, Long> {

    Optional<DisputeClaim> findBySourceAndClaimId(String source, String claimId);

    List<DisputeClaim> findByDisputeIdOrderByIdAsc(Long disputeId);
}
