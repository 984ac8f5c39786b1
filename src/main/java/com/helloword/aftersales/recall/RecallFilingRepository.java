package com.helloword.aftersales.recall;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RecallFilingRepository extends JpaRepository<RecallFiling, Long> {

    List<RecallFiling> findByRecallIdOrderByDueAt(Long recallId);

    Optional<RecallFiling> findByRecallIdAndAuthority(Long recallId, String authority);
}
