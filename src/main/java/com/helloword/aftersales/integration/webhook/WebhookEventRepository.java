package com.helloword.aftersales.integration.webhook;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookEventRepository extends JpaRepository<WebhookEvent, Long> {

    long countByProviderAndEventId(String provider, String eventId);
}
