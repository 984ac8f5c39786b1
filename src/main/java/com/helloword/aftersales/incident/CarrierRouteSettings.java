package com.helloword.aftersales.incident;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.incidents.routes}: the window carrierRouteHealthProcess measures a route (carrier x destination
 * country) over, the case categories that count as complaints about a route, and each route's backup carrier
 * ({@code "[DHL:FR]": COLISSIMO}). The threshold and the minimum of shipments are the carrierRouteHealth table's.
 */
@ConfigurationProperties("aftersales.incidents.routes")
public record CarrierRouteSettings(Duration window, List<String> complaintCategories,
        Map<String, String> backupCarriers) {

    public CarrierRouteSettings {
        Objects.requireNonNull(window, "aftersales.incidents.routes.window is not set");
        complaintCategories = List.copyOf(Objects.requireNonNull(complaintCategories,
                "aftersales.incidents.routes.complaint-categories is not set"));
        Map<String, String> upper = new HashMap<>();
        (backupCarriers == null ? Map.<String, String>of() : backupCarriers)
                .forEach((route, carrier) -> upper.put(route.strip().toUpperCase(Locale.ROOT), carrier.strip()));
        backupCarriers = Map.copyOf(upper);
    }

    /** The route's key: {@code CARRIER:COUNTRY}, upper case. */
    static String route(String carrier, String destinationCountry) {
        return carrier.strip().toUpperCase(Locale.ROOT) + ":" + destinationCountry.strip().toUpperCase(Locale.ROOT);
    }

    /** The backup carrier configured for the route, or null. */
    String backupCarrier(String route) {
        return backupCarriers.get(route.toUpperCase(Locale.ROOT));
    }
}
