package com.helloword.aftersales.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * A provider that keeps failing: the step's job fails, is retried as the model says, and ends as an
 * incident whose message says which provider failed and how, as a manager sees it in Cockpit. The
 * step is {@code ProviderStubsConfiguration}'s probe delegate, shaped like every step that calls out.
 */
@IntegrationTest
class ProviderFailureIncidentTest {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    StoreRepository stores;
    @Autowired
    WireMockServer providerStubs;

    @Test
    void aProviderThatKeepsFailingEndsAsAnIncidentWithAReadableMessage() {
        String storeId = "shopify-down-" + UUID.randomUUID().toString().substring(0, 6);
        stores.save(new Store(storeId, "Shop that is down", Platform.SHOPIFY, "US", Currency.getInstance("USD"), "en",
                "UTC").connection("down.myshopify.com", null, providerStubs.baseUrl() + "/" + storeId, "shopify-us"));
        providerStubs.stubFor(post(urlPathMatching("/" + storeId + "/admin/api/.*"))
                .willReturn(aResponse().withStatus(503).withBody("upstream connect error")));
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("providerCallProbeProcess",
                Map.of("storeId", storeId, "orderId", "1001"));

        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
            assertThatThrownBy(() -> managementService.executeJob(job.getId()))
                    .hasMessageContaining("shopify: server error, HTTP 503");
        }

        Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("serviceTask_refundBuyer");
        assertThat(incident.getIncidentMessage()).contains("shopify: server error, HTTP 503", "upstream connect error");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getRetries())
                .isZero();
        runtimeService.deleteProcessInstance(pi.getId(), "test done");
    }
}
