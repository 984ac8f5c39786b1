package com.helloword.aftersales.platform.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.InMemoryOperationJournal;
import com.helloword.aftersales.support.ProviderTestSupport;

/** The adapter, its stores and the GraphQL endpoint for the Shopify adapter tests against WireMock. */
final class ShopifyTestSupport {

    static final String GRAPHQL = "/admin/api/2025-01/graphql.json";
    static final String TOKEN = "shpat_test_token_0123456789";

    private ShopifyTestSupport() {
    }

    /** The adapter with the test token as the access token of the given credentials. */
    static ShopifyAdapter adapter(String credentialsRef) {
        MockEnvironment environment = ProviderTestSupport.environment("shopify");
        environment.setProperty("aftersales.credentials." + credentialsRef + ".access-token", TOKEN);
        return new ShopifyAdapter(ProviderTestSupport.clients(environment), new CredentialStore(environment),
                new InMemoryOperationJournal(), "2025-01");
    }

    static StoreConnection usStore(String baseUrl) {
        return new StoreConnection("shopify-us", Platform.SHOPIFY, baseUrl, "helloword-us.myshopify.com", null,
                "shopify-us", "USD", "en");
    }

    static StoreConnection frStore(String baseUrl) {
        return new StoreConnection("shopify-fr", Platform.SHOPIFY, baseUrl, "helloword-fr.myshopify.com", null,
                "shopify-fr", "EUR", "fr");
    }

    /** A GraphQL call whose query names the operation. */
    static MappingBuilder operation(String name) {
        return post(urlEqualTo(GRAPHQL)).withRequestBody(matchingJsonPath("$.query", containing(name)));
    }
}
