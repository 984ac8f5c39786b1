package com.helloword.aftersales.platform.amazon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeLine;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeOrderCommand;
import com.helloword.aftersales.platform.MarketplacePort.ShipTo;
import com.helloword.aftersales.platform.MarketplacePort.ShipToRef;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.InMemoryOperationJournal;
import com.helloword.aftersales.support.ProviderTestSupport;

/**
 * The buyer's address through a Restricted Data Token: Tokens API 2021-03-01 createRestrictedDataToken, then Orders
 * API v0 getOrderAddress and getOrderBuyerInfo with the token, payloads shaped like Amazon's models.
 */
class AmazonShipToTest {

    @RegisterExtension
    static WireMockExtension amazon = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String ORDER = "302-1234567-7654321";
    static final String TOKEN_PATH = "/auth/o2/token";
    static final String RDT = "/tokens/2021-03-01/restrictedDataToken";
    static final String ADDRESS = "/orders/v0/orders/" + ORDER + "/address";
    static final String BUYER = "/orders/v0/orders/" + ORDER + "/buyerInfo";
    static final String ACCESS_TOKEN = "Atza|IQEBLjAsAhRmHjNgHpi0U-access";
    static final String RESTRICTED = "Atz.sprdt|IQEBLzAtAhUAjQ-restricted";

    AmazonAdapter adapter;
    StoreConnection store;

    @BeforeEach
    void setUp() {
        MockEnvironment environment = ProviderTestSupport.environment("amazon");
        environment.setProperty("aftersales.providers.amazon.read-timeout", "10s");
        environment.setProperty("aftersales.credentials.amazon-eu.client-id", "amzn1.application-oa2-client.0a1b2c");
        environment.setProperty("aftersales.credentials.amazon-eu.client-secret", "amzn1.oa2-cs.v1.secret");
        environment.setProperty("aftersales.credentials.amazon-eu.refresh-token", "Atzr|IwEBIA-refresh");
        adapter = new AmazonAdapter(ProviderTestSupport.clients(environment), new CredentialStore(environment),
                Clock.systemUTC(), new InMemoryOperationJournal(), amazon.baseUrl() + TOKEN_PATH, "helloword-aftersales-test/0.1 (Language=Java/17)");
        store = new StoreConnection("amazon-de", Platform.AMAZON, amazon.baseUrl(), "A1DEMOSELLERDE",
                "A1PA6795UKMFR9", "amazon-eu", "EUR", "de");
        amazon.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson("""
                {"access_token": "%s", "refresh_token": "Atzr|IwEBIA-refresh", "token_type": "bearer",
                 "expires_in": 3600}""".formatted(ACCESS_TOKEN))));
    }

    private static ResponseDefinitionBuilder restrictedDataToken() {
        return okJson("""
                {"restrictedDataToken": "%s", "expiresIn": 3600}""".formatted(RESTRICTED));
    }

    private static String address(String shippingAddress) {
        return """
                {"payload": {"AmazonOrderId": "%s", "ShippingAddress": %s}}""".formatted(ORDER, shippingAddress);
    }

    private static final String BUYER_INFO = """
            {"payload": {"AmazonOrderId": "302-1234567-7654321", "BuyerEmail": "x7kq2mz9v4l1p0d@marketplace.amazon.de",
              "BuyerName": "Anna Fischer"}}""";

    @Test
    void theAddressIsReadWithARestrictedDataTokenForExactlyItsPaths() {
        amazon.stubFor(post(urlEqualTo(RDT)).willReturn(restrictedDataToken()));
        amazon.stubFor(get(urlEqualTo(ADDRESS)).willReturn(okJson(address("""
                {"Name": "Anna Fischer", "AddressLine1": "Hauptstraße 5", "City": "Köln", "StateOrRegion": "NRW",
                 "PostalCode": "50667", "CountryCode": "DE", "Phone": "+49 221 1234567", "AddressType": "Residential"}"""))));
        amazon.stubFor(get(urlEqualTo(BUYER)).willReturn(okJson(BUYER_INFO)));

        ShipTo shipTo = adapter.getShipTo(store, new ShipToRef("amazon-de", ORDER));

        assertThat(shipTo).isEqualTo(new ShipTo("Anna Fischer", "Hauptstraße", "5", "50667", "Köln", "DE",
                "x7kq2mz9v4l1p0d@marketplace.amazon.de"));
        amazon.verify(postRequestedFor(urlEqualTo(RDT))
                .withHeader("x-amz-access-token", equalTo(ACCESS_TOKEN))
                .withRequestBody(equalToJson("""
                        {"restrictedResources": [
                          {"method": "GET", "path": "%s"}, {"method": "GET", "path": "%s"}]}""".formatted(ADDRESS, BUYER))));
        amazon.verify(getRequestedFor(urlEqualTo(ADDRESS)).withHeader("x-amz-access-token", equalTo(RESTRICTED)));
        amazon.verify(getRequestedFor(urlEqualTo(BUYER)).withHeader("x-amz-access-token", equalTo(RESTRICTED)));
    }

    @Test
    void aStreetOnTheSecondLineIsFound() {
        amazon.stubFor(post(urlEqualTo(RDT)).willReturn(restrictedDataToken()));
        amazon.stubFor(get(urlEqualTo(ADDRESS)).willReturn(okJson(address("""
                {"Name": "Jan Kowalski", "AddressLine1": "Firma Beispiel GmbH", "AddressLine2": "Industriestr. 7",
                 "City": "Hamburg", "PostalCode": "20095", "CountryCode": "DE"}"""))));
        amazon.stubFor(get(urlEqualTo(BUYER)).willReturn(okJson(BUYER_INFO)));

        ShipTo shipTo = adapter.getShipTo(store, new ShipToRef("amazon-de", ORDER));

        assertThat(shipTo.street()).isEqualTo("Industriestr.");
        assertThat(shipTo.houseNumber()).isEqualTo("7");
    }

    @Test
    void withoutTheRestrictedRoleAPersonCopiesTheAddressFromSellerCentral() {
        amazon.stubFor(post(urlEqualTo(RDT)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"code": "Unauthorized", "message": "Access to requested resource is denied.",
                          "details": ""}]}""")));

        assertThatThrownBy(() -> adapter.getShipTo(store, new ShipToRef("amazon-de", ORDER)))
                .isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("Direct-to-Consumer Delivery")
                .hasMessageContaining("Seller Central");
        amazon.verify(0, getRequestedFor(urlEqualTo(ADDRESS)));
    }

    @Test
    void anUnknownOrderIsNotFound() {
        amazon.stubFor(post(urlEqualTo(RDT)).willReturn(restrictedDataToken()));
        amazon.stubFor(get(urlEqualTo(ADDRESS)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"code": "NotFound", "message": "Invalid order ID: 302-1234567-7654321",
                          "details": ""}]}""")));

        assertThatThrownBy(() -> adapter.getShipTo(store, new ShipToRef("amazon-de", ORDER)))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("NotFound")
                .satisfies(e -> assertThat(((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.REJECTED));
    }

    @Test
    void anExchangeOrderIsAnMcfOrderOrOwnShipment() {
        assertThatThrownBy(() -> adapter.createExchangeOrder(store, new ExchangeOrderCommand("amazon-de", ORDER,
                List.of(new ExchangeLine("KNIT-SWEATER-L", 1)), "size", "case:AS-3:exchange")))
                .isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("Multi-Channel Fulfillment")
                .hasMessageContaining("ship the replacement yourself");
        amazon.verify(0, anyRequestedFor(anyUrl()));
    }
}
