package com.helloword.aftersales.platform.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.CLIENT_ID;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.CLIENT_SECRET;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.KEY;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TEST_JWE;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TEST_PUBLIC_KEY;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TOKEN;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TOKEN_PATH;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.MutableClock;

/** Sell Fulfillment API v1 getOrder and issueRefund, as eBay documents their payloads. */
class EbayRefundTest {

    @RegisterExtension
    static WireMockExtension ebay = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String ORDER = "/sell/fulfillment/v1/order/12-09876-54321";
    static final String ISSUE_REFUND = ORDER + "/issue_refund";
    static final String REFUNDED = """
            {"refundId": "5011223344", "refundStatus": "PENDING"}""";

    EbayAdapter adapter;
    StoreConnection us;
    MockEnvironment environment;

    @BeforeEach
    void setUp() {
        environment = EbayTestSupport.environment();
        adapter = EbayTestSupport.adapter(environment, new MutableClock());
        us = EbayTestSupport.usStore(ebay.baseUrl());
        ebay.stubFor(EbayTestSupport.tokenStub());
    }

    private RefundResult refund(StoreConnection store, BigDecimal amount, String currency) {
        return adapter.refund(store, new RefundCommand(store.storeId(), "12-09876-54321", amount, currency,
                "parcel lost in transit", KEY));
    }

    private static String refundsOf(String id, String amount, String status) {
        return """
                [{"refundId": "%s", "refundReferenceId": "2B3C4D5E6F", "refundDate": "2026-03-06T10:00:00.000Z",
                  "amount": {"value": "%s", "currency": "USD"}, "refundStatus": "%s"}]""".formatted(id, amount, status);
    }

