package com.helloword.aftersales.incident;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CarrierInvestigationRepository extends JpaRepository<CarrierInvestigation, Long> {

    Optional<CarrierInvestigation> findByInvestigationKey(String investigationKey);

    Optional<CarrierInvestigation> findByOpenCaseId(Long caseId);

    List<CarrierInvestigation> findByCaseIdOrderByIdAsc(Long caseId);
}
