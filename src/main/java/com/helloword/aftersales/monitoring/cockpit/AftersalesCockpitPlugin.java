package com.helloword.aftersales.monitoring.cockpit;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin "aftersales": the manager's After-sales view (charts of open cases, SLA attainment, teams,
 * SKUs, disputes, recalls, incidents and the weekly complaint heat map) with drill-down lists. Cockpit finds it
 * through {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}, serves its
 * {@code plugin-webapp/aftersales/app/plugin.js} and {@code plugin.css}, and mounts {@link AftersalesPluginRootResource}
 * under {@code /camunda/api/cockpit/plugin/aftersales/}. Camunda keeps the plugin base class in an {@code spi.impl}
 * package: this class is the one the architecture test lets extend it (docs/cockpit.md).
 */
public class AftersalesCockpitPlugin extends AbstractCockpitPlugin {

    /** The plugin id: the folder of its assets and the path segment of its REST resource. */
    public static final String ID = "aftersales";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(AftersalesPluginRootResource.class);
    }
}
