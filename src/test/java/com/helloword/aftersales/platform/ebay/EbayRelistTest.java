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
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TOKEN;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.fixture;
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
import com.helloword.aftersales.platform.MarketplacePort.RelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.RelistResult;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.MutableClock;

/**
 * Relisting through Sell Inventory API v1: bulkUpdatePriceQuantity with the quantities recorded when the SKU was
 * delisted, and publishOffer ({@code POST /offer/{offerId}/publish}, answer {@code {listingId, warnings}}) for an
 * offer eBay unpublished meanwhile. Payloads follow eBay's Inventory API reference (PriceQuantity,
 * OfferPriceQuantity, BulkPriceQuantityResponse, PublishResponse).
 */
class EbayRelistTest {

    @RegisterExtension
    static WireMockExtension ebay = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String ITEM = "/sell/inventory/v1/inventory_item/POWERBANK-20K";
    static final String OFFERS = "/sell/inventory/v1/offer?sku=POWERBANK-20K";
    static final String BULK = "/sell/inventory/v1/bulk_update_price_quantity";
    static final String PUBLISH = "/sell/inventory/v1/offer/6012345010/publish";
    static final String UPDATED = """
            {"responses": [
              {"statusCode": 200, "sku": "POWERBANK-20K", "errors": [], "warnings": []},
              {"statusCode": 200, "sku": "POWERBANK-20K", "offerId": "6012345010", "errors": [], "warnings": []}]}""";

    EbayAdapter adapter;
    StoreConnection us;
    DelistCommand recall = new DelistCommand("ebay-us", "POWERBANK-20K", "Recall R-1", "recall:R-1:ebay-us");
    RelistCommand cancelled = new RelistCommand("ebay-us", "POWERBANK-20K", "Recall R-1 cancelled",
            "recall:R-1:ebay-us:relist");

    @BeforeEach
    void setUp() {
        adapter = EbayTestSupport.adapter(EbayTestSupport.environment(), new MutableClock());
        us = EbayTestSupport.usStore(ebay.baseUrl());
        ebay.stubFor(EbayTestSupport.tokenStub());
    }

    private static String item(int quantity) {
        return fixture("inventory-item.json").replace("__QUANTITY__", Integer.toString(quantity));
    }

    private static String offers(int quantity) {
        return fixture("offers.json").replace("__QUANTITY__", Integer.toString(quantity));
    }

