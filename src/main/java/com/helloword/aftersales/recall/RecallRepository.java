package com.helloword.aftersales.recall;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RecallRepository extends JpaRepository<Recall, Long> {

    Optional<Recall> findByRecallKey(String recallKey);

    /**
     * Counts one finished notice chunk. An UPDATE, so two chunks finishing at once on two nodes wait for each
     * other's row lock and the second sees the first's count: exactly one of them sees the last chunk done.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Recall r set r.chunksDone = r.chunksDone + 1 where r.id = :id")
    int countChunkDone(@Param("id") Long id);

    @Query("select r.chunksDone from Recall r where r.id = :id")
    int chunksDone(@Param("id") Long id);
}
