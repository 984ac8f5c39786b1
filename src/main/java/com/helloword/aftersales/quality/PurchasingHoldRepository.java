package com.helloword.aftersales.quality;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PurchasingHoldRepository extends JpaRepository<PurchasingHold, Long> {

    /** The standing hold of an SKU, if any. */
    Optional<PurchasingHold> findByActiveSku(String sku);

    List<PurchasingHold> findByActiveSkuIsNotNullOrderByHeldAtDesc();

    List<PurchasingHold> findTop200ByOrderByHeldAtDesc();
}
