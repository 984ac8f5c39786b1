package com.helloword.aftersales.recall;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RecallMarketPlanRepository extends JpaRepository<RecallMarketPlan, Long> {

    List<RecallMarketPlan> findByRecallIdOrderByCountry(Long recallId);

    Optional<RecallMarketPlan> findByRecallIdAndCountry(Long recallId, String country);
}
