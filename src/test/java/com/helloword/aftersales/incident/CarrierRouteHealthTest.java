package com.helloword.aftersales.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * carrierRouteHealthProcess: a route (carrier x destination country) whose complaint rate over three days is above
 * the carrierRouteHealth table's 1.2 % opens exactly one task for logistics to switch to the backup carrier; a route
 * below it, and one with too few shipments to judge, open none; completing the task records the switch.
 */
@IntegrationTest
class CarrierRouteHealthTest {

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
    CarrierRouteSwitchRepository switches;
    @Autowired
    CarrierRouteSettings settings;
    @Autowired
    MutableClock clock;

    Http http;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    /** A carrier of this run only, so other tests' orders do not count on its routes. */
    final String carrier = "RT" + run.toUpperCase(Locale.ROOT).replace("-", "");
    String store;

    private String store() {
        Store template = stores.findById("amazon-de").orElseThrow();
        String id = "amazon-routes-" + run;
        stores.save(new Store(id, "Routes " + run, Platform.AMAZON, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(template.getPlatformAccountId(), template.getPlatformMarketplaceId(),
                template.getApiBaseUrl(), template.getCredentialsRef()));
        return id;
    }

    /** {@code count} orders to the country shipped yesterday with this run's carrier; their ids. */
    private List<String> shipped(String country, int count, int offset) {
        String yesterday = clock.instant().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        List<String> json = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("306-%07d-%07d", Math.abs(run.hashCode() % 10_000_000), i + offset);
            ids.add(id);
            json.add("""
                    {"storeId": "%s", "platformOrderId": "%s", "buyer": {"email": "r%d-%s@example.de",
                     "language": "de", "country": "%s"}, "destinationCountry": "%s", "currency": "EUR",
                     "orderedAt": "%s", "shippedAt": "%s", "carrier": "%s", "trackingNumber": "%s%07d",
                     "status": "SHIPPED", "lines": [{"sku": "ROUTE-%s", "quantity": 1, "unitPrice": 20.00}]}"""
                    .formatted(store, id, i + offset, run, country, country, yesterday, yesterday, carrier, carrier,
                            i + offset, run));
        }
        HttpResponse<String> imported = http.post("/api/orders/import", "demo", "application/json",
                "[" + String.join(",", json) + "]");
        assertThat(imported.statusCode()).as(imported.body()).isLessThan(300);
        return ids;
    }

    /** A buyer of the order writes that it never came: a NOT_RECEIVED case about the order. */
    private void complaint(String orderId, int buyer) {
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<route-%s-%d@mail>", "platformOrderId": "%s",
                 "buyerEmail": "r%d-%s@example.de", "subject": "Paket",
                 "body": "Hallo, mein Paket ist nie angekommen."}""".formatted(store, run, buyer, orderId, buyer, run));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        assertThat(Http.json(received).get("category").asText()).isEqualTo("NOT_RECEIVED");
    }

    private ProcessInstance check(String... routes) {
        ProcessInstance check = runtime.createMessageCorrelation(CarrierRouteHealth.MESSAGE_CHECK)
                .setVariable(CarrierRouteHealth.VAR_ROUTES, new ArrayList<>(List.of(routes))).correlateStartMessage();
        DueJobs.run(management, check.getId());
        return check;
    }

    @Test
    void aRouteAboveTheThresholdOpensOneTaskForLogisticsAndItsSwitchIsRecorded() {
        http = new Http(port);
        store = store();
        List<String> france = shipped("FR", 50, 0);
        List<String> spain = shipped("ES", 100, 100);
        List<String> italy = shipped("IT", 10, 300);
        complaint(france.get(0), 0);
        complaint(spain.get(0), 100);
        complaint(italy.get(0), 300);
        String sick = carrier + ":FR";
        String fine = carrier + ":ES";
        String small = carrier + ":IT";

        ProcessInstance check = check(sick, fine, small);

        // 1 of 50 = 2 % > 1.2 %; 1 of 100 = 1 %; 1 of 10 is too few shipments to judge
        CarrierRouteSwitch raised = switches.findByOpenRoute(sick).orElseThrow();
        assertThat(raised.getShipments()).isEqualTo(50);
        assertThat(raised.getComplaints()).isEqualTo(1);
        assertThat(raised.getComplaintRate()).isEqualByComparingTo("2.000");
        assertThat(raised.getFromCarrier()).isEqualTo(carrier);
        assertThat(switches.findByOpenRoute(fine)).isEmpty();
        assertThat(switches.findByOpenRoute(small)).isEmpty();
        List<Task> opened = tasks.createTaskQuery().processInstanceId(check.getId()).list();
        assertThat(opened).singleElement().satisfies(task -> {
            assertThat(task.getTaskDefinitionKey()).isEqualTo("userTask_switchCarrier");
            assertThat(task.getName()).isEqualTo("Switch " + sick + " to the backup carrier");
        });
        Task sw = opened.get(0);
        assertThat(tasks.getIdentityLinksForTask(sw.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly(Groups.LOGISTICS);
        // no backup carrier is configured for this run's carrier; DHL to France has one
        assertThat(tasks.getVariable(sw.getId(), CarrierRouteHealth.VAR_BACKUP_CARRIER)).isNull();
        assertThat(settings.backupCarrier("dhl:fr")).isEqualTo("COLISSIMO");

        // checked again while the task is open: no second task
        ProcessInstance again = check(sick);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(again.getId()).finished().count())
                .isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskDefinitionKey("userTask_switchCarrier")
                .processInstanceId(again.getId()).count()).isZero();

        // the routes as logistics sees them
        JsonNode routes = Http.json(http.get("/api/incidents/routes", "lou"));
        JsonNode france2 = null;
        for (JsonNode route : routes.get("routes")) {
            if (sick.equals(route.get("route").asText())) {
                france2 = route;
            }
        }
        assertThat(france2).isNotNull();
        assertThat(france2.get("switchOpen").asBoolean()).isTrue();
        assertThat(france2.get("shipments").asInt()).isEqualTo(50);
        assertThat(http.get("/api/incidents/routes", "lena").statusCode()).isEqualTo(403);

        // only logistics switches, naming the carrier
        tasks.setAssignee(sw.getId(), "lena");
        assertThatThrownBy(() -> tasks.complete(sw.getId(), Map.of(CarrierRouteHealth.VAR_BACKUP_CARRIER,
                "COLISSIMO"))).hasMessageContaining("not in logistics");
        tasks.setAssignee(sw.getId(), "lou");
        assertThatThrownBy(() -> tasks.complete(sw.getId())).hasMessageContaining("name the carrier");
        tasks.complete(sw.getId(), Map.of(CarrierRouteHealth.VAR_BACKUP_CARRIER, "COLISSIMO",
                CarrierRouteHealth.VAR_SWITCH_NOTE, "new FR shipments go with Colissimo from tomorrow"));
        DueJobs.run(management, check.getId());

        CarrierRouteSwitch done = switches.findById(raised.getId()).orElseThrow();
        assertThat(done.isOpen()).isFalse();
        assertThat(done.getSwitchedBy()).isEqualTo("lou");
        assertThat(done.getToCarrier()).isEqualTo("COLISSIMO");
        assertThat(done.getSwitchedAt()).isNotNull();
        assertThat(done.getNote()).contains("Colissimo");
        assertThat(switches.findByOpenRoute(sick)).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(check.getId()).finished().count())
                .isEqualTo(1);
        assertThat(Http.json(http.get("/api/incidents/routes", "lou")).get("switches").toString())
                .contains(sick, "COLISSIMO", "lou");
    }
}
