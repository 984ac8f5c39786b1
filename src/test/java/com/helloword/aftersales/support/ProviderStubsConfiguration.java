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
