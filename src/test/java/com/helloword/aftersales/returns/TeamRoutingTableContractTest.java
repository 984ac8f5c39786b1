package com.helloword.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.casefile.BuyerTier;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.casework.escalation.CaseGrading;
import com.helloword.aftersales.casework.escalation.PreparedText;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * The contract "changing a team-routing row in its DMN table changes the behaviour with no Java change": a
 * copy of dmn/team-routing.dmn whose German row routes to agents-en is deployed as the latest version, and a
 * German buyer's refused return is then reviewed by agents-en (before: agents-de), its timeline naming that
 * version; a German case is graded to agents-en too. The deployment is deleted after, so other tests see the
 * original table. It fails when Java decides the review group itself again.
 */
@IntegrationTest
class TeamRoutingTableContractTest {

    private static final String GERMAN_ROW =
            "<outputEntry id=\"outputEntry_teamDe0\"><text>&quot;agents-de&quot;</text>";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService taskService;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    ReturnService returns;
    @Autowired
    ReturnRequestRepository requests;
    @Autowired
    CaseGrading grading;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MutableClock clock;

    String run;
    String storeId;
    String modifiedDeployment;
    String lastReturnKey;

    @BeforeEach
    void setUp() {
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "shopify-tr-" + run;
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        stores.save(new Store(storeId, "Helloword Mode DE", Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin"));
    }

    @AfterEach
    void restore() {
        if (modifiedDeployment != null) {
            repository.deleteDeployment(modifiedDeployment, true);
        }
        clock.set(Instant.now());
    }

    @Test
    void aChangedTeamRoutingRowRoutesTheReturnsReviewAndNewCasesWithNoJavaChange() throws Exception {
        assertThat(reviewGroupOfARefusedGermanReturn("a")).isEqualTo("agents-de");

        String table;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dmn/team-routing.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(table).as("the German row of the table").contains(GERMAN_ROW);
        modifiedDeployment = repository.createDeployment().name("team-routing: German to the English team")
                .addString("team-routing.dmn", table.replace(GERMAN_ROW,
                        "<outputEntry id=\"outputEntry_teamDe0\"><text>&quot;agents-en&quot;</text>"))
                .deploy().getId();
        String latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("teamRouting")
                .latestVersion().singleResult().getId();
        assertThat(repository.getDecisionDefinition(latest).getDeploymentId()).isEqualTo(modifiedDeployment);

        assertThat(reviewGroupOfARefusedGermanReturn("b")).isEqualTo("agents-en");
        assertThat(routedOnTimeline(lastReturnKey)).contains("agents-en", latest);

        CaseGrading.Grade germanCase = grading.grade(PreparedText.of("", "wo ist mein paket"),
                BigDecimal.TEN, BuyerTier.NEW, 1, "de");
        assertThat(germanCase.candidateGroup()).isEqualTo("agents-en");
        assertThat(germanCase.decisionIds()).contains(latest);
    }

    /** A German buyer asks 30 days after delivery (past the 14 days): refused, explained, an agent reviews it. */
    private String reviewGroupOfARefusedGermanReturn(String suffix) throws Exception {
        String orderId = "78" + Math.abs((run + suffix).hashCode() % 100000);
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId + ",jonas." + run + suffix
                + "@example.de,Jonas,de,DE,EUR,2026-10-20T10:00:00Z,2026-10-21T10:00:00Z,2026-10-24T10:00:00Z,DHL,JJD"
                + run + suffix + ",DELIVERED,SHIRT-BLUE-M,,1,39.90\n"));
        ReturnRequest opened = returns.request(new ReturnService.NewReturn(storeId, orderId, null, "SHIRT-BLUE-M",
                "CHANGED_MIND", "REFUND", ReturnRequest.Source.SELF_SERVICE, null));
        lastReturnKey = opened.getReturnKey();
        String processId = opened.getProcessInstanceId();
        runJob(processId, ReturnProcess.SERVICE_TASK_POLICY_INPUTS);
        runJob(processId, "serviceTask_explainRefusal");
        Task review = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(ReturnProcess.USER_TASK_REVIEW).singleResult();
        assertThat(review).as("the refused return waits for an agent's review").isNotNull();
        String candidateGroup = taskService.getIdentityLinksForTask(review.getId()).stream()
                .map(IdentityLink::getGroupId).filter(group -> group != null).findFirst().orElseThrow();
        assertThat(runtime.getVariable(processId, ReturnProcess.VAR_REVIEW_GROUP)).isEqualTo(candidateGroup);
        return candidateGroup;
    }

    private void runJob(String processId, String activityId) {
        Job job = management.createJobQuery().processInstanceId(processId).activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        management.executeJob(job.getId());
    }

    private String routedOnTimeline(String returnKey) {
        return transaction.execute(tx -> requests.findWithTimeline(returnKey).orElseThrow().getTimeline().stream()
                .filter(step -> "ROUTED".equals(step.getCode())).map(step -> step.getDetail()).findFirst()
                .orElseThrow());
    }
}
