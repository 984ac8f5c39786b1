package com.helloword.aftersales.carrier.dhl;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.carrier.CarrierInvestigationPort.Answer;
import com.helloword.aftersales.carrier.CarrierInvestigationPort.InvestigationRequest;
import com.helloword.aftersales.carrier.CarrierInvestigationPort.Opened;
import com.helloword.aftersales.carrier.CarrierInvestigationPort.State;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.support.ProviderTestSupport;

/** The DHL investigation client against WireMock: open (idempotent, retried), status open and answered, refusals. */
class DhlInvestigationsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    static final String KEY = "dhl-test-key";
    static final String PATH = "/parcel/de/investigations/v1/requests";
    static final String NUMBER = "00340434292135100179";

    DhlInvestigations investigations;

    @BeforeEach
    void setUp() {
        MockEnvironment environment = ProviderTestSupport.environment(DhlTracking.PROVIDER);
        environment.setProperty("aftersales.credentials.dhl.api-key", KEY);
        investigations = new DhlInvestigations(ProviderTestSupport.clients(environment),
                new CredentialStore(environment), api.baseUrl() + "/", PATH);
    }

    private static InvestigationRequest request() {
        return new InvestigationRequest(NUMBER, "DELIVERED_NOT_RECEIVED", Instant.parse("2026-11-14T10:00:00Z"),
                "DE", "53113", "CASE-1", "CASE-1-INV1");
    }

    @Test
    void anInvestigationIsOpenedWithTheParcelTheReasonAndAnIdempotencyKey() {
        api.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(DhlTrackingTest.fixture("investigation-opened.json"))
                .withStatus(201)));

        Opened opened = investigations.open(request());

        assertThat(opened.reference()).isEqualTo("NF-2026-000184467");
        assertThat(opened.state()).isEqualTo(State.OPEN);
        api.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("DHL-API-Key", equalTo(KEY))
                .withHeader("Idempotency-Key", equalTo("CASE-1-INV1"))
                .withRequestBody(equalToJson("""
                        {"shipmentNo": "00340434292135100179", "reason": "DELIVERED_NOT_RECEIVED",
                         "deliveryDate": "2026-11-14", "consignee": {"postalCode": "53113", "countryCode": "DE"},
                         "customerReference": "CASE-1"}""")));
    }

    @Test
    void aServerErrorIsRetriedUnderTheSameIdempotencyKey() {
        api.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError()).willSetStateTo("up"));
        api.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(DhlTrackingTest.fixture("investigation-opened.json")).withStatus(201)));

        assertThat(investigations.open(request()).reference()).isEqualTo("NF-2026-000184467");
        api.verify(2, postRequestedFor(urlPathEqualTo(PATH)).withHeader("Idempotency-Key", equalTo("CASE-1-INV1")));
    }

    @Test
    void theStatusIsOpenUntilDhlAnswersWithWhatItFound() {
        api.stubFor(get(urlPathEqualTo(PATH + "/NF-2026-000184467")).inScenario("answer")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(DhlTrackingTest.fixture("investigation-opened.json"))).willSetStateTo("answered"));
        api.stubFor(get(urlPathEqualTo(PATH + "/NF-2026-000184467")).inScenario("answer")
                .whenScenarioStateIs("answered")
                .willReturn(okJson(DhlTrackingTest.fixture("investigation-answered.json"))));

        Answer first = investigations.status("NF-2026-000184467");
        assertThat(first.state()).isEqualTo(State.OPEN);
        assertThat(first.outcome()).isNull();

        Answer answer = investigations.status("NF-2026-000184467");
        assertThat(answer.state()).isEqualTo(State.ANSWERED);
        assertThat(answer.outcome()).isEqualTo("LOST");
        assertThat(answer.text()).startsWith("The parcel was not delivered to the recipient");
        assertThat(answer.answeredAt()).isEqualTo(Instant.parse("2026-11-27T13:30:00Z"));
        api.verify(2, getRequestedFor(urlPathEqualTo(PATH + "/NF-2026-000184467"))
                .withHeader("DHL-API-Key", equalTo(KEY)));
    }

    @Test
    void aParcelDhlDoesNotKnowIsRejectedWithDhlsDetailAndNotRetried() {
        api.stubFor(post(urlPathEqualTo(PATH)).willReturn(DhlTrackingTest.problem(404, """
                {"title": "No shipment found", "status": 404,
                 "detail": "No shipment with number 00340434292135100179 for this customer"}""")));

        assertThatThrownBy(() -> investigations.open(request())).isInstanceOf(ProviderFailure.class)
                .satisfies(f -> assertThat(((ProviderFailure) f).kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("open investigation of " + NUMBER)
                .hasMessageContaining("No shipment with number 00340434292135100179");
        api.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anAnswerWithoutAnInvestigationIdIsMalformed() {
        api.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"status\": \"OPEN\"}")));

        assertThatThrownBy(() -> investigations.open(request())).isInstanceOf(ProviderFailure.class)
                .satisfies(f -> assertThat(((ProviderFailure) f).kind()).isEqualTo(Kind.MALFORMED));
    }
}
