package com.helloword.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * Runs the authorization matrix of docs/authorization.md: every request of the table as every login of
 * its columns, against the running application. The page is the table; nothing here restates it.
 */
@IntegrationTest
class AuthorizationMatrixTest {

    static final Path MATRIX = Path.of("docs/authorization.md");
    private static final Pattern LOGIN = Pattern.compile("\\(([a-z]+)[,)]");
    private static final Pattern REQUEST = Pattern.compile("`(GET|POST|PUT|DELETE) ([^`]+)`");
    private static final String PROBE_KEY = "authorization-matrix";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    OrderImportService importService;

    @AfterEach
    void removeWhatTheTableMade() {
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(PROBE_KEY).list()
                .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "matrix done", true, true));
        repositoryService.createDeploymentQuery().deploymentName(PROBE_KEY).list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true, true));
    }

    record Row(String method, String path, List<String> cells) {
    }

    @Test
    void everyLoginGetsWhatTheMatrixSays() throws IOException {
        List<String> lines = Files.readAllLines(MATRIX, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("| ")).toList();
        List<String> logins = new ArrayList<>();
        for (String column : cells(lines.get(0)).subList(1, cells(lines.get(0)).size())) {
            Matcher login = LOGIN.matcher(column);
            assertThat(login.find()).as("column %s names its login", column).isTrue();
            logins.add(login.group(1));
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            Matcher request = REQUEST.matcher(cells.get(0));
            assertThat(request.find()).as("row %s names a request", line).isTrue();
            assertThat(cells).as("row %s has a cell per login", line).hasSize(logins.size() + 1);
            rows.add(new Row(request.group(1), request.group(2), cells.subList(1, cells.size())));
        }
        assertThat(logins).hasSize(13).contains("demo", "lena", "relay");
        assertThat(rows).hasSizeGreaterThan(20);

        Http http = new Http(port);
        Map<String, String> fixtures = fixtures(http);
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < logins.size(); i++) {
                String login = logins.get(i).equals("relay") ? Http.RELAY : logins.get(i);
                String path = row.path();
                for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
                    path = path.replace("{" + fixture.getKey() + "}", fixture.getValue());
                }
                HttpResponse<String> answer = call(http, row.method(), path, login);
                String expected = row.cells().get(i);
                if (!matches(expected, answer)) {
                    wrong.add(row.method() + " " + path + " as " + logins.get(i) + ": expected " + expected + ", got "
                            + answer.statusCode() + " " + abbreviate(answer.body()));
                }
            }
        }
        assertThat(wrong).as("cells of docs/authorization.md that do not hold").isEmpty();
    }

    /** A German buyer's case with agents-de, its order, and a probe instance with a task for agents-de. */
    private Map<String, String> fixtures(Http http) throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String order = "AUTH-" + run;
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\namazon-de," + order + ",matrix-" + run + "@example.de,Jonas,de,DE,EUR,"
                + "2026-10-01T10:00:00Z,2026-10-02T10:00:00Z,,DHL,JJD" + run + ",SHIPPED,POWERBANK-20K,,1,39.90\n"));
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "amazon-de", "channel": "email", "externalMessageId": "matrix-%s", "platformOrderId": "%s",
                 "buyerEmail": "matrix-%s@example.de", "subject": "Powerbank defekt",
                 "body": "Die Powerbank lädt nicht mehr, obwohl ich sie erst seit einer Woche habe. Bitte helfen Sie mir.",
                 "receivedAt": "2026-11-20T08:00:00Z"}""".formatted(run, order, run));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        JsonNode intake = Http.json(received);
        assertThat(intake.path("team").asText()).isEqualTo(Groups.agents("de"));
        ProcessInstance probe = runtimeService.startProcessInstanceByKey("teamTaskProbeProcess", PROBE_KEY,
                Map.of("candidateGroup", Groups.agents("de")));
        return Map.of("case", intake.path("businessKey").asText(), "order", order, "instance", probe.getId());
    }

    private static HttpResponse<String> call(Http http, String method, String path, String login) {
        String json = "application/json";
        if (path.endsWith("/start")) {
            return http.send(method, path, login, json, ("{\"businessKey\":\"" + PROBE_KEY + "\",\"variables\":"
                    + "{\"candidateGroup\":{\"value\":\"agents-de\",\"type\":\"String\"}}}").getBytes());
        }
        if (path.endsWith("/variables/candidateGroup")) {
            return http.send(method, path, login, json, "{\"value\":\"agents-de\",\"type\":\"String\"}".getBytes());
        }
        if (path.endsWith("/suspended")) {
            return http.send(method, path, login, json, "{\"suspended\":false}".getBytes());
        }
        if (path.endsWith("/deployment/create")) {
            String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
            return http.send(method, path, login, "multipart/form-data; boundary=" + boundary,
                    multipart(boundary).getBytes(StandardCharsets.UTF_8));
        }
        if (path.equals("/api/orders/import")) {
            return http.send(method, path, login, json, "{\"orders\": []}".getBytes());
        }
        if (method.equals("POST") && (path.equals("/api/intake/messages") || path.equals("/api/returns"))) {
            return http.send(method, path, login, json, "{}".getBytes());
        }
        return http.send(method, path, login, null, method.equals("GET") ? null : new byte[0]);
    }

    private static String multipart(String boundary) {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_matrix"
                    targetNamespace="http://helloword.com/aftersales/test">
                  <bpmn:process id="authorizationMatrixProbe" name="Matrix probe" isExecutable="true"
                      camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="startEvent_probe" name="Probe started"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + PROBE_KEY
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"matrix.bpmn\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
    }

    private static boolean matches(String expected, HttpResponse<String> answer) {
        return switch (expected) {
            case "list" -> answer.statusCode() == 200 && array(answer).map(a -> a.size() > 0).orElse(false);
            case "empty" -> answer.statusCode() == 200 && array(answer).map(a -> a.size() == 0).orElse(false);
            case "no buyer" -> answer.statusCode() == 200 && Http.json(answer).path("buyer").isNull()
                    && Http.json(answer).path("lines").size() > 0;
            default -> {
                int status = answer.statusCode();
                boolean buyerShown = !expected.equals("200") || !answer.body().contains("\"buyer\":null");
                yield String.valueOf(status).equals(expected) && buyerShown;
            }
        };
    }

    private static java.util.Optional<JsonNode> array(HttpResponse<String> answer) {
        try {
            JsonNode json = Http.json(answer);
            return json.isArray() ? java.util.Optional.of(json) : java.util.Optional.empty();
        } catch (RuntimeException notJson) {
            return java.util.Optional.empty();
        }
    }

    private static List<String> cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.length() - 1);
        return java.util.Arrays.stream(inner.split("\\|")).map(String::trim).toList();
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

}
