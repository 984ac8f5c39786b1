package com.helloword.aftersales.dispute;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface DisputeRepository extends JpaRepository<Dispute, Long> {

    Optional<Dispute> findByKey(String key);

    Optional<Dispute> findByOpenOrderId(Long orderId);

    /** The dispute, locked for the rest of the transaction (a platform update and a decision at the same time). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Dispute d where d.id = :id")
    Optional<Dispute> lockById(Long id);

    List<Dispute> findByBuyerIdAndOpenedAtAfterOrderByOpenedAtDesc(Long buyerId, Instant since);

    /** Disputes decided since a moment (the consistency report). */
    List<Dispute> findByDecidedAtGreaterThanEqual(Instant since);

    /** Disputes of a store opened since a moment (store health). */
    long countByStoreIdAndOpenedAtGreaterThanEqual(String storeId, Instant since);
}
