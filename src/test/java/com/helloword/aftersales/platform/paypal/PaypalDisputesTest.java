package com.helloword.aftersales.platform.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.ClaimAction;
import com.helloword.aftersales.platform.MarketplacePort.ClaimResponseCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;
import com.helloword.aftersales.platform.paypal.PaypalDisputes.ActionOutcome;
import com.helloword.aftersales.platform.paypal.PaypalDisputes.OfferType;
import com.helloword.aftersales.support.MutableClock;
import com.helloword.aftersales.support.ProviderTestSupport;

/**
 * Payloads follow PayPal's Customer Disputes v1 reference and its "Use Disputes API" guide samples
 * (show dispute PP-R-AYP-10135034, the sample CUSTOMER.DISPUTE.CREATED resource, the error shapes).
 */
class PaypalDisputesTest {

    @RegisterExtension
    static WireMockExtension paypal = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String REF = "paypal-eu";
    static final String CLIENT_ID = "AeA1QIZXiflr1_-r0U2UbWTziOWX1GRQer5U2lx4ttVZ";
    static final String CLIENT_SECRET = "EGnHDxD_qRPdaLdZz8iCr8N7_MzF-YHPTkjs6NKYQvQSBngp4PTTVWkPZRbL";
    static final String TOKEN_PATH = "/v1/oauth2/token";
    static final String DISPUTE_ID = "PP-R-AYP-10135034";
    static final String DISPUTE = "/v1/customer/disputes/" + DISPUTE_ID;
    static final String INQUIRY = "/v1/customer/disputes/PP-000-042-663-135";
    static final String KEY = "case:AS-42:dispute-response";

    PaypalDisputes disputes;
    MutableClock clock = new MutableClock();

