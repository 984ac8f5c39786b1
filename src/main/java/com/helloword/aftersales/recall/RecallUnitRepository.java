package com.helloword.aftersales.recall;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RecallUnitRepository extends JpaRepository<RecallUnit, Long> {

    Optional<RecallUnit> findByRecallIdAndUnitRef(Long recallId, String unitRef);

    List<RecallUnit> findByNoticeIdOrderByUnitRef(Long noticeId);

    List<RecallUnit> findByRecallIdOrderByUnitRef(Long recallId);

    long countByRecallId(Long recallId);

    long countByRecallIdAndStatusIn(Long recallId, List<RecallUnitStatus> statuses);
}
