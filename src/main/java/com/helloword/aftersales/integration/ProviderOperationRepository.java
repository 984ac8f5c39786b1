package com.helloword.aftersales.integration;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderOperationRepository extends JpaRepository<ProviderOperation, Long> {

    Optional<ProviderOperation> findByProviderAndIdempotencyKey(String provider, String idempotencyKey);
}
