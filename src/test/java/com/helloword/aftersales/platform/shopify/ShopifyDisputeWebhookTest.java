package com.helloword.aftersales.platform.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.integration.webhook.WebhookSignatures;
import com.helloword.aftersales.platform.PlatformClaimNotice;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.PublishedEvents;

/**
 * Shopify Payments dispute webhooks ({@code disputes/create}, {@code disputes/update}): signed, taken once per
 * event, and published as a platform claim with the store, the order, the type from Shopify's reason, the
 * evidence due date and whether Shopify closed it.
 */
@IntegrationTest
class ShopifyDisputeWebhookTest {

    static final String SECRET = "test-shopify-webhook-secret";
    static final String SHOP = "helloword-us.myshopify.com";

    @LocalServerPort
    int port;
    @Autowired
    PublishedEvents events;
    @Autowired
    StoreRepository stores;

    final HttpClient http = HttpClient.newHttpClient();
    String run;
    String storeId;

    @BeforeEach
    void setUp() {
        events.clear();
        run = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        storeId = stores.findByPlatformAndPlatformAccountId(Platform.SHOPIFY, SHOP).orElseThrow().getId();
    }

    private static byte[] dispute(String id, String orderId, String type, String reason, String status) {
        return """
                {"id": %s, "order_id": %s, "type": "%s", "amount": "49.90", "currency": "USD", "reason": "%s",
                 "network_reason_code": "4837", "status": "%s", "evidence_due_by": "2026-12-20T23:59:59-05:00",
                 "evidence_sent_on": null, "finalized_on": null, "initiated_at": "2026-12-01T10:00:00-05:00"}"""
                .formatted(id, orderId, type, reason, status).getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> deliver(byte[] body, String secret, String eventId, String topic) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/webhooks/shopify"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Hmac-Sha256", WebhookSignatures.hmacSha256Base64(secret.getBytes(StandardCharsets.UTF_8),
                        body))
                .header("X-Shopify-Shop-Domain", SHOP).header("X-Shopify-Topic", topic)
                .header("X-Shopify-Event-Id", eventId).header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-API-Version", "2025-01")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChargebackIsPublishedOnceAsAnUnauthorizedClaimWithItsEvidenceDate() throws Exception {
        byte[] body = dispute("7" + run, "45" + run, "chargeback", "fraudulent", "needs_response");

        HttpResponse<String> first = deliver(body, SECRET, "evt-d1-" + run, "disputes/create");
        HttpResponse<String> replay = deliver(body, SECRET, "evt-d1-" + run, "disputes/create");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(replay.body()).contains("DUPLICATE");
        assertThat(events.of(PlatformClaimNotice.class)).containsExactly(new PlatformClaimNotice("SHOPIFY", storeId,
                "shopify-dispute:7" + run, "45" + run, null, "UNAUTHORIZED", "needs_response", false,
                Instant.parse("2026-12-21T04:59:59Z"), new BigDecimal("49.90"), "USD", "fraudulent"));
    }

    @Test
    void anInquiryAboutAParcelAndItsLaterOutcomeCarryTypeAndClosure() throws Exception {
        deliver(dispute("8" + run, "46" + run, "inquiry", "product_not_received", "under_review"), SECRET,
                "evt-d2-" + run, "disputes/create");
        deliver(dispute("8" + run, "46" + run, "inquiry", "product_not_received", "won"), SECRET, "evt-d3-" + run,
                "disputes/update");
        deliver(dispute("9" + run, "47" + run, "chargeback", "general", "lost"), SECRET, "evt-d4-" + run,
                "disputes/update");

        assertThat(events.of(PlatformClaimNotice.class)).extracting(PlatformClaimNotice::claimType,
                PlatformClaimNotice::closed).containsExactly(org.assertj.core.groups.Tuple.tuple("ITEM_NOT_RECEIVED",
                        false), org.assertj.core.groups.Tuple.tuple("ITEM_NOT_RECEIVED", true),
                org.assertj.core.groups.Tuple.tuple("CHARGEBACK", true));
    }

    @Test
    void aWrongSignatureOrADisputeWithoutItsOrderIsRefusedAndPublishesNothing() throws Exception {
        assertThat(deliver(dispute("5" + run, "48" + run, "chargeback", "general", "needs_response"), "wrong",
                "evt-d5-" + run, "disputes/create").statusCode()).isEqualTo(401);
        HttpResponse<String> noOrder = deliver(("{\"id\": 6" + run + ", \"status\": \"needs_response\"}")
                .getBytes(StandardCharsets.UTF_8), SECRET, "evt-d6-" + run, "disputes/create");
        assertThat(noOrder.statusCode()).isEqualTo(400);
        assertThat(noOrder.body()).contains("order_id");
        assertThat(events.of(PlatformClaimNotice.class)).isEmpty();
    }
}
