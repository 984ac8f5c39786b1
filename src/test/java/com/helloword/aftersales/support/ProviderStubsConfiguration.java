package com.helloword.aftersales.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.github.tomakehurst.wiremock.WireMockServer;

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
}
