package com.helloword.aftersales.platform.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.support.IntegrationTest;
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

    private String event(String eventType) {
        return PaypalDisputesTest.fixture("webhook-dispute-created.json")
                .replace("WH-4M0448861G563140B-9EX36365822141321", eventId)
                .replace("PP-000-042-663-135", disputeId)
                .replace("\"event_type\": \"CUSTOMER.DISPUTE.CREATED\"", "\"event_type\": \"" + eventType + "\"");
    }

    private static Map<String, String> signed(String signature) {
        return Map.of("Paypal-Transmission-Id", "69cd13f0-d67a-11e5-baa3-778b53f4ae55",
                "Paypal-Transmission-Time", "2026-11-02T20:01:35Z",
                "Paypal-Transmission-Sig", signature,
                "Paypal-Cert-Url", CERT_URL,
                "Paypal-Auth-Algo", "SHA256withRSA");
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

        HttpResponse<String> first = deliver(body, signed("good-signature=="));
        HttpResponse<String> replay = deliver(body, signed("good-signature=="));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("PROCESSED", disputeId, "status OPEN",
                "reason MERCHANDISE_OR_SERVICE_NOT_RECEIVED");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(replay.body()).contains("DUPLICATE");
        assertThat(events.of(PaypalDisputeChanged.class)).containsExactly(
                new PaypalDisputeChanged(disputeId, "CUSTOMER.DISPUTE.CREATED", "OPEN"));
        paypal.verify(2, postRequestedFor(urlEqualTo(VERIFY))
                .withHeader("Authorization", equalTo("Bearer A21AAtoken-one"))
                .withRequestBody(matchingJsonPath("$.auth_algo", equalTo("SHA256withRSA")))
                .withRequestBody(matchingJsonPath("$.cert_url", equalTo(CERT_URL)))
                .withRequestBody(matchingJsonPath("$.transmission_id", equalTo("69cd13f0-d67a-11e5-baa3-778b53f4ae55")))
                .withRequestBody(matchingJsonPath("$.transmission_time", equalTo("2026-11-02T20:01:35Z")))
                .withRequestBody(matchingJsonPath("$.webhook_id", equalTo(WEBHOOK_ID)))
                .withRequestBody(matchingJsonPath("$.webhook_event", equalToJson(body))));
    }

    @Test
    void anEventTypeNotUsedIsAcknowledgedAndIgnored() throws Exception {
        HttpResponse<String> response = deliver(event("PAYMENT.CAPTURE.COMPLETED"), signed("good-signature=="));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("PROCESSED", "ignored");
        assertThat(events.of(PaypalDisputeChanged.class)).isEmpty();
    }

    @Test
    void anEventPaypalDoesNotConfirmIsRefused() throws Exception {
        HttpResponse<String> response = deliver(event("CUSTOMER.DISPUTE.RESOLVED"), signed("forged-signature=="));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(events.of(PaypalDisputeChanged.class)).isEmpty();
        paypal.verify(1, postRequestedFor(urlEqualTo(VERIFY)));
    }

    @Test
    void anEventWithoutTheTransmissionHeadersIsRefusedWithoutAskingPaypal() throws Exception {
        Map<String, String> partial = new HashMap<>(signed("good-signature=="));
        partial.remove("Paypal-Transmission-Sig");

        assertThat(deliver(event("CUSTOMER.DISPUTE.UPDATED"), Map.of()).statusCode()).isEqualTo(401);
        assertThat(deliver(event("CUSTOMER.DISPUTE.UPDATED"), partial).statusCode()).isEqualTo(401);
        assertThat(events.of(PaypalDisputeChanged.class)).isEmpty();
        paypal.verify(0, postRequestedFor(urlEqualTo(VERIFY)));
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
        assertThat(events.of(PaypalDisputeChanged.class)).isEmpty();

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
