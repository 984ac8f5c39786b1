package com.helloword.aftersales.casework;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseRemedyRepository extends JpaRepository<CaseRemedy, Long> {

    List<CaseRemedy> findByAfterSalesCaseIdOrderByIdAsc(Long caseId);

    /** Remedies agreed since a moment (not proposed or rejected), with their case, store and order. */
    @org.springframework.data.jpa.repository.Query("select r from CaseRemedy r join fetch r.afterSalesCase c"
            + " join fetch c.store left join fetch c.order where r.chosenAt >= :since and r.status in"
            + " (com.helloword.aftersales.casework.CaseRemedy.Status.APPROVED,"
            + " com.helloword.aftersales.casework.CaseRemedy.Status.BY_HAND,"
            + " com.helloword.aftersales.casework.CaseRemedy.Status.EXECUTED)")
    List<CaseRemedy> findAgreedSince(java.time.Instant since);
}
