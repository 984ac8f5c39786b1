package com.helloword.aftersales.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CatalogueProductRepository extends JpaRepository<CatalogueProduct, Long> {

    Optional<CatalogueProduct> findBySku(String sku);

    List<CatalogueProduct> findBySkuIn(Collection<String> skus);

    List<CatalogueProduct> findAllByOrderBySkuAsc();
}
