package com.helloword.aftersales.integration.webhook;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookEventRepository extends JpaRepository<WebhookEvent, Long> {

    Optional<WebhookEvent> findByProviderAndEventId(String provider, String eventId);

    long countByProviderAndEventId(String provider, String eventId);
}
