package com.helloword.aftersales.recall;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecallSignalRepository extends JpaRepository<RecallSignal, Long> {

    Optional<RecallSignal> findBySkuAndBatchLot(String sku, String batchLot);

    List<RecallSignal> findTop100ByOrderBySafetyCasesDescLastCaseAtDesc();
}
