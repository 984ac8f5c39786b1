package com.helloword.aftersales.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist shows no task until a filter exists. Every team that works tasks gets its own filter
 * (its candidate-group tasks, assigned or not, the most urgent first), readable by that team only;
 * everyone gets "My tasks"; team leads, who oversee every team (and read every task), get "All teams,
 * most urgent first". Tasklist lists the filters by their {@code priority} property, lowest first, and
 * opens the first: team leads land on "All teams", an agent on the team's filter, "My tasks" comes after.
 * Created or corrected at every start, found again by name.
 */
@Component
@Order(20)
class TaskFilterBootstrap implements ApplicationRunner {

    static final String MY_TASKS = "My tasks";
    /** Team leads oversee every team: all open tasks, the most urgent first. */
    static final String ALL_TEAMS = "All teams, most urgent first";
    /** The filters' {@code priority} property: Tasklist lists them lowest first and opens the first it lists. */
    static final int ALL_TEAMS_PRIORITY = -100;
    static final int FIRST_TEAM_PRIORITY = -50;
    static final int MY_TASKS_PRIORITY = 0;

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final String owner;

    TaskFilterBootstrap(FilterService filterService, TaskService taskService,
            AuthorizationService authorizationService, @Value("${camunda.bpm.admin-user.id}") String owner) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.owner = owner;
    }

    static String teamFilterName(Groups.GroupSpec group) {
        return group.name() + " tasks";
    }

    @Override
    public void run(ApplicationArguments args) {
        Filter mine = ensureFilter(MY_TASKS, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                "Tasks assigned to me", MY_TASKS_PRIORITY);
        ensureReadable(mine, null);
        Filter allTeams = ensureFilter(ALL_TEAMS, mostUrgentFirst(taskService.createTaskQuery()),
                "Every team's open tasks, highest priority and earliest due first", ALL_TEAMS_PRIORITY);
        ensureReadable(allTeams, Groups.TEAM_LEADS);
        int priority = FIRST_TEAM_PRIORITY;
        for (Groups.GroupSpec group : Groups.all()) {
            if (!group.worksTasks()) {
                continue;
            }
            TaskQuery query = mostUrgentFirst(
                    taskService.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks());
            Filter filter = ensureFilter(teamFilterName(group), query,
                    "Open tasks of " + group.name() + ", highest priority and earliest due first", priority++);
            ensureReadable(filter, group.id());
        }
    }

    /** The task's priority (severityGrading's taskPriority: RED highest) first, then the earliest due date. */
    private static TaskQuery mostUrgentFirst(TaskQuery query) {
        return query.orderByTaskPriority().desc().orderByDueDate().asc();
    }

    private Filter ensureFilter(String name, TaskQuery query, String description, int priority) {
        try {
            return saveFilter(name, query, description, priority);
        } catch (ProcessEngineException raced) { // another node starting at the same moment saved it first
            return filterService.createFilterQuery().filterName(name).list().stream().findFirst()
                    .orElseThrow(() -> raced);
        }
    }

    private Filter saveFilter(String name, TaskQuery query, String description, int priority) {
        Filter filter = filterService.createFilterQuery().filterName(name).list().stream().findFirst()
                .orElseGet(() -> filterService.newTaskFilter(name));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        filter.setOwner(owner);
        filter.setQuery(query);
        filter.setProperties(properties);
        return filterService.saveFilter(filter);
    }

    /** Grants READ on the filter to the group, or to every user when the group is null. */
    private void ensureReadable(Filter filter, String groupId) {
        var query = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filter.getId());
        query = groupId == null ? query.userIdIn(Authorization.ANY) : query.groupIdIn(groupId);
        if (query.count() > 0) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(
                groupId == null ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
        if (groupId != null) {
            authorization.setGroupId(groupId);
        }
        authorization.setResource(Resources.FILTER);
        authorization.setResourceId(filter.getId());
        authorization.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(authorization);
    }
}