    @BeforeEach
    void setUp() {
        MockEnvironment environment = ProviderTestSupport.environment("paypal");
        environment.setProperty("aftersales.credentials." + REF + ".client-id", CLIENT_ID);
        environment.setProperty("aftersales.credentials." + REF + ".client-secret", CLIENT_SECRET);
        PaypalApi api = new PaypalApi(ProviderTestSupport.clients(environment), new CredentialStore(environment),
                clock, paypal.baseUrl() + "/");
        disputes = new PaypalDisputes(api);
        paypal.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(fixture("token.json"))));
    }

    static String fixture(String name) {
        try (InputStream in = PaypalDisputesTest.class.getResourceAsStream("/paypal/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseDefinitionBuilder paypalError(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Paypal-Debug-Id", "f1b2c3d4e5f6a").withBody(body);
    }

    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC).format(instant);
    }

    private static ProviderFailure.Kind kindOf(Throwable e) {
        return ((ProviderFailure) e).kind();
    }

    // --- reading ------------------------------------------------------------------------------

    @Test
    void showDisputeDetailsBecomesAPlatformClaim() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json"))));

        PlatformClaim claim = disputes.getDispute(REF, DISPUTE_ID);

        assertThat(claim).isEqualTo(new PlatformClaim(DISPUTE_ID, "PAYPAL_INQUIRY", "WAITING_FOR_SELLER_RESPONSE",
                "MERCHANDISE_OR_SERVICE_NOT_RECEIVED", new BigDecimal("2.00"), "USD",
                Instant.parse("2025-10-08T09:46:54.926Z"), "8AW70038VH226914P"));
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        paypal.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Basic " + basic))
                .withHeader(HttpHeaders.CONTENT_TYPE, containing("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials")));
        paypal.verify(getRequestedFor(urlEqualTo(DISPUTE))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer A21AAtoken-one")));
    }

    @Test
    void theTokenIsFetchedOnceAndReused() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json"))));

        disputes.getDispute(REF, DISPUTE_ID);
        disputes.getDispute(REF, DISPUTE_ID);
        clock.advance(Duration.ofHours(9));
        disputes.getDispute(REF, DISPUTE_ID);

        paypal.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void listingFollowsTheNextLinkOnTheConfiguredHost() {
        Instant since = clock.instant().minus(Duration.ofDays(7));
        paypal.stubFor(get(urlPathEqualTo("/v1/customer/disputes")).withQueryParam("next_page_token", absent())
                .willReturn(okJson(fixture("disputes-page-1.json"))));
        paypal.stubFor(get(urlPathEqualTo("/v1/customer/disputes"))
                .withQueryParam("next_page_token", equalTo("RFNEQUxsT2tZ+c2Q="))
                .willReturn(okJson(fixture("disputes-page-2.json"))));

        List<PlatformClaim> claims = disputes.listDisputes(REF, since);

        assertThat(claims).extracting(PlatformClaim::claimId).containsExactly(DISPUTE_ID, "PP-D-27803");
        assertThat(claims.get(0).type()).isEqualTo("PAYPAL_CHARGEBACK");
        assertThat(claims.get(0).platformOrderId()).isEqualTo("7XB07472F52871902");
        assertThat(claims.get(1).amount()).isEqualByComparingTo("49.90");
        assertThat(claims.get(1).currency()).isEqualTo("EUR");
        assertThat(claims.get(1).respondBy()).isNull();
        paypal.verify(getRequestedFor(urlPathEqualTo("/v1/customer/disputes"))
                .withQueryParam("page_size", equalTo("50"))
                .withQueryParam("update_time_after", equalTo(rfc3339(since))));
    }

    @Test
    void aStartOlderThanPaypalSearchesIsMovedIntoItsWindow() {
        paypal.stubFor(get(urlPathEqualTo("/v1/customer/disputes"))
                .willReturn(okJson(fixture("disputes-page-2.json"))));

        disputes.listDisputes(REF, clock.instant().minus(Duration.ofDays(400)));

        Instant edge = clock.instant().minus(PaypalDisputes.SEARCH_WINDOW).plus(Duration.ofMinutes(5));
        paypal.verify(getRequestedFor(urlPathEqualTo("/v1/customer/disputes"))
                .withQueryParam("update_time_after", equalTo(rfc3339(edge))));
    }

    // --- actions ------------------------------------------------------------------------------

    @Test
    void acceptingAClaimInFullSendsNoteAndTypeWithTheRequestId() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json"))));
        paypal.stubFor(post(urlEqualTo(DISPUTE + "/accept-claim"))
                .willReturn(okJson(fixture("subsequent-action.json"))));

        ActionOutcome outcome = disputes.acceptClaim(REF, DISPUTE_ID, "Full refund to the customer.", null, KEY);

        assertThat(outcome.alreadyDone()).isFalse();
        assertThat(outcome.action()).isEqualTo(ClaimAction.ACCEPT);
        paypal.verify(postRequestedFor(urlEqualTo(DISPUTE + "/accept-claim"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer A21AAtoken-one"))
                .withHeader("PayPal-Request-Id", equalTo(PaypalDisputes.requestId("accept-claim", DISPUTE_ID, KEY)))
                .withHeader(HttpHeaders.CONTENT_TYPE, containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"note": "Full refund to the customer.", "accept_claim_type": "REFUND"}""")));
    }

    @Test
    void aPartialRefundOnANotAsDescribedClaimCarriesTheAmount() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json")
                .replace("\"reason\": \"MERCHANDISE_OR_SERVICE_NOT_RECEIVED\"",
                        "\"reason\": \"MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED\""))));
        paypal.stubFor(post(urlEqualTo(DISPUTE + "/accept-claim"))
                .willReturn(okJson(fixture("subsequent-action.json"))));

        disputes.acceptClaim(REF, DISPUTE_ID, "Half back, keep the item.", new BigDecimal("1.00"), KEY);

        paypal.verify(postRequestedFor(urlEqualTo(DISPUTE + "/accept-claim")).withRequestBody(equalToJson("""
                {"note": "Half back, keep the item.", "accept_claim_type": "PARTIAL_REFUND",
                 "refund_amount": {"currency_code": "USD", "value": "1.00"}}""")));
    }

    @Test
    void aPartialRefundOnANotReceivedClaimIsRefusedBeforePaypalIsAsked() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json"))));

        assertThatThrownBy(() -> disputes.acceptClaim(REF, DISPUTE_ID, "Half back.", new BigDecimal("1.00"), KEY))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("no refund amount")
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(ProviderFailure.Kind.REJECTED));
        paypal.verify(0, postRequestedFor(urlEqualTo(DISPUTE + "/accept-claim")));
    }

    @Test
    void acceptingAResolvedDisputeIsAlreadyDone() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-resolved.json"))));

        ActionOutcome outcome = disputes.acceptClaim(REF, DISPUTE_ID, "Full refund to the customer.", null, KEY);

        assertThat(outcome.alreadyDone()).isTrue();
        assertThat(outcome.detail()).contains("RESOLVED_BUYER_FAVOUR");
        paypal.verify(0, postRequestedFor(urlEqualTo(DISPUTE + "/accept-claim")));
    }

    @Test
    void anOfferSendsTypeAmountAndNote() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json"))));
        paypal.stubFor(post(urlEqualTo(DISPUTE + "/make-offer")).willReturn(okJson(fixture("subsequent-action.json")
                .replace("\"self\"", "\"detail\""))));

        ActionOutcome outcome = disputes.makeOffer(REF, DISPUTE_ID, new BigDecimal("1.50"), OfferType.REFUND,
                "We refund 1.50 USD for the delay.", KEY);

        assertThat(outcome).isEqualTo(new ActionOutcome(DISPUTE_ID, ClaimAction.OFFER_PARTIAL_REFUND, false,
                "offered REFUND of 1.50 USD on " + DISPUTE_ID));
        paypal.verify(postRequestedFor(urlEqualTo(DISPUTE + "/make-offer"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer A21AAtoken-one"))
                .withHeader("PayPal-Request-Id", equalTo(PaypalDisputes.requestId("make-offer", DISPUTE_ID, KEY)))
                .withHeader(HttpHeaders.CONTENT_TYPE, containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"note": "We refund 1.50 USD for the delay.", "offer_type": "REFUND",
                         "offer_amount": {"currency_code": "USD", "value": "1.50"}}""")));
    }

    @Test
    void theSameOfferAlreadyOnRecordIsNotMadeAgain() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json")
                .replace("\"status\": \"WAITING_FOR_SELLER_RESPONSE\",", """
                        "status": "WAITING_FOR_BUYER_RESPONSE",
                        "offer": {"buyer_requested_amount": {"currency_code": "USD", "value": "2.00"},
                                  "seller_offered_amount": {"currency_code": "USD", "value": "1.5"},
                                  "offer_type": "REFUND"},"""))));

        ActionOutcome outcome = disputes.makeOffer(REF, DISPUTE_ID, new BigDecimal("1.50"), OfferType.REFUND,
                "We refund 1.50 USD for the delay.", KEY);

        assertThat(outcome.alreadyDone()).isTrue();
        paypal.verify(0, postRequestedFor(urlEqualTo(DISPUTE + "/make-offer")));
    }

    @Test
    void anOfferTypePaypalDoesNotOfferIsRefused() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json"))));

        assertThatThrownBy(() -> disputes.makeOffer(REF, DISPUTE_ID, new BigDecimal("1.50"),
                OfferType.REFUND_WITH_RETURN, "Send it back for a refund.", KEY))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("offer_type REFUND_WITH_RETURN")
                .hasMessageContaining("[REFUND]");
        paypal.verify(0, postRequestedFor(urlEqualTo(DISPUTE + "/make-offer")));
    }

    @Test
    void trackingEvidenceIsMultipartWithTheJsonInPartInput() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json"))));
        paypal.stubFor(post(urlEqualTo(DISPUTE + "/provide-evidence"))
                .willReturn(okJson(fixture("subsequent-action.json"))));

        ActionOutcome outcome = disputes.provideTrackingEvidence(REF, DISPUTE_ID, "FedEx", "122533485",
                "Shipped on 2025-09-01", KEY);

        assertThat(outcome.action()).isEqualTo(ClaimAction.PROVIDE_TRACKING);
        paypal.verify(postRequestedFor(urlEqualTo(DISPUTE + "/provide-evidence"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer A21AAtoken-one"))
                .withHeader("PayPal-Request-Id",
                        equalTo(PaypalDisputes.requestId("provide-evidence", DISPUTE_ID, KEY)))
                .withHeader(HttpHeaders.CONTENT_TYPE, matching("multipart/form-data; ?boundary=.+"))
                .withRequestBodyPart(aMultipart("input")
                        .withHeader(HttpHeaders.CONTENT_TYPE, containing("application/json"))
                        .withBody(equalToJson("""
                                {"evidences": [{"evidence_type": "PROOF_OF_FULFILLMENT",
                                  "evidence_info": {"tracking_info": [
                                    {"carrier_name": "FEDEX", "tracking_number": "122533485"}]},
                                  "notes": "Shipped on 2025-09-01"}]}""")).build()));
    }

    @Test
    void aCarrierWithoutPaypalCodeGoesAsOther() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json"))));
        paypal.stubFor(post(urlEqualTo(DISPUTE + "/provide-evidence"))
                .willReturn(okJson(fixture("subsequent-action.json"))));

        disputes.respond(REF, new ClaimResponseCommand("paypal-eu", DISPUTE_ID, ClaimAction.PROVIDE_TRACKING, null,
                null, null, "Speedy Parcel Co.", "SP 0042 77", KEY));

        paypal.verify(postRequestedFor(urlEqualTo(DISPUTE + "/provide-evidence")).withRequestBodyPart(
                aMultipart("input").withBody(equalToJson("""
                        {"evidences": [{"evidence_type": "PROOF_OF_FULFILLMENT",
                          "evidence_info": {"tracking_info": [{"carrier_name": "OTHER",
                            "carrier_name_other": "Speedy Parcel Co.", "tracking_number": "SP 0042 77"}]}}]}"""))
                        .build()));
        assertThat(PaypalCarriers.tracking("4PX")).containsEntry("carrier_name", "FOUR_PX_EXPRESS");
        assertThat(PaypalCarriers.tracking(" royal mail ")).containsEntry("carrier_name", "ROYAL_MAIL");
        assertThat(PaypalCarriers.tracking("J&T Express")).containsEntry("carrier_name", "JTEXPRESS");
    }

    @Test
    void trackingTheSellerAlreadySubmittedIsNotSentAgain() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json")
                .replace("\"evidences\": [", """
                        "evidences": [{"evidence_type": "PROOF_OF_FULFILLMENT", "source": "SUBMITTED_BY_SELLER",
                          "evidence_info": {"tracking_info": [{"carrier_name": "FEDEX",
                            "tracking_number": "122533485"}]}, "date": "2025-09-19T10:00:00.000Z"},"""))));

        ActionOutcome outcome = disputes.provideTrackingEvidence(REF, DISPUTE_ID, "FEDEX", "1225 33485", null, KEY);

        assertThat(outcome.alreadyDone()).isTrue();
        paypal.verify(0, postRequestedFor(urlEqualTo(DISPUTE + "/provide-evidence")));
    }

    @Test
    void anActionWhoseLinkTheDisputeLacksIsRefusedWithoutCallingIt() {
        paypal.stubFor(get(urlEqualTo(INQUIRY)).willReturn(okJson(fixture("dispute-inquiry-open.json"))));

        assertThatThrownBy(() -> disputes.makeOffer(REF, "PP-000-042-663-135", new BigDecimal("3.00"),
                OfferType.REFUND, "Full refund offered.", KEY))
                .isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("does not allow make_offer now; allowed now: send_message")
                .hasMessageContaining("status OPEN")
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(ProviderFailure.Kind.REJECTED));
        assertThatThrownBy(() -> disputes.acceptClaim(REF, "PP-000-042-663-135", "Refund.", null, KEY))
                .hasMessageContaining("does not allow accept_claim now");
        paypal.verify(0, postRequestedFor(urlPathEqualTo(INQUIRY + "/make-offer")));
        paypal.verify(0, postRequestedFor(urlPathEqualTo(INQUIRY + "/accept-claim")));
        paypal.verify(2, getRequestedFor(urlEqualTo(INQUIRY)));
    }

    @Test
    void requestIdsAreStablePerKeyActionAndDispute() {
        String id = PaypalDisputes.requestId("make-offer", DISPUTE_ID, KEY);

        assertThat(id).isEqualTo(PaypalDisputes.requestId("make-offer", DISPUTE_ID, KEY)).startsWith("hw-")
                .hasSize(51).matches("[a-z0-9-]+");
        assertThat(id).isNotEqualTo(PaypalDisputes.requestId("accept-claim", DISPUTE_ID, KEY))
                .isNotEqualTo(PaypalDisputes.requestId("make-offer", "PP-D-27803", KEY));
    }

    // --- failures -----------------------------------------------------------------------------

    @Test
    void a401FetchesANewTokenAndTriesOnceMore() {
        paypal.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(fixture("token.json"))).willSetStateTo("second"));
        paypal.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs("second")
                .willReturn(okJson(fixture("token.json").replace("A21AAtoken-one", "A21AAtoken-two"))));
        paypal.stubFor(get(urlEqualTo(DISPUTE)).withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer A21AAtoken-one"))
                .willReturn(paypalError(401, """
                        {"name": "AUTHENTICATION_FAILURE", "message": "Authentication failed due to missing \
                        authorization header, or invalid authentication credentials.",
                         "debug_id": "b1a2c3d4e5f60"}""")));
        paypal.stubFor(get(urlEqualTo(DISPUTE)).withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer A21AAtoken-two"))
                .willReturn(okJson(fixture("dispute-waiting-for-seller.json"))));

        assertThat(disputes.getDispute(REF, DISPUTE_ID).claimId()).isEqualTo(DISPUTE_ID);
        paypal.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void refusedClientCredentialsAreUnauthorizedInPaypalsWords() {
        paypal.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(paypalError(401, """
                {"error": "invalid_client", "error_description": "Client Authentication failed"}""")));

        assertThatThrownBy(() -> disputes.getDispute(REF, DISPUTE_ID)).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("invalid_client: Client Authentication failed")
                .hasMessageNotContaining(CLIENT_SECRET)
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(ProviderFailure.Kind.UNAUTHORIZED));
        paypal.verify(0, getRequestedFor(urlEqualTo(DISPUTE)));
    }

    @Test
    void a429WithoutRetryAfterIsRetriedWithBackoff() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(paypalError(429, """
                        {"name": "RATE_LIMIT_REACHED", "message": "Too many requests. Blocked due to rate limiting.",
                         "debug_id": "8a1b2c3d4e5f6"}""")).willSetStateTo("ok"));
        paypal.stubFor(get(urlEqualTo(DISPUTE)).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("dispute-waiting-for-seller.json"))));

        assertThat(disputes.getDispute(REF, DISPUTE_ID).status()).isEqualTo("WAITING_FOR_SELLER_RESPONSE");
        paypal.verify(2, getRequestedFor(urlEqualTo(DISPUTE)));
    }

    @Test
    void aServerErrorIsRetriedUntilItWorks() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(paypalError(503, """
                        {"name": "SERVICE_UNAVAILABLE", "message": "Service Unavailable.",
                         "debug_id": "5e4d3c2b1a0f9"}"""))
                .willSetStateTo("ok"));
        paypal.stubFor(get(urlEqualTo(DISPUTE)).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("dispute-waiting-for-seller.json"))));

        assertThat(disputes.getDispute(REF, DISPUTE_ID).claimId()).isEqualTo(DISPUTE_ID);
        paypal.verify(2, getRequestedFor(urlEqualTo(DISPUTE)));
    }

    @Test
    void noAnswerInTimeIsATimeoutAfterTheLastAttempt() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json"))
                .withFixedDelay(1500)));

        assertThatThrownBy(() -> disputes.getDispute(REF, DISPUTE_ID)).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("no answer in time")
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(ProviderFailure.Kind.TIMEOUT));
        paypal.verify(3, getRequestedFor(urlEqualTo(DISPUTE)));
    }

    @Test
    void aBodyThatIsNotJsonIsMalformedAndNotRetried() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Service maintenance</body></html>")));

        assertThatThrownBy(() -> disputes.getDispute(REF, DISPUTE_ID)).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("not JSON").hasMessageContaining("maintenance")
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(ProviderFailure.Kind.MALFORMED));
        paypal.verify(1, getRequestedFor(urlEqualTo(DISPUTE)));
    }

    @Test
    void a422IsARefusalWithPaypalsIssueAndIsNotRetried() {
        paypal.stubFor(get(urlEqualTo(DISPUTE)).willReturn(okJson(fixture("dispute-waiting-for-seller.json"))));
        paypal.stubFor(post(urlEqualTo(DISPUTE + "/provide-evidence"))
                .willReturn(paypalError(422, fixture("error-422-missing-tracking.json"))));

        assertThatThrownBy(() -> disputes.provideTrackingEvidence(REF, DISPUTE_ID, "UPS", "1Z999AA10123456784",
                null, KEY))
                .isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("HTTP 422: UNPROCESSABLE_ENTITY")
                .hasMessageContaining("MISSING_TRACKING_INFO: For PROOF_OF_FULFILLMENT, the tracking number and "
                        + "carrier name are required but they are missing. (/evidences/0/evidence_info/tracking_info)")
                .hasMessageContaining("[debug_id 90957fca61718]")
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(ProviderFailure.Kind.REJECTED))
                .satisfies(e -> assertThat(((ProviderFailure) e).httpStatus()).isEqualTo(422));
        paypal.verify(1, postRequestedFor(urlEqualTo(DISPUTE + "/provide-evidence")));
    }

    @Test
    void errorBodiesOfEveryShapeReadAsOneLine() {
        assertThat(PaypalApi.describe("""
                {"name": "INVALID_REQUEST", "message": "Request is not well-formed, syntactically incorrect, or \
                violates schema.", "debug_id": "a1b2", "issues": [{"issue": "INVALID_PAGE_SIZE",
                 "description": "Page size must be between 1 and 50.", "location": "query"}]}""", null))
                .isEqualTo("INVALID_REQUEST: Request is not well-formed, syntactically incorrect, or violates "
                        + "schema.; INVALID_PAGE_SIZE: Page size must be between 1 and 50. [debug_id a1b2]");
        assertThat(PaypalApi.describe("""
                {"name":"UNSUPPORTED_MEDIA_TYPE","debug_id":"d6872acae31","message":"The server does not support \
                the request payload’s media type"}""", null))
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE: The server does not support the request payload’s media type "
                        + "[debug_id d6872acae31]");
        assertThat(PaypalApi.describe("<html>Bad gateway</html>", "0f9e8d")).isEqualTo("<html>Bad gateway</html> "
                + "[debug_id 0f9e8d]");
        assertThat(PaypalApi.describe("", null)).isEqualTo("(empty body)");
    }
}
