package com.helloword.aftersales.incident;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code carrierRouteHealthProcess} ({@code ${carrierRouteHealth.<step>(execution)}}): which routes
 * (carrier x destination country) to check, each route's complaint rate over {@code aftersales.incidents.routes
 * .window} (cases of the complaint categories about the route's orders / orders shipped on the route), the
 * carrierRouteHealth table's answer, the switch task raised for logistics (one open per route) and the switch
 * recorded when logistics is done. The variables of one route live in its multi-instance execution.
 */
@Component("carrierRouteHealth")
public class CarrierRouteHealth {

    public static final String PROCESS_KEY = "carrierRouteHealthProcess";
    /** Starts a check of the routes named in {@code routes} ("DHL:FR"; without, every route shipped on lately). */
    public static final String MESSAGE_CHECK = "aftersales.carrierRouteHealthCheckRequested";
    static final String VAR_ROUTES = "routes";
    static final String VAR_ROUTE = "route";
    static final String VAR_SHIPMENTS = "shipments";
    static final String VAR_COMPLAINTS = "complaints";
    static final String VAR_RATE = "complaintRatePercent";
    static final String VAR_SWITCH_OPEN = "switchOpen";
    static final String VAR_HEALTH = "routeHealth";
    static final String VAR_ALERT = "alert";
    static final String VAR_SWITCH_ID = "switchId";
    static final String VAR_CARRIER = "carrier";
    static final String VAR_BACKUP_CARRIER = "backupCarrier";
    static final String VAR_SWITCHED_BY = "switchedBy";
    static final String VAR_SWITCH_NOTE = "switchNote";

    private final CarrierRouteSwitchRepository switches;
    private final CarrierRouteCounts counts;
    private final CarrierRouteSettings settings;
    private final Clock clock;

    CarrierRouteHealth(CarrierRouteSwitchRepository switches, CarrierRouteCounts counts,
            CarrierRouteSettings settings, Clock clock) {
        this.switches = switches;
        this.counts = counts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every route shipped on in the window, unless the start named the routes ({@code routes}). */
    @Transactional(readOnly = true)
    public void routesToCheck(DelegateExecution execution) {
        if (execution.getVariable(VAR_ROUTES) instanceof List<?> named && !named.isEmpty()) {
            return;
        }
        execution.setVariable(VAR_ROUTES, counts.shippedRoutes(clock.instant().minus(settings.window())));
    }

    /** The route's shipments and complaints over the window, and whether its switch task is open already. */
    @Transactional(readOnly = true)
    public void measure(DelegateExecution execution) {
        CarrierRouteCounts.Measured m = counts.measure(String.valueOf(execution.getVariable(VAR_ROUTE)),
                clock.instant().minus(settings.window()));
        execution.setVariableLocal(VAR_ROUTE, m.route());
        execution.setVariableLocal(VAR_CARRIER, m.carrier());
        execution.setVariableLocal(VAR_SHIPMENTS, m.shipments());
        execution.setVariableLocal(VAR_COMPLAINTS, m.complaints());
        execution.setVariableLocal(VAR_RATE, m.ratePercent().doubleValue());
        execution.setVariableLocal(VAR_SWITCH_OPEN, m.switchOpen());
        execution.setVariableLocal(VAR_HEALTH, null);
        execution.setVariableLocal(VAR_ALERT, false);
        execution.setVariableLocal(VAR_SWITCH_ID, null);
        execution.setVariableLocal(VAR_BACKUP_CARRIER, settings.backupCarrier(m.route()));
        execution.setVariableLocal(VAR_SWITCHED_BY, null);
        execution.setVariableLocal(VAR_SWITCH_NOTE, null);
    }

    /** The carrierRouteHealth table answered: {@code alert}. */
    public void healthAnswered(DelegateExecution execution) {
        Object health = execution.getVariable(VAR_HEALTH);
        Object alert = health instanceof Map<?, ?> row ? row.get("alert") : null;
        if (!(alert instanceof Boolean)) {
            throw new IllegalStateException("Decision table carrierRouteHealth gave no alert for route "
                    + execution.getVariable(VAR_ROUTE));
        }
        execution.setVariable(VAR_ALERT, alert);
    }

    /** Records the sick route (one open switch per route), for the task logistics gets next. */
    @Transactional
    public void raiseSwitch(DelegateExecution execution) {
        String route = String.valueOf(execution.getVariable(VAR_ROUTE));
        CarrierRouteSwitch raised = switches.saveAndFlush(new CarrierRouteSwitch(route,
                String.valueOf(execution.getVariable(VAR_CARRIER)), route.substring(route.lastIndexOf(':') + 1),
                ((Number) execution.getVariable(VAR_SHIPMENTS)).intValue(),
                ((Number) execution.getVariable(VAR_COMPLAINTS)).intValue(),
                BigDecimal.valueOf(((Number) execution.getVariable(VAR_RATE)).doubleValue()),
                (String) execution.getVariable(VAR_BACKUP_CARRIER), execution.getProcessInstanceId(),
                clock.instant()));
        execution.setVariable(VAR_SWITCH_ID, raised.getId());
    }

    /** Logistics switched the route's new shipments: who, when, to which carrier. */
    @Transactional
    public void recordSwitch(DelegateExecution execution) {
        CarrierRouteSwitch raised = switches.findById(((Number) execution.getVariable(VAR_SWITCH_ID)).longValue())
                .orElseThrow();
        Object note = execution.getVariable(VAR_SWITCH_NOTE);
        raised.switched(String.valueOf(execution.getVariable(VAR_BACKUP_CARRIER)).strip(),
                String.valueOf(execution.getVariable(VAR_SWITCHED_BY)), note == null ? null : note.toString(),
                clock.instant());
    }
}
