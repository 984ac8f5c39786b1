package com.helloword.aftersales.platform.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnResult;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnsQuery;
import com.helloword.aftersales.platform.StoreConnection;

/**
 * Accepting and declining a buyer's return request, as Shopify's Admin GraphQL reference (2025-01)
 * describes {@code return(id:)}, {@code returnApproveRequest} and {@code returnDeclineRequest}.
 */
class ShopifyReturnDecisionTest {

    @RegisterExtension
    static WireMockExtension shopify = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String GRAPHQL = ShopifyTestSupport.GRAPHQL;
    static final String TOKEN = ShopifyTestSupport.TOKEN;
    static final String RETURN_GID = "gid://shopify/Return/945000959";

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

    private static String status(String status) {
        return """
                {"data": {"return": {"id": "%s", "status": "%s"}},
                 "extensions": {"cost": {"requestedQueryCost": 1, "actualQueryCost": 1,
                   "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1999,
                     "restoreRate": 100.0}}}}"""
                .formatted(RETURN_GID, status);
    }

    private static PlatformReturnCommand command(String platformReturnId, String note) {
        return new PlatformReturnCommand("shopify-us", platformReturnId, "450789469", note, "return:RT-1:platform");
    }

    @Test
    void approvingARequestedReturnSendsTheMutationOnceForTheReturnOfALine() {
        shopify.stubFor(operation("query ReturnStatus").willReturn(okJson(status("REQUESTED"))));
        shopify.stubFor(operation("mutation ReturnApprove").willReturn(okJson("""
                {"data": {"returnApproveRequest": {"return": {"id": "%s", "status": "OPEN"}, "userErrors": []}}}"""
                .formatted(RETURN_GID))));

        PlatformReturnResult result = adapter.approvePlatformReturn(store, command("945000959:3150", null));

        assertThat(result).isEqualTo(new PlatformReturnResult("OPEN", false));
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("returnApproveRequest(input: $input)")))
                .withRequestBody(matchingJsonPath("$.variables.input.id", equalTo(RETURN_GID))));
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("return(id: $id)")))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo(RETURN_GID))));
    }

    @Test
    void approvingAnOpenReturnSendsNoMutationAndReportsItDone() {
        shopify.stubFor(operation("query ReturnStatus").willReturn(okJson(status("OPEN"))));

        PlatformReturnResult result = adapter.approvePlatformReturn(store, command("945000959", null));

        assertThat(result).isEqualTo(new PlatformReturnResult("OPEN", true));
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation"))));
    }

    @Test
    void userErrorsAndAReturnDeclinedMeanwhileAreClearFailures() {
        shopify.stubFor(operation("query ReturnStatus").willReturn(okJson(status("REQUESTED"))));
        shopify.stubFor(operation("mutation ReturnApprove").willReturn(okJson("""
                {"data": {"returnApproveRequest": {"return": null, "userErrors": [{"code": "INVALID_STATE",
                  "field": ["input", "id"],
                  "message": "Return is not approvable. Only returns with status REQUESTED can be approved."}]}}}""")));

        assertThatThrownBy(() -> adapter.approvePlatformReturn(store, command("945000959", null)))
                .isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("returnApproveRequest refused")
                .hasMessageContaining("Only returns with status REQUESTED can be approved")
                .extracting(e -> ((ProviderFailure) e).kind()).isEqualTo(ProviderFailure.Kind.REJECTED);

        shopify.resetAll();
        shopify.stubFor(operation("query ReturnStatus").willReturn(okJson(status("DECLINED"))));
        assertThatThrownBy(() -> adapter.approvePlatformReturn(store, command("945000959", null)))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("which is DECLINED on Shopify")
                .extracting(e -> ((PlatformCannotException) e).insteadAdvice()).asString()
                .contains("declined on Shopify; reopen it there or handle it by hand");
        shopify.resetAll();
        shopify.stubFor(operation("query ReturnStatus").willReturn(okJson(status("CANCELED"))));
        assertThatThrownBy(() -> adapter.approvePlatformReturn(store, command("945000959:3150", null)))
                .isInstanceOf(PlatformCannotException.class)
                .extracting(e -> ((PlatformCannotException) e).insteadAdvice()).asString()
                .contains("cancelled on Shopify");
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation"))));
    }

    @Test
    void anUnknownReturnIsRefused() {
        shopify.stubFor(operation("query ReturnStatus").willReturn(okJson("""
                {"data": {"return": null}}""")));

        assertThatThrownBy(() -> adapter.declinePlatformReturn(store, command("1", "no")))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("no return gid://shopify/Return/1");
    }

    @Test
    void decliningSendsTheReasonAndTheNoteTheBuyerGets() {
        shopify.stubFor(operation("query ReturnStatus").willReturn(okJson(status("REQUESTED"))));
        shopify.stubFor(operation("mutation ReturnDecline").willReturn(okJson("""
                {"data": {"returnDeclineRequest": {"return": {"id": "%s", "status": "DECLINED"}, "userErrors": []}}}"""
                .formatted(RETURN_GID))));
        String longNote = "The 30-day return window of this order ended on 2 November. " + "x".repeat(600);

        PlatformReturnResult result = adapter.declinePlatformReturn(store, command(RETURN_GID, longNote));

        assertThat(result).isEqualTo(new PlatformReturnResult("DECLINED", false));
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("returnDeclineRequest(input: $input)")))
                .withRequestBody(matchingJsonPath("$.variables.input.id", equalTo(RETURN_GID)))
                .withRequestBody(matchingJsonPath("$.variables.input.declineReason", equalTo("OTHER")))
                .withRequestBody(matchingJsonPath("$.variables.input.declineNote",
                        equalTo(longNote.substring(0, ShopifyAdapter.DECLINE_NOTE_MAX))))
                .withRequestBody(matchingJsonPath("$.variables.input.notifyCustomer", equalTo("true"))));
    }

    @Test
    void oneLineOfAReturnIsNotDeclinedBecauseShopifyDeclinesTheWholeReturn() {
        shopify.stubFor(operation("query ReturnStatus").willReturn(okJson(status("REQUESTED"))));
        shopify.stubFor(operation("mutation ReturnDecline").willReturn(okJson("""
                {"data": {"returnDeclineRequest": {"return": {"id": "%s", "status": "DECLINED"}, "userErrors": []}}}"""
                .formatted(RETURN_GID))));

        assertThatThrownBy(() -> adapter.declinePlatformReturn(store, command("945000959:3150", "late")))
                .isInstanceOf(PlatformCannotException.class)
                .extracting(e -> ((PlatformCannotException) e).insteadAdvice())
                .isEqualTo("Shopify declines a whole return; decline or adjust the line in Shopify admin");
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation"))));
    }

    @Test
    void aReturnAcceptedOrCancelledMeanwhileIsLeftForAPersonToDecline() {
        shopify.stubFor(operation("query ReturnStatus").willReturn(okJson(status("OPEN"))));

        assertThatThrownBy(() -> adapter.declinePlatformReturn(store, command("945000959", "late")))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("which is OPEN on Shopify")
                .extracting(e -> ((PlatformCannotException) e).insteadAdvice()).asString()
                .contains("accepted on Shopify and can no longer be declined");

        shopify.resetAll();
        shopify.stubFor(operation("query ReturnStatus").willReturn(okJson(status("CANCELED"))));
        assertThatThrownBy(() -> adapter.declinePlatformReturn(store, command("945000959", "late")))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("which is CANCELED on Shopify");
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation"))));
    }

    @Test
    void theLinesOfAReturnAreReadWithTheirSkusAndQuantities() {
        shopify.stubFor(operation("query ReturnLines").willReturn(okJson("""
                {"data": {"return": {"id": "%s", "status": "REQUESTED", "returnLineItems": {"nodes": [
                  {"id": "gid://shopify/ReturnLineItem/3150", "quantity": 2,
                   "fulfillmentLineItem": {"lineItem": {"sku": "SKU-TEE-M"}}},
                  {"id": "gid://shopify/ReturnLineItem/3151", "quantity": 1,
                   "fulfillmentLineItem": {"lineItem": {"sku": null}}},
                  {"id": "gid://shopify/UnverifiedReturnLineItem/3152", "quantity": 1}]}}}}"""
                .formatted(RETURN_GID))));

        var lines = adapter.returnLines(store, "945000959");

        assertThat(lines).containsExactly(
                java.util.Map.entry("3150", new ShopifyAdapter.ReturnLine("SKU-TEE-M", 2)),
                java.util.Map.entry("3151", new ShopifyAdapter.ReturnLine(null, 1)),
                java.util.Map.entry("3152", new ShopifyAdapter.ReturnLine(null, 1)));
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("returnLineItems(first: 50)")))
                .withRequestBody(matchingJsonPath("$.query",
                        containing("... on ReturnLineItem { fulfillmentLineItem { lineItem { sku } } }")))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo(RETURN_GID))));
    }

    @Test
    void decliningADeclinedReturnSendsNoMutation() {
        shopify.stubFor(operation("query ReturnStatus").willReturn(okJson(status("DECLINED"))));

        assertThat(adapter.declinePlatformReturn(store, command("945000959", "late")))
                .isEqualTo(new PlatformReturnResult("DECLINED", true));
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation"))));
    }

    @Test
    void returnsAreNotReadAsAFeedAndLabelsComeFromTheCarrier() {
        assertThatThrownBy(() -> adapter.platformReturns(store, new PlatformReturnsQuery("shopify-us", null, null)))
                .isInstanceOf(PlatformCannotException.class);
        assertThatThrownBy(() -> adapter.platformReturnLabel(store, command("945000959", null)))
                .isInstanceOf(PlatformCannotException.class);
    }
}
