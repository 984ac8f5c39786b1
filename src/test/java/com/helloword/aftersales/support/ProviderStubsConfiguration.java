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
        return registry -> registry.add("aftersales.providers.paypal.base-url", providerStubs::baseUrl);
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
