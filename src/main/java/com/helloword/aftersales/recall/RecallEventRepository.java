package com.helloword.aftersales.recall;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RecallEventRepository extends JpaRepository<RecallEvent, Long> {

    List<RecallEvent> findByRecallIdOrderByAtAscIdAsc(Long recallId);
}
