package com.helloword.aftersales.incident;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import com.helloword.aftersales.casework.api.CaseRecords;

/**
 * A carrier route's numbers over a window, the same for carrierRouteHealthProcess and {@code GET
 * /api/incidents/routes}: orders shipped with the carrier to the country, cases of
 * {@code aftersales.incidents.routes.complaint-categories} about them (case work's count), the rate in percent.
 */
@Component
class CarrierRouteCounts {

    /** One route measured. */
    record Measured(String route, String carrier, String destinationCountry, int shipments, int complaints,
            BigDecimal ratePercent, boolean switchOpen) {
    }

    private final CarrierRouteSwitchRepository switches;
    private final CaseRecords cases;
    private final CarrierRouteSettings settings;

    CarrierRouteCounts(CarrierRouteSwitchRepository switches, CaseRecords cases, CarrierRouteSettings settings) {
        this.switches = switches;
        this.cases = cases;
        this.settings = settings;
    }

    /** The routes ({@code CARRIER:COUNTRY}) shipped on since a moment, in order. */
    List<String> shippedRoutes(Instant since) {
        TreeSet<String> routes = new TreeSet<>();
        for (Object[] row : switches.shippedRoutes(since)) {
            if (row[0] != null && row[1] != null && !row[0].toString().isBlank() && !row[1].toString().isBlank()) {
                routes.add(CarrierRouteSettings.route(row[0].toString(), row[1].toString()));
            }
        }
        return new ArrayList<>(routes);
    }

    /** The route's shipments and complaints since a moment, and whether its switch task is open. */
    Measured measure(String route, Instant since) {
        String key = route.strip().toUpperCase(Locale.ROOT);
        int colon = key.lastIndexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("A route is CARRIER:COUNTRY, not " + route);
        }
        String carrier = key.substring(0, colon);
        String country = key.substring(colon + 1);
        long shipped = switches.countShipments(carrier, country, since);
        long complained = cases.routeComplaints(carrier, country, since, settings.complaintCategories());
        BigDecimal rate = shipped == 0 ? BigDecimal.ZERO.setScale(3)
                : BigDecimal.valueOf(complained * 100.0 / shipped).setScale(3, RoundingMode.HALF_UP);
        return new Measured(key, carrier, country, (int) shipped, (int) complained, rate,
                switches.findByOpenRoute(key).isPresent());
    }
}
