package com.helloword.aftersales.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.support.MutableClock;
import com.helloword.aftersales.support.ProviderTestSupport;

class ProviderClientTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    ProviderClient client;
    MutableClock clock = new MutableClock();
    AccessTokens tokens = new AccessTokens(clock);
    AtomicInteger fetched = new AtomicInteger();

    @BeforeEach
    void setUp() {
        MockEnvironment environment = ProviderTestSupport.environment("oauth-test");
        client = ProviderTestSupport.clients(environment).forProvider("oauth-test");
    }

    private AccessTokens.Token fetchToken() {
        int n = fetched.incrementAndGet();
        return new AccessTokens.Token(new Secret("token-" + n), clock.instant().plus(Duration.ofHours(2)));
    }

    private String callOrders() {
        return client.callWithToken("orders", tokens, "store-1", this::fetchToken, token ->
                client.json(client.http().get().uri(api.baseUrl() + "/orders")
                        .header("Authorization", "Bearer " + token.reveal())).path("ok").asText());
    }

    @Test
    void aTokenIsFetchedOnceAndReusedUntilShortlyBeforeItExpires() {
        api.stubFor(get(urlEqualTo("/orders")).willReturn(okJson("{\"ok\": \"yes\"}")));

        callOrders();
        callOrders();
        assertThat(fetched).hasValue(1);

        clock.advance(Duration.ofHours(2).minusSeconds(30));
        callOrders();
        assertThat(fetched).hasValue(2);
        api.verify(getRequestedFor(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-2")));
    }

    @Test
    void a401RefreshesTheTokenAndTriesOnceMore() {
        api.stubFor(get(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"invalid_token\"}")));
        api.stubFor(get(urlEqualTo("/orders")).withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(okJson("{\"ok\": \"refreshed\"}")));

        assertThat(callOrders()).isEqualTo("refreshed");
        assertThat(fetched).hasValue(2);
    }

    @Test
    void credentialsRefusedAgainAfterARefreshAreUnauthorized() {
        api.stubFor(get(urlEqualTo("/orders")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(this::callOrders).isInstanceOf(ProviderFailure.class)
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.UNAUTHORIZED);
        assertThat(fetched).hasValue(2);
        api.verify(2, getRequestedFor(urlEqualTo("/orders")));
    }

    @Test
    void anUnrepeatableCallIsNotRepeatedAfterATimeoutButIsAfterA429() {
        api.stubFor(post(urlEqualTo("/labels")).willReturn(okJson("{\"label\": 1}").withFixedDelay(1500)));
        assertThatThrownBy(() -> client.callUnrepeatable("label", () -> client.json(
                client.http().post().uri(api.baseUrl() + "/labels")))).isInstanceOf(ProviderFailure.class)
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.TIMEOUT);
        api.verify(1, postRequestedFor(urlEqualTo("/labels")));

        api.resetAll();
        api.stubFor(post(urlEqualTo("/labels")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        api.stubFor(post(urlEqualTo("/labels")).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"label\": 2}")));
        assertThat(client.callUnrepeatable("label", () -> client.json(client.http().post()
                .uri(api.baseUrl() + "/labels"))).path("label").asInt()).isEqualTo(2);
    }

    @Test
    void aRefusedTokenRequestIsNotRepeated() {
        assertThatThrownBy(() -> client.callWithToken("orders", tokens, "store-2", () -> {
            fetched.incrementAndGet();
            throw new ProviderFailure("oauth-test", ProviderFailure.Kind.UNAUTHORIZED, 400, "invalid_grant");
        }, token -> "never")).hasMessageContaining("invalid_grant");
        assertThat(fetched).hasValue(1);
    }

    @Test
    void oneStoreFailingOpensOnlyItsOwnCircuit() {
        api.stubFor(get(urlEqualTo("/shop-a/orders")).willReturn(aResponse().withStatus(503)));
        api.stubFor(get(urlEqualTo("/shop-b/orders")).willReturn(okJson("{\"ok\": \"b\"}")));

        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> client.call("shop-a", "orders", () -> client.json(
                    client.http().get().uri(api.baseUrl() + "/shop-a/orders")))).isInstanceOf(ProviderFailure.class);
        }
        assertThatThrownBy(() -> client.call("shop-a", "orders", () -> client.json(
                client.http().get().uri(api.baseUrl() + "/shop-a/orders"))))
                .hasMessageContaining("failed too often lately");

        assertThat(client.call("shop-b", "orders", () -> client.json(client.http().get()
                .uri(api.baseUrl() + "/shop-b/orders"))).path("ok").asText()).isEqualTo("b");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsADate() {
        assertThat(ProviderClient.retryAfter("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(ProviderClient.retryAfter("0.5")).isEqualTo(Duration.ofMillis(500));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(ProviderClient.retryAfter(inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(11));
        assertThat(ProviderClient.retryAfter("soon")).isNull();
        assertThat(ProviderClient.retryAfter(null)).isNull();
    }

    @Test
    void aProviderAskingForMoreThanTheLongestWaitIsNotWaitedForInline() {
        api.stubFor(get(urlEqualTo("/orders")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(this::callOrders).isInstanceOf(ProviderFailure.class)
                .satisfies(e -> assertThat(((ProviderFailure) e).retryAfter()).isEqualTo(Duration.ofHours(1)));
        api.verify(1, getRequestedFor(urlEqualTo("/orders")));
    }
}