    /** 14 in stock and on the US offer until the first bulk update, then 0 (or the offer unpublished). */
    private void stockThatDelistingZeroes(String offersAfter) {
        ebay.stubFor(get(urlEqualTo(ITEM)).inScenario("stock").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(item(14))));
        ebay.stubFor(get(urlEqualTo(OFFERS)).inScenario("stock").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(offers(14))));
        ebay.stubFor(post(urlEqualTo(BULK)).inScenario("stock").willReturn(okJson(UPDATED)).willSetStateTo("zero"));
        ebay.stubFor(get(urlEqualTo(ITEM)).inScenario("stock").whenScenarioStateIs("zero")
                .willReturn(okJson(item(0))));
        ebay.stubFor(get(urlEqualTo(OFFERS)).inScenario("stock").whenScenarioStateIs("zero")
                .willReturn(okJson(offersAfter)));
    }

    @Test
    void relistingSetsTheItemAndItsOfferBackToTheirQuantities() {
        stockThatDelistingZeroes(offers(0));
        adapter.delistSku(us, recall);

        RelistResult result = adapter.relistSku(us, cancelled);

        assertThat(result.actions()).containsExactly("eBay: stock of SKU POWERBANK-20K set back to 14 on store ebay-us",
                "eBay: offer 6012345010 on EBAY_US set back to 14");
        ebay.verify(2, postRequestedFor(urlEqualTo(BULK)));
        ebay.verify(1, postRequestedFor(urlEqualTo(BULK))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US"))
                .withRequestBody(matchingJsonPath("$.requests[0].sku", equalTo("POWERBANK-20K")))
                .withRequestBody(matchingJsonPath("$.requests[0].shipToLocationAvailability.quantity", equalTo("14")))
                .withRequestBody(matchingJsonPath("$.requests[0].offers.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.requests[0].offers[0].offerId", equalTo("6012345010")))
                .withRequestBody(matchingJsonPath("$.requests[0].offers[0].availableQuantity", equalTo("14"))));
        ebay.verify(0, postRequestedFor(urlEqualTo(PUBLISH)));
    }

    @Test
    void relistingTwiceWithTheSameKeyUpdatesOnce() {
        stockThatDelistingZeroes(offers(0));
        adapter.delistSku(us, recall);

        RelistResult first = adapter.relistSku(us, cancelled);
        RelistResult again = adapter.relistSku(us, cancelled);

        assertThat(again).isEqualTo(first);
        ebay.verify(2, postRequestedFor(urlEqualTo(BULK)));
        ebay.verify(2, getRequestedFor(urlEqualTo(ITEM)));
    }

    @Test
    void anOfferEbayUnpublishedMeanwhileIsPublishedAgain() {
        stockThatDelistingZeroes(offers(0).replaceFirst("\"status\": \"PUBLISHED\"", "\"status\": \"UNPUBLISHED\""));
        ebay.stubFor(post(urlEqualTo(PUBLISH)).willReturn(okJson("""
                {"listingId": "110551239876", "warnings": []}""")));
        adapter.delistSku(us, recall);

        RelistResult result = adapter.relistSku(us, cancelled);

        assertThat(result.actions()).containsExactly("eBay: stock of SKU POWERBANK-20K set back to 14 on store ebay-us",
                "eBay: offer 6012345010 published again as listing 110551239876");
        ebay.verify(1, postRequestedFor(urlEqualTo(PUBLISH)).withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US")));
        ebay.verify(1, postRequestedFor(urlEqualTo(BULK))
                .withRequestBody(matchingJsonPath("$.requests[0].shipToLocationAvailability.quantity", equalTo("14"))));
        ebay.verify(0, postRequestedFor(urlEqualTo(BULK))
                .withRequestBody(matchingJsonPath("$.requests[0].offers[0].availableQuantity", equalTo("14"))));
    }

    @Test
    void aSkuTheInventoryApiDoesNotKnowWasNotStoppedByThisSystem() {
        ebay.stubFor(get(urlEqualTo(ITEM)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"errorId": 25710, "domain": "API_INVENTORY", "subdomain": "Selling",
                          "category": "REQUEST",
                          "message": "We didn't find the entity you are requesting. Please verify the request"}]}""")));

        assertThat(adapter.relistSku(us, cancelled).actions()).containsExactly("eBay: SKU POWERBANK-20K is not in "
                + "eBay's Inventory API for store ebay-us; this system stopped nothing there");
        ebay.verify(1, getRequestedFor(urlEqualTo(ITEM)));
        ebay.verify(0, postRequestedFor(urlEqualTo(BULK)));
    }

    @Test
    void relistingWhatThisSystemDidNotStopIsLeftToSellerHub() {
        ebay.stubFor(get(urlEqualTo(ITEM)).willReturn(okJson(item(0))));

        assertThatThrownBy(() -> adapter.relistSku(us, cancelled)).isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("does not know the quantity").hasMessageContaining("Seller Hub");
        ebay.verify(0, postRequestedFor(urlEqualTo(BULK)));
    }

    @Test
    void anEbayOutageWhileRelistingIsAProviderFailureAndTheRelistStaysOpen() {
        stockThatDelistingZeroes(offers(0));
        adapter.delistSku(us, recall);
        ebay.stubFor(post(urlEqualTo(BULK)).inScenario("stock").whenScenarioStateIs("zero")
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"errors": [{"errorId": 25001, "domain": "API_INVENTORY", "category": "APPLICATION",
                                  "message": "A system error has occurred."}]}""")));

        assertThatThrownBy(() -> adapter.relistSku(us, cancelled)).isInstanceOf(ProviderFailure.class)
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.UNAVAILABLE);

        ebay.stubFor(post(urlEqualTo(BULK)).inScenario("stock").whenScenarioStateIs("zero")
                .willReturn(okJson(UPDATED)));
        assertThat(adapter.relistSku(us, cancelled).actions()).contains("eBay: offer 6012345010 on EBAY_US set back "
                + "to 14");
    }
}
