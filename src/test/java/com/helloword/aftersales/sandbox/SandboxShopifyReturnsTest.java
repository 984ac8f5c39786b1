package com.helloword.aftersales.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnResult;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.sandbox.ShopifySandboxReturns.Line;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * Shopify returns requested by buyers, accepted and declined through {@link MarketplacePort} and the real
 * adapter against the sandbox, which knows the returns requested through it (it delivered them to this
 * system as returns/request webhooks) and nothing this system keeps.
 */
@IntegrationTest
class SandboxShopifyReturnsTest {

    @Autowired
    MarketplacePort marketplace;
    @Autowired
    ShopifySandboxReturns shopReturns;
    @Autowired
    StoreRepository stores;
    @Autowired
    ObjectMapper objectMapper;

    long seed;

    @BeforeEach
    void setUp() {
        seed = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    /**
     * A buyer's return of an order not imported, requested through the sandbox, which delivers the webhook
     * (this system keeps it UNMATCHED; no return process runs).
     */
    private void requested(String returnId, Line... lines) {
        ShopifySandboxReturns.Delivery delivery = shopReturns.requested("shopify-us", returnId, "98" + seed,
                List.of(lines));
        assertThat(delivery.status()).as(delivery.body()).isEqualTo(200);
    }

    private static Line line(String id) {
        return new Line(id, null, 1, "defective");
    }

    private static PlatformReturnCommand command(String platformReturnId, String note) {
        return new PlatformReturnCommand("shopify-us", platformReturnId, null, note, "return:SBX:" + platformReturnId);
    }

    @Test
    void aRequestedReturnIsAcceptedOnceAndThenCannotBeDeclined() {
        String returnId = "81" + seed;
        requested(returnId, line("1"), line("2"));

        PlatformReturnResult first = marketplace.approvePlatformReturn(command(returnId + ":1", null));
        PlatformReturnResult otherLine = marketplace.approvePlatformReturn(command(returnId + ":2", null));

        assertThat(first).isEqualTo(new PlatformReturnResult("OPEN", false));
        assertThat(otherLine).isEqualTo(new PlatformReturnResult("OPEN", true));
        // one line of several is never declined on its own: Shopify declines the whole return
        assertThatThrownBy(() -> marketplace.declinePlatformReturn(command(returnId + ":1", "too late")))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("decline one line");
    }

    @Test
    void anAcceptedReturnOfOneLineCannotBeDeclinedAnyMore() {
        String returnId = "84" + seed;
        requested(returnId, line(returnId));
        marketplace.approvePlatformReturn(command(returnId, null));

        assertThatThrownBy(() -> marketplace.declinePlatformReturn(command(returnId, "too late")))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("which is OPEN on Shopify");
    }

    @Test
    void theLinesOfAReturnAreAnsweredInShopifysShapeWithTheirState() throws Exception {
        String returnId = "85" + seed;
        requested(returnId, new Line("11", "SKU-TEE-M", 2, "defective"), new Line("12", null, 1, "color"));
        marketplace.approvePlatformReturn(command(returnId + ":11", null));

        JsonNode answer = returnLinesQuery("gid://shopify/Return/" + returnId);

        assertThat(answer.at("/data/return/status").asText()).isEqualTo("OPEN");
        JsonNode nodes = answer.at("/data/return/returnLineItems/nodes");
        assertThat(nodes.size()).isEqualTo(2);
        assertThat(nodes.get(0).path("id").asText()).isEqualTo("gid://shopify/ReturnLineItem/11");
        assertThat(nodes.get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(nodes.get(0).at("/fulfillmentLineItem/lineItem/sku").asText()).isEqualTo("SKU-TEE-M");
        assertThat(nodes.get(1).path("id").asText()).isEqualTo("gid://shopify/ReturnLineItem/12");
        assertThat(nodes.get(1).at("/fulfillmentLineItem/lineItem/sku").isNull()).isTrue();
        assertThat(returnLinesQuery("gid://shopify/Return/86" + seed).at("/data/return").isNull()).isTrue();
    }

    /** Shopify's return(id:) {returnLineItems} query, sent to the sandbox as the adapter sends it. */
    private JsonNode returnLinesQuery(String returnGid) throws Exception {
        String url = stores.findById("shopify-us").orElseThrow().getApiBaseUrl() + "/admin/api/2025-01/graphql.json";
        String body = objectMapper.writeValueAsString(Map.of("query", """
                query ReturnLines($id: ID!) { return(id: $id) { id status
                  returnLineItems(first: 50) { nodes { id quantity
                    ... on ReturnLineItem { fulfillmentLineItem { lineItem { sku } } } } } } }""",
                "variables", Map.of("id", returnGid)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("X-Shopify-Access-Token", "shpat_test")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return objectMapper.readTree(response.body());
    }

    @Test
    void aRequestedReturnIsDeclinedOnce() {
        String returnId = "82" + seed;
        requested(returnId, line(returnId));

        assertThat(marketplace.declinePlatformReturn(command(returnId, "The return window ended.")))
                .isEqualTo(new PlatformReturnResult("DECLINED", false));
        assertThat(marketplace.declinePlatformReturn(command(returnId, "The return window ended.")))
                .isEqualTo(new PlatformReturnResult("DECLINED", true));
        assertThatThrownBy(() -> marketplace.approvePlatformReturn(command(returnId, null)))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("which is DECLINED on Shopify");
    }

    @Test
    void aReturnTheStoreNeverHadIsNotFound() {
        assertThatThrownBy(() -> marketplace.approvePlatformReturn(command("83" + seed, null)))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("no return gid://shopify/Return/83");
    }
}
