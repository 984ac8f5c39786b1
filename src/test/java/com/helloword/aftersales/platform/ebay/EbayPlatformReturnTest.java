package com.helloword.aftersales.platform.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.PlatformLabel;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturn;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnResult;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnsQuery;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.MutableClock;

/** Post-Order API v2 returns opened by buyers: search, decide, initiate_shipping_label and issue_refund. */
class EbayPlatformReturnTest {

    @RegisterExtension
    static WireMockExtension ebay = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String SEARCH = "/post-order/v2/return/search";
    static final String RETURN = "/post-order/v2/return/5000012345";
    static final String SUMMARY = RETURN + "?fieldgroups=SUMMARY";
    static final String KEY = "case:AS-31:platform-return";
    static final String ORDERS = "/sell/fulfillment/v1/order/";

    EbayAdapter adapter;
    MutableClock clock;
    StoreConnection us;
    StoreConnection de;

    @BeforeEach
    void setUp() {
        clock = new MutableClock();
        adapter = EbayTestSupport.adapter(EbayTestSupport.environment(), clock);
        us = EbayTestSupport.usStore(ebay.baseUrl());
        de = EbayTestSupport.deStore(ebay.baseUrl());
        ebay.stubFor(EbayTestSupport.tokenStub());
        // every order a return names, unless a test says otherwise: one line, item 110551234567, SKU POWERBANK-20K
        ebay.stubFor(get(urlPathMatching(ORDERS + ".*")).willReturn(okJson(EbayTestSupport.order())));
    }

    private static String member(String returnId, String orderId, String created, String type, String reason) {
        return member(returnId, orderId, created, type, reason, "110551234567", "2000123456789", 2);
    }

    private static String member(String returnId, String orderId, String created, String type, String reason,
            String itemId, String transactionId, int quantity) {
        return """
                {"returnId": "%s", %s "buyerLoginName": "buyer_jo", "sellerLoginName": "helloword_store",
                 "currentType": "%s", "state": "RETURN_REQUESTED", "status": "RETURN_REQUESTED",
                 "creationInfo": {"item": {"itemId": "%s", "transactionId": "%s",
                   "returnQuantity": %d}, "type": "%s", "reason": "%s", "reasonType": "SNAD",
                   "comments": {"content": "Please call me at 555-0100, Main Street 5"},
                   "creationDate": {"value": "%s"}}}"""
                .formatted(returnId, orderId == null ? "" : "\"orderId\": \"" + orderId + "\",", type, itemId,
                        transactionId, quantity, type, reason, created);
    }

    /** getOrder of an order with two lines from two listings, and two lines of one listing (variations). */
    private static String twoListingOrder(String orderId) {
        return """
                {"orderId": "%s", "lineItems": [
                  {"lineItemId": "10050912345678", "legacyItemId": "110551234567", "sku": "POWERBANK-20K",
                   "quantity": 1},
                  {"lineItemId": "10050912345679", "legacyItemId": "110559876543", "sku": "CABLE-USB-C-2M",
                   "quantity": 3},
                  {"lineItemId": "2000777000111", "legacyItemId": "110550000777", "sku": "SHIRT-BLUE-M",
                   "quantity": 1},
                  {"lineItemId": "2000777000112", "legacyItemId": "110550000777", "sku": "SHIRT-BLUE-L",
                   "quantity": 1}]}""".formatted(orderId);
    }

    private static String page(int offset, int total, String... members) {
        return fixture("return-search.json").replace("\"__MEMBERS__\"", "[" + String.join(",", members) + "]")
                .replace("\"__OFFSET__\"", String.valueOf(offset)).replace("\"__TOTAL__\"", String.valueOf(total));
    }

