package com.helloword.aftersales.platform.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TEST_JWE;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TEST_PUBLIC_KEY;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TOKEN;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.fixture;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.returnDetail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.platform.MarketplacePort.ClaimAction;
import com.helloword.aftersales.platform.MarketplacePort.ClaimRef;
import com.helloword.aftersales.platform.MarketplacePort.ClaimResponseCommand;
import com.helloword.aftersales.platform.MarketplacePort.PartialRefundOffer;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.MutableClock;

/** Post-Order API v2 cases, inquiries and returns, as eBay documents their payloads. */
class EbayClaimTest {

    @RegisterExtension
    static WireMockExtension ebay = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String CASE = "/post-order/v2/casemanagement/5123456789";
    static final String INQUIRY = "/post-order/v2/inquiry/5012345678";
    static final String RETURN = "/post-order/v2/return/5000012345";
    static final String OFFER_KEY = "case:AS-9:partial-refund";

    EbayAdapter adapter;
    StoreConnection us;
    StoreConnection de;

    @BeforeEach
    void setUp() {
        adapter = EbayTestSupport.adapter(EbayTestSupport.environment(), new MutableClock());
        us = EbayTestSupport.usStore(ebay.baseUrl());
        de = EbayTestSupport.deStore(ebay.baseUrl());
        ebay.stubFor(EbayTestSupport.tokenStub());
    }

    private static JsonNode json(LoggedRequest request) throws Exception {
        return new ObjectMapper().readTree(request.getBodyAsString());
    }

    private ClaimResponseCommand answer(String claimId, ClaimAction action, String key) {
        return new ClaimResponseCommand("ebay-us", claimId, action, null, null, "We are sorry for the trouble.",
                "USPS", "9400 1118 9922 3456 7890 12", key);
    }

    @Test
    void aCaseIsReadWithThePostOrderTokenScheme() {
        ebay.stubFor(get(urlEqualTo(CASE)).willReturn(okJson(fixture("case.json"))));

        PlatformClaim claim = adapter.getClaim(us, new ClaimRef("ebay-us", "5123456789"));

        assertThat(claim).isEqualTo(new PlatformClaim("5123456789", "CASE_ITEM_NOT_RECEIVED", "OPEN",
                "ITEM_NOT_RECEIVED", new BigDecimal("41.94"), "USD", Instant.parse("2026-03-23T08:00:00Z"), null));
        ebay.verify(getRequestedFor(urlEqualTo(CASE))
                .withHeader("Authorization", equalTo("IAF " + TOKEN))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US"))
                .withHeader("Accept", containing("application/json")));
    }

    @Test
    void anInquiryAndAReturnAreReadToo() {
        ebay.stubFor(get(urlEqualTo(INQUIRY)).willReturn(okJson(fixture("inquiry.json"))));
        ebay.stubFor(get(urlEqualTo(RETURN + "?fieldgroups=SUMMARY"))
                .willReturn(okJson(fixture("return-summary.json"))));

        assertThat(adapter.getClaim(us, new ClaimRef("ebay-us", "inquiry:5012345678"))).isEqualTo(new PlatformClaim(
                "inquiry:5012345678", "INQUIRY_ITEM_NOT_RECEIVED", "WAITING_SELLER_RESPONSE", "ITEM_NOT_RECEIVED",
                new BigDecimal("41.94"), "USD", Instant.parse("2026-03-18T10:00:00Z"), null));
        assertThat(adapter.getClaim(us, new ClaimRef("ebay-us", "return:5000012345"))).isEqualTo(new PlatformClaim(
                "return:5000012345", "RETURN_MONEY_BACK", "RETURN_REQUESTED", "DEFECTIVE_ITEM",
                new BigDecimal("36.95"), "EUR", Instant.parse("2026-03-13T12:00:00Z"), "12-09876-54321"));
        ebay.verify(getRequestedFor(urlEqualTo(INQUIRY)).withHeader("Authorization", equalTo("IAF " + TOKEN)));
    }

