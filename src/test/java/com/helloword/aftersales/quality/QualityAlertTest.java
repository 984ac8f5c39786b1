package com.helloword.aftersales.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.returns.ReturnQuality;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * The product-quality alert on the running application: an SKU that comes back more than 20 % above its
 * category pauses purchasing at once (a standing hold, purchasing told), asks the product team for a
 * plan within 7 days (managers told when late), and the plan lets purchasing resume or keeps it paused
 * until a manager releases it; a second alert while the hold stands changes nothing.
 */
@IntegrationTest
class QualityAlertTest {

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    ReturnQuality quality;
    @Autowired
    PurchasingHoldRepository holds;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    MutableClock clock;

    Http http;
    String run;
    String storeId;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "shopify-qa-" + run;
        // the application's and the engine's clock in the same moment, so the plan's due date lies ahead
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        ClockUtil.setCurrentTime(Date.from(clock.instant()));
        stores.save(new Store(storeId, "Helloword QA", Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(storeId + ".myshopify.com", null, "http://127.0.0.1:9/" + storeId,
                "shopify-us"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        clock.set(Instant.now());
    }

    /** An SKU shipped 25 times and returned once for a defect, beside one of its category shipped 75 times. */
    private String alertingSku(String suffix) throws Exception {
        String sku = "QH-" + (run + suffix).toUpperCase(Locale.ROOT);
        String orderId = "QH" + Math.abs((run + suffix).hashCode() % 100000);
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId + ",qh." + run + suffix + "@example.de,Q,de,"
                + "DE,EUR,2026-11-01T10:00:00Z,2026-11-02T10:00:00Z,2026-11-05T10:00:00Z,DHL,JJDQH" + run + suffix
                + ",DELIVERED," + sku + ",,25,9.90\n"
                // in its category an SKU that hardly comes back, so the category's average stays low
                + storeId + "," + orderId + ",qh." + run + suffix + "@example.de,Q,de,"
                + "DE,EUR,2026-11-01T10:00:00Z,2026-11-02T10:00:00Z,2026-11-05T10:00:00Z,DHL,JJDQH" + run + suffix
                + ",DELIVERED,QH-CTRL-" + (run + suffix).toUpperCase(Locale.ROOT) + ",,75,9.90\n"));
        assertThat(http.post("/api/returns", "lena", "application/json", """
                {"storeId": "%s", "platformOrderId": "%s", "sku": "%s", "reason": "DEFECTIVE"}"""
                .formatted(storeId, orderId, sku)).statusCode()).isEqualTo(201);
        return sku;
    }

    private PurchasingHold standing(String sku) {
        return holds.findByActiveSku(sku).orElseThrow(() -> new AssertionError("no standing hold of " + sku));
    }

    private Task planTask(PurchasingHold hold) {
        return taskService.createTaskQuery().processInstanceId(hold.getProcessInstanceId())
                .taskDefinitionKey(QualityAlerts.USER_TASK_PLAN).singleResult();
    }

    private List<String> mails(String template) {
        return outbox.findAll().stream().filter(m -> m.getTemplate().equals(template))
                .map(m -> m.getIdempotencyKey()).toList();
    }

    @Test
    void theAlertPausesPurchasingAndThePlanLetsItResume() throws Exception {
        String sku = alertingSku("a");
        assertThat(quality.check(sku)).isTrue();
        assertThat(quality.check(sku)).isTrue();

        PurchasingHold hold = standing(sku);
        assertThat(holds.findAll().stream().filter(h -> h.getSku().equals(sku))).as("one hold per alert").hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(QualityAlerts.PROCESS_KEY)
                .processInstanceBusinessKeyLike("quality:" + sku + ":%").count()).isEqualTo(1);
        DueJobs.run(managementService, hold.getProcessInstanceId());
        assertThat(mails("purchasing-paused")).contains("quality:" + sku + ":hold:" + hold.getId());

        JsonNode standingHolds = Http.json(http.get("/api/purchasing/holds", "pam"));
        assertThat(standingHolds.findValuesAsText("sku")).contains(sku);
        assertThat(http.get("/api/purchasing/holds", "lena").statusCode()).isEqualTo(403);

