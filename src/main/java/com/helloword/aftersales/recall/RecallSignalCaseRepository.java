package com.helloword.aftersales.recall;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecallSignalCaseRepository extends JpaRepository<RecallSignalCase, Long> {

    boolean existsBySkuAndBatchLotAndCaseKey(String sku, String batchLot, String caseKey);

    long countBySkuAndBatchLotAndCountedAtGreaterThanEqual(String sku, String batchLot, Instant since);
}
