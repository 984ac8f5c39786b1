package com.helloword.aftersales.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * storeHealthProcess: a store whose dispute rate over the last three days is above the storeHealth table's
 * threshold has its listings paused through the marketplace port (the Amazon sandbox) until a manager releases it;
 * a healthy store and a store too small to judge are left alone; a store paused already is not paused twice.
 */
@IntegrationTest
class StoreHealthTest {

    @LocalServerPort
    int port;
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
    StoreListingPauseRepository pauses;

    Http http;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    private String store(String suffix) {
        Store template = stores.findById("amazon-de").orElseThrow();
        String id = "amazon-health-" + suffix + "-" + run;
        stores.save(new Store(id, "Health " + suffix, Platform.AMAZON, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(template.getPlatformAccountId(), template.getPlatformMarketplaceId(),
                template.getApiBaseUrl(), template.getCredentialsRef()));
        return id;
    }

    /** {@code count} orders of different buyers placed yesterday, each of SKU {@code HEALTH-<run>}. */
    private List<String> orders(String store, int count) {
        String yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        List<String> json = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("305-%07d-%07d", Math.abs(run.hashCode() % 10_000_000), i + count * 100);
            ids.add(id);
            json.add("""
                    {"storeId": "%s", "platformOrderId": "%s", "buyer": {"email": "h%d-%s-%s@example.de",
                     "language": "de", "country": "DE"}, "destinationCountry": "DE", "currency": "EUR",
                     "orderedAt": "%s", "shippedAt": "%s", "deliveredAt": "%s", "status": "DELIVERED",
                     "lines": [{"sku": "HEALTH-%s", "quantity": 1, "unitPrice": 20.00}]}""".formatted(store, id, i,
                    store, run, yesterday, yesterday, yesterday, run));
        }
        HttpResponse<String> imported = http.post("/api/orders/import", "demo", "application/json",
                "[" + String.join(",", json) + "]");
        assertThat(imported.statusCode()).as(imported.body()).isLessThan(300);
        return ids;
    }

    private ProcessInstance check(String... storeIds) {
        ProcessInstance check = runtime.createMessageCorrelation(StoreHealth.MESSAGE_CHECK)
                .setVariable(StoreHealth.VAR_STORE_IDS, new ArrayList<>(List.of(storeIds))).correlateStartMessage();
        DueJobs.run(management, check.getId());
        return check;
    }

    @Test
    void aStoreAboveTheThresholdIsPausedUntilAManagerReleasesIt() {
        http = new Http(port);
        String sick = store("sick");
        String healthy = store("fine");
        String small = store("small");
        List<String> sickOrders = orders(sick, 25);
        orders(healthy, 25);
        List<String> smallOrders = orders(small, 5);
        for (String order : List.of(sickOrders.get(0), smallOrders.get(0))) {
            HttpResponse<String> opened = http.post("/api/disputes", "eva", "application/json", """
                    {"storeId": "%s", "platformOrderId": "%s", "claimType": "NOT_AS_DESCRIBED"}""".formatted(
                    order.equals(sickOrders.get(0)) ? sick : small, order));
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        }

        ProcessInstance check = check(sick, healthy, small);

        // 1 of 25 orders = 4 % > 2.5 %; 0 %; 1 of 5 is too few orders to judge
        StoreListingPause pause = pauses.findByOpenStoreId(sick).orElseThrow();
        assertThat(pause.getDisputes()).isEqualTo(1);
        assertThat(pause.getOrders()).isEqualTo(25);
        assertThat(pause.getDisputeRate()).isEqualByComparingTo("4.000");
        assertThat(pause.getSkus()).isEqualTo("HEALTH-" + run);
        assertThat(pause.getDetail()).isNotBlank();
        assertThat(pauses.findByOpenStoreId(healthy)).isEmpty();
        assertThat(pauses.findByOpenStoreId(small)).isEmpty();
        Task release = tasks.createTaskQuery().processInstanceId(check.getId()).singleResult();
        assertThat(release.getTaskDefinitionKey()).isEqualTo("userTask_releaseStore");
        assertThat(tasks.getIdentityLinksForTask(release.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly(Groups.MANAGERS);

        // checked again while paused: no second pause, no second task
        ProcessInstance again = check(sick);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(again.getId()).finished().count())
                .isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskDefinitionKey("userTask_releaseStore").processInstanceId(again.getId())
                .count()).isZero();

        tasks.setAssignee(release.getId(), "eva");
        assertThatThrownBy(() -> tasks.complete(release.getId())).hasMessageContaining("not a manager");
        tasks.setAssignee(release.getId(), "mia");
        tasks.complete(release.getId(), Map.of("releaseNote", "supplier batch replaced"));
        DueJobs.run(management, check.getId());

        StoreListingPause released = pauses.findById(pause.getId()).orElseThrow();
        assertThat(released.isOpen()).isFalse();
        assertThat(released.getReleasedBy()).isEqualTo("mia");
        assertThat(pauses.findByOpenStoreId(sick)).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(check.getId()).finished().count())
                .isEqualTo(1);
    }
}
