package com.helloword.aftersales.dispute;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseStatus;
import com.helloword.aftersales.notification.OutboxRelay;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.ReceivedMail;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

/**
 * The walk through HTTP: a PayPal dispute webhook about an order of a French buyer who has orders in
 * transit in two other stores → arbitration with the evidence pack → both orders held at their Shopify stores →
 * the specialist decides a 120 % partial refund → a manager approves → the offer reaches PayPal → the buyer's mail
 * in French → the orders released → the case closed.
 */
@IntegrationTest
class DisputeEndToEndTest {

    static final String CERT_URL = "https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77";

    @LocalServerPort
    int port;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    StoreRepository stores;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    DisputeRepository disputes;
    @Autowired
    OutboxRelay relay;
    @Autowired
    GreenMail smtp;
    @Autowired
    ObjectMapper json;

    static String fixture(String name) throws Exception {
        try (var in = DisputeEndToEndTest.class.getResourceAsStream("/paypal/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPaypalDisputeIsArbitratedApprovedOfferedToldAndReleased() throws Exception {
        Http http = new Http(port);
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String shop = "shopify-dsp-paypal-" + run;
        stores.save(new Store(shop, "Helloword Tricot FR", Platform.SHOPIFY, "FR", Currency.getInstance("EUR"), "fr",
                "Europe/Paris").connection(shop + ".myshopify.com", null, providerStubs.baseUrl() + "/" + shop,
                "shopify-us"));
        DisputeFixture buyer = new DisputeFixture(http, providerStubs, stores, shop);
        String transaction = "7PX" + run.toUpperCase(java.util.Locale.ROOT) + "0001";
        String disputeId = "PP-D-" + run.toUpperCase(java.util.Locale.ROOT);
        buyer.importOrders("fr", transaction);
        relay.deliverDue();
        HttpResponse<String> message = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<pp-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Commande", "body": "Mon colis n'est jamais arrivé, je veux être remboursée.",
                 "receivedAt": "%s"}""".formatted(shop, run, buyer.disputedOrder, buyer.email, Instant.now()));
        assertThat(message.statusCode()).as(message.body()).isEqualTo(201);
        String caseKey = Http.json(message).get("businessKey").asText();

        // PayPal: the webhook's verification, the dispute as its Disputes API shows it, the offer
        Instant due = Instant.now().plus(java.time.Duration.ofDays(9)).truncatedTo(ChronoUnit.SECONDS);
        providerStubs.stubFor(post(urlEqualTo("/v1/oauth2/token")).willReturn(okJson(fixture("token.json"))));
        providerStubs.stubFor(post(urlEqualTo("/v1/notifications/verify-webhook-signature"))
                .withRequestBody(matchingJsonPath("$.transmission_sig", equalTo("e2e-signature==")))
                .willReturn(okJson("{\"verification_status\": \"SUCCESS\"}")));
        ObjectNode dispute = (ObjectNode) json.readTree(fixture("dispute-waiting-for-seller.json")
                .replace("PP-R-AYP-10135034", disputeId));
        ((ObjectNode) dispute.get("dispute_amount")).put("currency_code", "EUR").put("value", "80.00");
        dispute.put("seller_response_due_date", due.toString());
        ((ObjectNode) dispute.at("/disputed_transactions/0")).put("seller_transaction_id", transaction);
        providerStubs.stubFor(get(urlEqualTo("/v1/customer/disputes/" + disputeId)).willReturn(okJson(dispute.toString())));
        providerStubs.stubFor(post(urlEqualTo("/v1/customer/disputes/" + disputeId + "/make-offer"))
                .willReturn(okJson(fixture("subsequent-action.json"))));
        ObjectNode webhook = (ObjectNode) json.readTree(fixture("webhook-dispute-created.json"));
        webhook.put("id", "WH-" + run + "-E2E");
        ObjectNode resource = (ObjectNode) webhook.get("resource");
        resource.put("dispute_id", disputeId);
        resource.put("seller_response_due_date", due.toString());
        ((ObjectNode) resource.get("dispute_amount")).put("currency_code", "EUR").put("value", "80.00");
        ((ObjectNode) resource.at("/disputed_transactions/0")).put("seller_transaction_id", transaction);

        HttpResponse<String> delivered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/webhooks/paypal")).header("Content-Type", "application/json")
                .header("Paypal-Transmission-Id", "e2e-" + run).header("Paypal-Transmission-Time",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .header("Paypal-Transmission-Sig", "e2e-signature==").header("Paypal-Cert-Url", CERT_URL)
                .header("Paypal-Auth-Algo", "SHA256withRSA")
                .POST(HttpRequest.BodyPublishers.ofString(webhook.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);

        String key = disputes.findAll().stream().filter(d -> d.getPlatformOrderId().equals(buyer.disputedOrder))
                .findFirst().orElseThrow().getKey();
        buyer.stubHolds(key);
        DisputeFixture.runJobs(runtime, management, key);

        JsonNode open = buyer.dispute(key);
        assertThat(open.get("source").asText()).isEqualTo("PAYPAL");
        assertThat(open.get("region").asText()).isEqualTo("eu");
        assertThat(Instant.parse(open.get("respondBy").asText())).isEqualTo(due);
        assertThat(open.get("claims")).singleElement().satisfies(c -> assertThat(c.get("claimId").asText())
                .isEqualTo(disputeId));
        assertThat(open.get("frozenOrders")).extracting(o -> o.get("storeId").asText())
                .containsExactlyInAnyOrder(buyer.shopA, buyer.shopB);
        HttpResponse<String> evidence = http.get("/api/disputes/" + key + "/evidence.html", "eva");
        assertThat(evidence.body()).contains(buyer.disputedOrder, "Mon colis n&#39;est jamais arrivé", caseKey,
                disputeId, "00340434");

        HttpResponse<String> decided = http.post("/api/disputes/" + key + "/decision", "eva", "application/json",
                "{\"outcome\": \"PARTIAL_REFUND\", \"percentOfOrder\": 120, \"comment\": \"Sorry for the lost parcel.\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(Http.json(decided).get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        HttpResponse<String> approved = http.post("/api/disputes/" + key + "/approval", "mia", "application/json",
                "{\"approve\": true}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        DisputeFixture.runJobs(runtime, management, key);

        providerStubs.verify(1, postRequestedFor(urlEqualTo("/v1/customer/disputes/" + disputeId + "/make-offer"))
                .withRequestBody(matchingJsonPath("$.offer_type", equalTo("REFUND")))
                .withRequestBody(matchingJsonPath("$.offer_amount.value", equalTo("96.00")))
                .withRequestBody(matchingJsonPath("$.offer_amount.currency_code", equalTo("EUR"))));
        relay.deliverDue();
        List<MimeMessage> mails = ReceivedMail.to(smtp, buyer.email, buyer.disputedOrder, "notre décision");
        assertThat(mails).hasSize(1);
        assertThat(ReceivedMail.content(mails.get(0))).contains("96.00 EUR", "proposé");

        JsonNode resolved = buyer.dispute(key);
        assertThat(resolved.get("state").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("outcome").asText()).contains("offered REFUND of 96.00");
        buyer.assertHeldAndReleased(key);
        assertThat(cases.findByBusinessKey(caseKey).orElseThrow().getStatus()).isEqualTo(CaseStatus.CLOSED);
    }
}
