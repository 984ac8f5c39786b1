package com.helloword.aftersales.recall;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RecallNoticeRepository extends JpaRepository<RecallNotice, Long> {

    Optional<RecallNotice> findByRecallIdAndBuyerId(Long recallId, Long buyerId);

    List<RecallNotice> findByRecallIdAndChunkNoAndStatus(Long recallId, int chunkNo, String status);

    List<RecallNotice> findByRecallIdOrderById(Long recallId);

    long countByRecallId(Long recallId);

    long countByRecallIdAndStatus(Long recallId, String status);

    long countByRecallIdAndOpenedAtIsNotNull(Long recallId);

    long countByRecallIdAndRemedyIsNotNull(Long recallId);

    @Query("select distinct n.chunkNo from RecallNotice n where n.recallId = :recall and n.status = 'PENDING'")
    List<Integer> pendingChunks(@Param("recall") Long recallId);
}
