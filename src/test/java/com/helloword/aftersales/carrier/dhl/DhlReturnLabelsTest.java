package com.helloword.aftersales.carrier.dhl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.helloword.aftersales.carrier.dhl.DhlTrackingTest.fixture;
import static com.helloword.aftersales.carrier.dhl.DhlTrackingTest.kind;
import static com.helloword.aftersales.carrier.dhl.DhlTrackingTest.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.carrier.ReturnLabel;
import com.helloword.aftersales.carrier.ReturnLabelRequest;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.support.ProviderTestSupport;

/**
 * Payloads follow DHL's Parcel DE Returns OpenAPI 1.1.0 ({@code ReturnOrder}, {@code ReturnOrderConfirmation}
 * and its RFC 7807 error examples).
 */
class DhlReturnLabelsTest {

    /**
     * Without cleartext HTTP/2: the JDK client's h2c upgrade would otherwise show one call as two in the
     * request journal, and the tests count calls to tell retried from not retried. DHL itself is HTTPS.
     */
    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    static final String PATH = "/parcel/de/shipping/returns/v1/orders";
    static final String KEY = "dhl-test-key";
    static final String USER = "user-valid";
    static final String PASSWORD = "SandboxPasswort2023!";

    DhlReturnLabels labels;

    @BeforeEach
    void setUp() {
        MockEnvironment environment = ProviderTestSupport.environment(DhlReturnLabels.PROVIDER);
        environment.setProperty("aftersales.credentials.dhl.api-key", KEY);
        environment.setProperty("aftersales.credentials.dhl-returns.returns-user", USER);
        environment.setProperty("aftersales.credentials.dhl-returns.returns-password", PASSWORD);
        labels = new DhlReturnLabels(ProviderTestSupport.clients(environment), new CredentialStore(environment),
                api.baseUrl());
    }

    static ReturnLabelRequest request(String shipmentReference, String idempotencyKey) {
        return new ReturnLabelRequest("deu", "Order #1042", shipmentReference, "Max Mustermann",
                "Charles-de-Gaulle Str.", "20", "53113", "Bonn", "Max.Mustermann@dhl.local", 1200,
                new BigDecimal("49.90"), "EUR", idempotencyKey);
    }

