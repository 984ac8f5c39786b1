package com.helloword.aftersales.platform.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.platform.PlatformClaimNotice;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;
import com.helloword.aftersales.support.PublishedEvents;

/**
 * PayPal webhooks against the running application, with PayPal's verify-webhook-signature postback
 * played by the integration tests' provider stub server.
 */
@IntegrationTest
class PaypalWebhookTest {

    static final String WEBHOOK_ID = "1JE4291016473214C";
    static final String VERIFY = "/v1/notifications/verify-webhook-signature";
    static final String CERT_URL = "https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77";

    @LocalServerPort
    int port;
    @Autowired
    WireMockServer paypal;
    @Autowired
    PublishedEvents events;
    @Autowired
    MutableClock clock;
    @Autowired
    PaypalWebhookSettings settings;

    final HttpClient http = HttpClient.newHttpClient();
    String eventId;
    String disputeId;

    @BeforeEach
    void setUp() {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        eventId = "WH-" + run + "-9EX36365822141321";
        disputeId = "PP-000-042-" + run;
        events.clear();
        paypal.resetAll();
        paypal.stubFor(post(urlEqualTo("/v1/oauth2/token"))
                .willReturn(okJson(PaypalDisputesTest.fixture("token.json"))));
        paypal.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(matchingJsonPath("$.transmission_sig",
                equalTo("good-signature=="))).willReturn(okJson("{\"verification_status\": \"SUCCESS\"}")));
        paypal.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(matchingJsonPath("$.transmission_sig",
                equalTo("forged-signature=="))).willReturn(okJson("{\"verification_status\": \"FAILURE\"}")));
    }

    /** Both clocks, the application's and the engine's, resume real time after a test that fixed them. */
    @AfterEach
    void resetClocks() {
        clock.resumeRealTime();
    }

    private String event(String eventType) {
        return PaypalDisputesTest.fixture("webhook-dispute-created.json")
                .replace("WH-4M0448861G563140B-9EX36365822141321", eventId)
                .replace("PP-000-042-663-135", disputeId)
                .replace("\"event_type\": \"CUSTOMER.DISPUTE.CREATED\"", "\"event_type\": \"" + eventType + "\"");
    }

    /** The headers of a delivery PayPal sends now (by the application clock), signed {@code signature}. */
    private Map<String, String> signed(String signature) {
        return Map.of("Paypal-Transmission-Id", "69cd13f0-d67a-11e5-baa3-778b53f4ae55",
                "Paypal-Transmission-Time", transmissionTime(),
                "Paypal-Transmission-Sig", signature,
                "Paypal-Cert-Url", CERT_URL,
                "Paypal-Auth-Algo", "SHA256withRSA");
    }

    private String transmissionTime() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private HttpResponse<String> deliver(byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/webhooks/paypal")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> deliver(String body, Map<String, String> headers) throws Exception {
        return deliver(body.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Test
    void aVerifiedDisputeEventIsProcessedOnceAndAReplayIsADuplicate() throws Exception {
        String body = event("CUSTOMER.DISPUTE.CREATED");
        String sentAt = transmissionTime();

        HttpResponse<String> first = deliver(body, signed("good-signature=="));
        HttpResponse<String> replay = deliver(body, signed("good-signature=="));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("PROCESSED", disputeId, "status OPEN",
                "reason MERCHANDISE_OR_SERVICE_NOT_RECEIVED");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(replay.body()).contains("DUPLICATE");
        assertThat(events.of(PlatformClaimNotice.class)).containsExactly(new PlatformClaimNotice("PAYPAL", null,
                disputeId, null, "00D10444LD479031K", "ITEM_NOT_RECEIVED", "OPEN", false, null,
                new java.math.BigDecimal("3.00"), "USD", "MERCHANDISE_OR_SERVICE_NOT_RECEIVED"));
        paypal.verify(2, postRequestedFor(urlEqualTo(VERIFY))
                .withHeader("Authorization", equalTo("Bearer A21AAtoken-one"))
                .withRequestBody(matchingJsonPath("$.auth_algo", equalTo("SHA256withRSA")))
                .withRequestBody(matchingJsonPath("$.cert_url", equalTo(CERT_URL)))
                .withRequestBody(matchingJsonPath("$.transmission_id", equalTo("69cd13f0-d67a-11e5-baa3-778b53f4ae55")))
                .withRequestBody(matchingJsonPath("$.transmission_time", equalTo(sentAt)))
                .withRequestBody(matchingJsonPath("$.webhook_id", equalTo(WEBHOOK_ID)))
                .withRequestBody(matchingJsonPath("$.webhook_event", equalToJson(body))));
    }

    @Test
    void aResolvedDisputeIsAClosedClaimAndAChargebackIsTypedAsSuch() throws Exception {
        String resolved = event("CUSTOMER.DISPUTE.RESOLVED").replace("\"status\": \"OPEN\"", "\"status\": \"RESOLVED\"")
                .replace("\"INQUIRY\"", "\"CHARGEBACK\"");

        assertThat(deliver(resolved, signed("good-signature==")).statusCode()).isEqualTo(200);

        assertThat(events.of(PlatformClaimNotice.class)).singleElement().satisfies(notice -> {
            assertThat(notice.closed()).isTrue();
            assertThat(notice.status()).isEqualTo("RESOLVED");
            assertThat(notice.claimType()).isEqualTo("CHARGEBACK");
            assertThat(notice.paymentReference()).isEqualTo("00D10444LD479031K");
        });
    }

    @Test
    void anEventTypeNotUsedIsAcknowledgedAndIgnored() throws Exception {
        HttpResponse<String> response = deliver(event("PAYMENT.CAPTURE.COMPLETED"), signed("good-signature=="));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("PROCESSED", "ignored");
        assertThat(events.of(PlatformClaimNotice.class)).isEmpty();
    }

    @Test
    void anEventPaypalDoesNotConfirmIsRefused() throws Exception {
        HttpResponse<String> response = deliver(event("CUSTOMER.DISPUTE.RESOLVED"), signed("forged-signature=="));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(events.of(PlatformClaimNotice.class)).isEmpty();
        paypal.verify(1, postRequestedFor(urlEqualTo(VERIFY)));
    }

    @Test
    void anEventWithoutTheTransmissionHeadersIsRefusedWithoutAskingPaypal() throws Exception {
        Map<String, String> partial = new HashMap<>(signed("good-signature=="));
        partial.remove("Paypal-Transmission-Sig");

        HttpResponse<String> none = deliver(event("CUSTOMER.DISPUTE.UPDATED"), Map.of());
        HttpResponse<String> noSignature = deliver(event("CUSTOMER.DISPUTE.UPDATED"), partial);

        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("missing transmission headers", "PAYPAL-TRANSMISSION-ID",
                "PAYPAL-CERT-URL", "PAYPAL-AUTH-ALGO");
        assertThat(noSignature.statusCode()).isEqualTo(400);
        assertThat(noSignature.body()).contains("missing transmission headers: PAYPAL-TRANSMISSION-SIG\"");
        assertThat(events.of(PlatformClaimNotice.class)).isEmpty();
        paypal.verify(0, postRequestedFor(urlEqualTo(VERIFY)));
    }

    /** Deliveries with something wrong that needs no PayPal to see, each with the reason it is refused. */
    private List<Map.Entry<Map<String, String>, String>> junk() {
        List<Map.Entry<Map<String, String>, String>> junk = new ArrayList<>();
        for (String header : List.of("Paypal-Transmission-Id", "Paypal-Transmission-Time", "Paypal-Transmission-Sig",
                "Paypal-Cert-Url", "Paypal-Auth-Algo")) {
            Map<String, String> headers = new HashMap<>(signed("forged-signature=="));
            headers.remove(header);
            junk.add(Map.entry(headers, "missing transmission headers: " + header.toUpperCase()));
        }
        for (String certUrl : List.of("http://api.paypal.com/v1/notifications/certs/CERT-1",
                "https://evil.example/v1/notifications/certs/CERT-1",
                "https://api.paypal.com.evil.example/v1/notifications/certs/CERT-1",
                "https://api.paypal.com@evil.example/v1/notifications/certs/CERT-1",
                "https://evil.example@api.paypal.com/v1/notifications/certs/CERT-1",
                "https://api.paypal.com:8443/v1/notifications/certs/CERT-1",
                "file:///etc/passwd", "not a url at all")) {
            Map<String, String> headers = new HashMap<>(signed("forged-signature=="));
            headers.put("Paypal-Cert-Url", certUrl);
            junk.add(Map.entry(headers, "PAYPAL-CERT-URL must be an https URL on api.paypal.com"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration beyond = settings.transmissionWindow().plusSeconds(1);
        for (String time : List.of(now.minus(beyond).toString(), now.plus(beyond).toString(),
                "2015-06-01T20:21:13Z")) {
            Map<String, String> headers = new HashMap<>(signed("forged-signature=="));
            headers.put("Paypal-Transmission-Time", time);
            junk.add(Map.entry(headers, "is more than " + settings.transmissionWindow()));
        }
        for (String time : List.of("yesterday", "2026-11-02 20:01:35", "1762113695")) {
            Map<String, String> headers = new HashMap<>(signed("forged-signature=="));
            headers.put("Paypal-Transmission-Time", time);
            junk.add(Map.entry(headers, "PAYPAL-TRANSMISSION-TIME is not an ISO-8601 time"));
        }
        return junk;
    }

    @Test
    void fortyJunkDeliveriesMakeNoCallToPaypalAndAGenuineOneStillWorks() throws Exception {
        List<Map.Entry<Map<String, String>, String>> junk = junk();
        for (int i = 0; i < 40; i++) {
            Map.Entry<Map<String, String>, String> delivery = junk.get(i % junk.size());
            HttpResponse<String> response = deliver(event("CUSTOMER.DISPUTE.CREATED"), delivery.getKey());

            assertThat(response.statusCode()).as(delivery.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(delivery.getKey().toString()).contains(delivery.getValue());
        }
        assertThat(paypal.findAll(anyRequestedFor(anyUrl()))).as("no token, no verification").isEmpty();

        HttpResponse<String> genuine = deliver(event("CUSTOMER.DISPUTE.CREATED"), signed("good-signature=="));
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
        assertThat(genuine.body()).contains("PROCESSED", disputeId);
        paypal.verify(1, postRequestedFor(urlEqualTo(VERIFY)));
    }

    @Test
    void aTransmissionTimeWithinTheWindowEitherWayIsVerified() throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration within = settings.transmissionWindow().minusSeconds(5);
        for (Instant sent : List.of(now.minus(within), now.plus(within))) {
            Map<String, String> headers = new HashMap<>(signed("good-signature=="));
            headers.put("Paypal-Transmission-Time", sent.toString());
            HttpResponse<String> response = deliver(event("CUSTOMER.DISPUTE.UPDATED"), headers);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        paypal.verify(2, postRequestedFor(urlEqualTo(VERIFY)));
    }

    @Test
    void overItsAllowanceOfUnverifiedDeliveriesASourceIs429WithRetryAfterAndPaypalIsNotAsked() throws Exception {
        clock.fixWithEngine(Instant.parse("2031-03-03T10:00:00Z")); // a window of its own for this test's source
        int allowance = settings.unverifiedPerSource();
        for (int i = 0; i < allowance; i++) {
            assertThat(deliver(event("CUSTOMER.DISPUTE.UPDATED"), signed("forged-signature==")).statusCode())
                    .isEqualTo(401);
        }
        paypal.verify(allowance, postRequestedFor(urlEqualTo(VERIFY)));

        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> forged = deliver(event("CUSTOMER.DISPUTE.UPDATED"), signed("forged-signature=="));
        HttpResponse<String> genuine = deliver(event("CUSTOMER.DISPUTE.UPDATED"), signed("good-signature=="));

        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(429);
        assertThat(Long.parseLong(forged.headers().firstValue("Retry-After").orElseThrow()))
                .isEqualTo(settings.unverifiedWindow().minusSeconds(1).toSeconds());
        assertThat(genuine.statusCode()).as("nothing tells a genuine one apart before PayPal is asked").isEqualTo(429);
        paypal.verify(allowance, postRequestedFor(urlEqualTo(VERIFY)));
        assertThat(events.of(PlatformClaimNotice.class)).isEmpty();

        clock.advance(settings.unverifiedWindow());
        HttpResponse<String> later = deliver(event("CUSTOMER.DISPUTE.UPDATED"), signed("good-signature=="));
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
        assertThat(later.body()).contains("PROCESSED");
    }

    @Test
    void verifiedDeliveriesDoNotUseUpTheAllowanceOfTheirSource() throws Exception {
        clock.fixWithEngine(Instant.parse("2031-03-04T10:00:00Z"));
        for (int i = 0; i < settings.unverifiedPerSource() + 5; i++) {
            HttpResponse<String> response = deliver(event("CUSTOMER.DISPUTE.UPDATED").replace(eventId, eventId + i),
                    signed("good-signature=="));
            assertThat(response.statusCode()).as(i + ": " + response.body()).isEqualTo(200);
        }
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsABadRequest() throws Exception {
        assertThat(deliver("{\"id\": \"WH-1\"} trailing", signed("good-signature==")).statusCode()).isEqualTo(400);
        assertThat(deliver("[1, 2]", signed("good-signature==")).statusCode()).isEqualTo(400);
        paypal.verify(0, postRequestedFor(urlEqualTo(VERIFY)));
    }

    @Test
    void whenPaypalCannotVerifyNowTheDeliveryFailsSoPaypalSendsItAgain() throws Exception {
        paypal.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(matchingJsonPath("$.transmission_sig",
                equalTo("good-signature=="))).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\": \"SERVICE_UNAVAILABLE\", \"message\": \"Service Unavailable.\", "
                        + "\"debug_id\": \"5e4d3c2b1a0f9\"}")));
        String body = event("CUSTOMER.DISPUTE.UPDATED");

        assertThat(deliver(body, signed("good-signature==")).statusCode()).isEqualTo(503);
        assertThat(events.of(PlatformClaimNotice.class)).isEmpty();

        paypal.stubFor(post(urlEqualTo(VERIFY)).withRequestBody(matchingJsonPath("$.transmission_sig",
                equalTo("good-signature=="))).willReturn(okJson("{\"verification_status\": \"SUCCESS\"}")));
        HttpResponse<String> again = deliver(body, signed("good-signature=="));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("PROCESSED");
    }

    @Test
    void aBodyOverOneMebibyteIs413() throws Exception {
        byte[] huge = new byte[1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');

        assertThat(deliver(huge, signed("good-signature==")).statusCode()).isEqualTo(413);
        paypal.verify(0, postRequestedFor(urlEqualTo(VERIFY)));
    }
}
