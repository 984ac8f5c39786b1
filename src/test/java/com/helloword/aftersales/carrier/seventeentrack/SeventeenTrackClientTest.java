package com.helloword.aftersales.carrier.seventeentrack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.carrier.TrackingPort.Parcel;
import com.helloword.aftersales.carrier.TrackingPort.Registration;
import com.helloword.aftersales.carrier.TrackingPort.TrackingSnapshot;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.support.ProviderTestSupport;

/** Payloads follow 17TRACK's Tracking API v2.2 documentation (envelope, accepted/rejected, track_info). */
class SeventeenTrackClientTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String KEY = "17track-test-key";

    /** A delivered UPS parcel as 17TRACK's gettrackinfo and its push describe it. */
    static final String DELIVERED_ITEM = """
            {"number": "1Z2617V10397725789", "carrier": 100002, "param": null, "tag": "order-4711",
             "track_info": {
              "latest_status": {"status": "Delivered", "sub_status": "Delivered_Other", "sub_status_descr": null},
              "latest_event": {"time_iso": "2026-11-04T16:35:22-07:00", "time_utc": "2026-11-04T23:35:22Z",
                 "description": "DELIVERED, signed by J. RIVERA, front door", "location": "GASQUET, CA, US",
                 "stage": null},
              "tracking": {"providers": [{"provider": {"key": 100002, "name": "UPS"},
                 "events": [
                   {"time_iso": "2026-11-04T16:35:22-07:00", "time_utc": "2026-11-04T23:35:22Z",
                    "description": "DELIVERED, signed by J. RIVERA, front door", "location": "GASQUET, CA, US",
                    "stage": "Delivered"},
                   {"time_iso": "2026-11-04T08:01:00-07:00", "time_utc": "2026-11-04T15:01:00Z",
                    "description": "Out For Delivery Today", "location": "CRESCENT CITY, CA, US",
                    "stage": "OutForDelivery"},
                   {"time_iso": "2026-11-01T11:00:00+08:00", "time_utc": "2026-11-01T03:00:00Z",
                    "description": "Departed from facility", "location": "SHENZHEN, CN", "stage": null}]}]}}}""";

    SeventeenTrackClient client;

    @BeforeEach
    void setUp() {
        MockEnvironment environment = ProviderTestSupport.environment("17track");
        environment.setProperty("aftersales.credentials.17track.api-key", KEY);
        ProviderClients clients = ProviderTestSupport.clients(environment);
        client = new SeventeenTrackClient(clients, new CredentialStore(environment), api.baseUrl());
    }

    @Test
    void trackingInfoBecomesNormalisedScansWithTheSigner() {
        api.stubFor(post(urlEqualTo("/gettrackinfo")).withHeader("17token", equalTo(KEY))
                .willReturn(okJson("{\"code\": 0, \"data\": {\"accepted\": [" + DELIVERED_ITEM + "], \"rejected\": []}}")));

        TrackingSnapshot snapshot = client.track(new Parcel("1Z2617V10397725789", null, null));

        assertThat(snapshot.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(snapshot.subStatus()).isEqualTo("Delivered_Other");
        assertThat(snapshot.carrier()).isEqualTo("UPS");
        assertThat(snapshot.events()).hasSize(3);
        assertThat(snapshot.events().get(0).occurredAt()).isEqualTo(Instant.parse("2026-11-04T23:35:22Z"));
        assertThat(snapshot.events().get(0).signer()).isEqualTo("J. RIVERA");
        assertThat(snapshot.events().get(1).status()).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(snapshot.events().get(2).status()).isEqualTo(TrackingStatus.IN_TRANSIT);
        api.verify(postRequestedFor(urlEqualTo("/gettrackinfo"))
                .withRequestBody(matchingJsonPath("$[0].number", equalTo("1Z2617V10397725789"))));
    }

    @Test
    void registeringIsIdempotentAndBatchedByForty() {
        api.stubFor(post(urlEqualTo("/register")).willReturn(okJson("""
                {"code": 0, "data": {
                  "accepted": [{"origin": 1, "number": "RR000000001CN", "carrier": 3011}],
                  "rejected": [
                    {"number": "RR000000002CN", "error": {"code": -18019901, "message": "The tracking number 'RR000000002CN' has been registered, don't need to repeat registration."}},
                    {"number": "12", "error": {"code": -18010012, "message": "The format of '12' is invalid."}}]}}""")));
        List<Parcel> parcels = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            parcels.add(new Parcel("RR" + String.format("%09d", i) + "CN", null, "order-" + i));
        }

        Registration registration = client.register(parcels);

        api.verify(2, postRequestedFor(urlEqualTo("/register")));
        api.verify(postRequestedFor(urlEqualTo("/register")).withRequestBody(matchingJsonPath("$[39].number")));
        assertThat(registration.accepted()).contains("RR000000001CN", "RR000000002CN");
        assertThat(registration.rejected()).extracting(r -> r.reason()).allMatch(r -> r.contains("-18010012"));
    }

    @Test
    void aWrongKeyIsUnauthorizedAndNotRetried() {
        api.stubFor(post(urlEqualTo("/gettrackinfo")).willReturn(okJson("""
                {"code": -18010002, "data": {"errors": [{"code": -18010002, "message": "Invalid security key."}]}}""")));

        assertThatThrownBy(() -> client.track(new Parcel("X1", null, null))).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("Invalid security key").hasMessageNotContaining(KEY)
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.UNAUTHORIZED);
        api.verify(1, postRequestedFor(urlEqualTo("/gettrackinfo")));
    }

    @Test
    void a401FromTheApiIsUnauthorized() {
        api.stubFor(post(urlEqualTo("/gettrackinfo")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> client.track(new Parcel("X1", null, null)))
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.UNAUTHORIZED);
    }

    @Test
    void rateLimitAndServerErrorsAreRetried() {
        api.stubFor(post(urlEqualTo("/gettrackinfo")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("5xx"));
        api.stubFor(post(urlEqualTo("/gettrackinfo")).inScenario("flaky").whenScenarioStateIs("5xx")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        api.stubFor(post(urlEqualTo("/gettrackinfo")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"code\": 0, \"data\": {\"accepted\": [" + DELIVERED_ITEM + "], \"rejected\": []}}")));

        assertThat(client.track(new Parcel("1Z2617V10397725789", null, null)).status())
                .isEqualTo(TrackingStatus.DELIVERED);
        api.verify(3, postRequestedFor(urlEqualTo("/gettrackinfo")));
    }

    @Test
    void aNumberNotRegisteredIsRejectedInItsOwnWords() {
        api.stubFor(post(urlEqualTo("/gettrackinfo")).willReturn(okJson("""
                {"code": 0, "data": {"accepted": [], "rejected": [{"number": "X1",
                  "error": {"code": -18019902, "message": "The tracking number 'X1' does not register, please register first."}}]}}""")));

        assertThatThrownBy(() -> client.track(new Parcel("X1", null, null))).hasMessageContaining("register first");
    }

    @Test
    void timeoutsAndMalformedAnswersAreClearErrors() {
        api.stubFor(post(urlEqualTo("/gettrackinfo")).willReturn(okJson("{}").withFixedDelay(1500)));
        assertThatThrownBy(() -> client.track(new Parcel("X1", null, null)))
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.TIMEOUT);

        api.resetAll();
        api.stubFor(post(urlEqualTo("/gettrackinfo")).willReturn(okJson("{\"code\": 0}")));
        assertThatThrownBy(() -> client.track(new Parcel("X1", null, null))).hasMessageContaining("lacks /data")
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.MALFORMED);
    }
}
