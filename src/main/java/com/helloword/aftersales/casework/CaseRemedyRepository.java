package com.helloword.aftersales.casework;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseRemedyRepository extends JpaRepository<CaseRemedy, Long> {

    List<CaseRemedy> findByAfterSalesCaseIdOrderByIdAsc(Long caseId);
}
