package com.helloword.aftersales.casefile;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StoreRepository extends JpaRepository<Store, String> {

    List<Store> findAllByOrderByIdAsc();
}