    @Test
    void aReturnLabelIsCreatedWithBothDocuments() {
        api.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(fixture("returns-order-created.json"))));

        ReturnLabel label = labels.createReturnLabel(request(null, "case-77:return-label"));

        assertThat(label.shipmentNumber()).isEqualTo("999991587211");
        assertThat(new String(label.labelPdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(label.qrLabelPng()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(label.routingCode()).isEqualTo("40327653113+99000933090010");
        assertThat(label.toString()).contains("999991587211").doesNotContain("JVBER");

        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        api.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("labelType", equalTo("BOTH"))
                .withQueryParam("docFormat", equalTo("PDF"))
                .withHeader("dhl-api-key", equalTo(KEY))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"receiverId": "deu", "customerReference": "Order #1042",
                         "shipmentReference": "case-77:return-label",
                         "shipper": {"name1": "Max Mustermann", "addressStreet": "Charles-de-Gaulle Str.",
                           "addressHouse": "20", "postalCode": "53113", "city": "Bonn",
                           "email": "Max.Mustermann@dhl.local"},
                         "itemWeight": {"uom": "g", "value": 1200},
                         "itemValue": {"currency": "EUR", "value": 49.90}}""")));
    }

    @Test
    void optionalFieldsAreLeftOutAndTheCallersReferenceIsKept() {
        api.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"sstatus": {"title": "Created", "status": 201, "detail": "Created"},
                         "shipmentNo": "999991587212", "label": {"b64": "JVBERi0xLjQK"},
                         "routingCode": "40327653113+99000933090011"}""")));
        ReturnLabelRequest bare = new ReturnLabelRequest("deu", null, "RMA-2024-0815", "Erika Musterfrau",
                "Hauptstr.", "1a", "10115", "Berlin", " ", null, null, null, "case-78:return-label");

        ReturnLabel label = labels.createReturnLabel(bare);

        assertThat(label.qrLabelPng()).isNull();
        assertThat(label.labelPdf()).asString(StandardCharsets.US_ASCII).startsWith("%PDF-1.4");
        api.verify(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson("""
                {"receiverId": "deu", "shipmentReference": "RMA-2024-0815",
                 "shipper": {"name1": "Erika Musterfrau", "addressStreet": "Hauptstr.", "addressHouse": "1a",
                   "postalCode": "10115", "city": "Berlin"}}""")));
    }

    @Test
    void aLongIdempotencyKeyBecomesAHashedReferenceWithinFiftyCharacters() {
        String key = "case-123456789:step-create-return-label:attempt-window-2024-11-04T10:00";

        String reference = DhlReturnLabels.shipmentReference(request(null, key));

        assertThat(reference).startsWith("hw-").hasSizeLessThanOrEqualTo(DhlReturnLabels.MAX_REFERENCE)
                .isEqualTo(DhlReturnLabels.shipmentReference(request(" ", key)))
                .isNotEqualTo(DhlReturnLabels.shipmentReference(request(null, key + "x")));
    }

    @Test
    void aValidationErrorIsRejectedWithDhlsDetailAndNotRetried() {
        api.stubFor(post(urlPathEqualTo(PATH)).willReturn(problem(400, fixture("returns-bad-request.json"))));

        assertThatThrownBy(() -> labels.createReturnLabel(request(null, "case-79:return-label")))
                .hasMessage("dhl-returns: return label case-79:return-label: request refused, HTTP 400 "
                        + "Bad Request - The request could not be understood by the server due to malformed syntax.")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.REJECTED));
        api.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anUnprocessableOrderIsRejected() {
        api.stubFor(post(urlPathEqualTo(PATH)).willReturn(problem(422, fixture("returns-unprocessable.json"))));

        assertThatThrownBy(() -> labels.createReturnLabel(request(null, "case-80:return-label")))
                .hasMessageContaining("HTTP 422 Unprocessable Entity - unable to process the content type")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.REJECTED));
        api.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void wrongPortalCredentialsAreUnauthorizedAndNotRetried() {
        api.stubFor(post(urlPathEqualTo(PATH)).willReturn(problem(401, """
                {"title": "Unauthorized", "status": 401, "detail": "Unauthorized - The client could not be \
                authenticated since the request lacks the required HTTP headers or the credentials are just wrong."}
                """)));

        assertThatThrownBy(() -> labels.createReturnLabel(request(null, "case-81:return-label")))
                .hasMessageContaining("credentials are just wrong").hasMessageNotContaining(PASSWORD)
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.UNAUTHORIZED));
        api.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void tooManyRequestsIsRetried() {
        api.stubFor(post(urlPathEqualTo(PATH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(problem(429, """
                        {"title": "Too Many Requests", "status": 429, "detail": "Too Many Requests - \
                        You have exceeded the maximum number of requests per time unit."}""")).willSetStateTo("ok"));
        api.stubFor(post(urlPathEqualTo(PATH)).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(fixture("returns-order-created.json"))));

        assertThat(labels.createReturnLabel(request(null, "case-82:return-label")).shipmentNumber())
                .isEqualTo("999991587211");
        api.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aCreatedAnswerWithoutALabelIsMalformedAndNamesTheShipment() {
        api.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"sstatus": {"title": "Created", "status": 201}, "shipmentNo": "999991587213",
                         "routingCode": "40327653113+99000933090012"}""")));

        assertThatThrownBy(() -> labels.createReturnLabel(request(null, "case-83:return-label")))
                .hasMessageContaining("999991587213").hasMessageContaining("label.b64")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.MALFORMED));
        api.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anIncompleteRequestIsRefusedBeforeCallingDhl() {
        assertThatThrownBy(() -> new ReturnLabelRequest("deu", null, null, "Max Mustermann", "Hauptstr. 1", " ",
                "10115", "Berlin", null, null, null, null, "case-84:return-label"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shipperHouse");
        assertThatThrownBy(() -> request(null, null)).hasMessageContaining("idempotencyKey");
    }
}
