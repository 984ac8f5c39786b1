package com.helloword.aftersales.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.notification.OutboxMessage;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.platform.PlatformClaimNotice;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * disputeArbitrationProcess through the API on the real steps and tables: the freeze of the buyer's other
 * in-transit orders and its release on every way out (resolved, withdrawn, closed by the platform, cancelled),
 * checked at the WireMock Shopify stores; the approval limits and four eyes on the API and on
 * {@code /engine-rest}; the platform's deadline with a controlled clock.
 */
@IntegrationTest
class DisputeFlowTest {

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
    HistoryService history;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    DisputeRepository disputes;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
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

    private String openAndFreeze(String claimType) {
        String key = fixture.open(claimType);
        fixture.stubHolds(key);
        DisputeFixture.runJobs(runtime, management, key);
        return key;
    }

    private void run(String key) {
        DisputeFixture.runJobs(runtime, management, key);
    }

    private HttpResponse<String> decide(String key, String user, String outcome, Integer percent) {
        return http.post("/api/disputes/" + key + "/decision", user, "application/json",
                "{\"outcome\": \"" + outcome + "\", \"percentOfOrder\": " + percent + ", \"comment\": \"checked\"}");
    }

    private HttpResponse<String> approve(String key, String user, boolean approve) {
        return http.post("/api/disputes/" + key + "/approval", user, "application/json",
                "{\"approve\": " + approve + ", \"comment\": \"ok\"}");
    }

    private Task task(String key, String definitionKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(definitionKey).singleResult();
    }

    private void assertReleased(String key, String state) {
        JsonNode released = fixture.dispute(key);
        assertThat(released.get("state").asText()).isEqualTo(state);
        assertThat(released.get("frozenOrders")).isEmpty();
        fixture.assertHeldAndReleased(key);
        assertThat(fixture.orderView(fixture.shopA, fixture.shippedOrder).get("frozen").asBoolean()).isFalse();
        assertThat(fixture.orderView(fixture.shopB, fixture.placedOrder).get("frozen").asBoolean()).isFalse();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }

    @Test
    void anOpenedDisputeFreezesTheBuyersOtherOrdersAndIsReleasedWhenWithdrawn() {
        String key = openAndFreeze("ITEM_NOT_RECEIVED");

        HttpResponse<String> again = http.post("/api/disputes", "mia", "application/json", """
                {"storeId": "amazon-de", "platformOrderId": "%s", "claimType": "ITEM_NOT_RECEIVED",
                 "platformClaimId": "A2Z-%s", "reason": "the A-to-z claim about it"}""".formatted(
                fixture.disputedOrder, fixture.run));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Http.json(again).get("key").asText()).isEqualTo(key);

