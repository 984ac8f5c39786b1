package com.helloword.aftersales.monitoring.cockpit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.monitoring.MetricsCaseFilter;
import com.helloword.aftersales.monitoring.MetricsQueries;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.web.RejectedRequest;
import com.helloword.aftersales.workflow.CurrentUser;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code {engine}/metrics} and {@code {engine}/metrics/cases}: the JSON of {@code GET /api/metrics} and of its
 * drill-down (docs/metrics.md), for the Cockpit session of a manager, team lead or admin; anyone else logged in to
 * the webapps gets 403 with the reason. Who is asking is the engine's current authentication, which the webapps'
 * filter sets from the session for each request. Jersey makes this object: the Spring beans come from the servlet
 * context.
 */
public class MetricsPluginResource extends AbstractCockpitPluginResource {

    /** Who may read the figures: the same groups as {@code /api/metrics}. */
    static final List<String> READERS = List.of(Groups.MANAGERS, Groups.TEAM_LEADS, Groups.CAMUNDA_ADMIN);

    private final WebApplicationContext spring;

    MetricsPluginResource(String engineName, ServletContext servletContext) {
        super(engineName);
        this.spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response overview() {
        return answer(() -> spring.getBean(MetricsQueries.class).overview());
    }

    /** The cases behind a figure, newest first, at most 200; an unknown value is 400 naming its parameter. */
    @GET
    @Path("cases")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cases(@QueryParam("severity") String severity, @QueryParam("storeId") String storeId,
            @QueryParam("team") String team, @QueryParam("state") String state, @QueryParam("sku") String sku,
            @QueryParam("category") String category, @QueryParam("week") String week) {
        return answer(() -> spring.getBean(MetricsQueries.class)
                .cases(MetricsCaseFilter.parse(severity, storeId, team, state, sku, category, week)));
    }

    private Response answer(Supplier<Object> figures) {
        Optional<Response> refused = refusal();
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return Response.ok(write(figures.get()), MediaType.APPLICATION_JSON).build();
        } catch (RejectedRequest rejected) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("title", "Bad Request");
            problem.put("status", rejected.status().value());
            problem.put("detail", rejected.getMessage());
            problem.put("problems", rejected.problems());
            return Response.status(rejected.status().value()).type(MediaType.APPLICATION_JSON).entity(write(problem))
                    .build();
        }
    }

    /** 401 without a login, 403 with a reason unless the session's user is in one of {@link #READERS}. */
    private Optional<Response> refusal() {
        CurrentUser current = spring.getBean(CurrentUser.class);
        Optional<String> user = current.completing(null);
        if (user.isEmpty()) {
            return Optional.of(status(Response.Status.UNAUTHORIZED, "Not logged in"));
        }
        List<String> groups = current.groups(user.get());
        if (READERS.stream().noneMatch(groups::contains)) {
            return Optional.of(status(Response.Status.FORBIDDEN,
                    "User " + user.get() + " needs to be in one of " + String.join(", ", READERS) + "."));
        }
        return Optional.empty();
    }

    private Response status(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(write(Map.of("status", status.getStatusCode(), "detail", message))).build();
    }

    /** Written by the application's own Jackson mapper, so the JSON is the one {@code /api/metrics} answers. */
    private String write(Object body) {
        try {
            return spring.getBean(ObjectMapper.class).writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metrics not writable as JSON", e);
        }
    }
}
