package com.helloword.aftersales.dispute;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoreListingPauseRepository extends JpaRepository<StoreListingPause, Long> {

    Optional<StoreListingPause> findByOpenStoreId(String storeId);
}
