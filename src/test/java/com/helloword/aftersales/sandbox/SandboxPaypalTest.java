package com.helloword.aftersales.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.ClaimAction;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;
import com.helloword.aftersales.platform.paypal.PaypalDisputes.ActionOutcome;
import com.helloword.aftersales.platform.paypal.PaypalDisputes.OfferType;
import com.helloword.aftersales.platform.paypal.PaypalDisputes;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * The sandbox's PayPal through the real {@link PaypalDisputes} client. The shared test context points
 * the application's PayPal client at the integration tests' WireMock server (the webhook tests play
 * PayPal there, and rely on that client's cached token), so these tests leave it alone and build a
 * second client the way the application builds its own (package-private constructors, reached by
 * reflection), with its own token cache and guards, against the sandbox's default base URL.
 * {@code verify-webhook-signature} is called over HTTP in PayPal's documented request shape.
 */
@IntegrationTest
class SandboxPaypalTest {

    static final String REF = "paypal";

    @Autowired
    WireMockServer wireMock;
    @Autowired
    CredentialStore credentials;
    @Autowired
    Clock clock;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ConfigurableEnvironment environment;
    @LocalServerPort
    int port;

    PaypalDisputes disputes;
    String run;

    @BeforeEach
    void setUp() throws ReflectiveOperationException {
        run = UUID.randomUUID().toString().substring(0, 8);
        disputes = sandboxClient(environment.resolvePlaceholders(SandboxEnvironment.LOCAL) + "/paypal");
    }

    /** The real client with its own token cache, retries and breaker, calling {@code baseUrl}. */
    private PaypalDisputes sandboxClient(String baseUrl) throws ReflectiveOperationException {
        ProviderClients clients = new ProviderClients(environment, new ObjectMapper(), RetryRegistry.ofDefaults(),
                CircuitBreakerRegistry.ofDefaults(), RateLimiterRegistry.ofDefaults());
        Class<?> apiType = Class.forName("com.helloword.aftersales.platform.paypal.PaypalApi");
        Constructor<?> api = apiType.getDeclaredConstructor(ProviderClients.class, CredentialStore.class,
                Clock.class, String.class);
        api.setAccessible(true);
        Constructor<PaypalDisputes> client = PaypalDisputes.class.getDeclaredConstructor(apiType);
        client.setAccessible(true);
        return client.newInstance(api.newInstance(clients, credentials, clock, baseUrl));
    }

    @Test
    void theSandboxReplacesTheProductionUrlApplicationYamlShipsButNotWhatTheTestsConfigure() {
        assertThat(environment.getPropertySources().get("aftersales-sandbox").getProperty(
                "aftersales.providers.paypal.base-url")).isEqualTo(SandboxEnvironment.LOCAL + "/paypal");
        assertThat(environment.getProperty("aftersales.providers.paypal.base-url"))
                .isEqualTo(wireMock.baseUrl());
        assertThat(environment.getProperty("aftersales.credentials.paypal.client-id"))
                .isEqualTo("AeA1QIZXiflr1_webhook-test-client");
    }

    /** A shipped demo Shopify order (the demo's numeric ids) and its dispute id. */
    private SalesOrder demoOrder(String storeId, OrderStatus status, int skip) {
        return transaction.execute(tx -> orders.findAll().stream()
                .filter(o -> o.getStore().getId().equals(storeId) && o.getStatus() == status
                        && o.getPlatformOrderId().matches("\\d+"))
                .skip(skip).findFirst()
                .flatMap(o -> orders.findWithLines(storeId, o.getPlatformOrderId()))
                .orElseThrow());
    }

    private static String disputeId(SalesOrder order) {
        return PaypalSandbox.DISPUTE_PREFIX + order.getPlatformOrderId();
    }

    @Test
    void aDemoDisputeIsShownAsAPlatformClaim() {
        SalesOrder order = demoOrder("shopify-us", OrderStatus.SHIPPED, 0);

        PlatformClaim claim = disputes.getDispute(REF, disputeId(order));

        assertThat(claim.claimId()).isEqualTo(disputeId(order));
        assertThat(claim.type()).isEqualTo("PAYPAL_INQUIRY");
        assertThat(claim.status()).isEqualTo("WAITING_FOR_SELLER_RESPONSE");
        assertThat(claim.reason()).isEqualTo(PaypalSandbox.NOT_RECEIVED);
        assertThat(claim.amount()).isEqualByComparingTo(order.total());
        assertThat(claim.currency()).isEqualTo("USD");
        assertThat(claim.respondBy()).isNotNull();
        assertThat(claim.platformOrderId()).matches("9SB\\d{14}");
        assertThat(disputes.listDisputes(REF, null)).extracting(PlatformClaim::claimId)
                .allMatch(id -> id.startsWith(PaypalSandbox.DISPUTE_PREFIX)).isNotEmpty();
        assertThatThrownBy(() -> disputes.getDispute(REF, "PP-D-0")).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("RESOURCE_NOT_FOUND");
    }

    @Test
    void anOfferIsMadeOnceThenTheClaimIsAcceptedOnce() {
        SalesOrder order = demoOrder("shopify-fr", OrderStatus.DELIVERED, 0);
        String id = disputeId(order);

        ActionOutcome offered = disputes.makeOffer(REF, id, new BigDecimal("5.00"), OfferType.REFUND,
                "We offer 5 EUR back.", "case:SBP-" + run + ":offer");
        ActionOutcome offeredAgain = disputes.makeOffer(REF, id, new BigDecimal("5.00"), OfferType.REFUND,
                "We offer 5 EUR back.", "case:SBP-" + run + ":offer");
        PlatformClaim waiting = disputes.getDispute(REF, id);
        ActionOutcome accepted = disputes.acceptClaim(REF, id, "Refunded in full.", null,
                "case:SBP-" + run + ":accept");
        ActionOutcome acceptedAgain = disputes.acceptClaim(REF, id, "Refunded in full.", null,
                "case:SBP-" + run + ":accept");

        assertThat(offered.alreadyDone()).isFalse();
        assertThat(offered.action()).isEqualTo(ClaimAction.OFFER_PARTIAL_REFUND);
        assertThat(offeredAgain.alreadyDone()).isTrue();
        assertThat(waiting.status()).isEqualTo("WAITING_FOR_BUYER_RESPONSE");
        assertThat(waiting.reason()).isEqualTo(PaypalSandbox.NOT_AS_DESCRIBED);
        assertThat(accepted.alreadyDone()).isFalse();
        assertThat(acceptedAgain.alreadyDone()).isTrue();
        assertThat(disputes.getDispute(REF, id).status()).isEqualTo("RESOLVED");
        assertThatThrownBy(() -> disputes.makeOffer(REF, id, new BigDecimal("1.00"), OfferType.REFUND, "late",
                "case:SBP-" + run + ":late")).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("does not allow make_offer");
    }

    @Test
    void trackingEvidenceGoesOnRecordOnce() {
        SalesOrder order = demoOrder("shopify-us", OrderStatus.SHIPPED, 1);
        String id = disputeId(order);

        ActionOutcome sent = disputes.provideTrackingEvidence(REF, id, order.getCarrier(),
                order.getTrackingNumber(), "Shipped with tracking.", "case:SBP-" + run + ":tracking");
        ActionOutcome again = disputes.provideTrackingEvidence(REF, id, order.getCarrier(),
                order.getTrackingNumber(), "Shipped with tracking.", "case:SBP-" + run + ":tracking");

        assertThat(sent.alreadyDone()).isFalse();
        assertThat(again.alreadyDone()).isTrue();
        assertThat(disputes.getDispute(REF, id).status()).isEqualTo("WAITING_FOR_BUYER_RESPONSE");
    }

    @Test
    void verifyWebhookSignatureConfirmsTheSandboxSignatureForTheConfiguredWebhookOnly() throws Exception {
        String webhookId = environment.getProperty("aftersales.credentials.paypal.webhook-id");

        assertThat(verify(PaypalSandbox.TRANSMISSION_SIGNATURE, webhookId)).isEqualTo("SUCCESS");
        assertThat(verify("forged-signature", webhookId)).isEqualTo("FAILURE");
        assertThat(verify(PaypalSandbox.TRANSMISSION_SIGNATURE, "another-webhook")).isEqualTo("FAILURE");
    }

    /** PayPal's postback as {@code PaypalApi} sends it: client-credentials token, then the verification. */
    private String verify(String signature, String webhookId) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((environment.getProperty(
                "aftersales.credentials.paypal.client-id") + ":" + environment.getProperty(
                "aftersales.credentials.paypal.client-secret")).getBytes(StandardCharsets.UTF_8));
        JsonNode token = send(HttpRequest.newBuilder(sandbox("/v1/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        String request = """
                {"auth_algo": "SHA256withRSA",
                 "cert_url": "https://api.paypal.com/v1/notifications/certs/CERT-SANDBOX",
                 "transmission_id": "%s", "transmission_sig": "%s", "transmission_time": "2026-11-02T20:01:35Z",
                 "webhook_id": "%s",
                 "webhook_event": {"id": "WH-SBX-%s", "event_type": "CUSTOMER.DISPUTE.CREATED",
                   "resource": {"dispute_id": "PP-D-%s"}}}""".formatted(UUID.randomUUID(), signature, webhookId,
                run, run);
        return send(HttpRequest.newBuilder(sandbox("/v1/notifications/verify-webhook-signature"))
                .header("Authorization", "Bearer " + token.path("access_token").asText())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request))).path("verification_status").asText();
    }

    private URI sandbox(String path) {
        return URI.create("http://127.0.0.1:" + port + "/sandbox/paypal" + path);
    }

    private static JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
