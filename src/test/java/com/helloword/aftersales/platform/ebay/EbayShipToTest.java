package com.helloword.aftersales.platform.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeLine;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeOrderCommand;
import com.helloword.aftersales.platform.MarketplacePort.ShipTo;
import com.helloword.aftersales.platform.MarketplacePort.ShipToRef;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.MutableClock;

/**
 * The buyer's address from Sell Fulfillment API v1 getOrder ({@code fulfillmentStartInstructions[].shippingStep.shipTo},
 * shaped as eBay documents {@code ExtendedContact}), and the exchange order eBay has no API for.
 */
class EbayShipToTest {

    @RegisterExtension
    static WireMockExtension ebay = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String ORDER = "/sell/fulfillment/v1/order/05-12345-67890";

    EbayAdapter adapter;
    StoreConnection de;

    @BeforeEach
    void setUp() {
        adapter = EbayTestSupport.adapter(EbayTestSupport.environment(), new MutableClock());
        de = EbayTestSupport.deStore(ebay.baseUrl());
        ebay.stubFor(EbayTestSupport.tokenStub());
    }

    private static String order(String instructions) {
        return """
                {"orderId": "05-12345-67890", "legacyOrderId": "110551234567-2000123456789",
                 "creationDate": "2026-03-02T09:14:27.000Z", "orderFulfillmentStatus": "FULFILLED",
                 "orderPaymentStatus": "PAID", "sellerId": "helloword_store",
                 "buyer": {"username": "lena_k", "taxAddress": {"postalCode": "10115", "countryCode": "DE"}},
                 "pricingSummary": {"total": {"value": "39.90", "currency": "EUR"}},
                 "cancelStatus": {"cancelState": "NONE_REQUESTED", "cancelRequests": []},
                 "fulfillmentStartInstructions": %s,
                 "lineItems": [{"lineItemId": "10050912345678", "legacyItemId": "110551234567", "sku": "KNIT-SWEATER-M",
                   "quantity": 1, "lineItemCost": {"value": "39.90", "currency": "EUR"}}]}""".formatted(instructions);
    }

    private static final String SHIP_TO_DE = """
            [{"fulfillmentInstructionsType": "SHIP_TO",
              "minEstimatedDeliveryDate": "2026-03-04T08:00:00.000Z",
              "maxEstimatedDeliveryDate": "2026-03-06T20:00:00.000Z",
              "ebaySupportedFulfillment": false,
              "shippingStep": {"shippingCarrierCode": "DHL", "shippingServiceCode": "DE_DHLPaket",
                "shipTo": {"fullName": "Lena Krause",
                  "contactAddress": {"addressLine1": "Musterstraße 12", "city": "Berlin", "postalCode": "10115",
                    "countryCode": "DE"},
                  "primaryPhone": {"phoneNumber": "03012345678"},
                  "email": "5e3f9a0c1b2d4e6f8a7b@members.ebay.com"}}}]""";

    @Test
    void theShipToOfTheFirstInstructionIsTheAddress() {
        ebay.stubFor(get(urlEqualTo(ORDER)).willReturn(okJson(order(SHIP_TO_DE))));

        ShipTo shipTo = adapter.getShipTo(de, new ShipToRef("ebay-de", "05-12345-67890"));

        assertThat(shipTo).isEqualTo(new ShipTo("Lena Krause", "Musterstraße", "12", "10115", "Berlin", "DE",
                "5e3f9a0c1b2d4e6f8a7b@members.ebay.com"));
        assertThat(shipTo.complete()).isTrue();
        ebay.verify(getRequestedFor(urlEqualTo(ORDER))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_DE")));
    }

    @Test
    void forEbayInternationalShippingTheBuyersAddressIsTheFinalDestination() {
        ebay.stubFor(get(urlEqualTo(ORDER)).willReturn(okJson(order("""
                [{"fulfillmentInstructionsType": "SHIP_TO", "ebaySupportedFulfillment": true,
                  "finalDestinationAddress": {"addressLine1": "Via Roma 15", "city": "Torino", "stateOrProvince": "TO",
                    "postalCode": "10121", "countryCode": "IT"},
                  "shippingStep": {"shippingCarrierCode": "DHL", "shipToReferenceId": "5000123456789012",
                    "shipTo": {"fullName": "Giulia Rossi",
                      "contactAddress": {"addressLine1": "Reference #5000123456789012", "addressLine2": "Kaiserstr. 9",
                        "city": "Frankfurt", "postalCode": "60311", "countryCode": "DE"},
                      "email": "giulia.rossi@example.it"}}}]"""))));

        ShipTo shipTo = adapter.getShipTo(de, new ShipToRef("ebay-de", "05-12345-67890"));

        assertThat(shipTo).isEqualTo(new ShipTo("Giulia Rossi", "Via Roma", "15", "10121", "Torino", "IT",
                "giulia.rossi@example.it"));
    }

    @Test
    void anOrderWithoutAnAddressAnyMoreIsRefusedWithWhereToLook() {
        ebay.stubFor(get(urlEqualTo(ORDER)).willReturn(okJson(order("""
                [{"fulfillmentInstructionsType": "SHIP_TO", "ebaySupportedFulfillment": false,
                  "shippingStep": {"shippingCarrierCode": "DHL", "shipTo": {}}}]"""))));

        assertThatThrownBy(() -> adapter.getShipTo(de, new ShipToRef("ebay-de", "05-12345-67890")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("Seller Hub")
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.REJECTED);
    }

    @Test
    void anUnknownOrderIsNotFound() {
        ebay.stubFor(get(urlEqualTo("/sell/fulfillment/v1/order/05-00000-00000")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"errorId": 32100, "domain": "API_FULFILLMENT", "category": "REQUEST",
                          "message": "Invalid Order Id: 05-00000-00000"}]}""")));

        assertThatThrownBy(() -> adapter.getShipTo(de, new ShipToRef("ebay-de", "05-00000-00000")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("Invalid Order Id")
                .satisfies(e -> assertThat(((ProviderFailure) e).httpStatus()).isEqualTo(404));
    }

    @Test
    void anExchangeOrderIsForAPersonWithEbaysOwnWay() {
        assertThatThrownBy(() -> adapter.createExchangeOrder(de, new ExchangeOrderCommand("ebay-de", "05-12345-67890",
                List.of(new ExchangeLine("KNIT-SWEATER-L", 1)), "size", "case:AS-9:exchange")))
                .isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("no API to create an order")
                .hasMessageContaining("own fulfilment");
        ebay.verify(0, anyRequestedFor(anyUrl()));
    }
}