    @Test
    void aFullRefundIssuesWhatIsLeftWithTheUsersToken() {
        ebay.stubFor(get(urlEqualTo(ORDER)).willReturn(okJson(order())));
        ebay.stubFor(post(urlEqualTo(ISSUE_REFUND)).willReturn(okJson(REFUNDED)));

        RefundResult result = refund(us, null, "USD");

        assertThat(result).isEqualTo(new RefundResult("5011223344", new BigDecimal("41.94"), "USD", false));
        ebay.verify(postRequestedFor(urlEqualTo(ISSUE_REFUND))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US"))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("x-ebay-signature-key", absent())
                .withRequestBody(matchingJsonPath("$.reasonForRefund", equalTo("OTHER_ADJUSTMENT")))
                .withRequestBody(matchingJsonPath("$.orderLevelRefundAmount.value", equalTo("41.94")))
                .withRequestBody(matchingJsonPath("$.orderLevelRefundAmount.currency", equalTo("USD")))
                .withRequestBody(matchingJsonPath("$.comment", containing("parcel lost in transit")))
                .withRequestBody(matchingJsonPath("$.comment", containing(EbayValues.reference(KEY)))));
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        ebay.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + URLEncoder.encode(EbayTestSupport.REFRESH_TOKEN,
                        StandardCharsets.UTF_8)))
                .withRequestBody(containing(URLEncoder.encode("https://api.ebay.com/oauth/api_scope/sell.fulfillment",
                        StandardCharsets.UTF_8))));
    }

    @Test
    void aPartialRefundCountsEarlierRefundsButNotFailedOnesAndRefusesMoreThanIsLeft() {
        String lineRefunds = """
                [{"refundId": "5011220000", "amount": {"value": "5.00", "currency": "USD"},
                  "refundStatus": "FAILED"}]""";
        ebay.stubFor(get(urlEqualTo(ORDER)).willReturn(okJson(order(refundsOf("5011110000", "10.00", "REFUNDED"),
                lineRefunds))));
        ebay.stubFor(post(urlEqualTo(ISSUE_REFUND)).willReturn(okJson(REFUNDED)));

        assertThat(refund(us, new BigDecimal("12.58"), "USD").amount()).isEqualByComparingTo("12.58");

        ebay.verify(postRequestedFor(urlEqualTo(ISSUE_REFUND))
                .withRequestBody(matchingJsonPath("$.orderLevelRefundAmount.value", equalTo("12.58"))));
        assertThatThrownBy(() -> adapter.refund(us, new RefundCommand("ebay-us", "12-09876-54321",
                new BigDecimal("40.00"), "USD", "goodwill", "case:AS-1:refund-2")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("refundable now: 31.94")
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.REJECTED);
        assertThatThrownBy(() -> adapter.refund(us, new RefundCommand("ebay-us", "12-09876-54321",
                new BigDecimal("5.00"), "EUR", "goodwill", "case:AS-1:refund-3")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("settled in USD, not EUR");
    }

    @Test
    void theSameKeyTwiceRefundsOnce() {
        ebay.stubFor(get(urlEqualTo(ORDER)).inScenario("refund").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(order())));
        ebay.stubFor(post(urlEqualTo(ISSUE_REFUND)).inScenario("refund").willReturn(okJson(REFUNDED))
                .willSetStateTo("refunded"));
        ebay.stubFor(get(urlEqualTo(ORDER)).inScenario("refund").whenScenarioStateIs("refunded")
                .willReturn(okJson(order(refundsOf("5011223344", "41.94", "PENDING"), "[]"))));

        RefundResult first = refund(us, null, "USD");
        RefundResult again = refund(us, null, "USD");

        assertThat(first.alreadyDone()).isFalse();
        assertThat(again).isEqualTo(new RefundResult("5011223344", new BigDecimal("41.94"), "USD", true));
        ebay.verify(1, postRequestedFor(urlEqualTo(ISSUE_REFUND)));
    }

    @Test
    void aRefundWhoseAnswerTimedOutIsFoundOnRetryAndNotMadeTwice() {
        ebay.stubFor(get(urlEqualTo(ORDER)).inScenario("refund").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(order())));
        ebay.stubFor(post(urlEqualTo(ISSUE_REFUND)).inScenario("refund").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(REFUNDED).withFixedDelay(1500)).willSetStateTo("refunded"));
        ebay.stubFor(get(urlEqualTo(ORDER)).inScenario("refund").whenScenarioStateIs("refunded")
                .willReturn(okJson(order(refundsOf("5011223344", "41.94", "PENDING"), "[]"))));

        RefundResult result = refund(us, null, "USD");

        assertThat(result).isEqualTo(new RefundResult("5011223344", new BigDecimal("41.94"), "USD", true));
        ebay.verify(1, postRequestedFor(urlEqualTo(ISSUE_REFUND)));
    }

    @Test
    void aFullRefundOfAnOrderWithNothingLeftIsAlreadyDone() {
        ebay.stubFor(get(urlEqualTo(ORDER)).willReturn(okJson(order(refundsOf("5011110000", "41.94", "REFUNDED"),
                "[]"))));

        RefundResult result = refund(us, null, null);

        assertThat(result).isEqualTo(new RefundResult("5011110000", new BigDecimal("41.94"), "USD", true));
        ebay.verify(0, postRequestedFor(urlEqualTo(ISSUE_REFUND)));
    }

    @Test
    void anEuSellersRefundCarriesASignatureThatVerifiesWithThePublicKey() throws Exception {
        ebay.stubFor(get(urlEqualTo(ORDER)).willReturn(okJson(order().replace("USD", "EUR"))));
        ebay.stubFor(post(urlEqualTo(ISSUE_REFUND)).willReturn(okJson(REFUNDED)));

        refund(EbayTestSupport.deStore(ebay.baseUrl()), new BigDecimal("20.00"), "EUR");

        List<LoggedRequest> sent = ebay.findAll(postRequestedFor(urlEqualTo(ISSUE_REFUND))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_DE"))
                .withHeader("x-ebay-signature-key", equalTo(TEST_JWE))
                .withHeader("x-ebay-enforce-signature", equalTo("true")));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Signature-Input")).startsWith("sig1=(\"content-digest\""
                + " \"x-ebay-signature-key\" \"@method\" \"@path\" \"@authority\");created=");
        EbayTestSupport.verifySignature(sent.get(0), TEST_PUBLIC_KEY);
    }

    @Test
    void anEuStoreWithoutSigningKeysIsToldWhatToSetBeforeAnythingIsSent() {
        StoreConnection noKeys = new StoreConnection("ebay-de-nokeys", EbayTestSupport.deStore(ebay.baseUrl())
                .platform(), ebay.baseUrl(), "helloword_store", "EBAY_DE", "ebay-de-nokeys", "EUR", "de");

        assertThatThrownBy(() -> refund(noKeys, null, "EUR")).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("AFTERSALES_CREDENTIALS_EBAY_DE_NOKEYS_SIGNING_PRIVATE_KEY")
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.UNAUTHORIZED);
        assertThat(ebay.getAllServeEvents()).isEmpty();
    }

    @Test
    void eBaysRefusalIsAReadableRejectionThatIsNotRetried() {
        ebay.stubFor(get(urlEqualTo(ORDER)).willReturn(okJson(order())));
        ebay.stubFor(post(urlEqualTo(ISSUE_REFUND)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"errorId": 34916, "domain": "API_FULFILLMENT", "category": "BUSINESS",
                          "message":
                            "A post-transaction case exists on this order, seller refund can't be triggered."}]}
                        """)));

        assertThatThrownBy(() -> refund(us, null, "USD")).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("eBay error 34916: A post-transaction case exists on this order")
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.REJECTED);
        ebay.verify(1, postRequestedFor(urlEqualTo(ISSUE_REFUND)));
    }

    @Test
    void aRefundEbayAnswersAsFailedIsARejection() {
        ebay.stubFor(get(urlEqualTo(ORDER)).willReturn(okJson(order())));
        ebay.stubFor(post(urlEqualTo(ISSUE_REFUND)).willReturn(okJson("{\"refundStatus\": \"FAILED\"}")));

        assertThatThrownBy(() -> refund(us, null, "USD")).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("refundStatus FAILED")
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.REJECTED);
    }
}