    private static String summary(String status, String... options) {
        StringBuilder available = new StringBuilder();
        for (String option : options) {
            available.append(available.isEmpty() ? "" : ",").append("{\"actionType\": \"").append(option)
                    .append("\"}");
        }
        return fixture("return-summary.json").replace("\"status\": \"RETURN_REQUESTED\"",
                "\"status\": \"" + status + "\"").replaceFirst("\"sellerAvailableOptions\": \\[.*]",
                "\"sellerAvailableOptions\": [" + available + "]");
    }

    private PlatformReturnCommand command(String note) {
        return new PlatformReturnCommand("ebay-us", "5000012345", "12-09876-54321", note, KEY);
    }

    // --- search -------------------------------------------------------------------------------

    @Test
    void returnsAreSearchedFromSinceOldestFirstAndMappedWithoutTheBuyersWords() {
        clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        ebay.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(page(0, 2,
                member("5000012345", "12-09876-54321", "2026-03-10T12:00:00.000Z", "MONEY_BACK", "DEFECTIVE_ITEM"),
                member("5000012399", null, "2026-03-11T08:30:00.000Z", "REPLACEMENT", "WRONG_SIZE")))));

        PlatformReturnBatch batch = adapter.platformReturns(us, new PlatformReturnsQuery("ebay-us",
                Instant.parse("2026-03-01T00:00:00Z"), null));

        assertThat(batch.returns()).containsExactly(
                new PlatformReturn("5000012345", "12-09876-54321", "POWERBANK-20K", 2, "DEFECTIVE_ITEM", "REFUND",
                        Instant.parse("2026-03-10T12:00:00Z"), "RETURN_REQUESTED", null, null),
                new PlatformReturn("5000012399", "110551234567-2000123456789", null, 2, "WRONG_SIZE", "EXCHANGE",
                        Instant.parse("2026-03-11T08:30:00Z"), "RETURN_REQUESTED", null, null));
        assertThat(batch.more()).isFalse();
        assertThat(batch.returns().toString()).doesNotContain("555-0100", "Main Street");
        ebay.verify(getRequestedFor(urlPathEqualTo(SEARCH))
                .withHeader("Authorization", equalTo("IAF " + TOKEN))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US"))
                .withQueryParam("creation_date_range_from", equalTo("2026-03-01T00:00:00.000Z"))
                .withQueryParam("creation_date_range_to", equalTo("2026-03-20T10:00:00.000Z"))
                .withQueryParam("sort", equalTo("+FILING_DATE"))
                .withQueryParam("limit", equalTo("25"))
                .withQueryParam("offset", equalTo("0")));
        assertThat(ebay.findAll(getRequestedFor(urlPathEqualTo(SEARCH))).get(0).getUrl()).contains("sort=%2BFILING_DATE");

        // the next round starts from the newest return seen, reading it again rather than risking a gap
        ebay.resetRequests();
        adapter.platformReturns(us, new PlatformReturnsQuery("ebay-us", Instant.parse("2026-03-01T00:00:00Z"),
                batch.cursor()));
        ebay.verify(getRequestedFor(urlPathEqualTo(SEARCH))
                .withQueryParam("creation_date_range_from", equalTo("2026-03-11T08:30:00.000Z"))
                .withQueryParam("offset", equalTo("0")));
    }

    @Test
    void eachReturnGetsTheSkuOfItsOwnLineReadOncePerOrder() {
        clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        ebay.stubFor(get(urlEqualTo(ORDERS + "12-09876-54400")).willReturn(okJson(twoListingOrder("12-09876-54400"))));
        ebay.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(page(0, 4,
                member("5000030001", "12-09876-54400", "2026-03-10T12:00:00.000Z", "MONEY_BACK", "DEFECTIVE_ITEM",
                        "110559876543", "10050912345679", 2),
                member("5000030002", "12-09876-54400", "2026-03-10T13:00:00.000Z", "MONEY_BACK", "WRONG_SIZE",
                        "110550000777", "2000777000112", 1),
                member("5000030003", "12-09876-54400", "2026-03-10T14:00:00.000Z", "MONEY_BACK", "WRONG_SIZE",
                        "110550000777", "2000777000999", 1),
                member("5000030004", "12-09876-54400", "2026-03-10T15:00:00.000Z", "MONEY_BACK", "OTHER",
                        "110551111111", "2000123456789", 1)))));

        PlatformReturnBatch batch = adapter.platformReturns(us, new PlatformReturnsQuery("ebay-us",
                Instant.parse("2026-03-01T00:00:00Z"), null));

        // the listing's line; among a listing's variations the line of the transaction; no certain line, no SKU
        assertThat(batch.returns()).extracting(PlatformReturn::platformReturnId, PlatformReturn::sku,
                PlatformReturn::quantity).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("5000030001", "CABLE-USB-C-2M", 2),
                        org.assertj.core.groups.Tuple.tuple("5000030002", "SHIRT-BLUE-L", 1),
                        org.assertj.core.groups.Tuple.tuple("5000030003", null, 1),
                        org.assertj.core.groups.Tuple.tuple("5000030004", null, 1));
        ebay.verify(1, getRequestedFor(urlEqualTo(ORDERS + "12-09876-54400"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void anOrderThatCannotBeReadFailsThePageButOneEbayDoesNotKnowLeavesTheSkuEmpty() {
        clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        ebay.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(page(0, 1,
                member("5000012345", "12-09876-54321", "2026-03-10T12:00:00.000Z", "MONEY_BACK", "DEFECTIVE_ITEM")))));
        ebay.stubFor(get(urlEqualTo(ORDERS + "12-09876-54321")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"errorId": 32100, "domain": "API_FULFILLMENT", "category": "REQUEST",
                          "message": "Invalid order ID: 12-09876-54321"}]}""")));
        PlatformReturnsQuery query = new PlatformReturnsQuery("ebay-us", Instant.parse("2026-03-01T00:00:00Z"), null);

        assertThatThrownBy(() -> adapter.platformReturns(us, query)).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("32100");

        ebay.stubFor(get(urlEqualTo(ORDERS + "12-09876-54321")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"errorId": 32100, "domain": "API_FULFILLMENT", "category": "REQUEST",
                          "message": "Order not found"}]}""")));
        assertThat(adapter.platformReturns(us, query).returns()).extracting(PlatformReturn::sku)
                .containsExactly((String) null);
    }

    @Test
    void aFullPageAsksForMoreAndTheCursorSkipsWhatWasReadAtTheNewestInstant() {
        clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        String[] full = new String[25];
        for (int i = 0; i < full.length; i++) {
            full[i] = member("50000100" + (10 + i), "12-09876-543" + (10 + i),
                    i < 23 ? "2026-03-10T12:00:00.000Z" : "2026-03-12T09:00:00.000Z", "MONEY_BACK", "ARRIVED_DAMAGED");
        }
        ebay.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("offset", equalTo("0"))
                .willReturn(okJson(page(0, 30, full))));
        ebay.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("offset", equalTo("2"))
                .willReturn(okJson(page(2, 3,
                        member("5000020001", "12-09876-54400", "2026-03-13T09:00:00.000Z", "MONEY_BACK", "OTHER")))));

        PlatformReturnBatch first = adapter.platformReturns(us, new PlatformReturnsQuery("ebay-us",
                Instant.parse("2026-03-01T00:00:00Z"), null));
        PlatformReturnBatch second = adapter.platformReturns(us, new PlatformReturnsQuery("ebay-us",
                Instant.parse("2026-03-01T00:00:00Z"), first.cursor()));

        assertThat(first.returns()).hasSize(25);
        assertThat(first.more()).isTrue();
        assertThat(second.returns()).extracting(PlatformReturn::platformReturnId).containsExactly("5000020001");
        assertThat(second.more()).isFalse();
        ebay.verify(getRequestedFor(urlPathEqualTo(SEARCH))
                .withQueryParam("creation_date_range_from", equalTo("2026-03-12T09:00:00.000Z"))
                .withQueryParam("offset", equalTo("2")));
    }

    @Test
    void aStartBeyondEbaysEighteenMonthsIsBroughtIntoReach() {
        clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        ebay.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(page(0, 0))));

        PlatformReturnBatch batch = adapter.platformReturns(us, new PlatformReturnsQuery("ebay-us",
                Instant.parse("2020-01-01T00:00:00Z"), null));

        assertThat(batch.returns()).isEmpty();
        assertThat(batch.more()).isFalse();
        ebay.verify(getRequestedFor(urlPathEqualTo(SEARCH))
                .withQueryParam("creation_date_range_from", equalTo("2024-09-26T10:00:00.000Z")));
        assertThatThrownBy(() -> adapter.platformReturns(us, new PlatformReturnsQuery("ebay-us", null, "soon|x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- decide -------------------------------------------------------------------------------

    @Test
    void anOpenRequestIsApprovedWithASignedDecision() throws Exception {
        ebay.stubFor(get(urlEqualTo(SUMMARY)).inScenario("approve").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(summary("RETURN_REQUESTED", "SELLER_APPROVE_REQUEST", "SELLER_DECLINE_REQUEST"))));
        ebay.stubFor(post(urlEqualTo(RETURN + "/decide")).inScenario("approve").willReturn(okJson("{}"))
                .willSetStateTo("approved"));
        ebay.stubFor(get(urlEqualTo(SUMMARY)).inScenario("approve").whenScenarioStateIs("approved")
                .willReturn(okJson(summary("READY_FOR_SHIPPING"))));

        PlatformReturnResult result = adapter.approvePlatformReturn(de, new PlatformReturnCommand("ebay-de",
                "5000012345", "12-09876-54321", "Please send it back.", KEY));

        assertThat(result).isEqualTo(new PlatformReturnResult("READY_FOR_SHIPPING", false));
        List<LoggedRequest> sent = ebay.findAll(postRequestedFor(urlEqualTo(RETURN + "/decide"))
                .withHeader("Authorization", equalTo("IAF " + TOKEN))
                .withHeader("x-ebay-signature-key", equalTo(TEST_JWE))
                .withRequestBody(matchingJsonPath("$.decision", equalTo("APPROVE")))
                .withRequestBody(matchingJsonPath("$.comments.content", containing("Please send it back."))));
        assertThat(sent).hasSize(1);
        EbayTestSupport.verifySignature(sent.get(0), TEST_PUBLIC_KEY);
    }

    @Test
    void aClosedOrEscalatedReturnIsNotApprovedAndNothingIsSent() {
        ebay.stubFor(get(urlEqualTo(SUMMARY)).willReturn(okJson(summary("CLOSED"))));
        ebay.stubFor(get(urlEqualTo(RETURN)).willReturn(okJson("""
                {"summary": {"returnId": "5000012345", "status": "CLOSED", "state": "CLOSED"},
                 "detail": {"closeInfo": {"returnCloseReason": "BUYER_CLOSED",
                   "buyerCloseReason": "BUYER_NO_LONGER_WANTS_RETURN"}, "responseHistory": []}}""")));

        assertThatThrownBy(() -> adapter.approvePlatformReturn(us, command(null)))
                .isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("closed the return (CLOSED, BUYER_CLOSED)")
                .extracting(e -> ((PlatformCannotException) e).insteadAdvice()).asString().contains("Seller Hub");

        ebay.stubFor(get(urlEqualTo(SUMMARY)).willReturn(okJson(summary("ESCALATED"))));
        ebay.stubFor(get(urlEqualTo(RETURN)).willReturn(okJson(returnDetail("[]"))));
        assertThatThrownBy(() -> adapter.approvePlatformReturn(us, command(null)))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("escalated");
        ebay.verify(0, postRequestedFor(urlPathMatching("/post-order/.*")));
    }

    @Test
    void anApprovedReturnIsAlreadyDoneAndNothingIsSent() {
        ebay.stubFor(get(urlEqualTo(SUMMARY)).willReturn(okJson(summary("READY_FOR_SHIPPING"))));
        ebay.stubFor(get(urlEqualTo(RETURN)).willReturn(okJson(returnDetail("""
                [{"author": "SELLER", "activity": "SELLER_APPROVE_REQUEST", "fromState": "RETURN_REQUESTED",
                  "toState": "READY_FOR_SHIPPING", "creationDate": {"value": "2026-03-11T09:00:00.000Z"}}]"""))));

        PlatformReturnResult result = adapter.approvePlatformReturn(us, command(null));

        assertThat(result).isEqualTo(new PlatformReturnResult("READY_FOR_SHIPPING", true));
        ebay.verify(0, postRequestedFor(urlPathMatching("/post-order/.*")));
    }

    @Test
    void aDeclinedReturnCannotBeApprovedAndAnOpenOneIsDeclinedWithTheNote() {
        String declined = """
                [{"author": "SELLER", "activity": "SELLER_DECLINE_REQUEST", "fromState": "RETURN_REQUESTED",
                  "toState": "RETURN_REJECTED", "creationDate": {"value": "2026-03-11T09:00:00.000Z"},
                  "notes": "Used item"}]""";
        ebay.stubFor(get(urlEqualTo(SUMMARY)).inScenario("decline").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(summary("RETURN_REQUESTED", "SELLER_APPROVE_REQUEST", "SELLER_DECLINE_REQUEST"))));
        ebay.stubFor(post(urlEqualTo(RETURN + "/decide")).inScenario("decline").willReturn(okJson("{}"))
                .willSetStateTo("declined"));
        ebay.stubFor(get(urlEqualTo(SUMMARY)).inScenario("decline").whenScenarioStateIs("declined")
                .willReturn(okJson(summary("RETURN_REJECTED"))));
        ebay.stubFor(get(urlEqualTo(RETURN)).inScenario("decline").whenScenarioStateIs("declined")
                .willReturn(okJson(returnDetail(declined))));

        PlatformReturnResult first = adapter.declinePlatformReturn(us, command("The item was used; see the photos."));
        PlatformReturnResult again = adapter.declinePlatformReturn(us, command("The item was used; see the photos."));

        assertThat(first).isEqualTo(new PlatformReturnResult("RETURN_REJECTED", false));
        assertThat(again).isEqualTo(new PlatformReturnResult("RETURN_REJECTED", true));
        ebay.verify(1, postRequestedFor(urlEqualTo(RETURN + "/decide"))
                .withRequestBody(matchingJsonPath("$.decision", equalTo("DECLINE")))
                .withRequestBody(matchingJsonPath("$.comments.content", containing("The item was used")))
                .withRequestBody(matchingJsonPath("$.comments.content", containing(EbayValues.reference(KEY)))));
        assertThatThrownBy(() -> adapter.approvePlatformReturn(us, command(null)))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("was declined")
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.REJECTED);
        ebay.verify(1, postRequestedFor(urlEqualTo(RETURN + "/decide")));
    }

    @Test
    void anApprovedReturnCannotBeDeclined() {
        ebay.stubFor(get(urlEqualTo(SUMMARY)).willReturn(okJson(summary("ITEM_SHIPPED"))));
        ebay.stubFor(get(urlEqualTo(RETURN)).willReturn(okJson(returnDetail("[]"))));

        assertThatThrownBy(() -> adapter.declinePlatformReturn(us, command("no"))).isInstanceOf(
                PlatformCannotException.class).hasMessageContaining("ITEM_SHIPPED");
        ebay.verify(0, postRequestedFor(urlPathMatching("/post-order/.*")));
    }

    // --- label --------------------------------------------------------------------------------

    @Test
    void ebaysLabelGivesCarrierAndTrackingAndStaysWithTheBuyer() {
        ebay.stubFor(post(urlEqualTo(RETURN + "/initiate_shipping_label")).willReturn(okJson("""
                {"carrier": "USPS", "trackingNumber": "9405511899223197428490",
                 "labelURL": "https://www.ebay.com/rt/ShippingLabel?returnId=5000012345", "labelData": "…"}""")));

        PlatformLabel label = adapter.platformReturnLabel(us, command(null));

        assertThat(label.carrier()).isEqualTo("USPS");
        assertThat(label.trackingNumber()).isEqualTo("9405511899223197428490");
        assertThat(label.labelPdf()).isNull();
        assertThat(label.buyerGetsItFromPlatform()).isTrue();
        ebay.verify(postRequestedFor(urlEqualTo(RETURN + "/initiate_shipping_label"))
                .withHeader("Authorization", equalTo("IAF " + TOKEN)));
    }

    @Test
    void aRefusedLabelFallsBackToTheCarrierUnlessEbayMadeOneBefore() {
        ebay.stubFor(post(urlEqualTo(RETURN + "/initiate_shipping_label")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": [{"domain": "returnErrorDomain", "severity": "ERROR",
                          "category": "REQUEST", "message": "The return is not eligible for an eBay label."}]}""")));
        ebay.stubFor(get(urlEqualTo(RETURN + "/get_shipping_label")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": [{"domain": "returnErrorDomain", "severity": "ERROR", "category": "REQUEST",
                          "message": "No shipping label exists for the return."}]}""")));

        assertThatThrownBy(() -> adapter.platformReturnLabel(us, command(null)))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("own carrier");

        ebay.stubFor(get(urlEqualTo(RETURN + "/get_shipping_label")).willReturn(okJson("""
                {"carrier": "USPS", "trackingNumber": "9405511899223197428490", "labelPrintStatus": "PRINTED"}""")));
        assertThat(adapter.platformReturnLabel(us, command(null)).trackingNumber())
                .isEqualTo("9405511899223197428490");
    }

    // --- refund -------------------------------------------------------------------------------

    private RefundResult refundReturn(StoreConnection store, BigDecimal amount, String key) {
        return adapter.refund(store, new RefundCommand(store.storeId(), "12-09876-54321", amount, "EUR",
                "return received", key, "5000012345"));
    }

    @Test
    void aRefundOfAReturnGoesToTheReturnOnceSignedAndNotToTheOrder() throws Exception {
        String refunded = """
                [{"author": "SELLER", "activity": "SELLER_ISSUE_REFUND", "fromState": "ITEM_DELIVERED",
                  "toState": "CLOSED", "creationDate": {"value": "2026-03-15T09:00:00.000Z"}}]""";
        ebay.stubFor(get(urlEqualTo(RETURN)).inScenario("refund").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(returnDetail("[]"))));
        ebay.stubFor(post(urlEqualTo(RETURN + "/issue_refund")).inScenario("refund")
                .willReturn(okJson("{\"refundStatus\": \"SUCCESS\"}")).willSetStateTo("refunded"));
        ebay.stubFor(get(urlEqualTo(RETURN)).inScenario("refund").whenScenarioStateIs("refunded")
                .willReturn(okJson(returnDetail(refunded))));

        RefundResult first = refundReturn(de, null, KEY);
        RefundResult again = refundReturn(de, null, KEY);

        assertThat(first).isEqualTo(new RefundResult("return:5000012345", new BigDecimal("36.95"), "EUR", false));
        assertThat(again.alreadyDone()).isTrue();
        List<LoggedRequest> sent = ebay.findAll(postRequestedFor(urlEqualTo(RETURN + "/issue_refund"))
                .withHeader("Authorization", equalTo("IAF " + TOKEN))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_DE"))
                .withHeader("x-ebay-signature-key", equalTo(TEST_JWE))
                .withRequestBody(matchingJsonPath("$.refundDetail.itemizedRefundDetail[0].refundFeeType",
                        equalTo("PURCHASE_PRICE")))
                .withRequestBody(matchingJsonPath("$.refundDetail.totalAmount.currency", equalTo("EUR")))
                .withRequestBody(matchingJsonPath("$.comments.content", containing(EbayValues.reference(KEY)))));
        assertThat(sent).hasSize(1);
        JsonNode body = new ObjectMapper().readTree(sent.get(0).getBodyAsString());
        assertThat(body.at("/refundDetail/totalAmount/value").isNumber()).isTrue();
        assertThat(body.at("/refundDetail/totalAmount/value").decimalValue()).isEqualByComparingTo("36.95");
        assertThat(body.at("/refundDetail/itemizedRefundDetail/0/refundAmount/value").decimalValue())
                .isEqualByComparingTo("36.95");
        EbayTestSupport.verifySignature(sent.get(0), TEST_PUBLIC_KEY);
        ebay.verify(0, postRequestedFor(urlPathMatching("/sell/fulfillment/.*")));
        ebay.verify(0, getRequestedFor(urlPathMatching("/sell/fulfillment/.*")));
    }

    @Test
    void aReturnRefundWhoseAnswerWasLostIsFoundInTheHistoryOnRetry() {
        String refunded = """
                [{"author": "SELLER", "activity": "SELLER_ISSUE_REFUND", "fromState": "ITEM_DELIVERED",
                  "toState": "CLOSED", "creationDate": {"value": "2026-03-15T09:00:00.000Z"}}]""";
        ebay.stubFor(get(urlEqualTo(RETURN)).inScenario("refund").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(returnDetail("[]"))));
        ebay.stubFor(post(urlEqualTo(RETURN + "/issue_refund")).inScenario("refund")
                .willReturn(okJson("{\"refundStatus\": \"SUCCESS\"}").withFixedDelay(1500)).willSetStateTo("refunded"));
        ebay.stubFor(get(urlEqualTo(RETURN)).inScenario("refund").whenScenarioStateIs("refunded")
                .willReturn(okJson(returnDetail(refunded))));

        RefundResult result = refundReturn(us, new BigDecimal("20.00"), KEY);

        assertThat(result).isEqualTo(new RefundResult("return:5000012345", new BigDecimal("20.00"), "EUR", true));
        ebay.verify(1, postRequestedFor(urlEqualTo(RETURN + "/issue_refund")));
    }

    @Test
    void aReturnRefundBeyondTheEstimateOrInAnotherCurrencyIsRefusedBeforeSending() {
        ebay.stubFor(get(urlEqualTo(RETURN)).willReturn(okJson(returnDetail("[]"))));

        assertThatThrownBy(() -> refundReturn(us, new BigDecimal("50.00"), KEY)).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("eBay estimates 36.95");
        assertThatThrownBy(() -> adapter.refund(us, new RefundCommand("ebay-us", "12-09876-54321", null, "USD",
                "x", KEY, "return:5000012345"))).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("in EUR, not USD");
        ebay.verify(0, postRequestedFor(urlPathMatching("/post-order/.*")));
    }

    @Test
    void aFailedReturnRefundIsARejectionThatMayBeTriedAgain() {
        ebay.stubFor(get(urlEqualTo(RETURN)).willReturn(okJson(returnDetail("[]"))));
        ebay.stubFor(post(urlEqualTo(RETURN + "/issue_refund")).willReturn(okJson("{\"refundStatus\": \"FAILED\"}")));

        assertThatThrownBy(() -> refundReturn(us, null, KEY)).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("refundStatus FAILED");
        assertThatThrownBy(() -> refundReturn(us, null, KEY)).isInstanceOf(ProviderFailure.class);
        ebay.verify(2, postRequestedFor(urlEqualTo(RETURN + "/issue_refund")));
    }
}
