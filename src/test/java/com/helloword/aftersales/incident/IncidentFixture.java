package com.helloword.aftersales.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.notification.OutboxRelay;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.ProviderStubsConfiguration;

/**
 * Two WireMock Shopify stores of one test run (refunds and express replacements stubbed), the run's orders
 * imported through the API, and the jobs of an incident's instances run as the job executor would.
 */
final class IncidentFixture {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String shopA = "shopify-inc-a-" + run;
    final String shopB = "shopify-inc-b-" + run;
    final String sku = "INC-MUG-" + run;
    private final Http http;
    private final WireMockServer stubs;

    IncidentFixture(Http http, WireMockServer stubs, StoreRepository stores) {
        this.http = http;
        this.stubs = stubs;
        for (String shop : List.of(shopA, shopB)) {
            stores.save(new Store(shop, "Helloword Maison " + shop.charAt(13), Platform.SHOPIFY, "FR",
                    Currency.getInstance("EUR"), "fr", "Europe/Paris").connection(shop + ".myshopify.com", null,
                    stubs.baseUrl() + "/" + shop, "shopify-us"));
        }
    }

    /** Stubs both stores' refund and replacement (draft order) calls. */
    void stubRemedies() {
        for (String shop : List.of(shopA, shopB)) {
            ProviderStubsConfiguration.stubShopifyRefund(stubs, shop, "24.00", "7" + run.hashCode());
            stubs.stubFor(shopify(shop, "query ExchangeDrafts").willReturn(okJson("""
                    {"data": {"draftOrders": {"nodes": []}}}""")));
            stubs.stubFor(shopify(shop, "query ExchangeSource").willReturn(okJson("""
                    {"data": {"order": {"id": "gid://shopify/Order/1", "name": "#1", "email": "x@example.fr",
                      "customer": {"id": "gid://shopify/Customer/1"},
                      "shippingAddress": {"firstName": "Camille", "lastName": "Exemple", "company": null,
                        "address1": "1 rue de la Paix", "address2": null, "zip": "75002", "city": "Paris",
                        "provinceCode": null, "countryCodeV2": "FR", "phone": null}}}}""")));
            stubs.stubFor(shopify(shop, "query VariantBySku").willReturn(okJson("""
                    {"data": {"productVariants": {"nodes": [{"id": "gid://shopify/ProductVariant/51", "sku": "%s"}]}}}"""
                    .formatted(sku))));
            stubs.stubFor(shopify(shop, "mutation ExchangeDraft").willReturn(okJson("""
                    {"data": {"draftOrderCreate": {"draftOrder": {"id": "gid://shopify/DraftOrder/61", "status": "OPEN"},
                      "userErrors": []}}}""")));
            stubs.stubFor(shopify(shop, "mutation ExchangeComplete").willReturn(okJson("""
                    {"data": {"draftOrderComplete": {"draftOrder": {"id": "gid://shopify/DraftOrder/61",
                      "status": "COMPLETED", "order": {"id": "gid://shopify/Order/71", "name": "#71"}},
                      "userErrors": []}}}""")));
        }
    }

    /** How often the stores were asked for one GraphQL operation. */
    int calls(String operation) {
        int calls = 0;
        for (String shop : List.of(shopA, shopB)) {
            calls += stubs.findAll(postRequestedFor(urlEqualTo(ProviderStubsConfiguration.shopifyGraphql(shop)))
                    .withRequestBody(matchingJsonPath("$.query", containing(operation)))).size();
        }
        return calls;
    }

    private static MappingBuilder shopify(String shop, String operation) {
        return post(urlEqualTo(ProviderStubsConfiguration.shopifyGraphql(shop)))
                .withRequestBody(matchingJsonPath("$.query", containing(operation)));
    }

    /** An order of this run as the import takes it. */
    String order(String store, String id, String email, String language, String country, String status,
            String shippedAt) {
        boolean shipped = !status.equals("PLACED");
        return """
                {"storeId": "%s", "platformOrderId": "%s",
                 "buyer": {"email": "%s", "name": "Client %s", "language": "%s", "country": "%s"},
                 "destinationCountry": "%s", "currency": "EUR", "orderedAt": "2026-11-20T10:00:00Z",
                 "shippedAt": %s, "deliveredAt": %s, "carrier": "DHL", "trackingNumber": %s, "status": "%s",
                 "lines": [{"sku": "%s", "quantity": 1, "unitPrice": 24.00}]}""".formatted(store, id, email, id,
                language, country, country, shipped ? "\"" + shippedAt + "\"" : "null",
                status.equals("DELIVERED") ? "\"2026-11-28T10:00:00Z\"" : "null",
                shipped ? "\"JJD" + Math.abs(id.hashCode()) + "\"" : "null", status, sku);
    }

    void importOrders(List<String> orders) {
        for (int from = 0; from < orders.size(); from += 100) {
            HttpResponse<String> imported = http.post("/api/orders/import", "demo", "application/json",
                    "[" + String.join(",", orders.subList(from, Math.min(orders.size(), from + 100))) + "]");
            assertThat(imported.statusCode()).as(imported.body()).isLessThan(300);
        }
    }

    /** Runs every due job of the incident's instances (its own, its chunks', its remedies'), delivering mail. */
    static void runJobs(RuntimeService runtime, ManagementService management, OutboxRelay relay, String key) {
        for (int round = 0; round < 40; round++) {
            List<ProcessInstance> instances = new ArrayList<>(runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(key + ":%").list());
            instances.addAll(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list());
            List<Job> due = new ArrayList<>();
            instances.forEach(pi -> due.addAll(management.createJobQuery().processInstanceId(pi.getId()).executable()
                    .list()));
            if (due.isEmpty()) {
                deliverAll(relay);
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + key);
    }

    /** Sends every mail that is due (the relay takes a batch at a time). */
    static void deliverAll(OutboxRelay relay) {
        for (int round = 0; round < 1000; round++) {
            if (relay.deliverDue() == 0) {
                return;
            }
        }
        throw new AssertionError("mail keeps coming");
    }
}
