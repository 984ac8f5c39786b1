package com.helloword.aftersales.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.carrier.TrackingEvent;
import com.helloword.aftersales.carrier.TrackingEventRepository;
import com.helloword.aftersales.casefile.SalesOrder;

/**
 * Registration with 17TRACK and the polling fallback against the WireMock 17TRACK (Tracking API v2.2 payloads: the
 * envelope, accepted and rejected numbers, track_info): shipped orders are registered with their tag, a rejection
 * is kept with 17TRACK's reason and sent again after the retry time, and a registered parcel whose push went quiet
 * is polled once, its scans recorded as {@code 17track-poll}; a parcel another node claimed is left to it.
 */
class ParcelTrackingTest extends ParcelWatchIntegrationTest {

    static final String BASE_URL = "aftersales.providers.17track.base-url";

    @Autowired
    ParcelTracking tracking;
    @Autowired
    TrackingEventRepository events;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    ConfigurableEnvironment environment;
    @Autowired
    TransactionTemplate transactions;

    String key;

    @BeforeEach
    void stubbed17track() {
        // the client reads its base URL at every call: this test's 17TRACK is the shared WireMock
        environment.getPropertySources().addFirst(new MapPropertySource("parcel-tracking-test",
                Map.of(BASE_URL, providerStubs.baseUrl() + "/17track")));
        key = environment.getProperty("aftersales.credentials.17track.api-key");
    }

    @AfterEach
    void sandbox17track() {
        environment.getPropertySources().remove("parcel-tracking-test");
    }

    /** Sweeps until these orders are enrolled (other tests' shipped orders may fill the first batches). */
    private void registerUntilEnrolled(SalesOrder... shipped) {
        for (int round = 0; round < 100; round++) {
            ParcelTracking.Registered swept = tracking.registerDue();
            if (java.util.Arrays.stream(shipped).allMatch(o -> registrations.findByOrderId(o.getId()).isPresent())) {
                return;
            }
            assertThat(swept.enrolled()).as("nothing left to enrol, yet not all are").isPositive();
        }
        throw new AssertionError("not enrolled after 100 sweeps");
    }

    private ParcelRegistration registrationOf(SalesOrder order) {
        return registrations.findByOrderId(order.getId()).orElseThrow();
    }

    @Test
    void shippedOrdersAreRegisteredAndARejectionIsSentAgainLater() throws Exception {
        Instant shipped = clock.instant().minus(Duration.ofDays(1));
        SalesOrder accepted = fixture.shipped("amazon-us", "US", "en", "UPS", shipped);
        SalesOrder known = fixture.shipped("amazon-us", "US", "en", "UPS", shipped);
        SalesOrder refused = fixture.shipped("amazon-us", "US", "en", "UPS", shipped);
        providerStubs.stubFor(post(urlEqualTo("/17track/register")).withHeader("17token", equalTo(key))
                .willReturn(okJson("""
                        {"code": 0, "data": {
                          "accepted": [{"origin": 1, "number": "%s", "carrier": 100002}],
                          "rejected": [
                            {"number": "%s", "error": {"code": -18019901, "message": "The tracking number '%2$s' has been registered, don't need to repeat registration."}},
                            {"number": "%s", "error": {"code": -18010012, "message": "The format of '%3$s' is invalid."}}]}}"""
                        .formatted(accepted.getTrackingNumber(), known.getTrackingNumber(),
                                refused.getTrackingNumber()))));

        registerUntilEnrolled(accepted, known, refused);

        assertThat(registrationOf(accepted).getStatus()).isEqualTo(ParcelRegistration.Status.REGISTERED);
        assertThat(registrationOf(known).getStatus()).isEqualTo(ParcelRegistration.Status.REGISTERED);
        ParcelRegistration rejected = registrationOf(refused);
        assertThat(rejected.getStatus()).isEqualTo(ParcelRegistration.Status.REJECTED);
        assertThat(rejected.getReason()).contains("-18010012");
        providerStubs.verify(postRequestedFor(urlEqualTo("/17track/register"))
                .withRequestBody(containing("\"number\":\"" + accepted.getTrackingNumber() + "\",\"tag\":\"order-"
                        + accepted.getId() + "\"")));

        providerStubs.resetRequests();
        tracking.registerDue();
        providerStubs.verify(0, postRequestedFor(urlEqualTo("/17track/register"))
                .withRequestBody(containing(refused.getTrackingNumber())));

        clock.fixWithEngine(clock.instant().plus(Duration.ofHours(7)));
        providerStubs.stubFor(post(urlEqualTo("/17track/register")).willReturn(okJson("""
                {"code": 0, "data": {"accepted": [{"origin": 1, "number": "%s", "carrier": 100002}], "rejected": []}}"""
                .formatted(refused.getTrackingNumber()))));
        tracking.registerDue();

        ParcelRegistration retried = registrationOf(refused);
        assertThat(retried.getStatus()).isEqualTo(ParcelRegistration.Status.REGISTERED);
        assertThat(retried.getAttempts()).isEqualTo(2);
        assertThat(registrationOf(accepted).getAttempts()).as("registered once").isEqualTo(1);
    }

