package com.helloword.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * Returns buyers open on a platform, on the running application with an Amazon store (Amazon gives
 * the buyer its prepaid label itself, and cannot refund or decline through its API): the platform's
 * request time counts for the window, the platform's label is used and not mailed again, the refund is
 * done by hand before the buyer is told, a refusal is declined by hand; each platform return is taken
 * once, one of an unknown order waits and is opened once the order is imported, an unknown reason code
 * is taken as the seller's fault and said so.
 */
@IntegrationTest
class PlatformReturnIntakeTest {

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    PlatformReturnIntake intake;
    @Autowired
    PlatformReturnSync sync;
    @Autowired
    PlatformReturnEntryRepository entries;
    @Autowired
    ReturnRequestRepository returns;
    @Autowired
    ReturnRefunds refunds;
    @Autowired
    ReturnParcels parcels;
    @Autowired
    BuyerRepository buyers;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    MutableClock clock;

    Http http;
    String run;
    String storeId;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "amazon-pr-" + run;
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        stores.save(new Store(storeId, "Helloword Amazon DE", Platform.AMAZON, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection("A1SELLER" + run, "A1PA6795UKMFR9", providerStubs.baseUrl() + "/" + storeId,
                "amazon-eu"));
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    private String order(String suffix, String deliveredAt, String buyer) throws Exception {
        String orderId = "302-" + Math.abs((run + suffix).hashCode() % 10000000) + "-" + suffix;
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId + "," + buyer + ",Lea,de,DE,EUR,"
                + "2026-10-20T10:00:00Z,2026-10-21T10:00:00Z," + deliveredAt + ",DHL,JJD" + run + suffix
                + ",DELIVERED,SHIRT-BLUE-M,,1,39.90\n"));
        return orderId;
    }

    private MarketplacePort.PlatformReturn platformReturn(String rma, String orderId, String code, String requestedAt,
            String tracking) {
        return new MarketplacePort.PlatformReturn(rma, orderId, "SHIRT-BLUE-M", 1, code, "REFUND",
                Instant.parse(requestedAt), "Authorized", tracking == null ? null : "DHL", tracking);
    }

    private List<String> timeline(String key) {
        List<String> codes = new ArrayList<>();
        Http.json(http.get("/api/returns/" + key, "lena")).get("timeline").forEach(s -> codes.add(s.get("code")
                .asText() + " " + s.get("detail").asText("")));
        return codes;
    }

    private Task task(String processId, String key) {
        return taskService.createTaskQuery().processInstanceId(processId).taskDefinitionKey(key).singleResult();
    }

    @Test
    void aReturnOpenedOnThePlatformUsesItsRequestTimeItsLabelAndIsRefundedByHandBeforeTheBuyerIsTold()
            throws Exception {
        String buyer = "amz." + run + "@example.de";
        String orderId = order("a", "2026-11-05T10:00:00Z", buyer);
        String rma = "DhR" + run + "RRMA";

        // the buyer asked on day 13 after delivery; this system reads the report on day 18
        PlatformReturnEntry entry = intake.take(storeId, platformReturn(rma, orderId, "AMZ-PG-APP-TOO-SMALL",
                "2026-11-18T08:00:00Z", "JJDRET" + run));
        assertThat(entry.getStatus()).as(entry.getProblem()).isEqualTo(PlatformReturnEntry.Status.OPENED);
        assertThat(entry.getReason()).isEqualTo("SIZE_FIT");
        String key = entry.getReturnRequest().getReturnKey();
        assertThat(intake.take(storeId, platformReturn(rma, orderId, "AMZ-PG-APP-TOO-SMALL", "2026-11-18T08:00:00Z",
                "JJDRET" + run)).getReturnRequest().getReturnKey()).isEqualTo(key);
        assertThat(entries.findAll().stream().filter(e -> e.getPlatformReturnId().equals(rma))).hasSize(1);

        String processId = returns.findByReturnKey(key).orElseThrow().getProcessInstanceId();
        DueJobs.run(managementService, processId);
        JsonNode view = Http.json(http.get("/api/returns/" + key, "lena"));
        assertThat(view.get("source").asText()).isEqualTo("PLATFORM");
        assertThat(view.get("platformReturnId").asText()).isEqualTo(rma);
        assertThat(view.get("reason").asText()).isEqualTo("SIZE_FIT");
        assertThat(view.get("eligible").asBoolean()).as("day 13 counts, not day 18").isTrue();
        assertThat(view.get("refundDueOn").asText()).isEqualTo(LocalDate.parse("2026-12-02").toString());
        assertThat(view.get("labelSource").asText()).isEqualTo("PLATFORM");
        assertThat(view.get("labelTracking").asText()).isEqualTo("JJDRET" + run);
        assertThat(view.get("status").asText()).isEqualTo("LABEL_SENT");
        // Amazon mailed the label itself: no label mail from here, and no DHL label was bought
        assertThat(outbox.findAll().stream().map(m -> m.getIdempotencyKey()))
                .doesNotContain("return:" + key + ":label");
        assertThat(timeline(key)).anyMatch(s -> s.startsWith("FROM_PLATFORM AMAZON return " + rma))
                .anyMatch(s -> s.startsWith("LABEL_ON_PLATFORM"));

        // back at the warehouse, inspected; Amazon cannot refund through its API: an agent refunds by hand
        assertThat(http.post("/api/returns/" + key + "/scan", "walt", "application/json", "").statusCode())
                .isEqualTo(200);
        Task inspect = task(processId, ReturnProcess.USER_TASK_INSPECT);
        taskService.complete(inspect.getId(), java.util.Map.of("conditionGrade", "A", "matchesComplaint", true,
                "outcome", "REFUND"));
        DueJobs.run(managementService, processId);
        Task byHand = task(processId, ReturnProcess.USER_TASK_MANUAL_REFUND);
        assertThat(byHand).as("refund by hand").isNotNull();
        assertThat(taskService.getIdentityLinksForTask(byHand.getId())).extracting(IdentityLink::getGroupId)
                .contains("agents-de");
        assertThat(outbox.findAll().stream().map(m -> m.getIdempotencyKey()))
                .as("the buyer is not told before the money is back").doesNotContain("return:" + key + ":outcome");
        HttpResponse unclaimed = new HttpResponse(http.post("/engine-rest/task/" + byHand.getId() + "/complete",
                "lena", "application/json", "{\"variables\": {\"refundedAmount\": {\"value\": 39.9}, "
                        + "\"refundReference\": {\"value\": \"SC-1\"}}}"));
        assertThat(unclaimed.status).isEqualTo(400);
        assertThat(unclaimed.body).contains("Claim the task first");
        taskService.claim(byHand.getId(), "lena");
        HttpResponse tooMuch = new HttpResponse(http.post("/engine-rest/task/" + byHand.getId() + "/complete", "lena",
                "application/json", "{\"variables\": {\"refundedAmount\": {\"value\": 50.0}, "
                        + "\"refundReference\": {\"value\": \"SC-1\"}}}"));
        assertThat(tooMuch.status).as(tooMuch.body).isEqualTo(400);
        assertThat(tooMuch.body).contains("at most 39.90 EUR");
        HttpResponse done = new HttpResponse(http.post("/engine-rest/task/" + byHand.getId() + "/complete", "lena",
                "application/json", "{\"variables\": {\"refundedAmount\": {\"value\": 39.9}, "
                        + "\"refundReference\": {\"value\": \"Seller Central 4711\"}}}"));
        assertThat(done.status).as(done.body).isEqualTo(204);
        DueJobs.run(managementService, processId);

        JsonNode closed = Http.json(http.get("/api/returns/" + key, "lena"));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("refundAmount").decimalValue()).isEqualByComparingTo("39.90");
        assertThat(closed.get("platformRef").asText()).contains("Seller Central 4711", "lena");
        assertThat(outbox.findAll().stream().map(m -> m.getIdempotencyKey())).contains("return:" + key + ":outcome");
    }

    @Test
    void aReturnOfAnOrderNotImportedYetWaitsAndOpensOnceTheOrderIsThere() throws Exception {
        String orderId = "302-" + Math.abs(run.hashCode() % 10000000) + "-w";
        String rma = "DwR" + run;
        PlatformReturnEntry waiting = intake.take(storeId, platformReturn(rma, orderId, "CR-DEFECTIVE",
                "2026-11-22T08:00:00Z", null));
        assertThat(waiting.getStatus()).isEqualTo(PlatformReturnEntry.Status.UNMATCHED);
        assertThat(waiting.getProblem()).contains(orderId, "not in the case file");
        assertThat(Http.json(http.get("/api/returns/platform", "lena")).findValuesAsText("platformReturnId"))
                .contains(rma);

        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId + ",late." + run + "@example.de,Lea,de,DE,EUR,"
                + "2026-11-10T10:00:00Z,2026-11-11T10:00:00Z,2026-11-14T10:00:00Z,DHL,JJDW" + run
                + ",DELIVERED,SHIRT-BLUE-M,,1,39.90\n"));
        assertThat(intake.retryUnmatched()).isGreaterThanOrEqualTo(1);

        PlatformReturnEntry opened = entries.findByStoreIdAndPlatformReturnId(storeId, rma).orElseThrow();
        assertThat(opened.getStatus()).isEqualTo(PlatformReturnEntry.Status.OPENED);
        assertThat(opened.getAttempts()).isEqualTo(2);
        assertThat(returns.findById(opened.getReturnRequest().getId()).orElseThrow().getReason()).isEqualTo("DEFECTIVE");
    }

    @Test
    void anUnknownReasonCodeIsTheSellersFaultAndTheTimelineSaysSo() throws Exception {
        String orderId = order("u", "2026-11-20T10:00:00Z", "code." + run + "@example.de");
        PlatformReturnEntry entry = intake.take(storeId, platformReturn("DuR" + run, orderId, "CR-SOMETHING_NEW",
                "2026-11-22T08:00:00Z", null));

        assertThat(entry.getReason()).isEqualTo("NOT_AS_DESCRIBED");
        assertThat(timeline(entry.getReturnRequest().getReturnKey()))
                .anyMatch(s -> s.contains("CR-SOMETHING_NEW") && s.contains("does not name"));
    }

    @Test
    void aReturnOnThePlatformPastTheWindowIsRefusedExplainedAndDeclinedByHandWhereThePlatformCannot()
            throws Exception {
        String orderId = order("r", "2026-10-25T10:00:00Z", "old." + run + "@example.de");
        PlatformReturnEntry entry = intake.take(storeId, platformReturn("DrR" + run, orderId, "CR-UNWANTED_ITEM",
                "2026-11-22T08:00:00Z", null));
        String key = entry.getReturnRequest().getReturnKey();
        String processId = returns.findByReturnKey(key).orElseThrow().getProcessInstanceId();
        DueJobs.run(managementService, processId);
        assertThat(Http.json(http.get("/api/returns/" + key, "lena")).get("refusalReason").asText())
                .isEqualTo("WINDOW_PASSED");

        Task review = task(processId, ReturnProcess.USER_TASK_REVIEW);
        taskService.claim(review.getId(), "lena");
        taskService.complete(review.getId(), java.util.Map.of("reviewDecision", "REFUSE"));
        DueJobs.run(managementService, processId);

        assertThat(Http.json(http.get("/api/returns/" + key, "lena")).get("status").asText()).isEqualTo("CLOSED");
        assertThat(timeline(key)).anyMatch(s -> s.startsWith("DECLINE_BY_HAND"));
    }

    @Test
    void aStoreWhosePlatformHasNoReturnFeedIsSkippedWithTheReason() {
        String shopify = "shopify-pr-" + run;
        stores.save(new Store(shopify, "Helloword US", Platform.SHOPIFY, "US", Currency.getInstance("USD"), "en",
                "America/New_York").connection(shopify + ".myshopify.com", null, providerStubs.baseUrl() + "/" + shopify,
                "shopify-us"));

        PlatformReturnSync.StoreRound round = sync.sync(shopify);

        assertThat(round.read()).isZero();
        assertThat(round.skipped()).contains("webhooks");
    }

    @Test
    void theRefundDeadlineWarnsTheTeamLeadsOnlyWhenTheRefundCanNoLongerWait() throws Exception {
        String orderId = order("d", "2026-11-20T10:00:00Z", "due." + run + "@example.de");
        PlatformReturnEntry entry = intake.take(storeId, platformReturn("DdR" + run, orderId, "CR-DEFECTIVE",
                "2026-11-22T08:00:00Z", "JJDDUE" + run));
        String key = entry.getReturnRequest().getReturnKey();
        long id = entry.getReturnRequest().getId();
        DueJobs.run(managementService, returns.findByReturnKey(key).orElseThrow().getProcessInstanceId());

        refunds.refundDeadlineNear(id); // not sent yet: the refund may wait for it
        assertThat(timeline(key)).anyMatch(s -> s.startsWith("REFUND_WAITS"));
        assertThat(outbox.findAll().stream().map(m -> m.getIdempotencyKey()))
                .doesNotContain("return:" + key + ":late:refund-deadline");

        parcels.received(key);
        refunds.refundDeadlineNear(id);
        refunds.refundDeadlineNear(id);
        assertThat(outbox.findAll().stream().map(m -> m.getIdempotencyKey())
                .filter(k -> k.equals("return:" + key + ":late:refund-deadline"))).hasSize(1);
        assertThat(timeline(key)).anyMatch(s -> s.startsWith("REFUND_DUE_SOON refund due by 2026-12-06"));
    }

    @Test
    void aSerialReturnerIsFlaggedOnTheProfileUntilATeamLeadLiftsIt() throws Exception {
        String buyer = "serial." + run + "@example.de";
        List<String> keys = new ArrayList<>();
        for (String suffix : List.of("s1", "s2", "s3", "s4")) {
            String orderId = order(suffix, "2026-11-20T10:00:00Z", buyer);
            // "no longer needed", each with Amazon's label
            String key = intake.take(storeId, platformReturn("DsR" + run + suffix, orderId, "CR-UNWANTED_ITEM",
                    "2026-11-22T08:00:00Z", "JJDS" + run + suffix)).getReturnRequest().getReturnKey();
            DueJobs.run(managementService, returns.findByReturnKey(key).orElseThrow().getProcessInstanceId());
            keys.add(key);
        }
        var profile = buyers.findAll().stream().filter(b -> b.getEmail().equals(buyer)).findFirst().orElseThrow();
        assertThat(profile.isSerialReturner()).isTrue();
        assertThat(profile.getSerialReturnerNote()).contains("3", keys.get(3));
        assertThat(Http.json(http.get("/api/returns/" + keys.get(3), "lena")).get("status").asText())
                .isEqualTo("AWAITING_APPROVAL");
        assertThat(timeline(keys.get(3))).anyMatch(s -> s.startsWith("SERIAL_RETURNER"));

        assertThat(http.post("/api/buyers/" + profile.getId() + "/serial-returner/clear", "lena", "application/json",
                "").statusCode()).isEqualTo(403);
        assertThat(http.post("/api/buyers/" + profile.getId() + "/serial-returner/clear", "leo", "application/json",
                "").statusCode()).isEqualTo(200);
        assertThat(buyers.findById(profile.getId()).orElseThrow().isSerialReturner()).isFalse();
        // the lift lasts: the next "changed my mind" return counts only what came after it
        String orderId = order("s5", "2026-11-20T10:00:00Z", buyer);
        String next = intake.take(storeId, platformReturn("DsR" + run + "s5", orderId, "CR-UNWANTED_ITEM",
                "2026-11-22T08:00:00Z", "JJDS" + run + "s5")).getReturnRequest().getReturnKey();
        DueJobs.run(managementService, returns.findByReturnKey(next).orElseThrow().getProcessInstanceId());
        assertThat(Http.json(http.get("/api/returns/" + next, "lena")).get("status").asText()).isEqualTo("LABEL_SENT");
        assertThat(buyers.findById(profile.getId()).orElseThrow().isSerialReturner()).isFalse();
        assertThat(http.post("/api/buyers/999999999/serial-returner/clear", "leo", "application/json", "")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aReturnAlreadyClosedOnThePlatformOpensNothing() throws Exception {
        String orderId = order("c", "2026-11-20T10:00:00Z", "closed." + run + "@example.de");
        PlatformReturnEntry entry = intake.take(storeId, new MarketplacePort.PlatformReturn("DcR" + run, orderId,
                "SHIRT-BLUE-M", 1, "CR-DEFECTIVE", "REFUND", Instant.parse("2026-11-21T08:00:00Z"), "Closed", null,
                null));

        assertThat(entry.getStatus()).isEqualTo(PlatformReturnEntry.Status.IGNORED);
        assertThat(entry.getReturnRequest()).isNull();
        assertThat(intake.retryUnmatched()).isZero();
        assertThat(entries.findByStoreIdAndPlatformReturnId(storeId, "DcR" + run).orElseThrow().getStatus())
                .isEqualTo(PlatformReturnEntry.Status.IGNORED);
    }

    @Test
    void oneUnitOfTwoIsRefundedForOneUnitAndASecondPlatformReturnOfTheItemIsAReturnOfItsOwn() throws Exception {
        String buyer = "two." + run + "@example.de";
        String orderId = "302-" + Math.abs(run.hashCode() % 10000000) + "-q";
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId + "," + buyer + ",Lea,de,DE,EUR,"
                + "2026-11-10T10:00:00Z,2026-11-11T10:00:00Z,2026-11-18T10:00:00Z,DHL,JJDQ" + run
                + ",DELIVERED,SHIRT-BLUE-M,,2,39.90\n"));
        PlatformReturnEntry first = intake.take(storeId, platformReturn("DqR" + run + "1", orderId, "CR-DEFECTIVE",
                "2026-11-20T08:00:00Z", "JJDQ1" + run));
        PlatformReturnEntry second = intake.take(storeId, platformReturn("DqR" + run + "2", orderId, "CR-DEFECTIVE",
                "2026-11-21T08:00:00Z", "JJDQ2" + run));
        assertThat(second.getReturnRequest().getId()).isNotEqualTo(first.getReturnRequest().getId());

        String key = first.getReturnRequest().getReturnKey();
        String processId = returns.findByReturnKey(key).orElseThrow().getProcessInstanceId();
        DueJobs.run(managementService, processId);
        parcels.received(key);
        Task inspect = task(processId, ReturnProcess.USER_TASK_INSPECT);
        taskService.complete(inspect.getId(), java.util.Map.of("conditionGrade", "B", "matchesComplaint", true,
                "outcome", "REFUND"));
        DueJobs.run(managementService, processId);
        Task byHand = task(processId, ReturnProcess.USER_TASK_MANUAL_REFUND);
        assertThat(timeline(key)).anyMatch(s -> s.startsWith("REFUND_BY_HAND 39.9 EUR"));
        taskService.claim(byHand.getId(), "lena");
        HttpResponse both = new HttpResponse(http.post("/engine-rest/task/" + byHand.getId() + "/complete", "lena",
                "application/json", "{\"variables\": {\"refundedAmount\": {\"value\": 79.8}, "
                        + "\"refundReference\": {\"value\": \"SC-2\"}}}"));
        assertThat(both.status).as("only one unit came back").isEqualTo(400);
        assertThat(both.body).contains("at most 39.90 EUR");
    }

    @Test
    void aReturnTheBuyerWithdrawsOnThePlatformBeforeSendingEndsHereToo() throws Exception {
        String orderId = order("w", "2026-11-20T10:00:00Z", "withdraw." + run + "@example.de");
        String rma = "DxR" + run;
        String key = intake.take(storeId, platformReturn(rma, orderId, "CR-DEFECTIVE", "2026-11-22T08:00:00Z",
                "JJDX" + run)).getReturnRequest().getReturnKey();
        String processId = returns.findByReturnKey(key).orElseThrow().getProcessInstanceId();
        DueJobs.run(managementService, processId);
        assertThat(Http.json(http.get("/api/returns/" + key, "lena")).get("status").asText()).isEqualTo("LABEL_SENT");

        // the next report says the buyer cancelled it: the return ends, no reminders, no "not returned"
        intake.take(storeId, new MarketplacePort.PlatformReturn(rma, orderId, "SHIRT-BLUE-M", 1, "CR-DEFECTIVE",
                "REFUND", Instant.parse("2026-11-22T08:00:00Z"), "Cancelled", "DHL", "JJDX" + run));

        JsonNode closed = Http.json(http.get("/api/returns/" + key, "lena"));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(timeline(key)).anyMatch(s -> s.startsWith("OVER_ON_PLATFORM Cancelled on AMAZON"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processId).count()).isZero();
    }

    @Test
    void aPlatformsLaterStateAfterTheParcelIsBackChangesNothing() throws Exception {
        String orderId = order("v", "2026-11-20T10:00:00Z", "back." + run + "@example.de");
        String rma = "DvR" + run;
        String key = intake.take(storeId, platformReturn(rma, orderId, "CR-DEFECTIVE", "2026-11-22T08:00:00Z",
                "JJDV" + run)).getReturnRequest().getReturnKey();
        String processId = returns.findByReturnKey(key).orElseThrow().getProcessInstanceId();
        DueJobs.run(managementService, processId);
        parcels.received(key);

        intake.take(storeId, new MarketplacePort.PlatformReturn(rma, orderId, "SHIRT-BLUE-M", 1, "CR-DEFECTIVE",
                "REFUND", Instant.parse("2026-11-22T08:00:00Z"), "Closed", "DHL", "JJDV" + run));

        assertThat(Http.json(http.get("/api/returns/" + key, "lena")).get("status").asText()).isEqualTo("RECEIVED");
        assertThat(task(processId, ReturnProcess.USER_TASK_INSPECT)).isNotNull();
    }

    /** A response's status and body (java.net.http's generic type kept out of the assertions). */
    private record HttpResponse(int status, String body) {
        HttpResponse(java.net.http.HttpResponse<String> response) {
            this(response.statusCode(), response.body());
        }
    }
}
