package com.helloword.aftersales.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;

/**
 * A 17TRACK v2.2 endpoint for the demo: {@code register} accepts every number, {@code gettrackinfo}
 * tells a parcel's journey from the case file's shipped and delivered times, in 17TRACK's envelope.
 */
@RestController
@ConditionalOnProperty(name = SandboxEnvironment.ENABLED, havingValue = "true")
class SeventeenTrackSandbox {

    private final SalesOrderRepository orders;
    private final Environment environment;

    SeventeenTrackSandbox(SalesOrderRepository orders, Environment environment) {
        this.orders = orders;
        this.environment = environment;
    }

    private boolean authorized(String token) {
        return token != null && token.equals(environment.getProperty("aftersales.credentials.17track.api-key"));
    }

    private static Map<String, Object> invalidKey() {
        return Map.of("code", -18010002, "data", Map.of("errors",
                List.of(Map.of("code", -18010002, "message", "Invalid security key."))));
    }

    @PostMapping("/sandbox/17track/track/v2.2/register")
    ResponseEntity<Map<String, Object>> register(@RequestHeader(name = "17token", required = false) String token,
            @RequestBody JsonNode numbers) {
        if (!authorized(token)) {
            return ResponseEntity.ok(invalidKey());
        }
        List<Map<String, Object>> accepted = new ArrayList<>();
        numbers.forEach(n -> accepted.add(Map.of("origin", 1, "number", n.path("number").asText(), "carrier", 0)));
        return ResponseEntity.ok(Map.of("code", 0, "data", Map.of("accepted", accepted, "rejected", List.of())));
    }

    @PostMapping("/sandbox/17track/track/v2.2/gettrackinfo")
    @Transactional(readOnly = true)
    ResponseEntity<Map<String, Object>> trackInfo(@RequestHeader(name = "17token", required = false) String token,
            @RequestBody JsonNode numbers) {
        if (!authorized(token)) {
            return ResponseEntity.ok(invalidKey());
        }
        List<Map<String, Object>> accepted = new ArrayList<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (JsonNode n : numbers) {
            String number = n.path("number").asText();
            List<SalesOrder> shipped = orders.findByTrackingNumber(number);
            if (shipped.isEmpty() || shipped.get(0).getShippedAt() == null) {
                rejected.add(Map.of("number", number, "error", Map.of("code", -18019902,
                        "message", "The tracking number '" + number + "' does not register, please register first.")));
            } else {
                accepted.add(item(number, shipped.get(0)));
            }
        }
        return ResponseEntity.ok(Map.of("code", 0, "data", Map.of("accepted", accepted, "rejected", rejected)));
    }

    private static Map<String, Object> item(String number, SalesOrder order) {
        List<Map<String, Object>> events = new ArrayList<>();
        Instant shipped = order.getShippedAt();
        String destination = order.getDestinationCountry();
        if (order.getDeliveredAt() != null) {
            events.add(event(order.getDeliveredAt(), "Delivered, signed by "
                    + (order.getBuyer().getName() == null ? "RECIPIENT" : order.getBuyer().getName().split(" ")[0]
                    .toUpperCase()), destination, "Delivered"));
        }
        events.add(event(shipped.plus(Duration.ofHours(30)), "Arrived at destination hub", destination, "Arrival"));
        events.add(event(shipped.plus(Duration.ofHours(6)), "Departed from origin facility", "CN", "Departure"));
        events.add(event(shipped, "Picked up by " + order.getCarrier(), "CN", "PickedUp"));
        boolean delivered = order.getDeliveredAt() != null;
        Map<String, Object> latest = events.get(0);
        Map<String, Object> trackInfo = new LinkedHashMap<>();
        trackInfo.put("latest_status", Map.of("status", delivered ? "Delivered" : "InTransit",
                "sub_status", delivered ? "Delivered_Other" : "InTransit_Arrival"));
        trackInfo.put("latest_event", latest);
        trackInfo.put("tracking", Map.of("providers", List.of(Map.of("provider",
                Map.of("key", 0, "name", order.getCarrier() == null ? "Carrier" : order.getCarrier()),
                "events", events))));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("number", number);
        item.put("carrier", 0);
        item.put("tag", order.getPlatformOrderId());
        item.put("track_info", trackInfo);
        return item;
    }

    private static Map<String, Object> event(Instant at, String description, String country, String stage) {
        return Map.of("time_utc", at.toString(), "time_iso", at.toString(), "description", description,
                "location", country, "stage", stage);
    }
}
