package com.helloword.aftersales.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * {@code GET /api/disputes/consistency}: the same SKU and complaint category decided in three stores, two alike
 * and one far off: only the one off the median by more than the remedyConsistency table's tolerance is listed.
 */
@IntegrationTest
class RemedyConsistencyTest {

    @LocalServerPort
    int port;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    StoreRepository stores;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private String decided(Http http, String store, String sku, int percent) {
        DisputeFixture buyer = new DisputeFixture(http, providerStubs, stores, store, sku);
        buyer.importOrders("en", null);
        String key = buyer.open("NOT_AS_DESCRIBED");
        buyer.stubHolds(key);
        DisputeFixture.runJobs(runtime, management, key);
        HttpResponse<String> decided = http.post("/api/disputes/" + key + "/decision", "eva", "application/json",
                "{\"outcome\": \"PARTIAL_REFUND\", \"percentOfOrder\": " + percent + "}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        return key;
    }

    @Test
    void aStoreFarFromTheMedianOfTheSameSkuAndCategoryIsListed() {
        Http http = new Http(port);
        String sku = "CONS-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        decided(http, "amazon-de", sku, 30);
        decided(http, "amazon-fr", sku, 35);
        String off = decided(http, "amazon-uk", sku, 80);

        HttpResponse<String> report = http.get("/api/disputes/consistency", "mia");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        JsonNode group = null;
        for (JsonNode g : Http.json(report).get("deviating")) {
            if (g.get("sku").asText().equals(sku)) {
                group = g;
            }
        }
        assertThat(group).as(report.body()).isNotNull();
        assertThat(group.get("category").asText()).isEqualTo("NOT_AS_DESCRIBED");
        assertThat(group.get("medianPercent").asDouble()).isEqualTo(35.0);
        assertThat(group.get("tolerancePoints").asInt()).isEqualTo(10);
        assertThat(group.get("deviations")).singleElement().satisfies(d -> {
            assertThat(d.get("storeId").asText()).isEqualTo("amazon-uk");
            assertThat(d.get("reference").asText()).isEqualTo(off);
            assertThat(d.get("deviationPoints").asDouble()).isEqualTo(45.0);
        });

        assertThat(http.get("/api/disputes/consistency?window=P7D", "eva").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/disputes/consistency?window=soon", "mia").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/disputes/consistency", "lena").statusCode()).isEqualTo(403);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(RemedyConsistency.median(java.util.List.of(80, 30, 35, 40))).isEqualTo(37.5);
        assertThat(RemedyConsistency.median(java.util.List.of(10))).isEqualTo(10.0);
    }
}
