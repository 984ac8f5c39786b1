package com.helloword.aftersales.monitoring.cockpit;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.workflow.CurrentUser;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code {engine}/metrics}: the same JSON as {@code GET /api/metrics} (docs/metrics.md), for the Cockpit session of
 * a manager, team lead or admin; anyone else logged in to the webapps gets 403. Who is asking is the engine's
 * current authentication, which the webapps' filter sets from the session for each request.
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
        return refusal().orElseGet(() -> json(null));
    }

    /** 403 with a reason unless the session's user is in one of {@link #READERS}. */
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
                .entity(write(java.util.Map.of("status", status.getStatusCode(), "message", message))).build();
    }

    /** Written by the application's own Jackson mapper, so the JSON is the one {@code /api/metrics} answers. */
    private Response json(Object body) {
        return Response.ok(write(body), MediaType.APPLICATION_JSON).build();
    }

    private String write(Object body) {
        try {
            return spring.getBean(ObjectMapper.class).writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metrics not writable as JSON", e);
        }
    }
}
