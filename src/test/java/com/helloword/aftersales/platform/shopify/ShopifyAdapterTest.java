package com.helloword.aftersales.platform.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.BuyerMessageCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistResult;
import com.helloword.aftersales.platform.MarketplacePort.HoldResult;
import com.helloword.aftersales.platform.MarketplacePort.OrderHoldCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.StoreConnection;

/** Payloads follow Shopify's Admin GraphQL reference (2025-01): refundCreate, fulfillmentOrderHold, … */
class ShopifyAdapterTest {

    @RegisterExtension
    static WireMockExtension shopify = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String GRAPHQL = ShopifyTestSupport.GRAPHQL;
    static final String TOKEN = ShopifyTestSupport.TOKEN;
    static final String KEY = "case:AS-1:refund";

    ShopifyAdapter adapter;
    StoreConnection store;

    @BeforeEach
    void setUp() {
        adapter = ShopifyTestSupport.adapter("shopify-us");
        store = ShopifyTestSupport.usStore(shopify.baseUrl());
    }

    private static MappingBuilder operation(String name) {
        return ShopifyTestSupport.operation(name);
    }

    private static String refundable(String refundsJson) {
        return """
                {"data": {"order": {"id": "gid://shopify/Order/450789469", "name": "#1001",
                  "refunds": %s,
                  "suggestedRefund": {
                    "amountSet": {"presentmentMoney": {"amount": "41.94", "currencyCode": "USD"}},
                    "suggestedTransactions": [{"gateway": "shopify_payments",
                      "parentTransaction": {"id": "gid://shopify/OrderTransaction/801038806"},
                      "amountSet": {"presentmentMoney": {"amount": "41.94", "currencyCode": "USD"}}}]}}},
                 "extensions": {"cost": {"requestedQueryCost": 12, "actualQueryCost": 12,
                   "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1988, "restoreRate": 100.0}}}}"""
                .formatted(refundsJson);
    }

    private static final String REFUND_CREATED = """
            {"data": {"refundCreate": {"refund": {"id": "gid://shopify/Refund/929361464",
              "totalRefundedSet": {"presentmentMoney": {"amount": "41.94", "currencyCode": "USD"}}},
              "userErrors": []}}}""";

    private RefundResult refund(BigDecimal amount) {
        return adapter.refund(store, new RefundCommand("shopify-us", "450789469", amount, "USD", "parcel lost", KEY));
    }

