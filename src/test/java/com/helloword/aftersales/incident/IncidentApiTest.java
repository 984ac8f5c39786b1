package com.helloword.aftersales.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * {@code POST /api/incidents} refuses bad declarations with 400 and a reason per field (an empty selector, not three
 * options, a coupon without amount, ...), starts nothing and keeps nothing; only managers, logistics and admins
 * declare; an unknown incident is 404.
 */
@IntegrationTest
class IncidentApiTest {

    private static final String OPTIONS = """
            [{"remedy": "COUPON", "amount": 5, "currency": "EUR"}, {"remedy": "RESHIP_EXPRESS"}, {"remedy": "REFUND"}]""";

    @LocalServerPort
    int port;
    @Autowired
    ShipmentIncidentRepository incidents;
    @Autowired
    RuntimeService runtime;

    private JsonNode refused(String body) {
        long before = incidents.count();
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey(ShipmentIncidentProcess.PROCESS_KEY)
                .count();
        HttpResponse<String> answer = new Http(port).post("/api/incidents", "mia", "application/json", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(incidents.count()).as("nothing kept").isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ShipmentIncidentProcess.PROCESS_KEY)
                .count()).as("nothing started").isEqualTo(instances);
        return Http.json(answer);
    }

    private static String fields(JsonNode problem) {
        return problem.get("problems").findValuesAsText("field").toString();
    }

    @Test
    void anEmptySelectorIsRefused() {
        JsonNode problem = refused("""
                {"selector": {}, "cause": "CUSTOMS_HOLD", "options": %s}""".formatted(OPTIONS));
        assertThat(fields(problem)).isEqualTo("[selector]");
        assertThat(problem.get("detail").asText()).contains("selector").contains("at least one");
        assertThat(fields(refused("""
                {"cause": "CUSTOMS_HOLD", "options": %s}""".formatted(OPTIONS)))).isEqualTo("[selector]");
    }

    @Test
    void notThreeOptionsIsRefused() {
        JsonNode two = refused("""
                {"selector": {"destinationCountry": "FR"}, "cause": "CUSTOMS_HOLD",
                 "options": [{"remedy": "COUPON", "amount": 5, "currency": "EUR"}, {"remedy": "REFUND"}]}""");
        assertThat(fields(two)).isEqualTo("[options]");
        assertThat(two.at("/problems/0/reason").asText()).contains("exactly three").contains("2");
        assertThat(fields(refused("""
                {"selector": {"destinationCountry": "FR"}, "cause": "CUSTOMS_HOLD"}"""))).isEqualTo("[options]");
    }

    @Test
    void everyBadFieldIsNamed() {
        JsonNode problem = refused("""
                {"selector": {"destinationCountry": "France", "shippedFrom": "yesterday",
                              "storeIds": ["no-such-store"], "trackingStatus": "STUCK"},
                 "cause": "customs hold!",
                 "options": [{"remedy": "COUPON"}, {"remedy": "PARTIAL_REFUND", "percent": 120},
                             {"remedy": "GIFT"}]}""");
        assertThat(problem.get("problems").findValuesAsText("field")).containsExactlyInAnyOrder(
                "selector.destinationCountry", "selector.shippedFrom", "selector.storeIds[0]",
                "selector.trackingStatus", "cause", "options[0]", "options[1].percent", "options[2].remedy");
        assertThat(problem.toString()).contains("a coupon needs amount and currency").contains("no store no-such-store");
    }

    @Test
    void agentsMayNotDeclareAndUnknownIncidentsAreNotFound() {
        Http http = new Http(port);
        HttpResponse<String> agent = http.post("/api/incidents", "lena", "application/json", """
                {"selector": {"destinationCountry": "FR"}, "cause": "CUSTOMS_HOLD", "options": %s}"""
                .formatted(OPTIONS));
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(http.get("/api/incidents/999999999", "mia").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/incidents/1", "lena").statusCode()).isEqualTo(403);
    }
}
