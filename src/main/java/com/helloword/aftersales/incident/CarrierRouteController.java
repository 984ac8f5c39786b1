package com.helloword.aftersales.incident;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;

/**
 * {@code GET /api/incidents/routes}: each carrier route shipped on in the window with its shipments, complaints and
 * complaint rate (the numbers carrierRouteHealthProcess gives its table), its backup carrier and open switch task,
 * and the latest switches; for logistics, team leads and managers.
 */
@RestController
class CarrierRouteController {

    record RouteView(String route, int shipments, int complaints, BigDecimal complaintRatePercent,
            String backupCarrier, boolean switchOpen) {
    }

    record SwitchView(String route, String fromCarrier, String toCarrier, int shipments, int complaints,
            BigDecimal complaintRatePercent, Instant raisedAt, Instant switchedAt, String switchedBy, String note,
            boolean open) {
    }

    record RoutesView(Instant since, List<RouteView> routes, List<SwitchView> switches) {
    }

    private final RouteReads reads;
    private final ApiAccess access;

    CarrierRouteController(RouteReads reads, ApiAccess access) {
        this.reads = reads;
        this.access = access;
    }

    @GetMapping("/api/incidents/routes")
    RoutesView routes() {
        access.requireAnyGroup(Groups.LOGISTICS, Groups.TEAM_LEADS, Groups.MANAGERS, Groups.CAMUNDA_ADMIN);
        return reads.routes();
    }

    /** The read side, in one read transaction. */
    @Service
    static class RouteReads {

        private final CarrierRouteCounts counts;
        private final CarrierRouteSwitchRepository switches;
        private final CarrierRouteSettings settings;
        private final Clock clock;

        RouteReads(CarrierRouteCounts counts, CarrierRouteSwitchRepository switches, CarrierRouteSettings settings,
                Clock clock) {
            this.counts = counts;
            this.switches = switches;
            this.settings = settings;
            this.clock = clock;
        }

        @Transactional(readOnly = true)
        public RoutesView routes() {
            Instant since = clock.instant().minus(settings.window());
            List<RouteView> routes = counts.shippedRoutes(since).stream().map(route -> counts.measure(route, since))
                    .map(m -> new RouteView(m.route(), m.shipments(), m.complaints(), m.ratePercent(),
                            settings.backupCarrier(m.route()), m.switchOpen()))
                    .toList();
            List<SwitchView> recent = switches.findTop100ByOrderByIdDesc().stream()
                    .map(s -> new SwitchView(s.getRoute(), s.getFromCarrier(), s.getToCarrier(), s.getShipments(),
                            s.getComplaints(), s.getComplaintRate(), s.getRaisedAt(), s.getSwitchedAt(),
                            s.getSwitchedBy(), s.getNote(), s.isOpen()))
                    .toList();
            return new RoutesView(since, routes, recent);
        }
    }
}
