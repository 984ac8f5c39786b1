package com.helloword.aftersales.casework.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseStatus;
import com.helloword.aftersales.casework.escalation.EmergencyAfterSales;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.ModelerDeployment;
import com.helloword.aftersales.support.MutableClock;

@IntegrationTest
class IntakeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    OrderImportService importService;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MutableClock clock;
    @Autowired
    RepositoryService repositoryService;

    Http http;
    String run;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    /** Both clocks, the application's and the engine's, resume real time after a test that fixed them. */
    @AfterEach
    void resetClocks() {
        ClockUtil.reset();
        clock.set(Instant.now());
    }

    /**
     * Fixes the application's and the engine's clock at Monday 10:00 in Shanghai, when agents-en is at
     * work, so a test of the usual path does not depend on the hour or the weekday it runs at.
     */
    private Instant atWorkInShanghai() {
        Instant monday = Instant.parse("2026-11-23T02:00:00Z");
        clock.set(monday);
        ClockUtil.setCurrentTime(Date.from(monday));
        return monday;
    }

    private String order(String store, String currency, String unitPrice, String email) throws Exception {
        String orderId = "IN-" + run + "-" + store;
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + store + "," + orderId + "," + email + ",Kim,,DE," + currency
                + ",2026-10-01T10:00:00Z,2026-10-02T10:00:00Z,,DHL,JJD" + run + ",SHIPPED,POWERBANK-20K,,1," + unitPrice
                + "\n"));
        return orderId;
    }

    private static String message(String store, String externalId, String orderId, String email, String subject,
            String body) {
        return """
                {"storeId": "%s", "channel": "email", "externalMessageId": "%s", "platformOrderId": %s,
                 "buyerEmail": "%s", "subject": "%s", "body": "%s", "receivedAt": "2026-11-20T08:00:00Z"}"""
                .formatted(store, externalId, orderId == null ? "null" : "\"" + orderId + "\"", email, subject, body);
    }

    private HttpResponse<String> send(String json) {
        return http.post("/api/intake/messages", Http.RELAY, "application/json", json);
    }

    private AfterSalesCase caseOf(String key) {
        return transaction.execute(tx -> {
            AfterSalesCase c = cases.findWithMessages(key).orElseThrow();
            c.getMessages().size();
            return c;
        });
    }

    private Task answerTask(String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_ANSWER_BUYER).singleResult();
    }

    @Test
    void aGermanMessageBecomesAGradedCaseForTheGermanTeam() throws Exception {
        String email = "anna." + run + "@example.de";
        String orderId = order("amazon-de", "EUR", "29.90", email);

        HttpResponse<String> response = send(message("amazon-de", "<m1-" + run + "@mail>", orderId, email,
                "Bestellung", "Mein Paket ist leider noch nicht angekommen, wo ist mein Paket?"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode result = Http.json(response);
        String key = result.get("businessKey").asText();
        assertThat(result.get("category").asText()).isEqualTo("NOT_RECEIVED");
        assertThat(result.get("language").asText()).isEqualTo("de");
        assertThat(result.get("severity").asText()).isEqualTo("YELLOW");
        assertThat(result.get("team").asText()).isEqualTo("agents-de");
        AfterSalesCase afterSalesCase = caseOf(key);
        assertThat(afterSalesCase.getGradedBy()).contains("categoryDetection:", "severityGrading:", "teamRouting:");
        assertThat(afterSalesCase.getFirstReplyDueAt()).isNotNull();
        Task task = answerTask(key);
        assertThat(task.getPriority()).isEqualTo(50);
        @SuppressWarnings("unchecked")
        Map<String, Object> compensation = (Map<String, Object>) runtimeService.getVariable(
                afterSalesCase.getProcessInstanceId(), "compensation");
        assertThat(compensation).containsEntry("remedy", "RESHIP").containsEntry("approval", "AGENT");
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("agents-de");
        assertThat(Http.json(http.get("/engine-rest/task?processInstanceBusinessKey=" + key, "lena")))
                .hasSize(1);
        assertThat(Http.json(http.get("/engine-rest/task?processInstanceBusinessKey=" + key, "chloe"))).isEmpty();
    }

    /**
     * docs/modeler.md's five steps: a process designer (dora) edits a row of the severity table, deploys it over
     * /engine-rest as Modeler does, and the next intake is graded by the new version, with no Java change.
     */
    @Test
    void aDesignersChangedSeverityRowGradesTheNextIntake() throws Exception {
        String before = "dmn/severity-grading.dmn";
        String table = ModelerDeployment.resource(before);
        String row = "<inputEntry id=\"inputEntry_valuableNotReceived1\"><text>&gt; 460</text></inputEntry>";
        assertThat(table).contains(row);
        DecisionDefinition current = latestSeverityTable();
        String firstEmail = "jonas." + run + "@example.de";
        JsonNode first = Http.json(send(message("amazon-de", "<dmn1-" + run + "@mail>",
                order("amazon-de", "EUR", "29.90", firstEmail), firstEmail, "Bestellung",
                "Mein Paket ist leider noch nicht angekommen, wo ist mein Paket?")));
        assertThat(first.get("severity").asText()).isEqualTo("YELLOW");
        assertThat(caseOf(first.get("businessKey").asText()).getGradedBy()).contains(current.getId());

        HttpResponse<String> deployed = ModelerDeployment.deploy(http, "dora", "severity-row-" + run,
                Map.of("severity-grading.dmn", table.replace(row, row.replace("&gt; 460", "&gt; 20"))));
        try {
            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
            DecisionDefinition changed = latestSeverityTable();
            assertThat(changed.getVersion()).isEqualTo(current.getVersion() + 1);
            assertThat(changed.getDeploymentId()).isEqualTo(Http.json(deployed).get("id").asText());

            String secondEmail = "mira." + run + "@example.de";
            HttpResponse<String> response = send(message("ebay-de", "<dmn2-" + run + "@mail>",
                    order("ebay-de", "EUR", "29.90", secondEmail), secondEmail, "Bestellung",
                    "Mein Paket ist leider noch nicht angekommen, wo ist mein Paket?"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode second = Http.json(response);
            assertThat(second.get("severity").asText()).as("a 29.90 EUR parcel is over the new 20").isEqualTo("RED");
            assertThat(caseOf(second.get("businessKey").asText()).getGradedBy()).contains(changed.getId())
                    .doesNotContain(current.getId());
        } finally {
            repositoryService.createDeploymentQuery().deploymentName("severity-row-" + run).list()
                    .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
        }
        assertThat(latestSeverityTable().getId()).as("the repository's table again").isEqualTo(current.getId());
    }

    /**
     * A designer adds a phrase to the phrase table in Modeler and deploys it: the next message that uses it is
     * graded by it (the table is read once per deployed version, not restated in Java), and the case names the
     * phrase table's version among those that graded it.
     */
    @Test
    void aPhraseADesignerAddsGradesTheNextIntake() throws Exception {
        String table = ModelerDeployment.resource("dmn/grading-phrases.dmn");
        String body = "Hello, the charger sizzled and hissed this morning.";
        String firstEmail = "pia." + run + "@example.de";
        JsonNode first = Http.json(send(message("amazon-de", "<phrase1-" + run + "@mail>",
                order("amazon-de", "EUR", "29.90", firstEmail), firstEmail, "Charger", body)));
        assertThat(first.get("severity").asText()).as("no row knows the word yet").isEqualTo("BLUE");
        String ignore = "<rule id=\"rule_ignore1\">";
        assertThat(table).contains(ignore);
        String added = """
                <rule id="rule_safetyhazardDesigner">
                        <description>Added by a designer</description>
                        <inputEntry id="inputEntry_safetyhazardDesigner"><text>&quot;sizzle&quot;</text></inputEntry>
                        <outputEntry id="outputEntry_safetyhazardDesigner_signal"><text>&quot;SAFETY_HAZARD&quot;</text></outputEntry>
                        <outputEntry id="outputEntry_safetyhazardDesigner_cancellable"><text>true</text></outputEntry>
                      </rule>
                      """;
        HttpResponse<String> deployed = ModelerDeployment.deploy(http, "dora", "phrase-row-" + run,
                Map.of("grading-phrases.dmn", table.replace(ignore, added + ignore)));
        try {
            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
            String changed = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("gradingPhrases")
                    .latestVersion().singleResult().getId();
            String secondEmail = "ole." + run + "@example.de";
            JsonNode second = Http.json(send(message("ebay-de", "<phrase2-" + run + "@mail>",
                    order("ebay-de", "EUR", "29.90", secondEmail), secondEmail, "Charger", body)));
            assertThat(second.get("severity").asText()).as("sizzle, sizzled: one stem").isEqualTo("RED");
            assertThat(caseOf(second.get("businessKey").asText()).getGradedBy()).contains(changed);
        } finally {
            repositoryService.createDeploymentQuery().deploymentName("phrase-row-" + run).list()
                    .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
        }
    }

    private DecisionDefinition latestSeverityTable() {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("severityGrading")
                .latestVersion().singleResult();
    }

    @Test
    void theSameMessageAgainChangesNothing() throws Exception {
        String email = "same." + run + "@example.com";
        String json = message("amazon-us", "<same-" + run + "@mail>", null, email, "Question", "Do you ship to Peru?");

        HttpResponse<String> first = send(json);
        HttpResponse<String> again = send(json);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        // newMessage: stored now (true), or taken in before and nothing stored (false)
        assertThat(Http.json(first).get("newMessage").asBoolean()).isTrue();
        assertThat(Http.json(again).get("newMessage").isBoolean()).isTrue();
        assertThat(Http.json(again).get("newMessage").asBoolean()).isFalse();
        String key = Http.json(first).get("businessKey").asText();
        assertThat(Http.json(again).get("businessKey").asText()).isEqualTo(key);
        assertThat(caseOf(key).getMessages()).hasSize(1);
    }

    @Test
    void twentyCopiesArrivingAtOnceMakeOneCase() throws Exception {
        String email = "burst." + run + "@example.com";
        String json = message("amazon-us", "<burst-" + run + "@mail>", null, email, "Help", "The lamp arrived broken");
        ExecutorService senders = Executors.newFixedThreadPool(20);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> copies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                copies.add(() -> new Http(port).post("/api/intake/messages", Http.RELAY, "application/json", json));
            }
            for (Future<HttpResponse<String>> future : senders.invokeAll(copies)) {
                responses.add(future.get());
            }
        } finally {
            senders.shutdown();
        }

        Set<String> keys = new HashSet<>();
        int created = 0;
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
            created += response.statusCode() == 201 ? 1 : 0;
            keys.add(Http.json(response).get("businessKey").asText());
        }
        assertThat(created).isEqualTo(1);
        assertThat(keys).hasSize(1);
        assertThat(caseOf(keys.iterator().next()).getMessages()).hasSize(1);
    }

    @Test
    void aFollowUpJoinsTheOpenCaseAndTheThirdContactMakesItRed() throws Exception {
        String email = "again." + run + "@example.fr";
        String orderId = order("amazon-fr", "EUR", "19.00", email);

        String key = Http.json(send(message("amazon-fr", "<f1-" + run + "@mail>", orderId, email, "Colis",
                "Le colis est arrivé abîmé"))).get("businessKey").asText();
        JsonNode second = Http.json(send(message("amazon-fr", "<f2-" + run + "@mail>", orderId, email, "Re: Colis",
                "Toujours pas de réponse")));
        JsonNode third = Http.json(send(message("amazon-fr", "<f3-" + run + "@mail>", orderId, email, "Re: Colis",
                "Troisième message sans réponse")));

        assertThat(second.get("businessKey").asText()).isEqualTo(key);
        assertThat(second.get("newMessage").asBoolean()).as("a follow-up is stored in the open case").isTrue();
        assertThat(second.get("contactCount").asInt()).isEqualTo(2);
        assertThat(second.get("severity").asText()).isEqualTo("YELLOW");
        assertThat(third.get("contactCount").asInt()).isEqualTo(3);
        assertThat(third.get("severity").asText()).isEqualTo("RED");
        assertThat(answerTask(key).getPriority()).isEqualTo(90);
        assertThat(caseOf(key).getMessages()).hasSize(3);
    }

    @Test
    void badInputIsRefusedWithReasonsAndNothingIsStored() {
        long before = cases.count();
        HttpResponse<String> missing = send("""
                {"storeId": "nowhere", "channel": "email", "externalMessageId": "x-%s", "buyerEmail": "not-mail",
                 "body": ""}""".formatted(run));
        assertThat(missing.statusCode()).isEqualTo(400);
        Map<String, String> reasons = new java.util.HashMap<>();
        Http.json(missing).get("problems").forEach(p -> reasons.put(p.get("field").asText(), p.get("reason").asText()));
        assertThat(reasons).containsEntry("body", "is required").containsEntry("storeId", "unknown store 'nowhere'");
        assertThat(reasons.get("buyerEmail")).contains("not an e-mail address");
        assertThat(send("{\"storeId\": ").statusCode()).isEqualTo(400);
        assertThat(http.post("/api/intake/messages", "lena", "application/json",
                message("amazon-us", "y-" + run, null, "a@b.com", "s", "b")).statusCode()).isEqualTo(403);
        assertThat(http.post("/api/intake/messages", null, "application/json",
                message("amazon-us", "z-" + run, null, "a@b.com", "s", "b")).statusCode()).isEqualTo(401);
        assertThat(cases.count()).isEqualTo(before);
    }

    /** Runs the jobs of these activities as the job executor would when they are due. */
    private void runJobs(String processInstanceId, String... activityIds) {
        for (String activityId : activityIds) {
            managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).list()
                    .forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private void runClaimTimer(String processInstanceId) {
        runJobs(processInstanceId, EmergencyAfterSales.TIMER_CLAIM_DUE,
                EmergencyAfterSales.SERVICE_TASK_ESCALATE_UNCLAIMED);
    }

    @Test
    void anUnclaimedRedCaseCallsTheTeamLeadsAfterFifteenMinutes() throws Exception {
        Instant now = atWorkInShanghai();
        String email = "fire." + run + "@example.com";
        String key = Http.json(send(message("amazon-us", "<r1-" + run + "@mail>", null, email, "Danger",
                "The power bank started to smoke and burned my hand"))).get("businessKey").asText();
        AfterSalesCase red = caseOf(key);
        assertThat(red.getSeverity().name()).isEqualTo("RED");
        assertThat(runtimeService.getVariable(red.getProcessInstanceId(), "compensation").toString())
                .contains("RETURN_AND_REFUND", "TEAM_LEAD");
        Job timer = managementService.createJobQuery().processInstanceId(red.getProcessInstanceId()).timers()
                .activityId(EmergencyAfterSales.TIMER_CLAIM_DUE).singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(now.plusSeconds(15 * 60));

        runClaimTimer(red.getProcessInstanceId());

        Task task = answerTask(key);
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains("agents-en", "team-leads");
        assertThat(outbox.findByIdempotencyKey("case:" + key + ":claimEscalation")).hasValueSatisfying(mail -> {
            assertThat(mail.getRecipientRef()).isEqualTo("team-leads");
            assertThat(mail.getTemplate()).isEqualTo("case-unclaimed");
        });
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.ESCALATED);
        assertThat(caseOf(key).getEscalatedAt()).as("the escalation time of the metrics").isNotNull();
        assertThat(caseOf(key).getFirstClaimedAt()).isNull();
    }

    @Test
    void aCaseStillOpenAfterItsResolutionTimeGoesToTheTeamLeadsWhileNoArbitrationProcessExists() {
        String key = Http.json(send(message("amazon-us", "<u1-" + run + "@mail>", null, "slow." + run + "@example.com",
                "Help", "The lamp arrived broken"))).get("businessKey").asText();
        AfterSalesCase open = caseOf(key);
        Job resolution = managementService.createJobQuery().processInstanceId(open.getProcessInstanceId())
                .activityId("timer_resolutionDue").singleResult();
        assertThat(resolution.getDuedate().toInstant()).isAfter(Instant.now().plusSeconds(71 * 3600));

        runJobs(open.getProcessInstanceId(), "timer_resolutionDue", "serviceTask_requestArbitration");

        Task review = taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_REVIEW_UNRESOLVED).singleResult();
        assertThat(review).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("team-leads");
        assertThat(review.getDescription()).contains("/api/cases/" + key);
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.ESCALATED);
        assertThat(answerTask(key)).isNotNull(); // the agents keep working the case
    }

    @Test
    void aRedCaseAtNightGetsAnAutomaticFirstReplyInTheBuyersLanguage() throws Exception {
        clock.set(Instant.parse("2026-11-22T19:00:00Z")); // Monday 03:00 in Shanghai: agents-en is not at work
        try {
            String key = Http.json(send(message("amazon-us", "<n1-" + run + "@mail>", null, "night." + run
                    + "@example.com", "Fire", "The charger caught fire and there was smoke everywhere")))
                    .get("businessKey").asText();
            runJobs(caseOf(key).getProcessInstanceId(), "serviceTask_sendAutomaticFirstReply");

            assertThat(outbox.findByIdempotencyKey("case:" + key + ":automaticFirstReply")).hasValueSatisfying(m -> {
                assertThat(m.getTemplate()).isEqualTo("case-received");
                assertThat(m.getLanguage()).isEqualTo("en");
                assertThat(m.getRecipientType()).isEqualTo("BUYER");
            });

            clock.set(Instant.parse("2026-11-23T02:00:00Z")); // Monday 10:00 in Shanghai
            String day = Http.json(send(message("amazon-us", "<n2-" + run + "@mail>", null, "day." + run
                    + "@example.com", "Fire", "The charger caught fire and there was smoke everywhere")))
                    .get("businessKey").asText();
            runJobs(caseOf(day).getProcessInstanceId(), "serviceTask_sendAutomaticFirstReply");
            assertThat(outbox.findByIdempotencyKey("case:" + day + ":automaticFirstReply")).isEmpty();
        } finally {
            clock.set(Instant.now());
        }
    }

    @Test
    void safetyCasesCountTowardsTheRecallSignalOfTheOrdersSkuAndBatch() throws Exception {
        String email = "burnt." + run + "@example.de";
        String orderId = order("amazon-de", "EUR", "29.90", email);
        String sku = "POWERBANK-20K";
        int before = signal(sku);

        send(message("amazon-de", "<s1-" + run + "@mail>", orderId, email, "Gefahr",
                "Die Powerbank hat beim Laden Feuer gefangen und Rauch entwickelt"));

        assertThat(signal(sku)).isEqualTo(before + 1);
        assertThat(http.get("/api/recall-signals", "lena").statusCode()).isEqualTo(403);
    }

    private int signal(String sku) {
        for (JsonNode signal : Http.json(http.get("/api/recall-signals", "rita"))) {
            if (signal.get("sku").asText().equals(sku) && signal.get("batch").asText().equals("-")) {
                return signal.get("safetyCases").asInt();
            }
        }
        return 0;
    }

    @Test
    void aRedCaseClaimedInTimeIsNotEscalated() throws Exception {
        Instant now = atWorkInShanghai();
        String email = "claimed." + run + "@example.com";
        String key = Http.json(send(message("amazon-us", "<r2-" + run + "@mail>", null, email, "Lawyer",
                "My lawyer will contact you about this chargeback"))).get("businessKey").asText();
        assertThat(caseOf(key).getFirstClaimedAt()).as("not taken yet").isNull();
        clock.set(now.plusSeconds(300));
        taskService.claim(answerTask(key).getId(), "emma");
        assertThat(caseOf(key).getFirstClaimedAt()).as("the claim time of the SLA figures").isEqualTo(now.plusSeconds(300));
        taskService.setAssignee(answerTask(key).getId(), null);
        clock.set(now.plusSeconds(400));
        taskService.claim(answerTask(key).getId(), "emma");
        assertThat(caseOf(key).getFirstClaimedAt()).as("the first claim counts").isEqualTo(now.plusSeconds(300));

        runClaimTimer(caseOf(key).getProcessInstanceId());

        assertThat(taskService.getIdentityLinksForTask(answerTask(key).getId())).extracting(IdentityLink::getGroupId)
                .doesNotContain("team-leads");
        assertThat(outbox.findByIdempotencyKey("case:" + key + ":claimEscalation")).isEmpty();
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.OPEN);
        assertThat(caseOf(key).getEscalatedAt()).isNull();
    }
}
