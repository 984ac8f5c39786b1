package com.helloword.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
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
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * The return feed of an eBay store (the real eBay adapter against the sandbox's Post-Order API, which
 * lists returns the demo buyers opened on half the delivered orders): one round opens each as a return
 * of this system, the next round opens nothing twice; a return for a fault is accepted on eBay, gets
 * eBay's own label (not mailed again by this system) and is refunded through eBay's return.
 */
@IntegrationTest
class PlatformReturnFeedTest {

    /** eBay's codes for a fault of the item (eBay makes its own label for these, not for remorse or lateness). */
    private static final Set<String> FAULTS = Set.of("DEFECTIVE_ITEM", "ARRIVED_DAMAGED", "DIFFERENT_FROM_LISTING");

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    PlatformReturnSync sync;
    @Autowired
    PlatformReturnEntryRepository entries;
    @Autowired
    ReturnRequestRepository returns;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    MutableClock clock;

    Http http;
    String storeId;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "ebay-feed-" + run;
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        Store demo = stores.findById("ebay-de").orElseThrow();
        stores.save(new Store(storeId, "Helloword eBay DE (feed)", Platform.EBAY, "DE", Currency.getInstance("EUR"),
                "de", "Europe/Berlin").connection(demo.getPlatformAccountId(), demo.getPlatformMarketplaceId(),
                demo.getApiBaseUrl().replace("/ebay-de", "/" + storeId), demo.getCredentialsRef()));
        StringBuilder csv = new StringBuilder("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 20; i++) {
            String orderId = String.format("%02d-%05d-%05d", random.nextInt(10, 100), random.nextInt(100000),
                    random.nextInt(100000));
            csv.append(storeId).append(',').append(orderId).append(",feed").append(i).append('.').append(run)
                    .append("@example.de,Lea,de,DE,EUR,2026-11-10T10:00:00Z,2026-11-11T10:00:00Z,")
                    .append("2026-11-18T10:00:00Z,DHL,JJDF").append(run).append(i).append(",DELIVERED,KNIT-")
                    .append(i).append(",,1,49.90\n");
        }
        importService.importCsv(new StringReader(csv.toString()));
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    private List<PlatformReturnEntry> entriesOfStore() {
        return entries.findAll().stream().filter(e -> e.getStoreId().equals(storeId)).toList();
    }

    @Test
    void oneRoundOpensEachPlatformReturnOnceAndAFaultGetsEbaysLabelAndRefund() {
        PlatformReturnSync.StoreRound first = sync.sync(storeId);

        assertThat(first.skipped()).isNull();
        assertThat(first.read()).isPositive();
        List<PlatformReturnEntry> seen = entriesOfStore();
        assertThat(seen).hasSize(first.read()).allMatch(e -> e.getStatus() == PlatformReturnEntry.Status.OPENED);
        long returnsBefore = returns.count();

        PlatformReturnSync.StoreRound second = sync.sync(storeId);
        assertThat(entriesOfStore()).hasSize(seen.size());
        assertThat(returns.count()).as("nothing opened twice").isEqualTo(returnsBefore);
        assertThat(first.opened()).isEqualTo(first.read());
        assertThat(second.read()).isEqualTo(first.read());
        assertThat(second.opened()).as("the second round started no return process").isZero();
        assertThat(second.alreadyKnown()).isEqualTo(second.read());

        PlatformReturnEntry fault = seen.stream().filter(e -> FAULTS.contains(e.getPlatformReason())).findFirst()
                .orElseThrow(() -> new AssertionError("no fault among " + seen.stream()
                        .map(PlatformReturnEntry::getPlatformReason).toList()));
        String key = returns.findById(fault.getReturnRequest().getId()).orElseThrow().getReturnKey();
        String processId = returns.findByReturnKey(key).orElseThrow().getProcessInstanceId();
        DueJobs.run(managementService, processId);

        JsonNode labelled = Http.json(http.get("/api/returns/" + key, "lena"));
        assertThat(labelled.get("eligible").asBoolean()).isTrue();
        assertThat(labelled.get("labelSource").asText()).isEqualTo("PLATFORM");
        assertThat(labelled.get("labelTracking").asText()).isNotBlank();
        List<String> codes = new ArrayList<>();
        labelled.get("timeline").forEach(s -> codes.add(s.get("code").asText()));
        assertThat(codes).containsSubsequence("FROM_PLATFORM", "ELIGIBLE", "ACCEPTED_ON_PLATFORM", "LABEL_SENT",
                "LABEL_ON_PLATFORM");
        assertThat(outbox.findAll().stream().map(m -> m.getIdempotencyKey()))
                .doesNotContain("return:" + key + ":label");

        assertThat(http.post("/api/returns/" + key + "/scan", "walt", "application/json", "").statusCode())
                .isEqualTo(200);
        Task inspect = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(ReturnProcess.USER_TASK_INSPECT).singleResult();
        taskService.complete(inspect.getId(), Map.of("conditionGrade", "C", "matchesComplaint", true,
                "outcome", "REFUND"));
        DueJobs.run(managementService, processId);

        JsonNode closed = Http.json(http.get("/api/returns/" + key, "lena"));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("refundAmount").decimalValue()).isEqualByComparingTo("49.90");
        assertThat(closed.get("platformRef").asText()).isEqualTo("return:" + fault.getPlatformReturnId());
    }

    @Test
    void aTeamLeadReadsAStoresFeedNowAndTheSystemOpensTheReturnsNotTheTeamLeadsRights() {
        assertThat(http.post("/api/returns/platform/sync?storeId=" + storeId, "lena", "application/json", "")
                .statusCode()).isEqualTo(403);
        assertThat(http.post("/api/returns/platform/sync?storeId=nope-" + storeId, "leo", "application/json", "")
                .statusCode()).isEqualTo(404);

        var response = http.post("/api/returns/platform/sync?storeId=" + storeId, "leo", "application/json", "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode round = Http.json(response).get(0);
        assertThat(round.get("skipped").isNull()).as(round.toString()).isTrue();
        assertThat(round.get("read").asInt()).isPositive();
        assertThat(round.get("opened").asInt()).isEqualTo(round.get("read").asInt());
        assertThat(round.get("alreadyKnown").asInt()).isZero();
        assertThat(entriesOfStore()).hasSize(round.get("read").asInt())
                .allMatch(e -> e.getStatus() == PlatformReturnEntry.Status.OPENED);
        long returnsAfterFirst = returns.count();

        // the same call again reports what it did: nothing opened, every return read already known
        var again = http.post("/api/returns/platform/sync?storeId=" + storeId, "leo", "application/json", "");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode second = Http.json(again).get(0);
        assertThat(second.get("read").asInt()).as(second.toString()).isEqualTo(round.get("read").asInt());
        assertThat(second.get("opened").asInt()).as(second.toString()).isZero();
        assertThat(second.get("alreadyKnown").asInt()).isEqualTo(second.get("read").asInt());
        assertThat(second.get("unmatched").asInt() + second.get("ignored").asInt() + second.get("failed").asInt()
                + second.get("rejected").asInt()).isZero();
        assertThat(returns.count()).isEqualTo(returnsAfterFirst);
    }
}