    @Test
    void aPartialRefundOfferIsASignedDecisionOnTheReturn() throws Exception {
        ebay.stubFor(get(urlEqualTo(RETURN)).willReturn(okJson(returnDetail("[]"))));
        ebay.stubFor(post(urlEqualTo(RETURN + "/decide")).willReturn(okJson("{}")));

        RefundResult result = adapter.offerPartialRefund(de, new PartialRefundOffer("ebay-de", "12-09876-54321",
                "5000012345", new BigDecimal("5.00"), "EUR", "Keep the powerbank, we refund 5 EUR.", OFFER_KEY));

        assertThat(result).isEqualTo(new RefundResult("return:5000012345", new BigDecimal("5.00"), "EUR", false));
        List<LoggedRequest> sent = ebay.findAll(postRequestedFor(urlEqualTo(RETURN + "/decide"))
                .withHeader("Authorization", equalTo("IAF " + TOKEN))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_DE"))
                .withHeader("x-ebay-signature-key", equalTo(TEST_JWE))
                .withRequestBody(matchingJsonPath("$.decision", equalTo("OFFER_PARTIAL_REFUND")))
                .withRequestBody(matchingJsonPath("$.partialRefundAmount.currency", equalTo("EUR")))
                .withRequestBody(matchingJsonPath("$.comments.content", containing("we refund 5 EUR")))
                .withRequestBody(matchingJsonPath("$.comments.content", containing(EbayValues.reference(OFFER_KEY)))));
        assertThat(sent).hasSize(1);
        JsonNode amount = json(sent.get(0)).path("partialRefundAmount").path("value");
        assertThat(amount.isNumber()).as("Post-Order amounts are JSON numbers").isTrue();
        assertThat(amount.decimalValue()).isEqualByComparingTo("5.00");
        EbayTestSupport.verifySignature(sent.get(0), TEST_PUBLIC_KEY);
    }

    @Test
    void theSameOfferTwiceIsMadeOnce() {
        String offered = """
                [{"author": "SELLER", "activity": "SELLER_OFFER_PARTIAL_REFUND", "fromState": "RETURN_REQUESTED",
                  "toState": "PARTIAL_REFUND_REQUESTED", "creationDate": {"value": "2026-03-11T09:00:00.000Z"},
                  "notes": "Keep the powerbank, we refund 5 EUR.\\n\\n%s"}]"""
                .formatted(EbayValues.reference(OFFER_KEY));
        ebay.stubFor(get(urlEqualTo(RETURN)).inScenario("offer").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(returnDetail("[]"))));
        ebay.stubFor(post(urlEqualTo(RETURN + "/decide")).inScenario("offer").willReturn(okJson("{}"))
                .willSetStateTo("offered"));
        ebay.stubFor(get(urlEqualTo(RETURN)).inScenario("offer").whenScenarioStateIs("offered")
                .willReturn(okJson(returnDetail(offered))));
        PartialRefundOffer offer = new PartialRefundOffer("ebay-de", "12-09876-54321", "return:5000012345",
                new BigDecimal("5.00"), "EUR", "Keep the powerbank, we refund 5 EUR.", OFFER_KEY);

        assertThat(adapter.offerPartialRefund(de, offer).alreadyDone()).isFalse();
        assertThat(adapter.offerPartialRefund(de, offer).alreadyDone()).isTrue();

