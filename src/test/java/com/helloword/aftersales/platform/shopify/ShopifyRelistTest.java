package com.helloword.aftersales.platform.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.helloword.aftersales.platform.shopify.ShopifyTestSupport.GRAPHQL;
import static com.helloword.aftersales.platform.shopify.ShopifyTestSupport.TOKEN;
import static com.helloword.aftersales.platform.shopify.ShopifyTestSupport.operation;
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

/**
 * Relisting through the Admin GraphQL API (2025-01): productVariants by SKU, inventorySetQuantities back to the
 * recorded quantities, productUpdate with status ACTIVE for a product the delisting put to DRAFT. Shapes follow
 * Shopify's reference for these operations (userErrors, inventoryAdjustmentGroup).
 */
class ShopifyRelistTest {

    @RegisterExtension
    static WireMockExtension shopify = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String SET = """
            {"data": {"inventorySetQuantities": {"inventoryAdjustmentGroup": {"reason": "Other"}, "userErrors": []}}}""";

    ShopifyAdapter adapter;
    StoreConnection store;
    DelistCommand recall = new DelistCommand("shopify-us", "POWERBANK-20K", "Recall R-1", "recall:R-1:shopify-us");
    RelistCommand cancelled = new RelistCommand("shopify-us", "POWERBANK-20K", "Recall R-1 cancelled",
            "recall:R-1:shopify-us:relist");

    @BeforeEach
    void setUp() {
        adapter = ShopifyTestSupport.adapter("shopify-us");
        store = ShopifyTestSupport.usStore(shopify.baseUrl());
    }

    /** One variant of a single-variant product, stock at location 1 and 0 at location 2. */
    private static String variant(String status, int atFirstLocation) {
        return """
                {"data": {"productVariants": {"nodes": [
                  {"id": "gid://shopify/ProductVariant/11", "sku": "POWERBANK-20K",
                   "product": {"id": "gid://shopify/Product/7", "status": "%s", "variantsCount": {"count": 1}},
                   "inventoryItem": {"id": "gid://shopify/InventoryItem/21", "inventoryLevels": {"nodes": [
                     {"location": {"id": "gid://shopify/Location/1"}, "quantities": [{"name": "available", "quantity": %d}]},
                     {"location": {"id": "gid://shopify/Location/2"}, "quantities": [{"name": "available", "quantity": 0}]}]}}}
                ]}}}""".formatted(status, atFirstLocation);
    }

    private static String product(String status) {
        return """
                {"data": {"productUpdate": {"product": {"id": "gid://shopify/Product/7", "status": "%s"},
                  "userErrors": []}}}""".formatted(status);
    }

