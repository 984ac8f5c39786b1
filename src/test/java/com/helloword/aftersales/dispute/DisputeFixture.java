package com.helloword.aftersales.dispute;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.ProviderStubsConfiguration;

/**
 * One buyer of a test run, with the order in dispute (amazon-de, delivered) and orders in two Shopify stores of
 * this run played by WireMock: one shipped, one placed (both in transit, so the freeze holds them), one delivered
 * (not frozen). The Shopify stubs hold and release fulfilment orders with WireMock scenarios, so a release is
 * seen only after a hold.
 */
final class DisputeFixture {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String shopA = "shopify-dsp-a-" + run;
    final String shopB = "shopify-dsp-b-" + run;
    final String email = "dana-" + run + "@example.de";
    /** An Amazon order number (3-7-7 digits), unique per run. */
    final String disputedOrder = String.format("302-%07d-%07d", java.util.concurrent.ThreadLocalRandom.current()
            .nextInt(10_000_000), java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
    final String shippedOrder = run + "01";
    final String placedOrder = run + "02";
    final String deliveredOrder = run + "03";
    /** The SKU of every order of the buyer. */
    final String sku;
    /** The store of the order in dispute. */
    final String disputedStore;
    private final Http http;
    private final WireMockServer stubs;

    DisputeFixture(Http http, WireMockServer stubs, StoreRepository stores) {
        this(http, stubs, stores, "amazon-de");
    }

    DisputeFixture(Http http, WireMockServer stubs, StoreRepository stores, String disputedStore) {
        this(http, stubs, stores, disputedStore, null);
    }

    /** As above, every order with the one line of {@code sku} (null: a SKU of this run). */
    DisputeFixture(Http http, WireMockServer stubs, StoreRepository stores, String disputedStore, String sku) {
        this.sku = sku == null ? "DSP-KNIT-" + run : sku;
        this.http = http;
        this.stubs = stubs;
        this.disputedStore = disputedStore;
        stores.save(new Store(shopA, "Helloword Shop A", Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(shopA + ".myshopify.com", null, stubs.baseUrl() + "/" + shopA, "shopify-us"));
        stores.save(new Store(shopB, "Helloword Shop B", Platform.SHOPIFY, "FR", Currency.getInstance("EUR"), "fr",
                "Europe/Paris").connection(shopB + ".myshopify.com", null, stubs.baseUrl() + "/" + shopB, "shopify-us"));
    }

    /** Imports the buyer's four orders; the disputed one has the PayPal transaction {@code paymentReference}. */
    void importOrders(String language, String paymentReference) {
        List<String> orders = new ArrayList<>();
        orders.add(order(disputedStore, disputedOrder, language, "DELIVERED", "80.00", paymentReference));
        orders.add(order(shopA, shippedOrder, language, "SHIPPED", "40.00", null));
        orders.add(order(shopB, placedOrder, language, "PLACED", "25.00", null));
        orders.add(order(shopA, deliveredOrder, language, "DELIVERED", "15.00", null));
        HttpResponse<String> imported = http.post("/api/orders/import", "demo", "application/json",
                "[" + String.join(",", orders) + "]");
        assertThat(imported.statusCode()).as(imported.body()).isLessThan(300);
    }

    private String order(String store, String id, String language, String status, String price, String payment) {
        boolean shipped = !status.equals("PLACED");
        return """
                {"storeId": "%s", "platformOrderId": "%s",
                 "buyer": {"email": "%s", "name": "Dana Beispiel", "language": "%s", "country": "DE"},
                 "destinationCountry": "DE", "currency": "EUR", "orderedAt": "2026-11-01T10:00:00Z",
                 "shippedAt": %s, "deliveredAt": %s, "carrier": "DHL", "trackingNumber": %s, "status": "%s",
                 "paymentReference": %s,
                 "lines": [{"sku": "%s", "quantity": 1, "unitPrice": %s}]}""".formatted(store, id, email,
                language, shipped ? "\"2026-11-02T08:00:00Z\"" : "null",
                status.equals("DELIVERED") ? "\"2026-11-05T08:00:00Z\"" : "null",
                shipped ? "\"00340434" + id.replaceAll("[^0-9]", "") + "\"" : "null", status,
                payment == null ? "null" : "\"" + payment + "\"", sku, price);
    }

    /** Opens a dispute about the disputed order through the API; returns its key. */
    String open(String claimType) {
        HttpResponse<String> opened = http.post("/api/disputes", "eva", "application/json", """
                {"storeId": "%s", "platformOrderId": "%s", "claimType": "%s",
                 "reason": "The buyer says the parcel never arrived"}""".formatted(disputedStore, disputedOrder,
                claimType));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return Http.json(opened).get("key").asText();
    }

    /** The Shopify stubs of both in-transit orders for the dispute's hold handle. */
    void stubHolds(String disputeKey) {
        stubHold(shopA, shippedOrder, "dispute:" + disputeKey);
        stubHold(shopB, placedOrder, "dispute:" + disputeKey);
    }

    private void stubHold(String store, String orderId, String handle) {
        String scenario = "hold-" + store + "-" + orderId;
        String graphql = ProviderStubsConfiguration.shopifyGraphql(store);
        String fo = "gid://shopify/FulfillmentOrder/" + orderId + "1";
        String open = """
                {"data": {"order": {"id": "gid://shopify/Order/%s", "fulfillmentOrders": {"nodes": [
                  {"id": "%s", "status": "OPEN", "fulfillmentHolds": []}]}}}}""".formatted(orderId, fo);
        String held = """
                {"data": {"order": {"id": "gid://shopify/Order/%s", "fulfillmentOrders": {"nodes": [
                  {"id": "%s", "status": "ON_HOLD", "fulfillmentHolds": [{"id": "gid://shopify/FulfillmentHold/%s9",
                   "handle": "%s"}]}]}}}}""".formatted(orderId, fo, orderId, handle);
        stubs.stubFor(post(urlEqualTo(graphql)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.query", containing("query FulfillmentOrders")))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Order/" + orderId)))
                .willReturn(okJson(open)));
        stubs.stubFor(post(urlEqualTo(graphql)).inScenario(scenario).whenScenarioStateIs("held")
                .withRequestBody(matchingJsonPath("$.query", containing("query FulfillmentOrders")))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Order/" + orderId)))
                .willReturn(okJson(held)));
        stubs.stubFor(post(urlEqualTo(graphql)).inScenario(scenario).whenScenarioStateIs("released")
                .withRequestBody(matchingJsonPath("$.query", containing("query FulfillmentOrders")))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Order/" + orderId)))
                .willReturn(okJson(open)));
        stubs.stubFor(post(urlEqualTo(graphql)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.query", containing("mutation Hold")))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo(fo)))
                .willReturn(okJson("""
                        {"data": {"fulfillmentOrderHold": {"fulfillmentHold": {"id": "gid://shopify/FulfillmentHold/%s9",
                          "handle": "%s"}, "userErrors": []}}}""".formatted(orderId, handle)))
                .willSetStateTo("held"));
        stubs.stubFor(post(urlEqualTo(graphql)).inScenario(scenario).whenScenarioStateIs("held")
                .withRequestBody(matchingJsonPath("$.query", containing("mutation Release")))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo(fo)))
                .willReturn(okJson("""
                        {"data": {"fulfillmentOrderReleaseHold": {"fulfillmentOrder": {"id": "%s", "status": "OPEN"},
                          "userErrors": []}}}""".formatted(fo)))
                .willSetStateTo("released"));
    }

    /** Each in-transit order was held once and released once at its Shopify store. */
    void assertHeldAndReleased(String disputeKey) {
        for (String[] order : List.of(new String[] {shopA, shippedOrder}, new String[] {shopB, placedOrder})) {
            String graphql = ProviderStubsConfiguration.shopifyGraphql(order[0]);
            String fo = "gid://shopify/FulfillmentOrder/" + order[1] + "1";
            stubs.verify(1, postRequestedFor(urlEqualTo(graphql))
                    .withRequestBody(matchingJsonPath("$.query", containing("mutation Hold")))
                    .withRequestBody(matchingJsonPath("$.variables.id", equalTo(fo)))
                    .withRequestBody(matchingJsonPath("$.variables.hold.handle", equalTo("dispute:" + disputeKey))));
            stubs.verify(1, postRequestedFor(urlEqualTo(graphql))
                    .withRequestBody(matchingJsonPath("$.query", containing("mutation Release")))
                    .withRequestBody(matchingJsonPath("$.variables.id", equalTo(fo))));
        }
    }

    JsonNode dispute(String key) {
        HttpResponse<String> got = http.get("/api/disputes/" + key, "eva");
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        return Http.json(got);
    }

    JsonNode orderView(String store, String orderId) {
        HttpResponse<String> got = http.get("/api/orders/" + store + "/" + orderId, "demo");
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        return Http.json(got);
    }

    /** Runs every due job of the dispute's instances (its arbitration and a release after cancellation). */
    static void runJobs(RuntimeService runtime, ManagementService management, String disputeKey) {
        for (int round = 0; round < 30; round++) {
            List<Job> due = new ArrayList<>();
            List<ProcessInstance> instances = new ArrayList<>(runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(disputeKey).list());
            instances.addAll(runtime.createProcessInstanceQuery().processInstanceBusinessKey(disputeKey + ":release")
                    .list());
            instances.forEach(pi -> due.addAll(management.createJobQuery().processInstanceId(pi.getId()).executable()
                    .list()));
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + disputeKey);
    }

}