    @Test
    void aFullRefundUsesTheSuggestedTransactionAndCarriesTheIdempotencyKey() {
        shopify.stubFor(operation("query Refundable").willReturn(okJson(refundable("[]"))));
        shopify.stubFor(operation("mutation RefundCreate").willReturn(okJson(REFUND_CREATED)));

        RefundResult result = refund(null);

        assertThat(result).isEqualTo(new RefundResult("gid://shopify/Refund/929361464", new BigDecimal("41.94"), "USD",
                false));
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.variables.input.orderId", equalTo("gid://shopify/Order/450789469")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].parentId",
                        equalTo("gid://shopify/OrderTransaction/801038806")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].kind", equalTo("REFUND")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].amount", equalTo("41.94")))
                .withRequestBody(matchingJsonPath("$.variables.input.note", containing("[hw:" + KEY + "]"))));
    }

    @Test
    void aPartialRefundSendsTheAmountAndRefusesMoreThanIsRefundable() {
        shopify.stubFor(operation("query Refundable").willReturn(okJson(refundable("[]"))));
        shopify.stubFor(operation("mutation RefundCreate").willReturn(okJson(REFUND_CREATED)));

        refund(new BigDecimal("12.58"));

        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].amount", equalTo("12.58"))));
        assertThatThrownBy(() -> refund(new BigDecimal("50.00")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("refundable now: 41.94")
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.REJECTED);
    }

    @Test
    void aRefundAlreadyMadeForTheSameKeyIsNotMadeAgain() {
        shopify.stubFor(operation("query Refundable").willReturn(okJson(refundable("""
                [{"id": "gid://shopify/Refund/1", "note": "[hw:%s] parcel lost",
                  "totalRefundedSet": {"presentmentMoney": {"amount": "41.94", "currencyCode": "USD"}}}]"""
                .formatted(KEY)))));

        RefundResult result = refund(null);

        assertThat(result.alreadyDone()).isTrue();
        assertThat(result.platformRefundId()).isEqualTo("gid://shopify/Refund/1");
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation RefundCreate"))));
    }

    @Test
    void aRefundWhoseAnswerTimedOutIsNotRepeatedAndTheJobsRetryFindsIt() {
        shopify.stubFor(operation("query Refundable").inScenario("refund").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(refundable("[]"))));
        shopify.stubFor(operation("mutation RefundCreate").inScenario("refund").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(REFUND_CREATED).withFixedDelay(1500)).willSetStateTo("refunded"));
        shopify.stubFor(operation("query Refundable").inScenario("refund").whenScenarioStateIs("refunded")
                .willReturn(okJson(refundable("""
                        [{"id": "gid://shopify/Refund/929361464", "note": "[hw:%s] parcel lost",
                          "totalRefundedSet": {"presentmentMoney": {"amount": "41.94", "currencyCode": "USD"}}}]"""
                        .formatted(KEY)))));

        assertThatThrownBy(() -> refund(null)).isInstanceOf(ProviderFailure.class)
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.TIMEOUT);
        RefundResult retriedByTheJob = refund(null);

        assertThat(retriedByTheJob.alreadyDone()).isTrue();
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation RefundCreate"))));
    }

    @Test
    void aRefusedTokenIsAClearErrorThatIsNotRetried() {
        shopify.stubFor(post(urlEqualTo(GRAPHQL)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));

        assertThatThrownBy(() -> refund(null)).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("credentials refused").hasMessageContaining("Invalid API key")
                .hasMessageNotContaining(TOKEN)
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.UNAUTHORIZED);
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void a429IsRetriedAfterTheTimeShopifyAsksFor() {
        shopify.stubFor(operation("query Refundable").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1.0")).willSetStateTo("ok"));
        shopify.stubFor(operation("query Refundable").inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson(refundable("[]"))));
        shopify.stubFor(operation("mutation RefundCreate").willReturn(okJson(REFUND_CREATED)));

        long start = System.nanoTime();
        RefundResult result = refund(null);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.platformRefundId()).isEqualTo("gid://shopify/Refund/929361464");
        assertThat(tookMillis).isGreaterThanOrEqualTo(950);
    }

    @Test
    void graphqlThrottlingIsRetried() {
        shopify.stubFor(operation("query Refundable").inScenario("cost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("""
                        {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED",
                          "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
                         "extensions": {"cost": {"requestedQueryCost": 112, "actualQueryCost": null,
                           "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 12, "restoreRate": 100.0}}}}"""))
                .willSetStateTo("ok"));
        shopify.stubFor(operation("query Refundable").inScenario("cost").whenScenarioStateIs("ok")
                .willReturn(okJson(refundable("[]"))));
        shopify.stubFor(operation("mutation RefundCreate").willReturn(okJson(REFUND_CREATED)));

        assertThat(refund(null).alreadyDone()).isFalse();
        shopify.verify(2, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("query Refundable"))));
    }

    @Test
    void aServerErrorIsRetriedUntilItWorks() {
        shopify.stubFor(operation("query FulfillmentOrders").inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable")).willSetStateTo("ok"));
        shopify.stubFor(operation("query FulfillmentOrders").inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(okJson(FULFILLMENT_ORDERS.formatted("[]"))));
        shopify.stubFor(operation("mutation Hold").willReturn(okJson("""
                {"data": {"fulfillmentOrderHold": {"fulfillmentHold": {"id": "gid://shopify/FulfillmentHold/9",
                  "handle": "dispute:AS-7"}, "userErrors": []}}}""")));

        assertThat(adapter.holdOrder(store, new OrderHoldCommand("shopify-us", "450789469", "dispute", "dispute:AS-7"))
                .changed()).hasSize(1);
    }

    @Test
    void aRefundAnsweredWithAServerErrorIsLeftToTheJobNotRepeatedHere() {
        shopify.stubFor(operation("query Refundable").willReturn(okJson(refundable("[]"))));
        shopify.stubFor(operation("mutation RefundCreate").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> refund(null)).isInstanceOf(ProviderFailure.class)
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.UNAVAILABLE);
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation RefundCreate"))));
    }

    @Test
    void noAnswerInTimeIsATimeoutAfterTheLastAttempt() {
        shopify.stubFor(post(urlEqualTo(GRAPHQL)).willReturn(okJson(FULFILLMENT_ORDERS.formatted("[]"))
                .withFixedDelay(1500)));

        assertThatThrownBy(() -> adapter.holdOrder(store,
                new OrderHoldCommand("shopify-us", "450789469", "dispute", "dispute:AS-7")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("no answer within")
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.TIMEOUT);
        shopify.verify(3, postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void aBodyThatIsNotJsonIsAClearErrorThatIsNotRetried() {
        shopify.stubFor(post(urlEqualTo(GRAPHQL)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));

        assertThatThrownBy(() -> refund(null)).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("not JSON").hasMessageContaining("Maintenance")
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.MALFORMED);
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void userErrorsAreRefusalsWithShopifysWords() {
        shopify.stubFor(operation("query Refundable").willReturn(okJson(refundable("[]"))));
        shopify.stubFor(operation("mutation RefundCreate").willReturn(okJson("""
                {"data": {"refundCreate": {"refund": null, "userErrors": [
                  {"field": ["transactions", "0", "amount"], "message": "Amount cannot exceed the refundable amount"}]}}}""")));

        assertThatThrownBy(() -> refund(null)).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("refundCreate refused").hasMessageContaining("cannot exceed");
    }

    private static final String FULFILLMENT_ORDERS = """
            {"data": {"order": {"id": "gid://shopify/Order/450789469", "fulfillmentOrders": {"nodes": [
              {"id": "gid://shopify/FulfillmentOrder/1", "status": "OPEN", "fulfillmentHolds": %s},
              {"id": "gid://shopify/FulfillmentOrder/2", "status": "CLOSED", "fulfillmentHolds": []}]}}}}""";

    @Test
    void holdingAnOrderHoldsItsOpenFulfillmentOrdersOnce() {
        shopify.stubFor(operation("query FulfillmentOrders").inScenario("hold").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(FULFILLMENT_ORDERS.formatted("[]"))));
        shopify.stubFor(operation("mutation Hold").inScenario("hold").willReturn(okJson("""
                {"data": {"fulfillmentOrderHold": {"fulfillmentHold": {"id": "gid://shopify/FulfillmentHold/9",
                  "handle": "dispute:AS-7"}, "userErrors": []}}}""")).willSetStateTo("held"));
        shopify.stubFor(operation("query FulfillmentOrders").inScenario("hold").whenScenarioStateIs("held")
                .willReturn(okJson(FULFILLMENT_ORDERS.formatted("""
                        [{"id": "gid://shopify/FulfillmentHold/9", "handle": "dispute:AS-7"}]"""))));
        OrderHoldCommand hold = new OrderHoldCommand("shopify-us", "450789469", "Dispute AS-7 open", "dispute:AS-7");

        HoldResult first = adapter.holdOrder(store, hold);
        HoldResult again = adapter.holdOrder(store, hold);

        assertThat(first.changed()).containsExactly("gid://shopify/FulfillmentOrder/1");
        assertThat(again.changed()).isEmpty();
        assertThat(again.alreadyInPlace()).containsExactly("gid://shopify/FulfillmentOrder/1");
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation Hold")))
                .withRequestBody(matchingJsonPath("$.variables.hold.handle", equalTo("dispute:AS-7")))
                .withRequestBody(matchingJsonPath("$.variables.hold.reason", equalTo("OTHER"))));
    }

    @Test
    void releasingLiftsOnlyOurOwnHold() {
        shopify.stubFor(operation("query FulfillmentOrders").willReturn(okJson(FULFILLMENT_ORDERS.formatted("""
                [{"id": "gid://shopify/FulfillmentHold/3", "handle": "fraud-check"},
                 {"id": "gid://shopify/FulfillmentHold/9", "handle": "dispute:AS-7"}]"""))));
        shopify.stubFor(operation("mutation Release").willReturn(okJson("""
                {"data": {"fulfillmentOrderReleaseHold": {"fulfillmentOrder": {"id": "gid://shopify/FulfillmentOrder/1",
                  "status": "ON_HOLD"}, "userErrors": []}}}""")));

        HoldResult released = adapter.releaseOrder(store,
                new OrderHoldCommand("shopify-us", "450789469", "Dispute AS-7 closed", "dispute:AS-7"));

        assertThat(released.changed()).containsExactly("gid://shopify/FulfillmentOrder/1");
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.holdIds[0]", equalTo("gid://shopify/FulfillmentHold/9"))));
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation Release")))
                .withRequestBody(containing("FulfillmentHold/3")));
    }

    @Test
    void delistingZeroesStockOfTheExactSkuAndDraftsASingleVariantProduct() {
        shopify.stubFor(operation("query VariantsBySku").willReturn(okJson("""
                {"data": {"productVariants": {"nodes": [
                  {"id": "gid://shopify/ProductVariant/11", "sku": "POWERBANK-20K",
                   "product": {"id": "gid://shopify/Product/7", "status": "ACTIVE", "variantsCount": {"count": 1}},
                   "inventoryItem": {"id": "gid://shopify/InventoryItem/21", "inventoryLevels": {"nodes": [
                     {"location": {"id": "gid://shopify/Location/1"}, "quantities": [{"name": "available", "quantity": 14}]},
                     {"location": {"id": "gid://shopify/Location/2"}, "quantities": [{"name": "available", "quantity": 0}]}]}}},
                  {"id": "gid://shopify/ProductVariant/12", "sku": "POWERBANK-20K-XL",
                   "product": {"id": "gid://shopify/Product/8", "status": "ACTIVE", "variantsCount": {"count": 1}},
                   "inventoryItem": {"id": "gid://shopify/InventoryItem/22", "inventoryLevels": {"nodes": []}}}]}}}""")));
        shopify.stubFor(operation("mutation SetQuantities").willReturn(okJson("""
                {"data": {"inventorySetQuantities": {"inventoryAdjustmentGroup": {"reason": "Other"}, "userErrors": []}}}""")));
        shopify.stubFor(operation("mutation Draft").willReturn(okJson("""
                {"data": {"productUpdate": {"product": {"id": "gid://shopify/Product/7", "status": "DRAFT"}, "userErrors": []}}}""")));

        DelistResult result = adapter.delistSku(store,
                new DelistCommand("shopify-us", "POWERBANK-20K", "Recall R-1", "recall:R-1:shopify-us"));

        assertThat(result.actions()).containsExactly(
                "Shopify: stock of SKU POWERBANK-20K (variant gid://shopify/ProductVariant/11) set to 0 at 1 "
                        + "location(s) on store shopify-us (was 14)",
                "Shopify: product gid://shopify/Product/7 set to DRAFT (no longer on sale in any channel)");
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.input.quantities[0].locationId",
                        equalTo("gid://shopify/Location/1")))
                .withRequestBody(matchingJsonPath("$.variables.input.quantities[0].quantity", equalTo("0"))));
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.product.id", equalTo("gid://shopify/Product/8"))));
    }

    @Test
    void whatShopifyCannotDoIsSaidPlainly() {
        assertThatThrownBy(() -> adapter.sendBuyerMessage(store,
                new BuyerMessageCommand("shopify-us", "450789469", "Hello", "case:AS-1:msg")))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("send the message by mail");
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void aStoreWithoutCredentialsIsToldWhichVariableToSet() {
        StoreConnection unconfigured = new StoreConnection("shopify-fr", Platform.SHOPIFY, shopify.baseUrl(), null,
                null, "shopify-fr", "EUR", "fr");

        assertThatThrownBy(() -> adapter.refund(unconfigured,
                new RefundCommand("shopify-fr", "1", null, "EUR", "x", "k"))).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("AFTERSALES_CREDENTIALS_SHOPIFY_FR_ACCESS_TOKEN");
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL)));
    }

    @Test
    void shopifyDisputesComeByWebhookNotAsAFeed() {
        assertThatThrownBy(() -> adapter.platformClaims(store, new com.helloword.aftersales.platform.MarketplacePort
                .PlatformClaimsQuery("shopify-us", java.time.Instant.parse("2026-03-01T00:00:00Z"), null)))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("webhooks");
    }
}
