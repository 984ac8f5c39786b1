package com.helloword.aftersales.monitoring.cockpit;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * The plugin's REST root, {@code /camunda/api/cockpit/plugin/aftersales/}: Cockpit serves the plugin's assets
 * here ({@code static/app/plugin.js}), and {@code {engine}/metrics} answers the figures of the After-sales view.
 * Jersey, not Spring, makes this object; the Spring beans are reached through the servlet context.
 */
@Path("plugin/" + AftersalesCockpitPlugin.ID)
public class AftersalesPluginRootResource extends AbstractCockpitPluginRootResource {

    public AftersalesPluginRootResource() {
        super(AftersalesCockpitPlugin.ID);
    }

    @Path("{engine}/metrics")
    public MetricsPluginResource metrics(@PathParam("engine") String engineName) {
        return subResource(new MetricsPluginResource(engineName, servletContext), engineName);
    }
}
