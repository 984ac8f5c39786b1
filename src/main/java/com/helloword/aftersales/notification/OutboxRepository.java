package com.helloword.aftersales.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    Optional<OutboxMessage> findByIdempotencyKey(String idempotencyKey);

    @Query("select m.idempotencyKey from OutboxMessage m where m.idempotencyKey in :keys")
    List<String> findExistingKeys(@Param("keys") Collection<String> keys);

    List<OutboxMessage> findAllByOrderByIdDesc(Pageable page);

    List<OutboxMessage> findByStatusOrderByIdDesc(OutboxStatus status, Pageable page);

    /** Pending and due, or claimed by a relay whose lease has run out. */
    @Query("select m.id from OutboxMessage m where (m.status = com.helloword.aftersales.notification.OutboxStatus.PENDING"
            + " and m.nextAttemptAt <= :now) or (m.status = com.helloword.aftersales.notification.OutboxStatus.SENDING"
            + " and m.lockedUntil < :now) order by m.id")
    List<Long> findDueIds(Instant now, Pageable page);
}
