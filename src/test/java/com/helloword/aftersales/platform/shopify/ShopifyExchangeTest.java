package com.helloword.aftersales.platform.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeLine;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeOrderCommand;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeResult;
import com.helloword.aftersales.platform.MarketplacePort.ShipTo;
import com.helloword.aftersales.platform.MarketplacePort.ShipToRef;
import com.helloword.aftersales.platform.StoreConnection;

/**
 * The buyer's address ({@code order.shippingAddress}) and exchange orders ({@code draftOrderCreate},
 * {@code draftOrderComplete}), with payloads shaped like Shopify's Admin GraphQL reference (2025-01).
 */
class ShopifyExchangeTest {

    @RegisterExtension
    static WireMockExtension shopify = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String GRAPHQL = ShopifyTestSupport.GRAPHQL;
    static final String TOKEN = ShopifyTestSupport.TOKEN;
    static final String KEY = "case:AS-7:exchange";

    ShopifyAdapter adapter;
    StoreConnection store;

    @BeforeEach
    void setUp() {
        adapter = ShopifyTestSupport.adapter("shopify-fr");
        store = ShopifyTestSupport.frStore(shopify.baseUrl());
    }

    private static MappingBuilder operation(String name) {
        return ShopifyTestSupport.operation(name);
    }

    private static final String SHIP_TO = """
            {"data": {"order": {"id": "gid://shopify/Order/5539151593786",
              "email": "camille.martin@example.fr",
              "shippingAddress": {"name": "Camille Martin", "address1": "5 Rue de la Paix", "address2": "Bâtiment B",
                "zip": "75002", "city": "Paris", "countryCodeV2": "FR"}}},
             "extensions": {"cost": {"requestedQueryCost": 3, "actualQueryCost": 3,
               "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1997, "restoreRate": 100.0}}}}""";

    private static final String NO_ORDER = """
            {"data": {"order": null}}""";

    private static final String SOURCE = """
            {"data": {"order": {"id": "gid://shopify/Order/5539151593786", "name": "#1042",
              "email": "camille.martin@example.fr", "customer": {"id": "gid://shopify/Customer/7391205376314"},
              "shippingAddress": {"firstName": "Camille", "lastName": "Martin", "company": null,
                "address1": "5 Rue de la Paix", "address2": null, "zip": "75002", "city": "Paris",
                "provinceCode": null, "countryCodeV2": "FR", "phone": "+33 1 23 45 67 89"}}}}""";

    private static final String VARIANT = """
            {"data": {"productVariants": {"nodes": [
              {"id": "gid://shopify/ProductVariant/43729076", "sku": "KNIT-SWEATER-L-BLUE"},
              {"id": "gid://shopify/ProductVariant/43729075", "sku": "KNIT-SWEATER-L"}]}}}""";

    private static final String DRAFT_CREATED = """
            {"data": {"draftOrderCreate": {"draftOrder": {"id": "gid://shopify/DraftOrder/1147844247610",
              "status": "OPEN"}, "userErrors": []}}}""";

    private static final String COMPLETED = """
            {"data": {"draftOrderComplete": {"draftOrder": {"id": "gid://shopify/DraftOrder/1147844247610",
              "status": "COMPLETED", "order": {"id": "gid://shopify/Order/5539197960250", "name": "#1043"}},
              "userErrors": []}}}""";

    private static String drafts(String nodes) {
        return """
                {"data": {"draftOrders": {"nodes": %s}}}""".formatted(nodes);
    }

    private ExchangeResult exchange() {
        return adapter.createExchangeOrder(store, new ExchangeOrderCommand("shopify-fr", "5539151593786",
                List.of(new ExchangeLine("KNIT-SWEATER-L", 1)), "size M did not fit", KEY));
    }

    // --- delivery address ---------------------------------------------------------------------

