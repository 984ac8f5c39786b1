package com.helloword.aftersales.casefile;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StoreRepository extends JpaRepository<Store, String> {

    List<Store> findAllByOrderByIdAsc();

    Optional<Store> findByPlatformAndPlatformAccountId(Platform platform, String platformAccountId);
}
