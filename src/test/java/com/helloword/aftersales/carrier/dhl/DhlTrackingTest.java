package com.helloword.aftersales.carrier.dhl;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.carrier.TrackingPort.TrackedEvent;
import com.helloword.aftersales.carrier.TrackingPort.TrackingSnapshot;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.support.ProviderTestSupport;

/**
 * Payloads follow DHL's Shipment Tracking – Unified OpenAPI 1.5.6 ({@code TrackingShipments}, its example, and
 * the 404 problem detail of 1.3.1).
 */
class DhlTrackingTest {

    /**
     * Without cleartext HTTP/2: the JDK client's h2c upgrade would otherwise show one call as two in the
     * request journal, and the tests count calls to tell retried from not retried. DHL itself is HTTPS.
     */
    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    static final String KEY = "dhl-test-key";
    static final String NUMBER = "00340434292135100179";
    static final String PATH = "/track/shipments";

    DhlTracking tracking;

    @BeforeEach
    void setUp() {
        MockEnvironment environment = ProviderTestSupport.environment(DhlTracking.PROVIDER);
        environment.setProperty("aftersales.credentials.dhl.api-key", KEY);
        tracking = new DhlTracking(ProviderTestSupport.clients(environment), new CredentialStore(environment),
                api.baseUrl() + "/");
    }

    static String fixture(String name) {
        try (InputStream in = DhlTrackingTest.class.getResourceAsStream("/dhl/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(body);
    }

    static Kind kind(Throwable failure) {
        return ((ProviderFailure) failure).kind();
    }

    @Test
    void aDeliveredParcelBecomesScansInTimeOrderWithTheSigner() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(fixture("tracking-parcel-de-delivered.json"))));

        TrackingSnapshot snapshot = tracking.track(NUMBER, "parcel-de", "53113");

        assertThat(snapshot.trackingNumber()).isEqualTo(NUMBER);
        assertThat(snapshot.carrier()).isEqualTo("DHL parcel-de");
        assertThat(snapshot.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(snapshot.subStatus()).isEqualTo("DELIVERED");
        assertThat(snapshot.events()).extracting(TrackedEvent::occurredAt).containsExactly(
                // no offset on a parcel-de scan: German time (CET in February)
                Instant.parse("2024-02-29T17:05:00Z"), Instant.parse("2024-03-01T22:40:00Z"),
                Instant.parse("2024-03-02T06:12:00Z"), Instant.parse("2024-03-02T09:53:00Z"));
        assertThat(snapshot.events()).extracting(TrackedEvent::status).containsExactly(TrackingStatus.INFO_RECEIVED,
                TrackingStatus.IN_TRANSIT, TrackingStatus.IN_TRANSIT, TrackingStatus.DELIVERED);
        TrackedEvent delivered = snapshot.events().get(3);
        assertThat(delivered.description()).isEqualTo("The shipment has been successfully delivered");
        assertThat(delivered.subStatus()).isEqualTo("DELIVERED");
        assertThat(delivered.location()).isEqualTo("Bonn, DE");
        assertThat(delivered.signer()).isEqualTo("Jane Doe");
        assertThat(delivered.proofUrl()).isEqualTo("https://api-eu.dhl.com/track/pod/signature/00340434292135100179");
        assertThat(snapshot.events().subList(0, 3)).extracting(TrackedEvent::proofUrl).containsOnlyNulls();
        assertThat(snapshot.events().subList(0, 3)).extracting(TrackedEvent::signer).containsOnlyNulls();
        assertThat(snapshot.events().get(0).location()).isNull();
        assertThat(snapshot.events().get(1).location()).isEqualTo("Köln, DE");

        api.verify(1, getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("trackingNumber", equalTo(NUMBER))
                .withQueryParam("service", equalTo("parcel-de"))
                .withQueryParam("recipientPostalCode", equalTo("53113"))
                .withHeader("DHL-API-Key", equalTo(KEY)));
    }

