package com.helloword.aftersales.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.notification.OutboxRelay;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * The incident's other paths: declared from its Tasklist start form (a bad form refused with the reason, an agent
 * refused), remedies the platform cannot carry out through its API (an Amazon refund) left to logistics as a task
 * with what to do, the default remedy when the preferred one is not offered, and an incident that affects no order.
 */
@IntegrationTest
class IncidentFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    OutboxRelay relay;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    MutableClock clock;
    @Autowired
    BuyerLinks links;
    @Autowired
    ShipmentIncidentRepository incidents;
    @Autowired
    IncidentOrderRepository rows;

    @AfterEach
    void realTime() {
        clock.resumeRealTime();
    }

    private static String form(String carrier, String option1) {
        return """
                {"variables": {"carrier": {"value": "%s"}, "cause": {"value": "LOST_IN_TRANSIT"},
                 "option1Remedy": {"value": "%s"}, "option1Percent": {"value": 30, "type": "Long"},
                 "option2Remedy": {"value": "REFUND"},
                 "option3Remedy": {"value": "COUPON"}, "option3Amount": {"value": 5, "type": "Double"},
                 "option3Currency": {"value": "EUR"},
                 "message": {"value": "The van with your parcels was stolen."}}}""".formatted(carrier, option1);
    }

    @Test
    void declaredInTasklistAndCarriedOutByHandWhereThePlatformCannot() throws Exception {
        Http http = new Http(port);
        clock.fixWithEngine(Instant.now());
        IncidentFixture fixture = new IncidentFixture(http, providerStubs, stores);
        String carrier = "COLIS-" + fixture.run;
        String first = fixture.order("amazon-fr", "405-" + fixture.run + "-1", "ines-" + fixture.run + "@example.fr",
                "fr", "FR", "SHIPPED", "2026-12-01T08:00:00Z").replace("\"DHL\"", "\"" + carrier + "\"")
                .replace("24.00", "80.00");
        String second = fixture.order("amazon-fr", "405-" + fixture.run + "-2", "jean-" + fixture.run + "@example.fr",
                "fr", "FR", "SHIPPED", "2026-12-01T08:00:00Z").replace("\"DHL\"", "\"" + carrier + "\"");
        fixture.importOrders(List.of(first, second));
        String submit = "/engine-rest/process-definition/key/" + ShipmentIncidentProcess.PROCESS_KEY + "/submit-form";
        long before = incidents.count();

        HttpResponse<String> bad = http.post(submit, "lou", "application/json", form(carrier, "COUPON"));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("a coupon needs amount and currency");
        assertThat(http.post(submit, "lena", "application/json", form(carrier, "PARTIAL_REFUND")).statusCode())
                .as("agents declare no incident").isEqualTo(403);
        assertThat(incidents.count()).isEqualTo(before);

        HttpResponse<String> started = http.post(submit, "lou", "application/json", form(carrier, "PARTIAL_REFUND"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instanceId = Http.json(started).get("id").asText();
        ShipmentIncident declared = incidents.findAll().stream()
                .filter(i -> instanceId.equals(i.getProcessInstanceId())).findFirst().orElseThrow();
        assertThat(declared.getDeclaredBy()).isEqualTo("lou");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey())
                .isEqualTo(declared.getKey());
        assertThat(runtime.getVariables(instanceId)).doesNotContainKeys("message", "option1Remedy", "carrier");
        IncidentFixture.runJobs(runtime, management, relay, declared.getKey());
        ShipmentIncident incident = incidents.findById(declared.getId()).orElseThrow();
        JsonNode open = figures(http, incident.getId());
        assertThat(open.get("affectedOrders").asInt()).isEqualTo(2);
        assertThat(open.get("mailed").asInt()).isEqualTo(2);

        // the first buyer takes 30 % back: Amazon refunds only in Seller Central, so logistics does it by hand
        List<IncidentOrder> mine = rows.findAll().stream().filter(r -> r.getIncidentId().equals(incident.getId()))
                .sorted(Comparator.comparing(IncidentOrder::getOrderId)).toList();
        URI link = URI.create(links.incidentOptionUrl(mine.get(0).getId(), 1, incident.getChoiceEndsAt(), "fr"));
        String token = link.getQuery().replaceAll(".*t=([^&]+).*", "$1");
        HttpResponse<String> chose = http.post(link.getPath(), null, "application/x-www-form-urlencoded",
                "t=" + token + "&lang=fr");
        assertThat(chose.statusCode()).as(chose.body()).isEqualTo(200);
        IncidentFixture.runJobs(runtime, management, relay, incident.getKey());
        Task byHand = byHandTask(incident.getKey(), mine.get(0));
        assertThat(byHand.getDescription()).contains("Refund 24.00 EUR of order 405-" + fixture.run + "-1 by hand");
        assertThat(tasks.getIdentityLinksForTask(byHand.getId())).anyMatch(l -> "logistics".equals(l.getGroupId()));
        assertThat(figures(http, incident.getId()).get("byHand").asInt()).isEqualTo(1);
        complete(http, byHand, "AMZ-REFUND-1");
        assertThat(rows.findById(mine.get(0).getId()).orElseThrow().getStatus()).isEqualTo(IncidentOrder.Status.EXECUTED);
        assertThat(rows.findById(mine.get(0).getId()).orElseThrow().getPlatformRef()).isEqualTo("AMZ-REFUND-1");

        // the second buyer does not choose: a lost parcel defaults to a replacement, not offered here, so a refund
        clock.fixWithEngine(incident.getChoiceEndsAt().plus(Duration.ofMinutes(1)));
        IncidentFixture.runJobs(runtime, management, relay, incident.getKey());
        complete(http, byHandTask(incident.getKey(), mine.get(1)), null);
        clock.fixWithEngine(incident.getChoiceEndsAt().plus(Duration.ofMinutes(20)));
        IncidentFixture.runJobs(runtime, management, relay, incident.getKey());
        JsonNode closed = figures(http, incident.getId());
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.at("/chosen/PARTIAL_REFUND").asInt()).isEqualTo(1);
        assertThat(closed.at("/defaulted/REFUND").asInt()).isEqualTo(1);
        assertThat(closed.get("executed").asInt()).isEqualTo(2);
        assertThat(closed.get("byHand").asInt()).isZero();
    }

    @Test
    void anIncidentThatAffectsNoOrderClosesAtOnce() {
        Http http = new Http(port);
        HttpResponse<String> declared = http.post("/api/incidents", "lou", "application/json", """
                {"selector": {"carrier": "NOBODY-SHIPS-WITH-%s"}, "cause": "WEATHER",
                 "options": [{"remedy": "COUPON", "amount": 5, "currency": "EUR"}, {"remedy": "RESHIP_EXPRESS"},
                             {"remedy": "PARTIAL_REFUND", "percent": 20}]}""".formatted(System.nanoTime()));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        long id = Http.json(declared).get("id").asLong();
        IncidentFixture.runJobs(runtime, management, relay, Http.json(declared).get("key").asText());
        JsonNode closed = figures(http, id);
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("affectedOrders").asInt()).isZero();
        assertThat(closed.get("summary").asText()).startsWith("orders 0");
    }

    private Task byHandTask(String key, IncidentOrder row) {
        String business = key + ":order:" + row.getOrderId();
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(business)
                .taskDefinitionKey(ShipmentIncidentProcess.USER_TASK_BY_HAND).singleResult();
        assertThat(task).as("the by-hand task of " + business).isNotNull();
        return task;
    }

    private void complete(Http http, Task task, String reference) {
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", "lou", "application/json",
                "{\"userId\": \"lou\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> done = http.post("/engine-rest/task/" + task.getId() + "/complete", "lou",
                "application/json", reference == null ? "{}"
                        : "{\"variables\": {\"platformRef\": {\"value\": \"" + reference + "\"}}}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    private static JsonNode figures(Http http, long id) {
        HttpResponse<String> answer = http.get("/api/incidents/" + id, "lou");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.json(answer);
    }
}