        JsonNode dispute = fixture.dispute(key);
        assertThat(dispute.get("state").asText()).isEqualTo("OPEN");
        assertThat(dispute.get("region").asText()).isEqualTo("eu");
        assertThat(dispute.get("candidateGroup").asText()).isEqualTo("dispute-specialists-eu");
        assertThat(dispute.get("respondBySource").asText()).isEqualTo("TABLE");
        assertThat(Instant.parse(dispute.get("respondBy").asText())).isBetween(Instant.now().plus(Duration.ofHours(47)),
                Instant.now().plus(Duration.ofHours(49)));
        assertThat(dispute.get("frozenOrders")).extracting(o -> o.get("storeId").asText() + "/"
                + o.get("platformOrderId").asText()).containsExactlyInAnyOrder(fixture.shopA + "/"
                + fixture.shippedOrder, fixture.shopB + "/" + fixture.placedOrder);
        assertThat(dispute.get("claims")).extracting(c -> c.get("claimId").asText()).containsExactly("A2Z-"
                + fixture.run);
        assertThat(fixture.orderView(fixture.shopA, fixture.shippedOrder).get("frozen").asBoolean()).isTrue();
        assertThat(fixture.orderView(fixture.shopA, fixture.deliveredOrder).get("frozen").asBoolean()).isFalse();
        assertThat(fixture.orderView("amazon-de", fixture.disputedOrder).get("frozen").asBoolean()).isFalse();
        Task arbitrate = task(key, DisputeProcess.USER_TASK_ARBITRATE);
        assertThat(tasks.getIdentityLinksForTask(arbitrate.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("dispute-specialists-eu");
        assertThat(arbitrate.getDueDate().toInstant()).isEqualTo(Instant.parse(dispute.get("respondBy").asText()));
        assertThat(String.valueOf(tasks.getVariableLocal(arbitrate.getId(), DisputeProcess.VAR_DISPUTE_VIEW)))
                .contains("Dispute " + key, "Frozen orders: 2", "evidence.html");

        HttpResponse<String> html = http.get("/api/disputes/" + key + "/evidence.html", "eva");
        assertThat(html.statusCode()).as(html.body()).isEqualTo(200);
        assertThat(html.body()).contains("Evidence pack " + key, fixture.disputedOrder, fixture.shippedOrder,
                "A2Z-" + fixture.run, "DSP-KNIT-" + fixture.run);
        // a document for printing: its own inline stylesheet is allowed, nothing else
        assertThat(html.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("style-src 'unsafe-inline'", "default-src 'none'");
        HttpResponse<String> pdf = http.get("/api/disputes/" + key + "/evidence.pdf", "mia");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");

        assertThat(http.get("/api/disputes/" + key, "lena").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/disputes/DSP-0", "eva").statusCode()).isEqualTo(404);

        HttpResponse<String> withdrawn = http.post("/api/disputes/" + key + "/withdraw", "eva", "application/json",
                "{\"reason\": \"the buyer found the parcel at a neighbour's\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        run(key);
        assertReleased(key, "WITHDRAWN");
        assertThat(http.post("/api/disputes/" + key + "/withdraw", "eva", "application/json",
                "{\"reason\": \"again\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void badStartsAreRefusedWithTheirReasons() {
        HttpResponse<String> unknownOrder = http.post("/api/disputes", "eva", "application/json",
                "{\"storeId\": \"amazon-de\", \"platformOrderId\": \"nope-" + fixture.run
                        + "\", \"claimType\": \"OTHER\"}");
        assertThat(unknownOrder.statusCode()).isEqualTo(404);
        assertThat(unknownOrder.body()).contains("has no order");
        HttpResponse<String> bad = http.post("/api/disputes", "eva", "application/json",
                "{\"storeId\": \"nowhere\", \"claimType\": \"ANGRY\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("no store 'nowhere'", "platformOrderId", "must be one of");
        assertThat(http.post("/api/disputes", "lena", "application/json", "{}").statusCode()).isEqualTo(403);
        assertThat(http.post("/api/disputes", Http.RELAY, "application/json", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void theLimitsComeFromTheRemedyApprovalTableAndAboveTheOrderValueAManagerWhoDidNotDecideApproves() {
        String key = openAndFreeze("NOT_AS_DESCRIBED");

        HttpResponse<String> teamLead = decide(key, "leo", "PARTIAL_REFUND", 101);
        assertThat(teamLead.statusCode()).as(teamLead.body()).isEqualTo(403);
        assertThat(Http.json(teamLead).get("limitPercent").asInt()).isEqualTo(100);
        HttpResponse<String> beyondCap = decide(key, "eva", "PARTIAL_REFUND", 151);
        assertThat(beyondCap.statusCode()).as(beyondCap.body()).isEqualTo(422);
        assertThat(beyondCap.body()).contains("1 to 150 %");
        assertThat(decide(key, "mia", "PARTIAL_REFUND", 151).statusCode()).isEqualTo(422);
        assertThat(decide(key, "eva", "PARTIAL_REFUND", 0).statusCode()).isEqualTo(400);
        assertThat(decide(key, "eva", "MAYBE", null).statusCode()).isEqualTo(400);
        assertThat(decide(key, "lena", "ACCEPT", null).statusCode()).isEqualTo(403);
        assertThat(approve(key, "mia", true).statusCode()).isEqualTo(409);

        HttpResponse<String> decided = decide(key, "mia", "PARTIAL_REFUND", 120);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(Http.json(decided).get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(Http.json(decided).get("amount").decimalValue()).isEqualByComparingTo("96.00");
        assertThat(approve(key, "mia", true).statusCode()).isEqualTo(403);
        assertThat(approve(key, "eva", true).statusCode()).isEqualTo(403);
        HttpResponse<String> refused = approve(key, "demo", false);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(Http.json(refused).get("state").asText()).isEqualTo("OPEN");
        assertThat(task(key, DisputeProcess.USER_TASK_ARBITRATE)).isNotNull();

        assertThat(decide(key, "eva", "PARTIAL_REFUND", 150).statusCode()).isEqualTo(200);
        Task approval = task(key, DisputeProcess.USER_TASK_APPROVE);
        assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly(Groups.MANAGERS);
        HttpResponse<String> approved = approve(key, "mia", true);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        run(key);

        // Amazon refunds no more than the order through any API: the specialists answer by hand
        Task byHand = task(key, DisputeProcess.USER_TASK_ANSWER_BY_HAND);
        assertThat(byHand).isNotNull();
        assertThat(String.valueOf(runtime.getVariable(byHand.getProcessInstanceId(), DisputeProcess.VAR_BY_HAND_REASON)))
                .contains("refund more than the order");
        tasks.setAssignee(byHand.getId(), "eva");
        tasks.complete(byHand.getId(), Map.of(DisputeProcess.VAR_BY_HAND_NOTE,
                "refunded 80.00 EUR in Seller Central, 40.00 EUR by bank transfer"));
        run(key);

        JsonNode resolved = fixture.dispute(key);
        assertThat(resolved.get("decision").asText()).isEqualTo("PARTIAL_REFUND");
        assertThat(resolved.get("percentOfOrder").asInt()).isEqualTo(150);
        assertThat(resolved.get("decidedBy").asText()).isEqualTo("eva");
        assertThat(resolved.get("approvedBy").asText()).isEqualTo("mia");
        assertThat(resolved.get("outcome").asText()).contains("by hand (eva)", "bank transfer");
        assertReleased(key, "RESOLVED");
        List<OutboxMessage> mails = outbox.findAll().stream().filter(m -> m.getIdempotencyKey()
                .startsWith("dispute:" + key + ":outcome")).toList();
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.getTemplate()).isEqualTo("dispute-outcome");
            assertThat(m.getLanguage()).isEqualTo("de");
        });
    }

    @Test
    void aCompletionThroughEngineRestIsCheckedLikeTheApi() {
        String key = openAndFreeze("OTHER");
        Task arbitrate = task(key, DisputeProcess.USER_TASK_ARBITRATE);
        tasks.claim(arbitrate.getId(), "eva");

        HttpResponse<String> beyond = http.post("/engine-rest/task/" + arbitrate.getId() + "/complete", "eva",
                "application/json", "{\"variables\": {\"decision\": {\"value\": \"PARTIAL_REFUND\"},"
                        + " \"percentOfOrder\": {\"value\": 151, \"type\": \"Integer\"}}}");
        assertThat(beyond.statusCode()).as(beyond.body()).isEqualTo(400);
        assertThat(beyond.body()).contains("beyond what anyone may approve");
        HttpResponse<String> noPercent = http.post("/engine-rest/task/" + arbitrate.getId() + "/complete", "eva",
                "application/json", "{\"variables\": {\"decision\": {\"value\": \"PARTIAL_REFUND\"}}}");
        assertThat(noPercent.statusCode()).as(noPercent.body()).isEqualTo(400);
        assertThat(task(key, DisputeProcess.USER_TASK_ARBITRATE)).isNotNull();
        assertThat(fixture.dispute(key).get("decision").isNull()).isTrue();

        HttpResponse<String> contested = http.post("/engine-rest/task/" + arbitrate.getId() + "/complete", "eva",
                "application/json", "{\"variables\": {\"decision\": {\"value\": \"CONTEST\"}}}");
        assertThat(contested.statusCode()).as(contested.body()).isEqualTo(204);
        run(key);
        JsonNode resolved = fixture.dispute(key);
        assertThat(resolved.get("decidedBy").asText()).isEqualTo("eva");
        assertThat(resolved.get("outcome").asText()).contains("contested");
        assertReleased(key, "RESOLVED");
    }

    @Test
    void whenThePlatformClosesItsClaimTheDisputeEndsAndTheFreezeIsReleased() {
        String claimId = "EBAY-CASE-" + fixture.run;
        transactions.executeWithoutResult(s -> events.publishEvent(new PlatformClaimNotice("AMAZON", "amazon-de",
                claimId, fixture.disputedOrder, null, "ITEM_NOT_RECEIVED", "OPEN", false, null,
                new BigDecimal("80.00"), "EUR", "A_TO_Z")));
        String key = disputes.findAll().stream().filter(d -> d.getPlatformOrderId().equals(fixture.disputedOrder))
                .findFirst().orElseThrow().getKey();
        fixture.stubHolds(key);
        run(key);
        assertThat(fixture.dispute(key).get("source").asText()).isEqualTo("AMAZON");
        assertThat(fixture.dispute(key).get("frozenOrders")).hasSize(2);

        transactions.executeWithoutResult(s -> events.publishEvent(new PlatformClaimNotice("AMAZON", "amazon-de",
                claimId, fixture.disputedOrder, null, "ITEM_NOT_RECEIVED", "CLOSED", true, null,
                new BigDecimal("80.00"), "EUR", "A_TO_Z")));
        run(key);
        assertReleased(key, "CLOSED_BY_PLATFORM");
    }

    @Test
    void aDeletedInstanceCancelsTheDisputeAndItsOwnReleaseProcessLiftsTheFreeze() {
        String key = openAndFreeze("CHARGEBACK");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();

        runtime.deleteProcessInstance(instance, "opened by mistake");
        assertThat(fixture.dispute(key).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key + ":release").count())
                .isEqualTo(1);
        run(key);
        assertReleased(key, "CANCELLED");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key + ":release")
                .finished().count()).isEqualTo(1);
    }

    @Test
    void theDeadlineWarnsTheSpecialistsThenRecordsTheMissAndAsksTheManagers() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.fixWithEngine(now);
        String claimId = "A2Z-" + fixture.run;
        Instant amazonDue = now.plus(Duration.ofDays(5));
        transactions.executeWithoutResult(s -> events.publishEvent(new PlatformClaimNotice("AMAZON", "amazon-de",
                claimId, fixture.disputedOrder, null, "ITEM_NOT_RECEIVED", "OPEN", false, amazonDue,
                new BigDecimal("80.00"), "EUR", "A_TO_Z")));
        String key = disputes.findAll().stream().filter(d -> d.getPlatformOrderId().equals(fixture.disputedOrder))
                .findFirst().orElseThrow().getKey();
        fixture.stubHolds(key);
        run(key);
        JsonNode dispute = fixture.dispute(key);
        assertThat(dispute.get("respondBySource").asText()).isEqualTo("PLATFORM");
        assertThat(Instant.parse(dispute.get("respondBy").asText())).isEqualTo(amazonDue);

        // the platform moves its date earlier: the timers and the task follow
        Instant earlier = now.plus(Duration.ofDays(3));
        transactions.executeWithoutResult(s -> events.publishEvent(new PlatformClaimNotice("AMAZON", "amazon-de",
                claimId, fixture.disputedOrder, null, "ITEM_NOT_RECEIVED", "OPEN", false, earlier,
                new BigDecimal("80.00"), "EUR", "A_TO_Z")));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
        Job missedTimer = management.createJobQuery().processInstanceId(instance)
                .activityId(DisputeProcess.TIMER_MISSED).singleResult();
        Job warnTimer = management.createJobQuery().processInstanceId(instance)
                .activityId(DisputeProcess.TIMER_WARN).singleResult();
        assertThat(missedTimer.getDuedate().toInstant()).isEqualTo(earlier);
        // AMAZON in platformResponseDeadline: warn 24 hours before
        assertThat(warnTimer.getDuedate().toInstant()).isEqualTo(earlier.minus(Duration.ofHours(24)));
        assertThat(task(key, DisputeProcess.USER_TASK_ARBITRATE).getDueDate().toInstant()).isEqualTo(earlier);

        clock.fixWithEngine(earlier.minus(Duration.ofHours(23)));
        run(key);
        assertThat(outbox.findAll()).filteredOn(m -> m.getIdempotencyKey().startsWith("dispute:" + key + ":deadline:NEAR"))
                .singleElement().satisfies(m -> assertThat(m.getRecipientRef()).isEqualTo("dispute-specialists-eu"));
        assertThat(fixture.dispute(key).get("deadlineMissed").asBoolean()).isFalse();

        clock.fixWithEngine(earlier.plus(Duration.ofMinutes(1)));
        run(key);
        assertThat(fixture.dispute(key).get("deadlineMissed").asBoolean()).isTrue();
        assertThat(tasks.getIdentityLinksForTask(task(key, DisputeProcess.USER_TASK_ARBITRATE).getId()))
                .extracting(IdentityLink::getGroupId).contains(Groups.MANAGERS, "dispute-specialists-eu");
        assertThat(outbox.findAll()).filteredOn(m -> m.getIdempotencyKey().startsWith("dispute:" + key
                + ":deadline:managers")).singleElement().satisfies(m -> assertThat(m.getRecipientRef())
                        .isEqualTo(Groups.MANAGERS));
        assertThat(task(key, DisputeProcess.USER_TASK_ARBITRATE)).isNotNull();
    }
}
