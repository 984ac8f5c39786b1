package com.helloword.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * Object-typed variables name a Java class the engine instantiates on reading; every path that takes
 * variables refuses them with a 400 and keeps nothing, on {@code /engine-rest} and on Tasklist's own API.
 */
@IntegrationTest
class ObjectVariableRefusalTest {

    private static final String PROCESS_BUILDER = """
            {"type": "Object", "value": "{\\"command\\":[\\"id\\"]}",
             "valueInfo": {"objectTypeName": "java.lang.ProcessBuilder", "serializationDataFormat": "application/json"}}""";
    private static final String SERIALIZED_JAVA = """
            {"type": "object", "value": "rO0ABXQABHRlc3Q=",
             "valueInfo": {"objectTypeName": "java.lang.String",
                           "serializationDataFormat": "application/x-java-serialized-object"}}""";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    Http http;
    final HttpClient client = HttpClient.newHttpClient();
    final List<String> started = new ArrayList<>();
    String processInstanceId;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("teamTaskProbeProcess",
                Map.of("candidateGroup", Groups.agents("en")));
        processInstanceId = pi.getId();
        started.add(pi.getId());
    }

    @AfterEach
    void removeProbes() {
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test done", true, true, true, true));
    }

    @Test
    void aVariablePutNamingAJavaTypeIsRefusedAndNotKept() {
        HttpResponse<String> answer = send("PUT", "/engine-rest/process-instance/" + processInstanceId
                + "/variables/probe", "application/json", PROCESS_BUILDER);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(Http.json(answer).get("message").asText()).contains("type Object");
        assertThat(runtimeService.getVariables(processInstanceId)).doesNotContainKey("probe");

        HttpResponse<String> serialized = send("PUT", "/engine-rest/process-instance/" + processInstanceId
                + "/variables/probe", "application/json", SERIALIZED_JAVA);
        assertThat(serialized.statusCode()).as(serialized.body()).isEqualTo(400);
    }

    @Test
    void everyPathThatTakesVariablesRefusesThem() {
        String taskId = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        String variables = "{\"variables\": {\"probe\": " + PROCESS_BUILDER + "}}";

        assertRefused(send("POST", "/engine-rest/process-definition/key/teamTaskProbeProcess/start",
                "application/json", "{\"variables\": {\"candidateGroup\": {\"value\": \"agents-en\"}, \"probe\": "
                        + PROCESS_BUILDER + "}}"));
        assertRefused(send("POST", "/engine-rest/task/" + taskId + "/complete", "application/json", variables));
        assertRefused(send("POST", "/engine-rest/task/" + taskId + "/submit-form", "application/json", variables));
        assertRefused(send("POST", "/engine-rest/process-instance/" + processInstanceId + "/variables",
                "application/json", "{\"modifications\": {\"probe\": " + SERIALIZED_JAVA + "}}"));
        assertRefused(send("POST", "/engine-rest/message", "application/json",
                "{\"messageName\": \"nobodyWaits\", \"processVariables\": {\"probe\": " + PROCESS_BUILDER + "}}"));
        assertRefused(send("POST", "/engine-rest/process-instance/" + processInstanceId + "/variables/probe/data",
                "multipart/form-data; boundary=XyZ", """
                        --XyZ\r
                        Content-Disposition: form-data; name="data"; filename="probe.json"\r
                        Content-Type: application/json\r
                        \r
                        {"command":["id"]}\r
                        --XyZ\r
                        Content-Disposition: form-data; name="valueType"\r
                        \r
                        Object\r
                        --XyZ\r
                        Content-Disposition: form-data; name="objectTypeName"\r
                        \r
                        java.lang.ProcessBuilder\r
                        --XyZ--\r
                        """));
        // the older upload form: a part named type gives the class the JSON data part is read into
        assertRefused(send("POST", "/engine-rest/process-instance/" + processInstanceId + "/variables/probe/data",
                "multipart/form-data; boundary=XyZ", """
                        --XyZ\r
                        Content-Disposition: form-data; name=data; filename="probe.json"\r
                        Content-Type: application/json\r
                        \r
                        {"command":["id"]}\r
                        --XyZ\r
                        Content-Disposition: form-data; name=type\r
                        \r
                        java.lang.ProcessBuilder\r
                        --XyZ--\r
                        """));

        assertThat(runtimeService.getVariables(processInstanceId)).doesNotContainKey("probe");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void plainAndJsonVariablesStillPass() {
        HttpResponse<String> json = send("PUT", "/engine-rest/process-instance/" + processInstanceId
                + "/variables/items", "application/json", "{\"type\": \"Json\", \"value\": \"[1,2]\"}");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(204);
        HttpResponse<String> text = send("PUT", "/engine-rest/process-instance/" + processInstanceId
                + "/variables/note", "application/json", "{\"type\": \"String\", \"value\": \"an object\"}");
        assertThat(text.statusCode()).as(text.body()).isEqualTo(204);
        assertThat(runtimeService.getVariable(processInstanceId, "note")).isEqualTo("an object");
    }

    @Test
    void tasklistsOwnEngineApiRefusesThemToo() {
        String taskId = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        Http browser = new Http(port);
        browser.get("/camunda/app/tasklist/default/", null);
        HttpResponse<String> login = browser.postAsBrowser("/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=demo&password=demo");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // the login starts a new session; its first read hands out the session's XSRF token
        assertThat(browser.get("/camunda/api/engine/engine/default/task/" + taskId, null).statusCode()).isEqualTo(200);

        assertRefused(browser.postAsBrowser("/camunda/api/engine/engine/default/task/" + taskId + "/complete",
                "application/json", "{\"variables\": {\"probe\": " + PROCESS_BUILDER + "}}"));
        assertRefused(browser.postAsBrowser("/camunda/api/engine/engine/default/process-instance/"
                + processInstanceId + "/variables", "application/json",
                "{\"modifications\": {\"probe\": " + PROCESS_BUILDER + "}}"));
        assertThat(runtimeService.getVariables(processInstanceId)).doesNotContainKey("probe");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    private static void assertRefused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.request().uri() + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).as("refused by the filter, with its reason").contains("of type Object are not accepted");
    }

    /** As the admin demo, who may do all of it: a refusal is the filter's, not an authorization. */
    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "demo:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
