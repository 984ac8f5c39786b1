package com.helloword.aftersales.platform.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TOKEN;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaimBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaimsQuery;
import com.helloword.aftersales.platform.PlatformClaimNotice;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.InMemoryOperationJournal;
import com.helloword.aftersales.support.MutableClock;
import com.helloword.aftersales.support.ProviderTestSupport;

/** The eBay claims feed: Post-Order case search and Fulfillment payment dispute summaries. */
class EbayClaimFeedTest {

    @RegisterExtension
    static WireMockExtension ebay = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String CASES = "/post-order/v2/casemanagement/search";
    static final String DISPUTES = "/sell/fulfillment/v1/payment_dispute_summary";
    static final Instant SINCE = Instant.parse("2026-03-01T00:00:00Z");

    EbayAdapter adapter;
    MutableClock clock;
    StoreConnection us;

    @BeforeEach
    void setUp() {
        clock = new MutableClock();
        clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        adapter = EbayTestSupport.adapter(EbayTestSupport.environment(), clock);
        us = EbayTestSupport.usStore(ebay.baseUrl());
        ebay.stubFor(EbayTestSupport.tokenStub());
    }

    private static String page(String fixture, int offset, int total, String... members) {
        return fixture(fixture).replace("\"__MEMBERS__\"", "[" + String.join(",", members) + "]")
                .replace("\"__OFFSET__\"", String.valueOf(offset)).replace("\"__TOTAL__\"", String.valueOf(total));
    }

    private static String caseMember(String caseId, String caseType, String status, String orderField) {
        return """
                {"caseId": "%s", %s "caseStatusEnum": "%s", "itemId": "110551234567",
                 "transactionId": "2000123456789", "buyer": "buyer_jo", "seller": "helloword_store",
                 "claimAmount": {"value": 41.94, "currency": "USD"},
                 "creationDate": {"value": "2026-03-10T12:00:00.000Z"},
                 "lastModifiedDate": {"value": "2026-03-11T12:00:00.000Z"},
                 "respondByDate": {"value": "2026-03-23T08:00:00.000Z"}%s}"""
                .formatted(caseId, caseType == null ? "" : "\"caseType\": \"" + caseType + "\",", status,
                        orderField == null ? "" : ", \"orderId\": \"" + orderField + "\"");
    }

    private static String dispute(String id, String reason, String status) {
        return """
                {"paymentDisputeId": "%s", "orderId": "12-09876-54321", "reason": "%s",
                 "paymentDisputeStatus": "%s", "buyerUsername": "buyer_jo",
                 "openDate": "2026-03-12T09:00:00.000Z", "respondByDate": "2026-03-22T09:00:00.000Z",
                 "amount": {"value": "36.95", "currency": "USD"}}""".formatted(id, reason, status);
    }

    private PlatformClaimBatch claims(String cursor) {
        return adapter.platformClaims(us, new PlatformClaimsQuery("ebay-us", SINCE, cursor));
    }