    @Test
    void theDeliveryAddressComesWithStreetAndHouseNumberApart() {
        shopify.stubFor(operation("query ShipTo").willReturn(okJson(SHIP_TO)));

        ShipTo shipTo = adapter.getShipTo(store, new ShipToRef("shopify-fr", "5539151593786"));

        assertThat(shipTo).isEqualTo(new ShipTo("Camille Martin", "Rue de la Paix", "5", "75002", "Paris", "FR",
                "camille.martin@example.fr"));
        assertThat(shipTo.toString()).doesNotContain("Camille", "Paix", "75002", "example.fr");
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Order/5539151593786")))
                .withRequestBody(matchingJsonPath("$.query", containing("countryCodeV2"))));
    }

    @Test
    void anUnknownOrderIsRefused() {
        shopify.stubFor(operation("query ShipTo").willReturn(okJson(NO_ORDER)));

        assertThatThrownBy(() -> adapter.getShipTo(store, new ShipToRef("shopify-fr", "1")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("no order 1 in shopify-fr")
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.REJECTED);
    }

    // --- exchange orders ----------------------------------------------------------------------

    @Test
    void anExchangeIsADraftAtNoChargeToTheOriginalAddressThenCompleted() {
        shopify.stubFor(operation("query ExchangeDrafts").willReturn(okJson(drafts("[]"))));
        shopify.stubFor(operation("query ExchangeSource").willReturn(okJson(SOURCE)));
        shopify.stubFor(operation("query VariantBySku").willReturn(okJson(VARIANT)));
        shopify.stubFor(operation("mutation ExchangeDraft").willReturn(okJson(DRAFT_CREATED)));
        shopify.stubFor(operation("mutation ExchangeComplete").willReturn(okJson(COMPLETED)));

        ExchangeResult result = exchange();

        assertThat(result).isEqualTo(new ExchangeResult("5539197960250", false));
        String tag = ShopifyExchanges.exchangeTag(KEY);
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("query ExchangeDrafts")))
                .withRequestBody(matchingJsonPath("$.variables.q", equalTo("tag:" + tag))));
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("draftOrderCreate")))
                .withRequestBody(matchingJsonPath("$.variables.input.lineItems[0].variantId",
                        equalTo("gid://shopify/ProductVariant/43729075")))
                .withRequestBody(matchingJsonPath("$.variables.input.lineItems[0].quantity", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.variables.input.lineItems[0].appliedDiscount.valueType",
                        equalTo("PERCENTAGE")))
                .withRequestBody(matchingJsonPath("$.variables.input.lineItems[0].appliedDiscount.value",
                        equalTo("100.0")))
                .withRequestBody(matchingJsonPath("$.variables.input.shippingAddress.address1",
                        equalTo("5 Rue de la Paix")))
                .withRequestBody(matchingJsonPath("$.variables.input.shippingAddress.countryCode", equalTo("FR")))
                .withRequestBody(matchingJsonPath("$.variables.input.purchasingEntity.customerId",
                        equalTo("gid://shopify/Customer/7391205376314")))
                .withRequestBody(matchingJsonPath("$.variables.input.email", equalTo("camille.martin@example.fr")))
                .withRequestBody(matchingJsonPath("$.variables.input.note", containing("[hw:" + KEY + "]")))
                .withRequestBody(matchingJsonPath("$.variables.input.tags[0]", equalTo("exchange")))
                .withRequestBody(matchingJsonPath("$.variables.input.tags[1]", equalTo(tag))));
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("paymentPending: false")))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/DraftOrder/1147844247610"))));
    }

    @Test
    void aRetriedExchangeFindsTheOrderItMadeBefore() {
        shopify.stubFor(operation("query ExchangeDrafts").willReturn(okJson(drafts("""
                [{"id": "gid://shopify/DraftOrder/1147844247610", "status": "COMPLETED",
                  "note2": "[hw:%s] exchange for order #1042 size M did not fit",
                  "tags": ["exchange", "%s"], "order": {"id": "gid://shopify/Order/5539197960250"}}]"""
                .formatted(KEY, ShopifyExchanges.exchangeTag(KEY))))));

        ExchangeResult result = exchange();

        assertThat(result).isEqualTo(new ExchangeResult("5539197960250", true));
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation"))));
    }

    @Test
    void aDraftLeftOpenByALostAnswerIsCompletedNotMadeAgain() {
        shopify.stubFor(operation("query ExchangeDrafts").willReturn(okJson(drafts("""
                [{"id": "gid://shopify/DraftOrder/1147844247610", "status": "OPEN",
                  "note2": "[hw:%s] exchange for order #1042", "tags": ["exchange"], "order": null}]"""
                .formatted(KEY)))));
        shopify.stubFor(operation("mutation ExchangeComplete").willReturn(okJson(COMPLETED)));

        ExchangeResult result = exchange();

        assertThat(result).isEqualTo(new ExchangeResult("5539197960250", false));
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("draftOrderCreate"))));
    }

    @Test
    void aTimedOutDraftIsNotCreatedTwiceAndTheJobsRetryCompletesIt() {
        shopify.stubFor(operation("query ExchangeDrafts").inScenario("exchange").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(drafts("[]"))));
        shopify.stubFor(operation("query ExchangeSource").willReturn(okJson(SOURCE)));
        shopify.stubFor(operation("query VariantBySku").willReturn(okJson(VARIANT)));
        shopify.stubFor(operation("mutation ExchangeDraft").inScenario("exchange")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("created"));
        shopify.stubFor(operation("query ExchangeDrafts").inScenario("exchange").whenScenarioStateIs("created")
                .willReturn(okJson(drafts("""
                        [{"id": "gid://shopify/DraftOrder/1147844247610", "status": "OPEN",
                          "note2": "[hw:%s]", "tags": ["exchange"], "order": null}]""".formatted(KEY)))));
        shopify.stubFor(operation("mutation ExchangeComplete").willReturn(okJson(COMPLETED)));

        assertThatThrownBy(this::exchange).isInstanceOf(ProviderFailure.class);
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("draftOrderCreate"))));

        ExchangeResult retried = exchange();

        assertThat(retried.platformOrderId()).isEqualTo("5539197960250");
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("draftOrderCreate"))));
    }

    @Test
    void aSkuTheShopDoesNotSellIsRefusedBeforeAnythingIsCreated() {
        shopify.stubFor(operation("query ExchangeDrafts").willReturn(okJson(drafts("[]"))));
        shopify.stubFor(operation("query ExchangeSource").willReturn(okJson(SOURCE)));
        shopify.stubFor(operation("query VariantBySku").willReturn(okJson("""
                {"data": {"productVariants": {"nodes": []}}}""")));

        assertThatThrownBy(this::exchange).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("no variant with SKU KNIT-SWEATER-L");
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation"))));
    }

    @Test
    void anExchangeForAnUnknownOrderIsRefused() {
        shopify.stubFor(operation("query ExchangeDrafts").willReturn(okJson(drafts("[]"))));
        shopify.stubFor(operation("query ExchangeSource").willReturn(okJson(NO_ORDER)));

        assertThatThrownBy(this::exchange).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("no order 5539151593786");
    }

    @Test
    void userErrorsOfDraftOrderCreateAreARejection() {
        shopify.stubFor(operation("query ExchangeDrafts").willReturn(okJson(drafts("[]"))));
        shopify.stubFor(operation("query ExchangeSource").willReturn(okJson(SOURCE)));
        shopify.stubFor(operation("query VariantBySku").willReturn(okJson(VARIANT)));
        shopify.stubFor(operation("mutation ExchangeDraft").willReturn(okJson("""
                {"data": {"draftOrderCreate": {"draftOrder": null, "userErrors": [
                  {"field": ["shippingAddress", "countryCode"], "message": "Country is not supported"}]}}}""")));

        assertThatThrownBy(this::exchange).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("draftOrderCreate refused").hasMessageContaining("Country is not supported");
    }
}
