package com.helloword.aftersales.recall;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RecallSkuGuardRepository extends JpaRepository<RecallSkuGuard, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select g from RecallSkuGuard g where g.sku = :sku")
    Optional<RecallSkuGuard> lock(@Param("sku") String sku);
}
