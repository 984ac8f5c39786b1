package com.helloword.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

@IntegrationTest
class SecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    FilterService filterService;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    Http http;
    final List<ProcessInstance> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @AfterEach
    void removeProbes() {
        started.forEach(pi -> runtimeService.deleteProcessInstanceIfExists(pi.getId(), "test done", true, true,
                true, true));
    }

    private String startTaskFor(String group) {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("teamTaskProbeProcess",
                Map.of("candidateGroup", group));
        started.add(pi);
        return pi.getId();
    }

    @Test
    void engineRestNeedsCredentialsButTheEngineListStaysOpen() {
        assertThat(http.get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/engine-rest/process-definition", "nobody-here:guess").statusCode()).isEqualTo(401);
        assertThat(http.get("/engine-rest/process-definition", "demo").statusCode()).isEqualTo(200);
        assertThat(http.get("/engine-rest/engine", null).statusCode()).isEqualTo(200);
    }

    @Test
    void apiNeedsCredentialsAndHealthIsOpen() {
        HttpResponse<String> anonymous = http.get("/api/stores", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> v.startsWith("Basic"));
        assertThat(http.get("/api/stores", "nobody-here:guess").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/stores", "lena").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
        // the actuator wants a login before it says what it has, and even then shows no more than it exposes
        assertThat(http.get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/env", "mia").statusCode()).isEqualTo(404);
    }

    @Test
    void anAgentSeesOnlyTheTasksOfTheirOwnLanguageTeam() {
        String german = startTaskFor(Groups.agents("de"));
        String french = startTaskFor(Groups.agents("fr"));

        JsonNode lenasTasks = Http.json(http.get("/engine-rest/task?processDefinitionKey=teamTaskProbeProcess",
                "lena"));
        JsonNode chloesTasks = Http.json(http.get("/engine-rest/task?processDefinitionKey=teamTaskProbeProcess",
                "chloe"));

        assertThat(lenasTasks.findValuesAsText("processInstanceId")).containsExactly(german);
        assertThat(chloesTasks.findValuesAsText("processInstanceId")).containsExactly(french);
        String frenchTaskId = chloesTasks.get(0).get("id").asText();
        // not even its existence shows: the engine answers as if there were no such task
        assertThat(http.get("/engine-rest/task/" + frenchTaskId, "lena").statusCode()).isEqualTo(404);
        assertThat(http.post("/engine-rest/task/" + frenchTaskId + "/claim", "lena", "application/json",
                "{\"userId\": \"lena\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void eachTeamGetsAFilterOnlyItCanSeeWhichListsItsTasks() {
        String german = startTaskFor(Groups.agents("de"));
        String french = startTaskFor(Groups.agents("fr"));

        JsonNode lenasFilters = Http.json(http.get("/engine-rest/filter", "lena"));
        assertThat(lenasFilters.findValuesAsText("name")).containsExactlyInAnyOrder("My tasks", "Agents German tasks");
        String germanFilter = filterId(lenasFilters, "Agents German tasks");

        JsonNode listed = Http.json(http.get("/engine-rest/filter/" + germanFilter + "/list", "lena"));
        assertThat(listed.findValuesAsText("processInstanceId")).contains(german).doesNotContain(french);
        assertThat(http.get("/engine-rest/filter/" + germanFilter + "/list", "chloe").statusCode()).isEqualTo(403);

        JsonNode managersFilters = Http.json(http.get("/engine-rest/filter", "leo"));
        assertThat(managersFilters.findValuesAsText("name")).contains("Team leads tasks")
                .doesNotContain("Agents German tasks");
    }

    @Test
    void teamLeadsSeeEveryTeamsTasksTheMostUrgentFirst() {
        String german = startTaskFor(Groups.agents("de"));
        String french = startTaskFor(Groups.agents("fr"));
        ProcessInstance urgent = runtimeService.startProcessInstanceByKey("teamTaskProbeProcess",
                Map.of("candidateGroup", Groups.agents("ja")));
        started.add(urgent);
        org.camunda.bpm.engine.task.Task urgentTask = taskService.createTaskQuery()
                .processInstanceId(urgent.getId()).singleResult();
        taskService.setPriority(urgentTask.getId(), 99);

        JsonNode leosFilters = Http.json(http.get("/engine-rest/filter", "leo"));
        String allTeams = filterId(leosFilters, TaskFilterBootstrap.ALL_TEAMS);
        JsonNode listed = Http.json(http.get("/engine-rest/filter/" + allTeams + "/list?maxResults=1000", "leo"));
        assertThat(listed.findValuesAsText("processInstanceId")).contains(german, french, urgent.getId());
        List<Integer> priorities = new ArrayList<>();
        listed.forEach(task -> priorities.add(task.get("priority").asInt()));
        assertThat(priorities).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(listed.get(0).get("priority").asInt()).isGreaterThanOrEqualTo(99);
        // an agent neither has the filter nor may list it
        assertThat(Http.json(http.get("/engine-rest/filter", "lena")).findValuesAsText("name"))
                .doesNotContain(TaskFilterBootstrap.ALL_TEAMS);
        assertThat(http.get("/engine-rest/filter/" + allTeams + "/list", "lena").statusCode()).isEqualTo(403);
    }

    @Test
    void filtersAndGrantsAreNotDuplicatedByAnotherStart(@Autowired IdentityBootstrap identity,
            @Autowired TaskFilterBootstrap filters) throws Exception {
        long filterCount = filterService.createFilterQuery().count();

        identity.run(null);
        filters.run(null);

        assertThat(filterService.createFilterQuery().count()).isEqualTo(filterCount);
        assertThat(filterService.createFilterQuery().filterName("Agents German tasks").count()).isEqualTo(1);
    }

    @Test
    void demoLogsIntoCockpitAndAnAgentDoesNot() {
        assertThat(http.get("/camunda/app/cockpit/default/", null).statusCode()).isEqualTo(200);

        HttpResponse<String> demo = http.postAsBrowser("/camunda/api/admin/auth/user/default/login/cockpit",
                "application/x-www-form-urlencoded", "username=demo&password=demo");
        assertThat(demo.statusCode()).as(demo.body()).isEqualTo(200);
        List<String> apps = new ArrayList<>();
        Http.json(demo).get("authorizedApps").forEach(app -> apps.add(app.asText()));
        assertThat(apps).contains("cockpit", "tasklist", "admin");

        Http agentBrowser = new Http(port);
        agentBrowser.get("/camunda/app/cockpit/default/", null);
        HttpResponse<String> agent = agentBrowser.postAsBrowser("/camunda/api/admin/auth/user/default/login/cockpit",
                "application/x-www-form-urlencoded", "username=lena&password=lena");
        assertThat(agent.statusCode()).isEqualTo(403);
    }

    @Test
    void tasklistAnswers() {
        HttpResponse<String> root = http.get("/camunda/app/tasklist/", null);
        assertThat(root.statusCode()).isIn(200, 302);
        HttpResponse<String> page = http.get("/camunda/app/tasklist/default/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tasklist");
    }

    @Test
    void theFirstAdminSetupCannotBeUsedOnceTheAppRuns() {
        http.get("/camunda/app/admin/default/setup/", null);

        HttpResponse<String> setup = http.postAsBrowser("/camunda/api/admin/setup/default/user/create",
                "application/json", """
                        {"profile": {"id": "intruder", "firstName": "In", "lastName": "Truder",
                                     "email": "intruder@example.com"},
                         "credentials": {"password": "intruder-password-123"}}""");

        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(setup.body()).contains("Setup action not available");
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    private static String filterId(JsonNode filters, String name) {
        for (JsonNode filter : filters) {
            if (filter.get("name").asText().equals(name)) {
                return filter.get("id").asText();
            }
        }
        throw new AssertionError("no filter " + name + " in " + filters);
    }
}
