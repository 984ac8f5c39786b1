package com.helloword.aftersales.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.platform.MarketplacePort;

/**
 * One WireMock server for the integration tests' providers that call back into the provider while
 * the application handles a request (PayPal's webhook verification), so those tests share the one
 * application context instead of starting their own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProviderStubsConfiguration {

    @Bean(destroyMethod = "stop")
    WireMockServer providerStubs() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    @Bean
    DynamicPropertyRegistrar providerStubUrls(WireMockServer providerStubs) {
        return registry -> {
            registry.add("aftersales.providers.paypal.base-url", providerStubs::baseUrl);
            // return labels come from the WireMock DHL (stubs under /dhl); SandboxCarrierTest builds its own client
            registry.add("aftersales.providers.dhl-returns.base-url", () -> providerStubs.baseUrl() + "/dhl");
            // so do DHL tracking (proof of delivery) and DHL investigations
            registry.add("aftersales.providers.dhl.base-url", () -> providerStubs.baseUrl() + "/dhl");
        };
    }

    /**
     * Stubs DHL's Parcel DE Returns answer (the documented ReturnOrderConfirmation, fixture
     * dhl/returns-order-created.json) with this shipment number.
     */
    public static void stubDhlReturnLabel(WireMockServer stubs, String shipmentNumber) {
        try (var in = ProviderStubsConfiguration.class.getResourceAsStream("/dhl/returns-order-created.json")) {
            String body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("999991587211", shipmentNumber);
            stubs.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                            "/dhl/parcel/de/shipping/returns/v1/orders"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(201)
                            .withHeader("Content-Type", "application/json").withBody(body)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The GraphQL endpoint of a WireMock Shopify store connected at {@code <stubs>/<storeId>}. */
    public static String shopifyGraphql(String storeId) {
        return "/" + storeId + "/admin/api/2025-01/graphql.json";
    }

    /** Stubs the store's {@code query ShipTo}: the order's shipping address in Berlin, {@code address1} as given. */
    public static void stubShopifyShipTo(WireMockServer stubs, String storeId, String address1) {
        stubs.stubFor(shopify(storeId, "query ShipTo").willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                {"data": {"order": {"id": "gid://shopify/Order/1", "email": "x@example.de",
                  "shippingAddress": {"name": "Lea Beispiel", "address1": "%s", "address2": null,
                    "zip": "10115", "city": "Berlin", "countryCodeV2": "DE"}}}}""".formatted(address1))));
    }

    /**
     * Stubs the store's refund: {@code query Refundable} suggests {@code amount} EUR (no refunds yet) and
     * {@code mutation RefundCreate} answers with the refund {@code gid://shopify/Refund/<refundId>}.
     */
    public static void stubShopifyRefund(WireMockServer stubs, String storeId, String amount, String refundId) {
        stubs.stubFor(shopify(storeId, "query Refundable").willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                {"data": {"order": {"id": "gid://shopify/Order/1", "name": "#1", "refunds": [],
                  "suggestedRefund": {"amountSet": {"presentmentMoney": {"amount": "%1$s", "currencyCode": "EUR"}},
                    "suggestedTransactions": [{"gateway": "shopify_payments",
                      "parentTransaction": {"id": "gid://shopify/OrderTransaction/1"},
                      "amountSet": {"presentmentMoney": {"amount": "%1$s", "currencyCode": "EUR"}}}]}}}}""".formatted(amount))));
        stubs.stubFor(shopify(storeId, "mutation RefundCreate").willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                {"data": {"refundCreate": {"refund": {"id": "gid://shopify/Refund/%s",
                  "totalRefundedSet": {"presentmentMoney": {"amount": "%s", "currencyCode": "EUR"}}},
                  "userErrors": []}}}""".formatted(refundId, amount))));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder shopify(String storeId, String operation) {
        return com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(shopifyGraphql(storeId)))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.query",
                        com.github.tomakehurst.wiremock.client.WireMock.containing(operation)));
    }

    @Bean
    PublishedEvents publishedEvents() {
        return new PublishedEvents();
    }

    /**
     * The step of the test-only {@code providerCallProbeProcess}, shaped like every step that calls out:
     * ids from variables, one port call, the result's id back into a variable.
     */
    @Bean
    JavaDelegate refundProbeDelegate(MarketplacePort marketplace) {
        return execution -> {
            MarketplacePort.RefundResult result = marketplace.refund(new MarketplacePort.RefundCommand(
                    (String) execution.getVariable("storeId"), (String) execution.getVariable("orderId"),
                    new BigDecimal("5.00"), "USD", "probe", "probe:" + execution.getProcessInstanceId()));
            execution.setVariable("refundId", result.platformRefundId());
        };
    }
}