    @Test
    void aParcelWhosePushWentQuietIsPolledOnceAndAClaimedOneIsLeftAlone() throws Exception {
        Instant shipped = clock.instant().minus(Duration.ofDays(3));
        SalesOrder quiet = fixture.registered("amazon-us", "US", "en", "UPS", shipped);
        SalesOrder claimed = fixture.registered("amazon-us", "US", "en", "UPS", shipped);
        SalesOrder fresh = fixture.registered("amazon-us", "US", "en", "UPS", shipped);
        fixture.scan(fresh, clock.instant().minus(Duration.ofHours(2)),
                com.helloword.aftersales.carrier.TrackingStatus.IN_TRANSIT, null, "Departed facility");
        providerStubs.stubFor(post(urlEqualTo("/17track/gettrackinfo"))
                .withRequestBody(matchingJsonPath("$[0].number", equalTo(quiet.getTrackingNumber())))
                .willReturn(okJson("""
                        {"code": 0, "data": {"accepted": [{"number": "%s", "carrier": 100002, "tag": "order-%d",
                         "track_info": {
                          "latest_status": {"status": "InTransit", "sub_status": "InTransit_Arrival"},
                          "latest_event": {"time_utc": "%s", "description": "Arrived at facility", "location": "OAKLAND, CA, US"},
                          "tracking": {"providers": [{"provider": {"key": 100002, "name": "UPS"}, "events": [
                            {"time_utc": "%3$s", "description": "Arrived at facility", "location": "OAKLAND, CA, US", "stage": "Arrival"}]}]}}}],
                         "rejected": []}}""".formatted(quiet.getTrackingNumber(), quiet.getId(),
                        clock.instant().minus(Duration.ofHours(1))))));
        providerStubs.stubFor(post(urlEqualTo("/17track/gettrackinfo")).atPriority(10)
                .willReturn(aResponse().withStatus(404)));
        Long claimedId = registrationOf(claimed).getId();
        transactions.executeWithoutResult(s -> registrations.claimPoll(claimedId, clock.instant(),
                clock.instant().plus(Duration.ofMinutes(10))));

        tracking.pollDue();
        tracking.pollDue();

        providerStubs.verify(1, postRequestedFor(urlEqualTo("/17track/gettrackinfo"))
                .withRequestBody(matchingJsonPath("$[0].number", equalTo(quiet.getTrackingNumber()))));
        providerStubs.verify(0, postRequestedFor(urlEqualTo("/17track/gettrackinfo"))
                .withRequestBody(containing(claimed.getTrackingNumber())));
        providerStubs.verify(0, postRequestedFor(urlEqualTo("/17track/gettrackinfo"))
                .withRequestBody(containing(fresh.getTrackingNumber())));
        assertThat(events.findByOrderIdOrderByOccurredAtAsc(quiet.getId())).extracting(TrackingEvent::getSource)
                .containsExactly("17track-poll");
        assertThat(fixture.reload(quiet).getTrackingStatus()).isEqualTo("IN_TRANSIT");
        assertThat(registrationOf(quiet).getLastPolledAt()).isEqualTo(clock.instant());
    }
}
