package com.helloword.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.GradedCases;
import com.helloword.aftersales.support.GradedCases.Graded;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * Issue 15: what Tasklist opens for whom and in which order it lists the tasks. Tasklist shows the filters
 * by their {@code priority} property (lowest first) and opens the first; it asks a filter's list with its own
 * sorting (created, newest first), which the engine applies after the filter's own.
 */
@IntegrationTest
class TasklistFiltersTest {

    /** The body Tasklist posts when it lists a filter's tasks (its default sorting). */
    private static final String TASKLIST_LIST = """
            {"sorting": [{"sortBy": "created", "sortOrder": "desc"}], "maxResults": 1000}""";

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService orders;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskFilterBootstrap bootstrap;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void anAgentLandsOnTheTeamsFilterATeamLeadOnAllTeams() {
        Http http = new Http(port);
        assertThat(firstFilter(http, "lena")).isEqualTo("Agents German tasks");
        assertThat(firstFilter(http, "chloe")).isEqualTo("Agents French tasks");
        assertThat(firstFilter(http, "leo")).isEqualTo(TaskFilterBootstrap.ALL_TEAMS);
        assertThat(names(Http.json(http.get("/engine-rest/filter", "lena")))).contains(TaskFilterBootstrap.MY_TASKS);
    }

    @Test
    void aFilterRowFromBeforeIsCorrectedAtStart() {
        Filter german = filterService.createFilterQuery().filterName("Agents German tasks").singleResult();
        german.setProperties(Map.of("priority", 7, "description", "an older start's row"));
        german.setQuery(taskService.createTaskQuery().taskCandidateGroup(Groups.agents("de")));
        filterService.saveFilter(german);

        bootstrap.run(new DefaultApplicationArguments());

        Filter corrected = filterService.getFilter(german.getId());
        assertThat(((Number) corrected.getProperties().get("priority")).intValue())
                .isEqualTo(TaskFilterBootstrap.FIRST_TEAM_PRIORITY + teamIndex(Groups.agents("de")))
                .isLessThan(TaskFilterBootstrap.MY_TASKS_PRIORITY)
                .isGreaterThan(TaskFilterBootstrap.ALL_TEAMS_PRIORITY);
        assertThat(filterService.createFilterQuery().filterName("Agents German tasks").count()).isEqualTo(1);
    }

    @Test
    void theTeamsFilterListsTheRedCaseFirstNamedByItsGrade() {
        Http http = new Http(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // far before every other test's cases: the earliest due dates of their priority
        Instant monday = Instant.parse("2021-01-04T08:00:00Z");
        clock.set(monday);
        GradedCases german = new GradedCases(http, stores, orders, runtimeService, managementService, run, "DE", "de",
                "Europe/Berlin");
        Graded blue = german.open("Frage", "Hallo, kann ich die Tasse auch in die Mikrowelle stellen?", monday);
        Graded yellow = german.open("Tasse kaputt", "Hallo, die Tasse ist zerbrochen angekommen.", monday);
        Graded red = german.open("Gefahr", "Der Henkel wurde heiss, es gab Funken und mein Sohn hat sich verletzt.",
                monday);
        assertThat(List.of(red.severity(), yellow.severity(), blue.severity())).containsExactly("RED", "YELLOW", "BLUE");
        assertThat(List.of(red.team(), yellow.team(), blue.team())).containsOnly("agents-de");

        // the severityGrading table's taskPriority: RED above YELLOW above BLUE
        Task redTask = answerTask(red);
        Task yellowTask = answerTask(yellow);
        Task blueTask = answerTask(blue);
        assertThat(redTask.getPriority()).isGreaterThan(yellowTask.getPriority());
        assertThat(yellowTask.getPriority()).isGreaterThan(blueTask.getPriority());

        // the name says severity, category and the buyer's language before the diagram's name
        assertThat(redTask.getName()).isEqualTo("RED · safety hazard · DE — Answer buyer");
        assertThat(yellowTask.getName()).isEqualTo("YELLOW · damaged · DE — Answer buyer");
        assertThat(blueTask.getName()).startsWith("BLUE · ").endsWith(" · DE — Answer buyer");

        // lena's team filter as Tasklist asks it: the RED case first, then the YELLOW, then the BLUE one
        String filterId = filterId(Http.json(http.get("/engine-rest/filter", "lena")), "Agents German tasks");
        JsonNode listed = Http.json(http.post("/engine-rest/filter/" + filterId + "/list", "lena", "application/json",
                TASKLIST_LIST));
        List<String> ids = listed.findValuesAsText("id");
        assertThat(ids.get(0)).isEqualTo(redTask.getId());
        assertThat(ids.indexOf(yellowTask.getId())).isGreaterThan(0).isLessThan(ids.indexOf(blueTask.getId()));
        List<Integer> priorities = new ArrayList<>();
        listed.forEach(task -> priorities.add(task.get("priority").asInt()));
        assertThat(priorities).isSortedAccordingTo(Comparator.reverseOrder());

        // chloe, a French agent, sees none of it
        String french = filterId(Http.json(http.get("/engine-rest/filter", "chloe")), "Agents French tasks");
        assertThat(Http.json(http.post("/engine-rest/filter/" + french + "/list", "chloe", "application/json",
                TASKLIST_LIST)).findValuesAsText("id")).doesNotContain(redTask.getId(), yellowTask.getId());
        assertThat(http.post("/engine-rest/filter/" + filterId + "/list", "chloe", "application/json", TASKLIST_LIST)
                .statusCode()).isEqualTo(403);
    }

    private Task answerTask(Graded graded) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(graded.businessKey())
                .taskDefinitionKey("userTask_answerBuyer").singleResult();
        assertThat(task).as("Answer buyer task of " + graded).isNotNull();
        return task;
    }

    /** The filter Tasklist opens for the user: the lowest priority of the filters the user may read. */
    private static String firstFilter(Http http, String user) {
        JsonNode filters = Http.json(http.get("/engine-rest/filter?resourceType=Task", user));
        JsonNode first = null;
        for (JsonNode filter : filters) {
            if (first == null || filter.path("properties").path("priority").asInt() < first.path("properties")
                    .path("priority").asInt()) {
                first = filter;
            }
        }
        assertThat(first).as(user + "'s filters").isNotNull();
        return first.get("name").asText();
    }

    private static int teamIndex(String groupId) {
        int index = 0;
        for (Groups.GroupSpec group : Groups.all()) {
            if (group.id().equals(groupId)) {
                return index;
            }
            if (group.worksTasks()) {
                index++;
            }
        }
        throw new AssertionError("no group " + groupId);
    }

    private static List<String> names(JsonNode filters) {
        return filters.findValuesAsText("name");
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
