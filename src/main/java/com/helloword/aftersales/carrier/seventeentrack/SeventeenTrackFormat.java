package com.helloword.aftersales.carrier.seventeentrack;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.carrier.TrackingPort.TrackedEvent;
import com.helloword.aftersales.carrier.TrackingPort.TrackingSnapshot;
import com.helloword.aftersales.carrier.TrackingStatus;

/**
 * 17TRACK's {@code track_info} (API v2.2, the same in {@code gettrackinfo} and in webhook pushes)
 * turned into a {@link TrackingSnapshot}. 17TRACK has no proof-of-delivery field; the signer is
 * taken from the delivery scan's text when the carrier writes one ("signed by …").
 */
final class SeventeenTrackFormat {

    private static final Map<String, TrackingStatus> MAIN_STATUS = Map.of(
            "NotFound", TrackingStatus.NOT_FOUND, "InfoReceived", TrackingStatus.INFO_RECEIVED,
            "InTransit", TrackingStatus.IN_TRANSIT, "Expired", TrackingStatus.EXPIRED,
            "AvailableForPickup", TrackingStatus.AVAILABLE_FOR_PICKUP,
            "OutForDelivery", TrackingStatus.OUT_FOR_DELIVERY, "DeliveryFailure", TrackingStatus.DELIVERY_FAILURE,
            "Delivered", TrackingStatus.DELIVERED, "Exception", TrackingStatus.EXCEPTION);

    private static final Map<String, TrackingStatus> STAGE = Map.of(
            "InfoReceived", TrackingStatus.INFO_RECEIVED, "PickedUp", TrackingStatus.IN_TRANSIT,
            "Departure", TrackingStatus.IN_TRANSIT, "Arrival", TrackingStatus.IN_TRANSIT,
            "AvailableForPickup", TrackingStatus.AVAILABLE_FOR_PICKUP,
            "OutForDelivery", TrackingStatus.OUT_FOR_DELIVERY, "Delivered", TrackingStatus.DELIVERED,
            "Returning", TrackingStatus.EXCEPTION, "Returned", TrackingStatus.EXCEPTION);

    private static final Pattern SIGNER = Pattern.compile("(?i)signed\\s+(?:for\\s+)?by[:\\s]+([^,;()\\n]+)");

    private SeventeenTrackFormat() {
    }

    static TrackingSnapshot snapshot(JsonNode item) {
        String number = item.path("number").asText();
        JsonNode info = item.path("track_info");
        TrackingStatus status = MAIN_STATUS.getOrDefault(info.at("/latest_status/status").asText(""),
                TrackingStatus.UNKNOWN);
        String subStatus = textOrNull(info.at("/latest_status/sub_status"));
        JsonNode providers = info.at("/tracking/providers");
        String carrier = providers.path(0).at("/provider/name").asText(null);
        if (carrier == null && item.hasNonNull("carrier")) {
            carrier = "17track:" + item.path("carrier").asText();
        }
        List<TrackedEvent> events = new ArrayList<>();
        Instant latestTime = time(info.path("latest_event"));
        for (JsonNode provider : providers) {
            for (JsonNode event : provider.path("events")) {
                Instant at = time(event);
                if (at == null) {
                    continue;
                }
                TrackingStatus eventStatus = STAGE.get(event.path("stage").asText(""));
                if (eventStatus == null) {
                    eventStatus = at.equals(latestTime) ? status : TrackingStatus.IN_TRANSIT;
                }
                String description = textOrNull(event.path("description"));
                events.add(new TrackedEvent(at, eventStatus, at.equals(latestTime) ? subStatus : null, description,
                        textOrNull(event.path("location")),
                        eventStatus == TrackingStatus.DELIVERED ? signer(description) : null));
            }
        }
        return new TrackingSnapshot(number, carrier, status, subStatus, events);
    }

    private static Instant time(JsonNode event) {
        String utc = event.path("time_utc").asText(null);
        String iso = event.path("time_iso").asText(null);
        for (String candidate : new String[] {utc, iso}) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    return OffsetDateTime.parse(candidate).toInstant();
                } catch (DateTimeParseException ignored) {
                    // try the other field
                }
            }
        }
        return null;
    }

    static String signer(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = SIGNER.matcher(description);
        return m.find() ? m.group(1).strip().replaceAll("\\.$", "") : null;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