    @Test
    void anExpressProofOfDeliveryGivesItsDocumentLinkAndTheSignersName() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("""
                {"shipments": [{"id": "1234567890", "service": "express",
                  "status": {"timestamp": "2026-11-20T11:42:00+01:00", "statusCode": "delivered",
                    "status": "delivered", "location": {"address": {"addressLocality": "PARIS - FRANCE",
                    "countryCode": "FR"}}},
                  "details": {"proofOfDeliverySignedAvailable": true,
                    "proofOfDelivery": {"timestamp": "2026-11-20T11:42:00+01:00",
                      "documentUrl": "https://mydhl.express.dhl/pod/1234567890.pdf",
                      "signatureUrl": "not-a-link", "signed": {"@type": "Person", "name": "M. DURAND"}}},
                  "events": [{"timestamp": "2026-11-20T11:42:00+01:00", "statusCode": "delivered",
                    "description": "Delivered - Signed for by: M. DURAND",
                    "location": {"address": {"addressLocality": "PARIS - FRANCE", "countryCode": "FR"}}}]}]}""")));

        TrackedEvent delivered = tracking.track("1234567890", "express", null).events().get(0);

        assertThat(delivered.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(delivered.signer()).isEqualTo("M. DURAND");
        // a signatureUrl that is no absolute link is not shown to anyone; the document link is
        assertThat(delivered.proofUrl()).isEqualTo("https://mydhl.express.dhl/pod/1234567890.pdf");
        assertThat(delivered.occurredAt()).isEqualTo(Instant.parse("2026-11-20T10:42:00Z"));
    }

    @Test
    void theSpecExampleWithoutOffsetsAndWithoutHintsIsReadAsUtc() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("""
                {"shipments": [{"id": "GMDBD8E9CCE94842E495B7", "service": "ecommerce",
                  "status": {"timestamp": "2023-01-29T16:02:00",
                    "location": {"address": {"countryCode": "UK", "postalCode": "HEATHROW",
                      "addressLocality": "HEATHROW, GB"}},
                    "statusCode": "transit", "status": "ARRIVED AT CUSTOMS"},
                  "events": [
                    {"timestamp": "2023-01-29T16:02:00",
                     "location": {"address": {"countryCode": "UK", "postalCode": "HEATHROW",
                       "addressLocality": "HEATHROW, GB"}},
                     "statusCode": "transit", "status": "ARRIVED AT CUSTOMS"},
                    {"timestamp": "2023-01-23T08:52:15",
                     "location": {"address": {"countryCode": "US", "postalCode": "90601",
                       "addressLocality": "Whittier, CA, US"}},
                     "statusCode": "unknown", "status": "SCANNED INTO SACK/CONTAINER"},
                    {"timestamp": "2023-01-11T11:58:34", "statusCode": "unknown", "status": "LABEL CREATED"}]}]}
                """)));

        TrackingSnapshot snapshot = tracking.track("GMDBD8E9CCE94842E495B7", null, " ");

        assertThat(snapshot.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(snapshot.carrier()).isEqualTo("DHL ecommerce");
        assertThat(snapshot.events()).extracting(TrackedEvent::occurredAt).containsExactly(
                Instant.parse("2023-01-11T11:58:34Z"), Instant.parse("2023-01-23T08:52:15Z"),
                Instant.parse("2023-01-29T16:02:00Z"));
        assertThat(snapshot.events()).extracting(TrackedEvent::status).containsExactly(TrackingStatus.UNKNOWN,
                TrackingStatus.UNKNOWN, TrackingStatus.IN_TRANSIT);
        // no description in the example: the status title stands in
        assertThat(snapshot.events().get(0).description()).isEqualTo("LABEL CREATED");
        assertThat(snapshot.events().get(1).location()).isEqualTo("Whittier, CA, US");
        assertThat(snapshot.events()).extracting(TrackedEvent::signer).containsOnlyNulls();
        api.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("trackingNumber",
                equalTo("GMDBD8E9CCE94842E495B7")).withQueryParam("service", absent())
                .withQueryParam("recipientPostalCode", absent()));
    }

    @Test
    void aFailedAttemptIsAnExceptionAndAnOrganizationSigns() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("""
                {"shipments": [{"id": "1234567890", "service": "express",
                  "status": {"timestamp": "2024-05-06T14:20:00+02:00", "statusCode": "delivered",
                    "status": "Delivered", "description": "Delivered - Signed for by: Highgate School"},
                  "details": {"proofOfDelivery": {"signed": {"@type": "Organization",
                    "organizationName": "Highgate School and Academy"}}},
                  "events": [
                    {"timestamp": "2024-05-06T14:20:00+02:00", "statusCode": "delivered",
                     "status": "Delivered", "description": "Delivered - Signed for by: Highgate School"},
                    {"timestamp": "2024-05-03T09:00:00+02:00", "statusCode": "failure",
                     "status": "Delivery attempted", "description": "Recipient not available, delivery failed"}]}]}
                """)));

        TrackingSnapshot snapshot = tracking.track("1234567890", "express", null);

        assertThat(snapshot.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(snapshot.events()).extracting(TrackedEvent::status)
                .containsExactly(TrackingStatus.EXCEPTION, TrackingStatus.DELIVERED);
        assertThat(snapshot.events()).extracting(TrackedEvent::signer)
                .containsExactly(null, "Highgate School and Academy");
    }

    @Test
    void aShipmentWithoutEventsHasItsStatusAsTheOnlyScan() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("""
                {"shipments": [{"id": "1234567890", "service": "express",
                  "status": {"timestamp": "2024-05-03T09:00:00+02:00", "statusCode": "pre-transit",
                    "status": "Shipment information received"}}]}
                """)));

        TrackingSnapshot snapshot = tracking.track("1234567890", null, null);

        assertThat(snapshot.status()).isEqualTo(TrackingStatus.INFO_RECEIVED);
        assertThat(snapshot.events()).singleElement().satisfies(e -> {
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2024-05-03T07:00:00Z"));
            assertThat(e.description()).isEqualTo("Shipment information received");
        });
    }

    @Test
    void timestampsAreReadInEveryFormDhlUses() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(DhlTrackingFormat.instant("2024-07-01T12:00:00+0200", berlin))
                .isEqualTo(Instant.parse("2024-07-01T10:00:00Z"));
        assertThat(DhlTrackingFormat.instant("2024-07-01T12:00:00.250Z", berlin))
                .isEqualTo(Instant.parse("2024-07-01T12:00:00.250Z"));
        assertThat(DhlTrackingFormat.instant("2024-07-01T12:00:00", berlin))
                .isEqualTo(Instant.parse("2024-07-01T10:00:00Z"));
        assertThat(DhlTrackingFormat.instant("01.07.2024 12:00", berlin)).isNull();
    }

    @Test
    void anUnknownNumberIsRejectedWithDhlsDetail() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(problem(404, fixture("tracking-no-shipment.json"))));

        assertThatThrownBy(() -> tracking.track("8264715546", null, null)).isInstanceOf(ProviderFailure.class)
                .hasMessage("dhl: track 8264715546: request refused, HTTP 404 No result found: "
                        + "No shipment with given tracking number found.")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.REJECTED))
                .satisfies(e -> assertThat(((ProviderFailure) e).httpStatus()).isEqualTo(404));
        api.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aRefusedKeyIsUnauthorizedAndNotRetried() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(problem(401, """
                {"status": 401, "title": "Unauthorized", "detail": "Unauthorized for given resource."}""")));

        assertThatThrownBy(() -> tracking.track(NUMBER, "parcel-de", null))
                .hasMessageContaining("Unauthorized for given resource.").hasMessageNotContaining(KEY)
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.UNAUTHORIZED));
        api.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aMissingKeyIsUnauthorizedBeforeAnyCall() {
        MockEnvironment environment = ProviderTestSupport.environment(DhlTracking.PROVIDER);
        DhlTracking unconfigured = new DhlTracking(ProviderTestSupport.clients(environment),
                new CredentialStore(environment), api.baseUrl());

        assertThatThrownBy(() -> unconfigured.track(NUMBER, null, null))
                .hasMessageContaining("AFTERSALES_CREDENTIALS_DHL_API_KEY")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.UNAUTHORIZED));
        api.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void tooManyRequestsIsRetriedWithBackoff() {
        api.stubFor(get(urlPathEqualTo(PATH)).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(problem(429, """
                        {"status": 429, "title": "Too Many Requests",
                         "detail": "Too many requests within defined time period, please try again later."}"""))
                .willSetStateTo("ok"));
        api.stubFor(get(urlPathEqualTo(PATH)).inScenario("quota").whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("tracking-parcel-de-delivered.json"))));

        assertThat(tracking.track(NUMBER, "parcel-de", null).status()).isEqualTo(TrackingStatus.DELIVERED);
        api.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aServerErrorIsRetried() {
        api.stubFor(get(urlPathEqualTo(PATH)).inScenario("down").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(problem(503, """
                        {"status": 503, "title": "Service Unavailable", "detail": "Back-end service unavailable"}"""))
                .willSetStateTo("ok"));
        api.stubFor(get(urlPathEqualTo(PATH)).inScenario("down").whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("tracking-parcel-de-delivered.json"))));

        assertThat(tracking.track(NUMBER, "parcel-de", null).events()).hasSize(4);
        api.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void serverErrorsThatPersistAreUnavailableWithDhlsWords() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(problem(500, """
                {"status": 500, "title": "Internal Server Error", "detail": "Unexpected error in tracking"}""")));

        assertThatThrownBy(() -> tracking.track(NUMBER, null, null))
                .hasMessageContaining("HTTP 500 Internal Server Error: Unexpected error in tracking")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.UNAVAILABLE));
        api.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        api.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson(fixture("tracking-parcel-de-delivered.json")).withFixedDelay(1000)));

        assertThatThrownBy(() -> tracking.track(NUMBER, null, null)).hasMessageContaining("track " + NUMBER)
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.TIMEOUT));
    }

    @Test
    void aBodyThatIsNotJsonIsMalformedAndNotRetried() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));

        assertThatThrownBy(() -> tracking.track("JJD0099999999", null, null)).hasMessageContaining("not JSON")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.MALFORMED));
        api.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("trackingNumber",
                equalTo("JJD0099999999")));
    }

    @Test
    void anAnswerWithoutShipmentsOrStatusIsMalformed() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"url\": \"/shipments\"}")));
        assertThatThrownBy(() -> tracking.track(NUMBER, null, null)).hasMessageContaining("lacks shipments[]")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.MALFORMED));

        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"shipments\": [{\"id\": \"1\", \"events\": []}]}")));
        assertThatThrownBy(() -> tracking.track(NUMBER, null, null)).hasMessageContaining("status.statusCode")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.MALFORMED));

        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"shipments\": []}")));
        assertThatThrownBy(() -> tracking.track(NUMBER, null, null)).hasMessageContaining("no shipment")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.REJECTED));
    }
}
