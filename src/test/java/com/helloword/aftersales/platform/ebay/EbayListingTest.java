package com.helloword.aftersales.platform.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.SECOND_TOKEN;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TOKEN;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TOKEN_PATH;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.fixture;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.tokenAnswer;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistResult;
import com.helloword.aftersales.platform.MarketplacePort.OrderHoldCommand;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.MutableClock;

/** Sell Inventory API v1 getInventoryItem, getOffers and bulkUpdatePriceQuantity; eBay's missing order hold. */
class EbayListingTest {

    @RegisterExtension
    static WireMockExtension ebay = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String ITEM = "/sell/inventory/v1/inventory_item/POWERBANK-20K";
    static final String OFFERS = "/sell/inventory/v1/offer?sku=POWERBANK-20K";
    static final String BULK = "/sell/inventory/v1/bulk_update_price_quantity";
    static final String UPDATED = """
            {"responses": [
              {"statusCode": 200, "sku": "POWERBANK-20K", "errors": [], "warnings": []},
              {"statusCode": 200, "sku": "POWERBANK-20K", "offerId": "6012345010", "errors": [], "warnings": []}]}""";

    EbayAdapter adapter;
    StoreConnection us;
    DelistCommand recall = new DelistCommand("ebay-us", "POWERBANK-20K", "Recall R-1", "recall:R-1:ebay-us");

    @BeforeEach
    void setUp() {
        adapter = EbayTestSupport.adapter(EbayTestSupport.environment(), new MutableClock());
        us = EbayTestSupport.usStore(ebay.baseUrl());
    }

    private static String item(int quantity) {
        return fixture("inventory-item.json").replace("__QUANTITY__", Integer.toString(quantity));
    }

    private static String offers(int quantity) {
        return fixture("offers.json").replace("__QUANTITY__", Integer.toString(quantity));
    }

    @Test
    void delistingZeroesTheItemAndItsPublishedOffers() {
        ebay.stubFor(EbayTestSupport.tokenStub());
        ebay.stubFor(get(urlEqualTo(ITEM)).willReturn(okJson(item(14))));
        ebay.stubFor(get(urlEqualTo(OFFERS)).willReturn(okJson(offers(14))));
        ebay.stubFor(post(urlEqualTo(BULK)).willReturn(okJson(UPDATED)));

        DelistResult result = adapter.delistSku(us, recall);

        assertThat(result.actions()).containsExactly(
                "eBay: stock of SKU POWERBANK-20K set to 0 on store ebay-us (was 14), and on published offer(s) "
                        + "6012345010 (was 14)");
        ebay.verify(postRequestedFor(urlEqualTo(BULK))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US"))
                .withRequestBody(matchingJsonPath("$.requests[0].sku", equalTo("POWERBANK-20K")))
                .withRequestBody(matchingJsonPath("$.requests[0].shipToLocationAvailability.quantity", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.requests[0].offers.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.requests[0].offers[0].offerId", equalTo("6012345010")))
                .withRequestBody(matchingJsonPath("$.requests[0].offers[0].availableQuantity", equalTo("0"))));
    }

    @Test
    void delistingTwiceZeroesOnce() {
        ebay.stubFor(EbayTestSupport.tokenStub());
        ebay.stubFor(get(urlEqualTo(ITEM)).inScenario("recall").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(item(14))));
        ebay.stubFor(get(urlEqualTo(OFFERS)).inScenario("recall").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(offers(14))));
        ebay.stubFor(post(urlEqualTo(BULK)).inScenario("recall").willReturn(okJson(UPDATED)).willSetStateTo("zero"));
        ebay.stubFor(get(urlEqualTo(ITEM)).inScenario("recall").whenScenarioStateIs("zero")
                .willReturn(okJson(item(0))));
        ebay.stubFor(get(urlEqualTo(OFFERS)).inScenario("recall").whenScenarioStateIs("zero")
                .willReturn(okJson(offers(0))));

        adapter.delistSku(us, recall);
        DelistResult again = adapter.delistSku(us, recall);

        assertThat(again.actions()).containsExactly("eBay: SKU POWERBANK-20K already has no stock on store ebay-us");
        ebay.verify(1, postRequestedFor(urlEqualTo(BULK)));
    }

