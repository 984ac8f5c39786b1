package com.helloword.aftersales.casefile;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AfterSalesCaseRepository extends JpaRepository<AfterSalesCase, Long> {

    @Query("select distinct c from AfterSalesCase c left join fetch c.messages where c.businessKey = :businessKey")
    Optional<AfterSalesCase> findWithMessages(String businessKey);
}