        ebay.verify(1, postRequestedFor(urlEqualTo(RETURN + "/decide")));
    }

    @Test
    void aPartialRefundOfferNeedsAReturn() {
        assertThatThrownBy(() -> adapter.offerPartialRefund(us, new PartialRefundOffer("ebay-us", "12-09876-54321",
                null, BigDecimal.TEN, "USD", "offer", OFFER_KEY)))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("only on a return request");
        assertThatThrownBy(() -> adapter.offerPartialRefund(us, new PartialRefundOffer("ebay-us", "12-09876-54321",
                "inquiry:5012345678", BigDecimal.TEN, "USD", "offer", OFFER_KEY)))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("not on an item-not-received");
        assertThatThrownBy(() -> adapter.respondToClaim(us, answer("case:5123456789",
                ClaimAction.OFFER_PARTIAL_REFUND, "k")))
                .isInstanceOf(PlatformCannotException.class);
        assertThat(ebay.getAllServeEvents()).isEmpty();
    }

    @Test
    void acceptingACaseRefundsItOnceWithASignedCall() throws Exception {
        ebay.stubFor(get(urlEqualTo(CASE)).willReturn(okJson(fixture("case.json").replace("USD", "EUR"))));
        ebay.stubFor(post(urlEqualTo(CASE + "/issue_refund")).willReturn(okJson("""
                {"refundResult": {"refundSource": "SELLER_PAYMENT_METHOD", "refundStatus": "SUCCESS"}}""")));
        ClaimResponseCommand accept = new ClaimResponseCommand("ebay-de", "case:5123456789", ClaimAction.ACCEPT,
                null, null, "Refund on its way.", null, null, "case:AS-7:accept");

        adapter.respondToClaim(de, accept);
        adapter.respondToClaim(de, accept);

        List<LoggedRequest> sent = ebay.findAll(postRequestedFor(urlEqualTo(CASE + "/issue_refund"))
                .withHeader("Authorization", equalTo("IAF " + TOKEN))
                .withRequestBody(matchingJsonPath("$.comments.content", containing("Refund on its way."))));
        assertThat(sent).hasSize(1);
        EbayTestSupport.verifySignature(sent.get(0), TEST_PUBLIC_KEY);
    }

    @Test
    void acceptingAClosedCaseChangesNothing() {
        ebay.stubFor(get(urlEqualTo(CASE)).willReturn(okJson(fixture("case.json")
                .replace("\"status\": \"OPEN\"", "\"status\": \"CLOSED\""))));

        adapter.respondToClaim(us, answer("case:5123456789", ClaimAction.ACCEPT, "case:AS-7:accept"));

        ebay.verify(0, postRequestedFor(urlPathMatching(".*/issue_refund")));
    }

    @Test
    void acceptingAnInquiryRefundsItAndAcceptingAReturnApprovesIt() {
        ebay.stubFor(get(urlEqualTo(INQUIRY)).willReturn(okJson(fixture("inquiry.json"))));
        ebay.stubFor(post(urlEqualTo(INQUIRY + "/issue_refund")).willReturn(okJson("""
                {"refundResult": {"refundSource": "SELLER_PAYMENT_METHOD", "refundStatus": "PENDING"}}""")));
        ebay.stubFor(get(urlEqualTo(RETURN)).willReturn(okJson(returnDetail("[]"))));
        ebay.stubFor(post(urlEqualTo(RETURN + "/decide")).willReturn(okJson("{}")));

        adapter.respondToClaim(us, answer("inquiry:5012345678", ClaimAction.ACCEPT, "case:AS-8:accept"));
        adapter.respondToClaim(us, answer("return:5000012345", ClaimAction.ACCEPT, "case:AS-9:accept"));

        ebay.verify(postRequestedFor(urlEqualTo(INQUIRY + "/issue_refund"))
                .withHeader("Authorization", equalTo("IAF " + TOKEN))
                .withRequestBody(matchingJsonPath("$.comments.content", containing("sorry"))));
        ebay.verify(postRequestedFor(urlEqualTo(RETURN + "/decide"))
                .withRequestBody(matchingJsonPath("$.decision", equalTo("APPROVE"))));
    }

    @Test
    void trackingGoesToAnInquiryAndNowhereElse() {
        ebay.stubFor(post(urlEqualTo(INQUIRY + "/provide_shipment_info")).willReturn(okJson("{}")));

        adapter.respondToClaim(us, answer("inquiry:5012345678", ClaimAction.PROVIDE_TRACKING, "case:AS-8:tracking"));

        ebay.verify(postRequestedFor(urlEqualTo(INQUIRY + "/provide_shipment_info"))
                .withHeader("Authorization", equalTo("IAF " + TOKEN))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US"))
                .withRequestBody(matchingJsonPath("$.shippingCarrierName", equalTo("USPS")))
                .withRequestBody(matchingJsonPath("$.trackingNumber", equalTo("9400111899223456789012")))
                .withRequestBody(matchingJsonPath("$.shippedWithTracking", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.sellerComments.content",
                        equalTo("We are sorry for the trouble."))));
        assertThatThrownBy(() -> adapter.respondToClaim(us, answer("case:5123456789", ClaimAction.PROVIDE_TRACKING,
                "k"))).isInstanceOf(PlatformCannotException.class).hasMessageContaining("Seller Hub");
        ebay.verify(1, postRequestedFor(urlPathMatching("/post-order/.*")));
    }
}