    /** 14 on sale until the delisting's draft, then 0 and DRAFT. */
    private void shopThatDelistingEmpties() {
        shopify.stubFor(operation("query VariantsBySku").inScenario("shop").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(variant("ACTIVE", 14))));
        shopify.stubFor(operation("mutation SetQuantities").willReturn(okJson(SET)));
        shopify.stubFor(operation("mutation Draft").inScenario("shop").willReturn(okJson(product("DRAFT")))
                .willSetStateTo("delisted"));
        shopify.stubFor(operation("query VariantsBySku").inScenario("shop").whenScenarioStateIs("delisted")
                .willReturn(okJson(variant("DRAFT", 0))));
        shopify.stubFor(operation("mutation ProductStatus").willReturn(okJson(product("ACTIVE"))));
    }

    @Test
    void relistingSetsTheStockBackWhereItWasAndTheProductActive() {
        shopThatDelistingEmpties();
        adapter.delistSku(store, recall);

        RelistResult result = adapter.relistSku(store, cancelled);

        assertThat(result.actions()).containsExactly(
                "Shopify: stock of SKU POWERBANK-20K (variant gid://shopify/ProductVariant/11) set back to 14 at 1 "
                        + "location(s) on store shopify-us",
                "Shopify: product gid://shopify/Product/7 set back to ACTIVE");
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation SetQuantities")))
                .withRequestBody(matchingJsonPath("$.variables.input.name", equalTo("available")))
                .withRequestBody(matchingJsonPath("$.variables.input.reason", equalTo("other")))
                .withRequestBody(matchingJsonPath("$.variables.input.referenceDocumentUri",
                        containing("gid://helloword-aftersales/Relisting/")))
                .withRequestBody(matchingJsonPath("$.variables.input.quantities.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.variables.input.quantities[0].inventoryItemId",
                        equalTo("gid://shopify/InventoryItem/21")))
                .withRequestBody(matchingJsonPath("$.variables.input.quantities[0].locationId",
                        equalTo("gid://shopify/Location/1")))
                .withRequestBody(matchingJsonPath("$.variables.input.quantities[0].quantity", equalTo("14"))));
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation ProductStatus")))
                .withRequestBody(matchingJsonPath("$.variables.product.id", equalTo("gid://shopify/Product/7")))
                .withRequestBody(matchingJsonPath("$.variables.product.status", equalTo("ACTIVE"))));
    }

    @Test
    void relistingTwiceWithTheSameKeyChangesTheShopOnce() {
        shopThatDelistingEmpties();
        adapter.delistSku(store, recall);

        RelistResult first = adapter.relistSku(store, cancelled);
        RelistResult again = adapter.relistSku(store, cancelled);

        assertThat(again).isEqualTo(first);
        shopify.verify(2, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("query VariantsBySku"))));
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation ProductStatus"))));
    }

    @Test
    void aProductSomeoneArchivedSinceStaysArchived() {
        shopThatDelistingEmpties();
        adapter.delistSku(store, recall);
        shopify.stubFor(operation("query VariantsBySku").inScenario("shop").whenScenarioStateIs("delisted")
                .willReturn(okJson(variant("ARCHIVED", 0))));

        assertThat(adapter.relistSku(store, cancelled).actions())
                .contains("Shopify: product gid://shopify/Product/7 is ARCHIVED now; left as it is");
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation ProductStatus"))));
    }

    @Test
    void aSkuTheShopDoesNotHaveIsNotListedThereForBothDirections() {
        shopify.stubFor(operation("query VariantsBySku").willReturn(okJson("""
                {"data": {"productVariants": {"nodes": [
                  {"id": "gid://shopify/ProductVariant/12", "sku": "POWERBANK-20K-XL",
                   "product": {"id": "gid://shopify/Product/8", "status": "ACTIVE", "variantsCount": {"count": 1}},
                   "inventoryItem": {"id": "gid://shopify/InventoryItem/22", "inventoryLevels": {"nodes": []}}}]}}}""")));
        String notListed = "Shopify: no variant with SKU POWERBANK-20K on store shopify-us: not listed on this store;"
                + " nothing to change";

        assertThat(adapter.delistSku(store, recall).actions()).containsExactly(notListed);
        assertThat(adapter.relistSku(store, cancelled).actions()).containsExactly(notListed);
        shopify.verify(2, postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void relistingWhatThisSystemDidNotStopIsLeftToShopifyAdmin() {
        shopify.stubFor(operation("query VariantsBySku").willReturn(okJson(variant("DRAFT", 0))));

        assertThatThrownBy(() -> adapter.relistSku(store, cancelled)).isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("does not know the stock").hasMessageContaining("Shopify admin");
    }

    @Test
    void aRefusedRelistIsAProviderFailureAndTheRelistStaysOpen() {
        shopThatDelistingEmpties();
        adapter.delistSku(store, recall);
        shopify.stubFor(operation("mutation SetQuantities").willReturn(okJson("""
                {"data": {"inventorySetQuantities": {"inventoryAdjustmentGroup": null, "userErrors": [
                  {"code": "INVALID_LOCATION", "field": ["input", "quantities", "0", "locationId"],
                   "message": "The specified location could not be found."}]}}}""")));

        assertThatThrownBy(() -> adapter.relistSku(store, cancelled)).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("inventorySetQuantities refused")
                .hasMessageContaining("The specified location could not be found.");

        shopify.stubFor(operation("mutation SetQuantities").willReturn(okJson(SET)));
        assertThat(adapter.relistSku(store, cancelled).actions()).hasSize(2);
    }
}
