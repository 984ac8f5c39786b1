package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseStatus;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * Issue 19, point 3: a follow-up that raises the grade tightens the deadlines. A BLUE question becomes RED
 * when the buyer threatens a lawyer: the open task's due date becomes the RED first-reply time of the
 * severityGrading table (in the team's working time, counted from the follow-up), and the claim timer fires
 * at the RED claim time, not at the BLUE one. A deadline never moves later than already promised. The
 * expected minutes are read from the table, so a designer's change of it keeps this test true.
 */
@IntegrationTest
class RegradeDeadlinesAcceptanceTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T08:00:00Z"); // 09:00 in Berlin
    private static final String TEAM = "agents-de";

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    DecisionService decisionService;
    @Autowired
    TeamHours teamHours;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    MutableClock clock;

    Http http;
    String run;
    String storeId;
    String buyer;
    String orderId;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "shopify-de-rg-" + run;
        buyer = "lukas." + run + "@example.de";
        orderId = "5560" + Math.abs(run.hashCode() % 1000);
        at(MONDAY_MORNING);
        stores.save(new Store(storeId, "Helloword Tassen DE", Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(storeId + ".myshopify.com", null, providerStubs.baseUrl() + "/" + storeId,
                "shopify-us"));
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId + "," + buyer
                + ",Lukas,de,DE,EUR,2026-11-10T10:00:00Z,2026-11-11T10:00:00Z,2026-11-14T10:00:00Z,DHL,JJD" + run
                + ",DELIVERED,MUG-STONE,B-77,2,29.90\n"));
    }

    @AfterEach
    void resetClocks() {
        ClockUtil.reset();
        clock.set(Instant.now());
    }

    @Test
    void aLawyerThreatMakesTheBlueCaseRedAndTheClaimTimerFiresAtTheRedTime() throws Exception {
        String key = blueQuestion();
        AfterSalesCase blue = caseOf(key);
        Instant blueClaim = claimTimer(blue).getDuedate().toInstant();
        assertThat(blueClaim).isEqualTo(MONDAY_MORNING.plus(minutes("BLUE", "claimMinutes")));
        assertThat(answerTask(key).getDueDate().toInstant()).isEqualTo(blue.getFirstReplyDueAt());
        assertThat(answerTask(key).getName()).startsWith("BLUE · ").endsWith(" · DE — Answer buyer");

        Instant followUpAt = MONDAY_MORNING.plus(Duration.ofMinutes(30));
        at(followUpAt);
        JsonNode regraded = followUp(key, "Wenn ich bis morgen keine Antwort habe, schalte ich meinen Anwalt ein.");

        assertThat(regraded.get("severity").asText()).isEqualTo("RED");
        Instant redClaim = followUpAt.plus(minutes("RED", "claimMinutes"));
        Instant redFirstReply = teamHours.addWorkingTime(TEAM, followUpAt, minutes("RED", "firstReplyMinutes"));
        assertThat(redFirstReply).isBefore(blue.getFirstReplyDueAt());
        Task answer = answerTask(key);
        assertThat(answer.getPriority()).isEqualTo(((Number) red().getEntry("taskPriority")).intValue());
        // the name follows the grade (Tasklist's list shows it), its category and language stay
        assertThat(answer.getName()).startsWith("RED · ").endsWith(" · DE — Answer buyer").doesNotContain("BLUE");
        assertThat(answer.getDueDate().toInstant()).as("the RED first-reply time").isEqualTo(redFirstReply);
        AfterSalesCase red = caseOf(key);
        assertThat(red.getFirstReplyDueAt()).isEqualTo(redFirstReply);
        assertThat(red.getClaimDueAt()).isEqualTo(redClaim);
        assertThat(claimTimer(red).getDuedate().toInstant()).as("the timer follows").isEqualTo(redClaim);
        JsonNode api = Http.json(http.get("/api/cases/" + key, "mia"));
        assertThat(Instant.parse(api.get("firstReplyDueAt").asText())).isEqualTo(redFirstReply);

        // just before the RED claim time nothing is due; just after it the team leads are called
        at(redClaim.minusSeconds(60));
        DueJobs.run(managementService, red.getProcessInstanceId());
        assertThat(groups(answerTask(key))).containsExactly(TEAM);
        at(redClaim.plusSeconds(60));
        DueJobs.run(managementService, red.getProcessInstanceId());
        assertThat(groups(answerTask(key))).containsExactlyInAnyOrder(TEAM, "team-leads");
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.ESCALATED);
        assertThat(redClaim).isBefore(blueClaim);
    }

    /** Raised late in the BLUE claim time: the earlier BLUE claim stays, the RED first reply still tightens. */
    @Test
    void aDeadlineNeverMovesLaterThanAlreadyPromised() throws Exception {
        String key = blueQuestion();
        AfterSalesCase blue = caseOf(key);
        Instant blueClaim = claimTimer(blue).getDuedate().toInstant();

        Instant followUpAt = blueClaim.minus(Duration.ofMinutes(5));
        at(followUpAt);
        followUp(key, "Ich habe schon einen Anwalt beauftragt.");

        assertThat(followUpAt.plus(minutes("RED", "claimMinutes"))).as("the RED claim time would be later")
                .isAfter(blueClaim);
        AfterSalesCase red = caseOf(key);
        assertThat(red.getSeverity().name()).isEqualTo("RED");
        assertThat(red.getClaimDueAt()).isEqualTo(blueClaim);
        assertThat(claimTimer(red).getDuedate().toInstant()).isEqualTo(blueClaim);
        Instant redFirstReply = teamHours.addWorkingTime(TEAM, followUpAt, minutes("RED", "firstReplyMinutes"));
        assertThat(answerTask(key).getDueDate().toInstant()).isEqualTo(redFirstReply).isBefore(blue.getFirstReplyDueAt());
    }

    private String blueQuestion() throws Exception {
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<rg-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Frage", "body": "Hallo, kann ich die Tasse auch in die Mikrowelle stellen?"}"""
                .formatted(storeId, run, orderId, buyer));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        JsonNode graded = Http.json(received);
        assertThat(graded.get("severity").asText()).isEqualTo("BLUE");
        String key = graded.get("businessKey").asText();
        DueJobs.run(managementService, caseOf(key).getProcessInstanceId()); // no knowledge-base article fits
        assertThat(answerTask(key)).as("the question waits for the German team").isNotNull();
        return key;
    }

    private JsonNode followUp(String key, String body) throws Exception {
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<rg-2-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Frage", "body": "%s"}""".formatted(storeId, run, orderId, buyer, body));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        JsonNode result = Http.json(received);
        assertThat(result.get("businessKey").asText()).isEqualTo(key);
        return result;
    }

    /** The severityGrading row of a grade (the legal-threat row for RED, the question row for BLUE). */
    private DmnDecisionRuleResult grade(String category) {
        return decisionService.evaluateDecisionTableByKey("severityGrading", Map.of("category", category,
                "orderValueEur", 59.80, "buyerTier", "NEW", "contactCount", 1, "urgent", false)).getSingleResult();
    }

    private DmnDecisionRuleResult red() {
        DmnDecisionRuleResult red = grade("LEGAL_THREAT");
        assertThat((String) red.getEntry("severity")).isEqualTo("RED");
        return red;
    }

    private Duration minutes(String severity, String output) {
        DmnDecisionRuleResult row = severity.equals("RED") ? red() : grade("GENERAL");
        assertThat((String) row.getEntry("severity")).isEqualTo(severity);
        return Duration.ofMinutes(((Number) row.getEntry(output)).longValue());
    }

    private void at(Instant instant) {
        clock.set(instant);
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private Job claimTimer(AfterSalesCase c) {
        return managementService.createJobQuery().processInstanceId(c.getProcessInstanceId()).timers()
                .activityId(EmergencyAfterSales.TIMER_CLAIM_DUE).singleResult();
    }

    private Task answerTask(String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_ANSWER_BUYER).singleResult();
    }

    private List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private AfterSalesCase caseOf(String key) {
        return cases.findByBusinessKey(key).orElseThrow();
    }
}