    @Test
    void aSkuTheInventoryApiDoesNotKnowIsAPersonsCheckInSellerHub() {
        ebay.stubFor(EbayTestSupport.tokenStub());
        ebay.stubFor(get(urlEqualTo(ITEM)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"errorId": 25710, "domain": "API_INVENTORY", "subdomain": "Selling",
                          "category": "REQUEST",
                          "message": "We didn't find the entity you are requesting. Please verify the request"}]}""")));

        assertThatThrownBy(() -> adapter.delistSku(us, recall)).isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("Trading API").hasMessageContaining("end the listing there")
                .hasMessageContaining("store ebay-us");
        ebay.verify(1, getRequestedFor(urlEqualTo(ITEM)));
        ebay.verify(0, postRequestedFor(urlEqualTo(BULK)));
    }

    @Test
    void theInventoryApisAccessDeniedForAnExpiredTokenGetsAFreshToken() {
        ebay.stubFor(tokenEndpoint().inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(tokenAnswer(TOKEN))).willSetStateTo("second"));
        ebay.stubFor(tokenEndpoint().inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(tokenAnswer(SECOND_TOKEN))));
        ebay.stubFor(get(urlEqualTo(ITEM)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"errorId": 1100, "domain": "ACCESS", "category": "REQUEST",
                          "message": "Access denied",
                          "longMessage": "Insufficient permissions to fulfill the request."}]}
                        """)));
        ebay.stubFor(get(urlEqualTo(ITEM)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(okJson(item(3))));
        ebay.stubFor(get(urlEqualTo(OFFERS)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"errorId": 25713, "domain": "API_INVENTORY", "category": "REQUEST",
                          "message": "This Offer is not available."}]}""")));
        ebay.stubFor(post(urlEqualTo(BULK)).willReturn(okJson("""
                {"responses": [{"statusCode": 200, "sku": "POWERBANK-20K", "errors": [], "warnings": []}]}""")));

        assertThat(adapter.delistSku(us, recall).actions())
                .containsExactly("eBay: stock of SKU POWERBANK-20K set to 0 on store ebay-us (was 3)");
        ebay.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void aRefusalInsideTheBulkAnswerIsARejection() {
        ebay.stubFor(EbayTestSupport.tokenStub());
        ebay.stubFor(get(urlEqualTo(ITEM)).willReturn(okJson(item(14))));
        ebay.stubFor(get(urlEqualTo(OFFERS)).willReturn(okJson(offers(14))));
        ebay.stubFor(post(urlEqualTo(BULK)).willReturn(okJson("""
                {"responses": [{"statusCode": 400, "sku": "POWERBANK-20K", "offerId": "6012345010",
                  "errors": [{"errorId": 25001, "domain": "API_INVENTORY", "category": "APPLICATION",
                    "message": "A system error has occurred."}], "warnings": []}]}""")));

        assertThatThrownBy(() -> adapter.delistSku(us, recall)).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("6012345010: HTTP 400 eBay error 25001: A system error has occurred.");
    }

    @Test
    void eBayHasNoOrderHold() {
        OrderHoldCommand hold = new OrderHoldCommand("ebay-us", "12-09876-54321", "Dispute AS-7", "dispute:AS-7");

        assertThatThrownBy(() -> adapter.holdOrder(us, hold)).isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("no order hold").hasMessageContaining("cancel it in Seller Hub");
        assertThatThrownBy(() -> adapter.releaseOrder(us, hold)).isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("never placed one");
        assertThat(ebay.getAllServeEvents()).isEmpty();
    }
}
