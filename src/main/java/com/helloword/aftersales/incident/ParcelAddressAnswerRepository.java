package com.helloword.aftersales.incident;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ParcelAddressAnswerRepository extends JpaRepository<ParcelAddressAnswer, Long> {

    Optional<ParcelAddressAnswer> findByWatchId(Long watchId);
}