    @Test
    void casesAndPaymentDisputesAreMappedToNotices() {
        ebay.stubFor(get(urlPathEqualTo(CASES)).willReturn(okJson(page("case-search.json", 0, 4,
                caseMember("5123456789", "ITEM_NOT_RECEIVED", "OPEN", "12-09876-54321"),
                caseMember("5123456790", "RETURN", "CS_CLOSED", null),
                caseMember("5123456791", "SNAD", "WAITING_CS", null),
                caseMember("5123456792", null, "CLOSED", null)))));
        ebay.stubFor(get(urlPathEqualTo(DISPUTES)).willReturn(okJson(page("payment-dispute-summaries.json", 0, 4,
                dispute("5-12345", "ITEM_NOT_RECEIVED", "ACTION_NEEDED"),
                dispute("5-12346", "SIGNIFICANTLY_NOT_AS_DESCRIBED", "OPEN"),
                dispute("5-12347", "UNAUTHORIZED_PAYMENT", "OPEN"),
                dispute("5-12348", "DUPLICATE_PAYMENT", "CLOSED")))));

        PlatformClaimBatch batch = claims(null);

        assertThat(batch.claims().get(0)).isEqualTo(new PlatformClaimNotice("EBAY", "ebay-us", "case:5123456789",
                "12-09876-54321", null, "ITEM_NOT_RECEIVED", "OPEN", false, Instant.parse("2026-03-23T08:00:00Z"),
                new BigDecimal("41.94"), "USD", "ITEM_NOT_RECEIVED"));
        assertThat(batch.claims().get(4)).isEqualTo(new PlatformClaimNotice("EBAY", "ebay-us",
                "payment-dispute:5-12345", "12-09876-54321", null, "ITEM_NOT_RECEIVED", "ACTION_NEEDED", false,
                Instant.parse("2026-03-22T09:00:00Z"), new BigDecimal("36.95"), "USD", "ITEM_NOT_RECEIVED"));
        assertThat(batch.claims()).extracting(PlatformClaimNotice::claimType).containsExactly("ITEM_NOT_RECEIVED",
                "OTHER", "NOT_AS_DESCRIBED", "OTHER", "ITEM_NOT_RECEIVED", "NOT_AS_DESCRIBED", "UNAUTHORIZED",
                "CHARGEBACK");
        assertThat(batch.claims()).extracting(PlatformClaimNotice::closed).containsExactly(false, true, false, true,
                false, false, false, true);
        assertThat(batch.claims().get(1).platformOrderId()).isEqualTo("110551234567-2000123456789");
        assertThat(batch.claims()).allSatisfy(c -> assertThat(c.claimType()).isIn(PlatformClaimNotice.CLAIM_TYPES));
        assertThat(batch.more()).isFalse();
        assertThat(batch.toString()).doesNotContain("buyer_jo");
        ebay.verify(getRequestedFor(urlPathEqualTo(CASES)).withHeader("Authorization", equalTo("IAF " + TOKEN))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US"))
                .withQueryParam("case_creation_date_range_from", equalTo("2026-03-01T00:00:00.000Z"))
                .withQueryParam("case_creation_date_range_to", equalTo("2026-03-20T10:00:00.000Z"))
                .withQueryParam("limit", equalTo("25")).withQueryParam("offset", equalTo("0")));
        ebay.verify(getRequestedFor(urlPathEqualTo(DISPUTES)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("open_date_from", equalTo("2026-03-01T00:00:00.000Z"))
                .withQueryParam("open_date_to", equalTo("2026-03-20T10:00:00.000Z"))
                .withQueryParam("offset", equalTo("0")));
    }

    @Test
    void aFullPageAsksForMoreAndTheCursorPagesOnThenStartsAgainWithAnOverlap() {
        String[] full = new String[25];
        for (int i = 0; i < full.length; i++) {
            full[i] = caseMember("51000000" + (10 + i), "ITEM_NOT_RECEIVED", "OPEN", null);
        }
        ebay.stubFor(get(urlPathEqualTo(CASES)).withQueryParam("offset", equalTo("0"))
                .willReturn(okJson(page("case-search.json", 0, 26, full))));
        ebay.stubFor(get(urlPathEqualTo(CASES)).withQueryParam("offset", equalTo("25"))
                .willReturn(okJson(page("case-search.json", 25, 26,
                        caseMember("5200000001", "ITEM_NOT_RECEIVED", "OPEN", null)))));
        ebay.stubFor(get(urlPathEqualTo(DISPUTES)).willReturn(okJson(page("payment-dispute-summaries.json", 0, 0))));

        PlatformClaimBatch first = claims(null);
        clock.set(Instant.parse("2026-03-20T10:05:00Z"));
        PlatformClaimBatch second = claims(first.cursor());

        assertThat(first.claims()).hasSize(25);
        assertThat(first.more()).isTrue();
        assertThat(second.claims()).extracting(PlatformClaimNotice::claimId).containsExactly("case:5200000001");
        assertThat(second.more()).isFalse();
        // the second page reads the same window as the first
        ebay.verify(getRequestedFor(urlPathEqualTo(CASES)).withQueryParam("offset", equalTo("25"))
                .withQueryParam("case_creation_date_range_from", equalTo("2026-03-01T00:00:00.000Z"))
                .withQueryParam("case_creation_date_range_to", equalTo("2026-03-20T10:00:00.000Z")));

        // the window read through, the next round starts an hour before its end
        ebay.resetRequests();
        clock.set(Instant.parse("2026-03-20T10:10:00Z"));
        claims(second.cursor());
        ebay.verify(getRequestedFor(urlPathEqualTo(CASES)).withQueryParam("offset", equalTo("0"))
                .withQueryParam("case_creation_date_range_from", equalTo("2026-03-20T09:00:00.000Z"))
                .withQueryParam("case_creation_date_range_to", equalTo("2026-03-20T10:10:00.000Z")));
        ebay.verify(getRequestedFor(urlPathEqualTo(DISPUTES))
                .withQueryParam("open_date_from", equalTo("2026-03-20T09:05:00.000Z")));
    }

    @Test
    void paymentDisputesAreAskedForInNinetyDayWindows() {
        ebay.stubFor(get(urlPathEqualTo(CASES)).willReturn(okJson(page("case-search.json", 0, 0))));
        ebay.stubFor(get(urlPathEqualTo(DISPUTES)).willReturn(okJson(page("payment-dispute-summaries.json", 0, 0))));

        PlatformClaimBatch batch = adapter.platformClaims(us, new PlatformClaimsQuery("ebay-us",
                Instant.parse("2025-10-01T00:00:00Z"), null));

        assertThat(batch.more()).isTrue();
        ebay.verify(getRequestedFor(urlPathEqualTo(DISPUTES))
                .withQueryParam("open_date_from", equalTo("2025-10-01T00:00:00.000Z"))
                .withQueryParam("open_date_to", equalTo("2025-12-30T00:00:00.000Z")));
        ebay.resetRequests();
        claims(batch.cursor());
        ebay.verify(getRequestedFor(urlPathEqualTo(DISPUTES))
                .withQueryParam("open_date_from", equalTo("2025-12-29T23:00:00.000Z")));
        assertThatThrownBy(() -> claims("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paymentDisputesGoToTheApizHostOfTheSettings() {
        EbayAdapter split = new EbayAdapter(ProviderTestSupport.clients(EbayTestSupport.environment()),
                new CredentialStore(EbayTestSupport.environment()), clock, new InMemoryOperationJournal(),
                ebay.baseUrl(), ebay.baseUrl() + "/apiz", EbayTestSupport.TOKEN_PATH, EbayAdapter.DEFAULT_SCOPES,
                EbayAdapter.EU_UK_MARKETPLACES);
        StoreConnection onDefault = new StoreConnection("ebay-us", us.platform(), null, "helloword_store",
                "EBAY_US", "ebay-us", "USD", "en");
        ebay.stubFor(get(urlPathEqualTo(CASES)).willReturn(okJson(page("case-search.json", 0, 0))));
        ebay.stubFor(get(urlPathEqualTo("/apiz" + DISPUTES)).willReturn(okJson(page("payment-dispute-summaries.json",
                0, 1, dispute("5-12345", "ITEM_NOT_RECEIVED", "OPEN")))));

        PlatformClaimBatch batch = split.platformClaims(onDefault, new PlatformClaimsQuery("ebay-us", SINCE, null));

        assertThat(batch.claims()).extracting(PlatformClaimNotice::claimId).containsExactly("payment-dispute:5-12345");
        // a seller's consent may predate it: the scope is opt-in, not a default that breaks their token refresh
        assertThat(EbayAdapter.DEFAULT_SCOPES).doesNotContain(EbayAdapter.PAYMENT_DISPUTE_SCOPE);
    }

    @Test
    void anEbayErrorIsAProviderFailure() {
        ebay.stubFor(get(urlPathEqualTo(CASES)).willReturn(okJson(page("case-search.json", 0, 0))));
        ebay.stubFor(get(urlPathEqualTo(DISPUTES)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"errorId": 33001, "domain": "API_FULFILLMENT", "category": "REQUEST",
                          "message": "Invalid date range."}]}""")));

        assertThatThrownBy(() -> claims(null)).isInstanceOf(ProviderFailure.class).hasMessageContaining("33001");
    }
}
