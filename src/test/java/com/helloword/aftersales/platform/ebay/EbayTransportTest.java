package com.helloword.aftersales.platform.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.CLIENT_SECRET;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.KEY;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.REFRESH_TOKEN;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.SECOND_TOKEN;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TOKEN;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TOKEN_PATH;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.fixture;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.order;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.tokenAnswer;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.ClaimRef;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.MutableClock;

/** Tokens, retries, timeouts and eBay's error bodies, whatever the operation. */
class EbayTransportTest {

    @RegisterExtension
    static WireMockExtension ebay = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String ORDER = "/sell/fulfillment/v1/order/12-09876-54321";
    static final String CASE = "/post-order/v2/casemanagement/5123456789";

    EbayAdapter adapter;
    MutableClock clock = new MutableClock();
    StoreConnection us;

    @BeforeEach
    void setUp() {
        adapter = EbayTestSupport.adapter(EbayTestSupport.environment(), clock);
        us = EbayTestSupport.usStore(ebay.baseUrl());
    }

    private void readCase() {
        adapter.getClaim(us, new ClaimRef("ebay-us", "case:5123456789"));
    }

    private static ProviderFailure.Kind kind(Throwable e) {
        return ((ProviderFailure) e).kind();
    }

    @Test
    void aRefusedTokenIsRefreshedOnceAndTheCallMadeAgain() {
        ebay.stubFor(tokenEndpoint().inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(tokenAnswer(TOKEN))).willSetStateTo("second"));
        ebay.stubFor(tokenEndpoint().inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(tokenAnswer(SECOND_TOKEN))));
        ebay.stubFor(get(urlEqualTo(ORDER)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"errorId": 1001, "domain": "OAuth", "category": "REQUEST",
                          "message": "Invalid access token",
                          "longMessage":
                            "Invalid access token. Check the value of the Authorization HTTP request header."}]}
                        """)));
        ebay.stubFor(get(urlEqualTo(ORDER)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(okJson(order())));
        ebay.stubFor(post(urlEqualTo(ORDER + "/issue_refund")).willReturn(okJson("""
                {"refundId": "5011223344", "refundStatus": "PENDING"}""")));

        RefundResult result = adapter.refund(us, new RefundCommand("ebay-us", "12-09876-54321", null, "USD",
                "parcel lost", KEY));

        assertThat(result.platformRefundId()).isEqualTo("5011223344");
        ebay.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        ebay.verify(postRequestedFor(urlEqualTo(ORDER + "/issue_refund"))
                .withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN)));
    }

    @Test
    void aTokenServesUntilShortlyBeforeItExpires() {
        ebay.stubFor(EbayTestSupport.tokenStub());
        ebay.stubFor(get(urlEqualTo(CASE)).willReturn(okJson(fixture("case.json"))));

        readCase();
        readCase();
        ebay.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));

        clock.advance(Duration.ofSeconds(7200 - 30));
        readCase();
        ebay.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void aRefreshTokenEbayRefusesMeansTheSellerMustConnectAgain() {
        ebay.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": "invalid_grant", "error_description": "the provided authorization refresh token is\
                         invalid or was issued to another client"}""")));

        assertThatThrownBy(this::readCase).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("eBay OAuth invalid_grant").hasMessageContaining("connect the store again")
                .hasMessageNotContaining(REFRESH_TOKEN).hasMessageNotContaining(CLIENT_SECRET)
                .extracting(EbayTransportTest::kind).isEqualTo(ProviderFailure.Kind.UNAUTHORIZED);
        ebay.verify(0, getRequestedFor(urlEqualTo(CASE)));
    }

    @Test
    void a429IsRetriedAfterTheTimeEbayAsksFor() {
        ebay.stubFor(EbayTestSupport.tokenStub());
        ebay.stubFor(get(urlEqualTo(CASE)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"errors": [{"errorId": 2001, "domain": "ACCESS", "category": "REQUEST",
                                  "message": "Too many requests",
                                  "longMessage": "The request limit has been reached for the resource."}]}"""))
                .willSetStateTo("ok"));
        ebay.stubFor(get(urlEqualTo(CASE)).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("case.json"))));

        long start = System.nanoTime();
        readCase();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).isGreaterThanOrEqualTo(950);
        ebay.verify(2, getRequestedFor(urlEqualTo(CASE)));
    }

    @Test
    void aServerErrorIsRetriedUntilItWorks() {
        ebay.stubFor(EbayTestSupport.tokenStub());
        ebay.stubFor(get(urlEqualTo(CASE)).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("""
                        {"errorMessage": {"error": [{"errorId": 1001, "severity": "ERROR", "category": "APPLICATION",
                          "message": "Application encountered an internal error."}]}}""")).willSetStateTo("ok"));
        ebay.stubFor(get(urlEqualTo(CASE)).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("case.json"))));

        assertThat(adapter.getClaim(us, new ClaimRef("ebay-us", "case:5123456789")).status()).isEqualTo("OPEN");
        ebay.verify(2, getRequestedFor(urlEqualTo(CASE)));
    }

    @Test
    void noAnswerInTimeIsATimeoutAfterTheLastAttempt() {
        ebay.stubFor(EbayTestSupport.tokenStub());
        ebay.stubFor(get(urlEqualTo(CASE)).willReturn(okJson(fixture("case.json")).withFixedDelay(1500)));

        assertThatThrownBy(this::readCase).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("no answer within")
                .extracting(EbayTransportTest::kind).isEqualTo(ProviderFailure.Kind.TIMEOUT);
        ebay.verify(3, getRequestedFor(urlEqualTo(CASE)));
    }

    @Test
    void aBodyThatIsNotJsonIsMalformedAndNotRetried() {
        ebay.stubFor(EbayTestSupport.tokenStub());
        ebay.stubFor(get(urlEqualTo(CASE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>eBay is down for maintenance</body></html>")));

        assertThatThrownBy(this::readCase).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("not JSON").hasMessageContaining("maintenance")
                .extracting(EbayTransportTest::kind).isEqualTo(ProviderFailure.Kind.MALFORMED);
        ebay.verify(1, getRequestedFor(urlEqualTo(CASE)));
    }

    @Test
    void aPostOrderRefusalIsReadableAndNotRetried() {
        ebay.stubFor(EbayTestSupport.tokenStub());
        ebay.stubFor(get(urlEqualTo(CASE)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errorMessage": {"error": [{"errorId": 1301, "domain": "caseErrorDomain", "severity": "ERROR",
                          "category": "REQUEST",
                          "message": "The user requesting for the case is neither the buyer nor seller of the item.",
                          "parameter": [{"name": "caseId", "value": "5123456789"}], "httpStatusCode": "400"}]}}""")));

        assertThatThrownBy(this::readCase).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("HTTP 400: eBay error 1301: The user requesting for the case is neither")
                .extracting(EbayTransportTest::kind).isEqualTo(ProviderFailure.Kind.REJECTED);
        ebay.verify(1, getRequestedFor(urlEqualTo(CASE)));
    }

    @Test
    void aStoreWithoutCredentialsIsToldWhichVariableToSet() {
        StoreConnection unconfigured = new StoreConnection("ebay-gb", Platform.EBAY, ebay.baseUrl(), null,
                "EBAY_GB", "ebay-gb", "GBP", "en");

        assertThatThrownBy(() -> adapter.refund(unconfigured, new RefundCommand("ebay-gb", "1", BigDecimal.ONE,
                "GBP", "x", "k"))).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("AFTERSALES_CREDENTIALS_EBAY_GB_CLIENT_ID");
        assertThat(ebay.getAllServeEvents()).isEmpty();
    }

    @Test
    void aStoreWithoutMarketplaceIsRefusedBeforeAnythingIsSent() {
        StoreConnection noMarketplace = new StoreConnection("ebay-us", Platform.EBAY, ebay.baseUrl(), null, null,
                "ebay-us", "USD", "en");

        assertThatThrownBy(() -> adapter.getClaim(noMarketplace, new ClaimRef("ebay-us", "5123456789")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("no eBay marketplace id");
        assertThat(ebay.getAllServeEvents()).isEmpty();
    }
}
