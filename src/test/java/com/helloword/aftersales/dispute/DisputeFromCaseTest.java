package com.helloword.aftersales.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseStatus;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * The escalation's 72 h message starts arbitration: a case with an order still open at its resolution time
 * becomes a dispute of the region's specialists (its category gives the claim type), no longer a team leads'
 * review; a case about an order already in dispute joins that dispute; the dispute's end closes the case.
 */
@IntegrationTest
class DisputeFromCaseTest {

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
    @Autowired
    TaskService tasks;
    @Autowired
    DisputeRepository disputes;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    MutableClock clock;

    Http http;
    DisputeFixture fixture;

    @BeforeEach
    void buyer() {
        http = new Http(port);
        fixture = new DisputeFixture(http, providerStubs, stores);
        fixture.importOrders("de", null);
    }

    @AfterEach
    void resetClocks() {
        clock.resumeRealTime();
    }

    private String caseAboutTheOrder(String messageId) {
        HttpResponse<String> response = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "amazon-de", "channel": "email", "externalMessageId": "<%s-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Bestellung", "body": "Mein Paket ist leider nicht angekommen, wo ist mein Paket?",
                 "receivedAt": "%s"}""".formatted(messageId, fixture.run, fixture.disputedOrder, fixture.email,
                clock.instant()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).get("businessKey").asText();
    }

    /** Moves both clocks past the case's resolution time and runs what falls due in its process. */
    private void pastResolutionTime(String caseKey) {
        AfterSalesCase c = cases.findByBusinessKey(caseKey).orElseThrow();
        clock.fixWithEngine(c.getResolutionDueAt().plus(Duration.ofMinutes(5)));
        for (int round = 0; round < 5; round++) {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseKey).list()
                    .forEach(pi -> DueJobs.run(management, pi.getId()));
        }
    }

    private Dispute disputeOfTheOrder() {
        return disputes.findAll().stream().filter(d -> d.getPlatformOrderId().equals(fixture.disputedOrder))
                .findFirst().orElseThrow();
    }

    @Test
    void aCaseUnresolvedAfterItsResolutionTimeBecomesADisputeOfTheRegionsSpecialists() {
        clock.fixWithEngine(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String caseKey = caseAboutTheOrder("m1");

        pastResolutionTime(caseKey);

        Dispute dispute = disputeOfTheOrder();
        fixture.stubHolds(dispute.getKey());
        DisputeFixture.runJobs(runtime, management, dispute.getKey());
        JsonNode view = fixture.dispute(dispute.getKey());
        assertThat(view.get("source").asText()).isEqualTo("CASE");
        assertThat(view.get("claimType").asText()).isEqualTo("ITEM_NOT_RECEIVED");
        assertThat(view.get("candidateGroup").asText()).isEqualTo("dispute-specialists-eu");
        assertThat(view.get("frozenOrders")).hasSize(2);
        assertThat(dispute.getCaseId()).isEqualTo(cases.findByBusinessKey(caseKey).orElseThrow().getId());
        assertThat(cases.findByBusinessKey(caseKey).orElseThrow().getStatus()).isEqualTo(CaseStatus.ESCALATED);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseKey)
                .taskDefinitionKey("userTask_reviewUnresolvedCase").count()).isZero();

        HttpResponse<String> decided = http.post("/api/disputes/" + dispute.getKey() + "/decision", "eva",
                "application/json", "{\"outcome\": \"CONTEST\", \"comment\": \"delivered, signed\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        DisputeFixture.runJobs(runtime, management, dispute.getKey());

        AfterSalesCase closed = cases.findWithMessages(caseKey).orElseThrow();
        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.getResolution()).isEqualTo("ARBITRATED");
        assertThat(closed.getMessages()).filteredOn(m -> m.getDirection() == MessageDirection.INTERNAL)
                .anySatisfy(m -> assertThat(m.getBody()).contains(dispute.getKey(), "RESOLVED (CONTEST)"));
        fixture.assertHeldAndReleased(dispute.getKey());
    }

    @Test
    void aCaseAboutAnOrderAlreadyInDisputeJoinsIt() {
        clock.fixWithEngine(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String key = fixture.open("NOT_AS_DESCRIBED");
        fixture.stubHolds(key);
        DisputeFixture.runJobs(runtime, management, key);
        String caseKey = caseAboutTheOrder("m2");

        pastResolutionTime(caseKey);

        assertThat(disputes.findAll().stream().filter(d -> d.getPlatformOrderId().equals(fixture.disputedOrder)))
                .singleElement().satisfies(d -> {
                    assertThat(d.getKey()).isEqualTo(key);
                    assertThat(d.getCaseId()).isEqualTo(cases.findByBusinessKey(caseKey).orElseThrow().getId());
                });
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DisputeProcess.PROCESS_KEY)
                .processInstanceBusinessKey(caseKey).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseKey)
                .taskDefinitionKey("userTask_reviewUnresolvedCase").count()).isZero();
    }
}
