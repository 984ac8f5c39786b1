package com.helloword.aftersales.recall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * productRecallProcess through the API on the real steps and tables: the risk report's counts from imported
 * orders, GO → plans → filings → delisting and exactly one notice per affected buyer → stage 4 → close-out;
 * NO_GO, MONITOR, a missed filing deadline, cancellation with relisting, bad input and steps out of turn.
 */
@IntegrationTest
class RecallFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    RecallRepository recalls;
    @Autowired
    RecallNoticeRepository notices;
    @Autowired
    RecallUnitRepository units;
    @Autowired
    RecallFilingRepository filings;
    @Autowired
    OutboxRepository outbox;

    Http http;
    String sku;

    @Autowired
    io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry circuitBreakers;

    /** A store made to fail opens its provider's breaker; later tests of other capabilities need it closed. */
    @org.junit.jupiter.api.AfterEach
    void closeBreakers() {
        circuitBreakers.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
    }

    @BeforeEach
    void orders() {
        http = new Http(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        sku = "RCL-" + run;
        List<String> orders = new ArrayList<>();
        // buyer A (de): two affected orders, three units
        orders.add(order("amazon-de", run + "-a1", "a-" + run + "@example.de", "de", "DE", "SHIPPED", sku, "B1", 1));
        orders.add(order("amazon-de", run + "-a2", "a-" + run + "@example.de", "de", "DE", "DELIVERED", sku, "B3", 2));
        orders.add(order("amazon-fr", run + "-b1", "b-" + run + "@example.fr", "fr", "FR", "DELIVERED", sku, "B1", 1));
        orders.add(order("amazon-us", run + "-c1", "c-" + run + "@example.com", "en", "US", "SHIPPED", sku, "B3", 1));
        // not affected: not shipped, cancelled, returned, another batch, another country, another SKU
        orders.add(order("amazon-de", run + "-d1", "d-" + run + "@example.de", "de", "DE", "PLACED", sku, "B1", 4));
        orders.add(order("amazon-de", run + "-e1", "e-" + run + "@example.de", "de", "DE", "CANCELLED", sku, "B1", 1));
        orders.add(order("amazon-fr", run + "-f1", "f-" + run + "@example.fr", "fr", "FR", "RETURNED", sku, "B1", 1));
        orders.add(order("amazon-de", run + "-g1", "g-" + run + "@example.de", "de", "DE", "DELIVERED", sku, "B2", 1));
        orders.add(order("amazon-uk", run + "-h1", "h-" + run + "@example.co.uk", "en", "GB", "DELIVERED", sku, "B1", 1));
        orders.add(order("amazon-de", run + "-i1", "i-" + run + "@example.de", "de", "DE", "DELIVERED", "OTHER-" + run,
                "B1", 1));
        HttpResponse<String> imported = http.post("/api/orders/import", "demo", "application/json",
                "[" + String.join(",", orders) + "]");
        assertThat(imported.statusCode()).as(imported.body()).isLessThan(300);
    }

    private static String order(String store, String id, String email, String language, String country, String status,
            String sku, String batch, int quantity) {
        boolean shipped = !status.equals("PLACED") && !status.equals("CANCELLED");
        return """
                {"storeId": "%s", "platformOrderId": "%s",
                 "buyer": {"email": "%s", "name": "Buyer %s", "language": "%s", "country": "%s"},
                 "destinationCountry": "%s", "currency": "EUR", "orderedAt": "2026-10-01T10:00:00Z",
                 "shippedAt": %s, "deliveredAt": %s, "carrier": "DHL", "trackingNumber": null, "status": "%s",
                 "lines": [{"sku": "%s", "batch": "%s", "quantity": %d, "unitPrice": 30.00}]}""".formatted(store, id,
                email, id, language, country, country, shipped ? "\"2026-10-02T08:00:00Z\"" : "null",
                status.equals("DELIVERED") ? "\"2026-10-05T08:00:00Z\"" : "null", status, sku, batch, quantity);
    }

    private JsonNode start(String... countries) {
        String body = """
                {"sku": "%s", "batches": ["B1", "B3"], "countries": [%s], "reason": "Battery overheats: fire hazard",
                 "storeIds": ["amazon-de", "amazon-fr", "amazon-us", "amazon-uk", "shopify-fr", "ebay-de"]}"""
                .formatted(sku, String.join(",", java.util.Arrays.stream(countries).map(c -> "\"" + c + "\"").toList()));
        HttpResponse<String> started = http.post("/api/recalls", "rita", "application/json", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode created = Http.json(started);
        runJobs(created.get("recallKey").asText());
        return created;
    }

    /** Runs every due job of the recall and of its chunk instances, until none is left. */
    private void runJobs(String recallKey) {
        for (int round = 0; round < 30; round++) {
            List<Job> due = new ArrayList<>();
            List<org.camunda.bpm.engine.runtime.ProcessInstance> instances = new ArrayList<>(runtime
                    .createProcessInstanceQuery().processInstanceBusinessKeyLike(recallKey + ":%").list());
            instances.addAll(runtime.createProcessInstanceQuery().processInstanceBusinessKey(recallKey).list());
            instances.forEach(pi -> due.addAll(management.createJobQuery().processInstanceId(pi.getId()).executable()
                    .list()));
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + recallKey);
    }

    private JsonNode recall(JsonNode created) {
        HttpResponse<String> got = http.get("/api/recalls/" + created.get("id").asText(), "rita");
        assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
        return Http.json(got);
    }

    private HttpResponse<String> post(JsonNode created, String path, String body) {
        return http.post("/api/recalls/" + created.get("id").asText() + path, "rita", "application/json", body);
    }

    @Test
    void theRiskReportCountsExactlyTheAffectedOrdersAndBuyersBeforeAnyoneDecides() {
        JsonNode view = recall(start("DE", "FR", "US"));
        assertThat(view.get("stage").asInt()).isEqualTo(1);
        assertThat(view.get("stageName").asText()).isEqualTo("Trigger and assess");
        assertThat(view.at("/affectedOrders/total").asLong()).isEqualTo(4);
        assertThat(view.at("/affectedOrders/byCountry/DE").asLong()).isEqualTo(2);
        assertThat(view.at("/affectedOrders/byCountry/FR").asLong()).isEqualTo(1);
        assertThat(view.at("/affectedOrders/byCountry/US").asLong()).isEqualTo(1);
        assertThat(view.at("/affectedBuyers/total").asLong()).isEqualTo(3);
        assertThat(view.at("/affectedBuyers/byCountry/DE").asLong()).isEqualTo(1);
        assertThat(view.at("/riskReport/unitsSold/total").asLong()).isEqualTo(5);
        assertThat(view.at("/riskReport/unitsSold/byBatch/B3").asLong()).isEqualTo(3);
        assertThat(view.at("/riskReport/unitsInTransit/total").asLong()).isEqualTo(2);
        assertThat(view.at("/riskReport/unitsNotShipped").asLong()).isEqualTo(4);
        assertThat(view.at("/riskReport/regulators").findValuesAsText("authority"))
                .containsExactly("EU_SBG", "EU_SBG", "US_CPSC");
    }

    @Test
    void goPlansFilingsNoticesOnceEachThenCloseOut() {
        JsonNode created = start("DE", "FR", "US");
        String key = created.get("recallKey").asText();
        assertThat(post(created, "/plans/approve", "{}").statusCode()).as("no plans yet").isEqualTo(409);

        HttpResponse<String> go = post(created, "/decision", "{\"decision\": \"GO\", \"comment\": \"fire risk\"}");
        assertThat(go.statusCode()).as(go.body()).isEqualTo(200);
        JsonNode planned = recall(created);
        assertThat(planned.get("stage").asInt()).isEqualTo(2);
        assertThat(planned.get("plans").findValuesAsText("authority")).containsExactly("EU_SBG", "EU_SBG", "US_CPSC");
        assertThat(planned.at("/plans/0/noticeTemplate").asText()).isEqualTo("recall-notice-gpsr");
        assertThat(post(created, "/decision", "{\"decision\": \"GO\"}").statusCode()).as("decided already")
                .isEqualTo(409);

        assertThat(post(created, "/plans/approve", "{\"note\": \"as drafted\"}").statusCode()).isEqualTo(200);
        runJobs(key);
        // eBay's Inventory API cannot tell a SKU it does not list from one listed in Seller Hub: a person looks
        Recall inStage3 = recalls.findById(created.get("id").asLong()).orElseThrow();
        assertThat(recall(created).get("stage").asInt()).isEqualTo(3);
        List<Task> byHand = tasks.createTaskQuery().processInstanceId(inStage3.getProcessInstanceId())
                .taskDefinitionKey(RecallProcess.USER_TASK_DELIST_BY_HAND).list();
        assertThat(byHand).extracting(t -> runtime.getVariable(t.getExecutionId(), RecallProcess.VAR_STORE_ID))
                .containsExactly("ebay-de");
        byHand.forEach(t -> tasks.complete(t.getId(), java.util.Map.of("delistedByHand", true)));
        runJobs(key);
        JsonNode notified = recall(created);
        assertThat(notified.get("stage").asInt()).as(notified.toString()).isEqualTo(4);
        assertThat(notified.get("notified").asLong()).isEqualTo(3);
        assertThat(notified.get("filings").findValuesAsText("authority")).containsExactlyInAnyOrder("EU_SBG", "US_CPSC");
        assertThat(notified.get("delisting")).isNotEmpty();
        assertThat(notified.get("delisting").findValuesAsText("status")).containsOnly("DELISTED");
        Long recallId = created.get("id").asLong();
        assertThat(notices.countByRecallId(recallId)).isEqualTo(3);
        assertThat(units.countByRecallId(recallId)).isEqualTo(5);
        for (RecallNotice notice : notices.findByRecallIdOrderById(recallId)) {
            assertThat(outbox.findByIdempotencyKey("recall:" + key + ":notice:" + notice.getBuyerId())).isPresent();
        }
        // the US filing is due 24 h after GO, the EU one 2 days after
        RecallFiling us = filings.findByRecallIdAndAuthority(recallId, "US_CPSC").orElseThrow();
        RecallFiling eu = filings.findByRecallIdAndAuthority(recallId, "EU_SBG").orElseThrow();
        Recall decided = recalls.findById(recallId).orElseThrow();
        assertThat(us.getDueAt()).isEqualTo(decided.getDecidedAt().plusSeconds(24 * 3600));
        assertThat(eu.getDueAt()).isEqualTo(decided.getDecidedAt().plusSeconds(2 * 24 * 3600));
        assertThat(eu.getCountries()).containsExactly("DE", "FR");
        assertThat(eu.getContent()).contains("Safety Business Gateway", recallKeyless(sku), "DE: units sold 3");

        assertThat(post(created, "/filings/US_CPSC", "{\"reference\": \"CPSC-2026-0042\"}").statusCode()).isEqualTo(200);
        assertThat(post(created, "/filings/US_CPSC", "{\"reference\": \"again\"}").statusCode()).isEqualTo(409);
        assertThat(post(created, "/filings/EU_SBG", "{\"reference\": \" \"}").statusCode()).isEqualTo(400);
        assertThat(post(created, "/filings/EU_SBG", "{\"reference\": \"SBG-77\"}").statusCode()).isEqualTo(200);

        assertThat(post(created, "/close", "").statusCode()).isEqualTo(200);
        runJobs(key); // the close is taken at once; the recall moves on in its own job
        assertThat(recall(created).get("stage").asInt()).isEqualTo(5);
        assertThat(post(created, "/root-cause", "{\"rootCause\": \"\"}").statusCode()).isEqualTo(400);
        assertThat(post(created, "/root-cause",
                "{\"rootCause\": \"Cell supplier batch B1/B3\", \"correctiveAction\": \"New supplier\"}").statusCode())
                .isEqualTo(200);
        JsonNode closed = recall(created);
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        assertThat(recalls.findById(recallId).orElseThrow().getRootCause()).isEqualTo("Cell supplier batch B1/B3");
        assertThat(recalls.findById(recallId).orElseThrow().getDecidedBy()).isEqualTo("rita");
    }

    private static String recallKeyless(String sku) {
        return "SKU " + sku;
    }

    @Test
    void noGoEndsInStageOneWithNothingSent() {
        JsonNode created = start("DE");
        assertThat(post(created, "/decision", "{\"decision\": \"NO_GO\", \"comment\": \"not our batch\"}")
                .statusCode()).isEqualTo(200);
        JsonNode view = recall(created);
        assertThat(view.get("state").asText()).isEqualTo("NO_GO");
        assertThat(view.get("stage").asInt()).isEqualTo(1);
        assertThat(notices.countByRecallId(created.get("id").asLong())).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(created.get("recallKey").asText())
                .count()).isZero();
        assertThat(post(created, "/cancel", "{}").statusCode()).as("ended").isEqualTo(409);
    }

    @Test
    void monitorWaitsTheTablesPeriodThenAsksAgainOnAFreshReport() {
        JsonNode created = start("DE");
        assertThat(post(created, "/decision", "{\"decision\": \"MONITOR\"}").statusCode()).isEqualTo(200);
        assertThat(recall(created).get("state").asText()).isEqualTo("MONITORING");
        Recall recall = recalls.findById(created.get("id").asLong()).orElseThrow();
        Job timer = management.createJobQuery().processInstanceId(recall.getProcessInstanceId()).timers()
                .singleResult();
        assertThat(timer.getDuedate().toInstant()).isAfter(recall.getDecidedAt().plusSeconds(13 * 86400))
                .isBefore(recall.getDecidedAt().plusSeconds(15 * 86400));
        management.executeJob(timer.getId());
        runJobs(created.get("recallKey").asText());
        assertThat(tasks.createTaskQuery().processInstanceId(recall.getProcessInstanceId())
                .taskDefinitionKey(RecallProcess.USER_TASK_DECIDE).count()).isEqualTo(1);
        assertThat(recall(created).get("state").asText()).isEqualTo("ASSESSING");
        assertThat(recalls.findById(recall.getId()).orElseThrow().getMonitorRounds()).isEqualTo(1);
    }

    @Test
    void aMissedFilingDeadlineBringsInTheManagers() {
        JsonNode created = start("US");
        post(created, "/decision", "{\"decision\": \"GO\"}");
        post(created, "/plans/approve", "{}");
        runJobs(created.get("recallKey").asText());
        Recall recall = recalls.findById(created.get("id").asLong()).orElseThrow();
        List<Job> timers = management.createJobQuery().processInstanceId(recall.getProcessInstanceId()).timers().list();
        Job warning = timers.stream().filter(j -> j.getDuedate().toInstant()
                .equals(recall.getDecidedAt().plusSeconds(18 * 3600))).findFirst().orElseThrow(); // 6 h before
        management.executeJob(warning.getId());
        runJobs(created.get("recallKey").asText());
        assertThat(filings.findByRecallIdAndAuthority(recall.getId(), "US_CPSC").orElseThrow().getWarnedAt()).isNotNull();
        assertThat(outbox.findByIdempotencyKey("recall:" + recall.getRecallKey() + ":filing:US_CPSC:warned")
                .orElseThrow().getRecipientRef()).isEqualTo("recall-managers");
        Job deadline = management.createJobQuery().processInstanceId(recall.getProcessInstanceId()).timers().list()
                .stream().filter(j -> j.getDuedate().toInstant().equals(recall.getDecidedAt().plusSeconds(24 * 3600)))
                .findFirst().orElseThrow();
        management.executeJob(deadline.getId());
        runJobs(created.get("recallKey").asText());
        Task filing = tasks.createTaskQuery().processInstanceId(recall.getProcessInstanceId())
                .taskDefinitionKey(RecallProcess.USER_TASK_FILE).singleResult();
        assertThat(tasks.getIdentityLinksForTask(filing.getId())).extracting(IdentityLink::getGroupId)
                .contains("recall-managers", "managers");
        assertThat(filings.findByRecallIdAndAuthority(recall.getId(), "US_CPSC").orElseThrow().getMissedAt()).isNotNull();
        assertThat(outbox.findByIdempotencyKey("recall:" + recall.getRecallKey() + ":filing:US_CPSC:missed")).isPresent();
    }

    @Test
    void buyersWithoutARemedyAreRemindedEachRoundOnce() {
        JsonNode created = start("DE", "FR", "US");
        String key = created.get("recallKey").asText();
        post(created, "/decision", "{\"decision\": \"GO\"}");
        post(created, "/plans/approve", "{}");
        runJobs(key);
        Recall recall = recalls.findById(created.get("id").asLong()).orElseThrow();
        tasks.createTaskQuery().processInstanceId(recall.getProcessInstanceId())
                .taskDefinitionKey(RecallProcess.USER_TASK_DELIST_BY_HAND).list()
                .forEach(t -> tasks.complete(t.getId(), java.util.Map.of("delistedByHand", true)));
        runJobs(key);
        assertThat(recall(created).get("stage").asInt()).isEqualTo(4);
        List<RecallNotice> all = notices.findByRecallIdOrderById(recall.getId());
        RecallNotice decided = all.get(0);
        decided.choose(RecallRemedy.REFUND, java.time.Instant.now());
        notices.save(decided);

        Job reminders = management.createJobQuery().processInstanceId(recall.getProcessInstanceId())
                .activityId(RecallProcess.TIMER_REMINDERS).singleResult();
        assertThat(reminders).as("the reminder cycle of the recallPolicy table").isNotNull();
        management.executeJob(reminders.getId());
        runJobs(key);
        for (RecallNotice notice : all) {
            assertThat(outbox.findByIdempotencyKey("recall:" + key + ":reminder:1:" + notice.getBuyerId()))
                    .as("buyer %s", notice.getBuyerId()).matches(found -> found.isPresent() == !notice.getId().equals(decided.getId()));
        }
        // the next round: the same buyers again, each once more; the cycle says how many rounds
        Job next = management.createJobQuery().processInstanceId(recall.getProcessInstanceId())
                .activityId(RecallProcess.TIMER_REMINDERS).singleResult();
        management.executeJob(next.getId());
        runJobs(key);
        assertThat(notices.findByRecallIdOrderById(recall.getId()).stream().map(RecallNotice::getRemindersSent))
                .containsExactly(0, 2, 2);
    }

    @Test
    void cancellingAfterDelistingOffersRelisting() {
        JsonNode created = start("FR");
        post(created, "/decision", "{\"decision\": \"GO\"}");
        post(created, "/plans/approve", "{}");
        runJobs(created.get("recallKey").asText());
        assertThat(post(created, "/cancel", "{}").statusCode()).isEqualTo(200);
        JsonNode view = recall(created);
        assertThat(view.get("state").asText()).isEqualTo("CANCELLED");
        Recall recall = recalls.findById(created.get("id").asLong()).orElseThrow();
        Task offer = tasks.createTaskQuery().processInstanceId(recall.getProcessInstanceId())
                .taskDefinitionKey(RecallProcess.USER_TASK_OFFER_RELISTING).singleResult();
        assertThat(offer).isNotNull();
        tasks.complete(offer.getId(), java.util.Map.of(RecallProcess.VAR_RELIST, true));
        runJobs(recall.getRecallKey());
        assertThat(recall(created).get("delisting").findValuesAsText("status")).contains("RELISTED")
                .doesNotContain("DELISTED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(recall.getProcessInstanceId()).count())
                .isZero();
    }

    @Test
    void aRecallManagerStartsOneFromTheTasklistStartFormAndBadInputStartsNothing() {
        long before = recalls.count();
        String form = """
                {"variables": {"sku": {"value": "%s"}, "batches": {"value": "B1, B3"}, "countries": {"value": "de, FR"},
                 "storeIds": {"value": "amazon-de"}, "reason": {"value": "Cable insulation melts"}}}""".formatted(sku);
        HttpResponse<String> bad = http.post("/engine-rest/process-definition/key/productRecallProcess/submit-form",
                "rita", "application/json", form.replace("de, FR", "Germany"));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("'GERMANY' is not an ISO 3166 country code");
        assertThat(recalls.count()).isEqualTo(before);
        assertThat(http.post("/engine-rest/process-definition/key/productRecallProcess/submit-form", "lena",
                "application/json", form).statusCode()).as("agents start no recall").isEqualTo(403);

        HttpResponse<String> started = http.post("/engine-rest/process-definition/key/productRecallProcess/submit-form",
                "rita", "application/json", form);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instanceId = Http.json(started).get("id").asText();
        Recall recall = recalls.findAll().stream().filter(r -> instanceId.equals(r.getProcessInstanceId())).findFirst()
                .orElseThrow();
        assertThat(recall.getBatches()).containsExactly("B1", "B3");
        assertThat(recall.getCountries()).containsExactly("DE", "FR");
        assertThat(recall.getStoreIds()).containsExactly("amazon-de");
        assertThat(recall.getCreatedBy()).isEqualTo("rita");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey())
                .isEqualTo(recall.getRecallKey());
        assertThat(runtime.getVariables(instanceId)).containsKeys("recallId", "recallKey", "sku")
                .doesNotContainKeys("reason", "batches", "countries", "storeIds");
        runJobs(recall.getRecallKey());
        assertThat(recalls.findById(recall.getId()).orElseThrow().getRiskReport()).contains("\"affectedBuyers\":1");
    }

    @Autowired
    com.github.tomakehurst.wiremock.WireMockServer providerStubs;
    @Autowired
    com.helloword.aftersales.casefile.StoreRepository stores;

    @Test
    void aStoreThatFailsIsRetriedThenAnIncidentAndDelistedOnceItAnswers() {
        String shop = "shopify-rcf-" + sku.toLowerCase(java.util.Locale.ROOT);
        stores.save(new com.helloword.aftersales.casefile.Store(shop, "Helloword Fail DE",
                com.helloword.aftersales.casefile.Platform.SHOPIFY, "DE", java.util.Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(shop + ".myshopify.com", null, providerStubs.baseUrl() + "/" + shop,
                "shopify-us"));
        String graphql = com.helloword.aftersales.support.ProviderStubsConfiguration.shopifyGraphql(shop);
        providerStubs.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(graphql))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable()));
        HttpResponse<String> started = http.post("/api/recalls", "rita", "application/json", """
                {"sku": "%s", "batches": ["B1"], "countries": ["DE"], "storeIds": ["%s"], "reason": "Sharp edge"}"""
                .formatted(sku, shop));
        JsonNode created = Http.json(started);
        runJobs(created.get("recallKey").asText());
        post(created, "/decision", "{\"decision\": \"GO\"}");
        post(created, "/plans/approve", "{}");
        Recall recall = recalls.findById(created.get("id").asLong()).orElseThrow();
        Job delist = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            delist = management.createJobQuery().processInstanceId(recall.getProcessInstanceId())
                    .activityId(RecallProcess.SERVICE_TASK_DELIST).singleResult();
            try {
                management.executeJob(delist.getId());
            } catch (RuntimeException expected) {
                // the platform answers 503: the job fails, the engine counts a retry
            }
            management.setJobDuedate(delist.getId(), null);
        }
        assertThat(management.createJobQuery().jobId(delist.getId()).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(recall.getProcessInstanceId()).count()).isEqualTo(1);
        JsonNode failing = recall(created);
        assertThat(failing.at("/delisting/0/status").asText()).isEqualTo("FAILED");
        assertThat(failing.at("/delisting/0/attempts").asInt()).isEqualTo(3);
        assertThat(failing.at("/delisting/0/lastError").asText()).contains("ProviderFailure");
        assertThat(failing.get("stage").asInt()).isEqualTo(3);

        providerStubs.removeStubMapping(providerStubs.getStubMappings().stream()
                .filter(m -> m.getRequest().getUrl() != null && m.getRequest().getUrl().equals(graphql)).findFirst()
                .orElseThrow());
        providerStubs.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(graphql))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"data\": {\"productVariants\": {\"nodes\": []}}}")));
        management.setJobRetries(delist.getId(), 1); // "Retry" in Cockpit
        runJobs(recall.getRecallKey());
        JsonNode delisted = recall(created);
        assertThat(delisted.at("/delisting/0/status").asText()).isEqualTo("DELISTED");
        assertThat(runtime.createIncidentQuery().processInstanceId(recall.getProcessInstanceId()).count()).isZero();
        assertThat(delisted.get("stage").asInt()).isEqualTo(4);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingStarts() {
        long before = recalls.count();
        HttpResponse<String> refused = http.post("/api/recalls", "rita", "application/json",
                "{\"sku\": \"NO-SUCH-" + sku + "\", \"batches\": [], \"countries\": [\"XX\", \"de\"], \"reason\": \"\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problems = Http.json(refused).get("problems");
        assertThat(problems.findValuesAsText("field")).containsExactly("sku", "batches", "countries[0]", "reason");
        assertThat(recalls.count()).isEqualTo(before);
        assertThat(http.post("/api/recalls", "lena", "application/json", "{}").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/recalls/999999999", "rita").statusCode()).isEqualTo(404);
    }
}
