package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseRemedyRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * The contract of the house rule "DMN owns the rules": a process designer who changes the 150 % row or
 * the coupon cap row of remedyApproval and deploys the table changes what agents may choose, with no
 * Java change. Each test deploys a modified copy of dmn/remedy-approval.dmn as the latest version,
 * completes "Answer buyer" over the REST API Tasklist uses, and removes the deployment again so that
 * the original rows decide for the other tests.
 */
@IntegrationTest
class RemedyLimitsAcceptanceTest {

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    CaseRemedyRepository remedies;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    MutableClock clock;

    Http http;
    String run;
    String storeId;
    String buyer;
    Deployment changedTable;
    Deployment earlierProcess;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "shopify-de-lim-" + run;
        buyer = "mara." + run + "@example.de";
        clock.set(Instant.parse("2026-11-23T08:00:00Z")); // Monday 09:00 in Berlin: agents-de is at work
        stores.save(new Store(storeId, "Helloword Tassen DE", Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(storeId + ".myshopify.com", null, providerStubs.baseUrl() + "/" + storeId,
                "shopify-us"));
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId() + "," + buyer
                + ",Mara,de,DE,EUR,2026-11-10T10:00:00Z,2026-11-11T10:00:00Z,2026-11-14T10:00:00Z,DHL,JJD" + run
                + ",DELIVERED,MUG-STONE,B-77,2,29.90\n"));
    }

    @AfterEach
    void removeChangedTable() {
        if (changedTable != null) {
            repositoryService.deleteDeployment(changedTable.getId(), true);
        }
        if (earlierProcess != null) {
            repositoryService.deleteDeployment(earlierProcess.getId(), true);
        }
        ClockUtil.reset();
        clock.set(Instant.now());
    }

    @Test
    void loweringThe150PercentRowTo120RefusesA130PercentRefundThatASpecialistApprovedBefore() throws Exception {
        String key = newCase();
        Task answer = claimedAnswerTask(key);
        changedTable = deploy(changed("]100..150]", "]100..120]", "1 to 150 %", "1 to 120 %"));

        HttpResponse<String> refused = completeWithRefund(answer, 130);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("beyond what anyone may approve", "1 to 120 %");
        assertThat(remedies.findByAfterSalesCaseIdOrderByIdAsc(caseId(key))).isEmpty();

        repositoryService.deleteDeployment(changedTable.getId(), true);
        changedTable = null;
        HttpResponse<String> completed = completeWithRefund(answer, 130);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(approvalTask(key)).as("the original 150 percent row lets a dispute specialist approve it")
                .isNotNull();
        assertThat(groups(approvalTask(key))).containsExactly("dispute-specialists-eu");
    }

    @Test
    void loweringTheCouponCapRowTo200RefusesA300EuroCouponThatATeamLeadApprovedBefore() throws Exception {
        String key = newCase();
        Task answer = claimedAnswerTask(key);
        changedTable = deploy(changed("]10..500]", "]10..200]", "1 to 500 EUR", "1 to 200 EUR"));

        HttpResponse<String> refused = completeWithCoupon(answer, 300);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("beyond what anyone may approve", "1 to 200 EUR");
        assertThat(remedies.findByAfterSalesCaseIdOrderByIdAsc(caseId(key))).isEmpty();

        repositoryService.deleteDeployment(changedTable.getId(), true);
        changedTable = null;
        HttpResponse<String> completed = completeWithCoupon(answer, 300);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(groups(approvalTask(key))).containsExactly("team-leads");
    }

    /**
     * A case still running on the process version from before "Decide who approves the remedy" goes from
     * "Answer buyer" straight to the approval gateway: the same table decides on completion there, so a
     * 130 % refund still reaches the dispute specialists and 200 % is still refused.
     */
    @Test
    void aCaseOnTheEarlierProcessVersionIsApprovedByTheSameTable() throws Exception {
        try (InputStream in = RemedyLimitsAcceptanceTest.class.getClassLoader()
                .getResourceAsStream("earlier-versions/emergency-after-sales-before-decide-approval.bpmn.txt")) {
            earlierProcess = repositoryService.createDeployment().name("emergency process before decideApproval")
                    .addInputStream("emergency-after-sales.bpmn", in).deploy();
        }
        String key = newCase();
        String definitionId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key)
                .singleResult().getProcessDefinitionId();
        assertThat(repositoryService.getProcessDefinition(definitionId).getDeploymentId())
                .isEqualTo(earlierProcess.getId());
        Task answer = claimedAnswerTask(key);

        HttpResponse<String> refused = completeWithRefund(answer, 200);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("1 to 150 %");
        HttpResponse<String> completed = completeWithRefund(answer, 130);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(groups(approvalTask(key))).containsExactly("dispute-specialists-eu");
    }

    /** dmn/remedy-approval.dmn with one row's entry and its reason changed; fails if the row is gone. */
    private static String changed(String entry, String newEntry, String reason, String newReason) throws IOException {
        String xml;
        try (InputStream in = RemedyLimitsAcceptanceTest.class.getClassLoader()
                .getResourceAsStream("dmn/remedy-approval.dmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).as("the row a designer changes").contains("<text>" + entry + "</text>")
                .contains(reason);
        return xml.replace("<text>" + entry + "</text>", "<text>" + newEntry + "</text>").replace(reason, newReason);
    }

    private Deployment deploy(String xml) {
        Deployment deployment = repositoryService.createDeployment().name("remedy limits changed by a designer")
                .addString("remedy-approval.dmn", xml).deploy();
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("remedyApproval")
                .latestVersion().singleResult().getDeploymentId()).isEqualTo(deployment.getId());
        return deployment;
    }

    private String newCase() throws Exception {
        return Http.json(http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<lim-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Kaputt", "body": "Die Tasse ist zerbrochen angekommen."}"""
                .formatted(storeId, run, orderId(), buyer))).get("businessKey").asText();
    }

    private Task claimedAnswerTask(String key) throws Exception {
        Task answer = taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_ANSWER_BUYER).singleResult();
        assertThat(http.post("/engine-rest/task/" + answer.getId() + "/claim", "lena", "application/json",
                "{\"userId\": \"lena\"}").statusCode()).isEqualTo(204);
        return answer;
    }

    private HttpResponse<String> completeWithRefund(Task task, int percent) throws Exception {
        return http.post("/engine-rest/task/" + task.getId() + "/complete", "lena", "application/json", """
                {"variables": {"agentAction": {"value": "REPLY"}, "remedy": {"value": "PARTIAL_REFUND_KEEP_ITEM"},
                  "remedyPercent": {"value": %d, "type": "Integer"}}}""".formatted(percent));
    }

    private HttpResponse<String> completeWithCoupon(Task task, double couponEur) throws Exception {
        return http.post("/engine-rest/task/" + task.getId() + "/complete", "lena", "application/json", """
                {"variables": {"agentAction": {"value": "REPLY"}, "remedy": {"value": "COUPON"},
                  "remedyCouponEur": {"value": %s, "type": "Double"}}}""".formatted(couponEur));
    }

    private Task approvalTask(String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_APPROVE_REMEDY).singleResult();
    }

    private java.util.List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList();
    }

    private long caseId(String key) {
        return cases.findByBusinessKey(key).orElseThrow().getId();
    }

    private String orderId() {
        return "5551" + Math.abs(run.hashCode() % 1000);
    }
}
