package com.helloword.aftersales.recall;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RecallDelistingRepository extends JpaRepository<RecallDelisting, Long> {

    List<RecallDelisting> findByRecallIdOrderByStoreId(Long recallId);

    Optional<RecallDelisting> findByRecallIdAndStoreId(Long recallId, String storeId);
}