        Task plan = planTask(hold);
        assertThat(taskService.getIdentityLinksForTask(plan.getId())).extracting(IdentityLink::getGroupId)
                .contains("product-team");
        assertThat(Duration.between(clock.instant(), plan.getDueDate().toInstant())).isEqualTo(Duration.ofDays(7));
        taskService.claim(plan.getId(), "pete");
        HttpResponse<String> noPlan = http.post("/engine-rest/task/" + plan.getId() + "/complete", "pete",
                "application/json", "{\"variables\": {\"cause\": {\"value\": \"seam\"}, "
                        + "\"resumePurchasing\": {\"value\": \"RESUME\"}}}");
        assertThat(noPlan.statusCode()).as(noPlan.body()).isEqualTo(400);
        assertThat(noPlan.body()).contains("improvement plan");
        HttpResponse<String> planned = http.post("/engine-rest/task/" + plan.getId() + "/complete", "pete",
                "application/json", "{\"variables\": {\"cause\": {\"value\": \"The seam opens after washing\"}, "
                        + "\"improvementPlan\": {\"value\": \"Double seam from batch 12 on\"}, "
                        + "\"resumePurchasing\": {\"value\": \"RESUME\"}}}");
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(204);
        DueJobs.run(managementService, hold.getProcessInstanceId());

        PurchasingHold released = holds.findById(hold.getId()).orElseThrow();
        assertThat(released.isActive()).isFalse();
        assertThat(released.getImprovementPlan()).isEqualTo("Double seam from batch 12 on");
        assertThat(released.getPlannedBy()).isEqualTo("pete");
        assertThat(mails("purchasing-resumed")).contains("quality:" + sku + ":hold:" + hold.getId() + ":released");
        assertThat(holds.findByActiveSku(sku)).isEmpty();
    }

    @Test
    void aLatePlanReachesTheManagersAndAPausedSkuWaitsForAManager() throws Exception {
        String sku = alertingSku("b");
        assertThat(quality.check(sku)).isTrue();
        PurchasingHold hold = standing(sku);
        DueJobs.run(managementService, hold.getProcessInstanceId());

        // seven days pass without a plan: the timer (due when the hold's plan is due) fires
        org.camunda.bpm.engine.runtime.Job planDue = managementService.createJobQuery()
                .processInstanceId(hold.getProcessInstanceId()).timers().singleResult();
        assertThat(planDue.getDuedate().toInstant()).isEqualTo(hold.getPlanDueAt());
        assertThat(Duration.between(hold.getHeldAt(), hold.getPlanDueAt())).isEqualTo(Duration.ofDays(7));
        managementService.executeJob(planDue.getId());
        DueJobs.run(managementService, hold.getProcessInstanceId());
        assertThat(mails("quality-plan-late")).contains("quality:" + sku + ":hold:" + hold.getId() + ":late");
        Task plan = planTask(hold);
        assertThat(plan).as("the task stays").isNotNull();
        taskService.claim(plan.getId(), "pete");
        taskService.complete(plan.getId(), java.util.Map.of("cause", "fabric pills", "improvementPlan",
                "new fabric supplier, test first batch", "resumePurchasing", "KEEP_PAUSED"));
        DueJobs.run(managementService, hold.getProcessInstanceId());
        assertThat(standing(sku).getCause()).isEqualTo("fabric pills");

        String path = "/api/purchasing/holds/" + hold.getId() + "/release";
        assertThat(http.post(path, "pam", "application/json", "{\"note\": \"we need stock\"}").statusCode())
                .isEqualTo(403);
        assertThat(http.post(path, "mia", "application/json", "{}").statusCode()).isEqualTo(400);
        assertThat(http.post("/api/purchasing/holds/999999999/release", "mia", "application/json",
                "{\"note\": \"x\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> release = http.post(path, "mia", "application/json",
                "{\"note\": \"first batch from the new supplier passed\"}");
        assertThat(release.statusCode()).as(release.body()).isEqualTo(200);
        assertThat(holds.findByActiveSku(sku)).isEmpty();
        assertThat(holds.findById(hold.getId()).orElseThrow().getReleasedBy()).isEqualTo("mia");

        // a new alert after the release pauses purchasing again, with a new hold
        assertThat(quality.check(sku)).isTrue();
        assertThat(standing(sku).getId()).isNotEqualTo(hold.getId());
    }
}
