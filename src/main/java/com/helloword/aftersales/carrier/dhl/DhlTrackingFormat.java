package com.helloword.aftersales.carrier.dhl;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.carrier.TrackingPort.TrackedEvent;
import com.helloword.aftersales.carrier.TrackingPort.TrackingSnapshot;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;

/**
 * A Shipment Tracking – Unified answer (API 1.5.x, schema {@code TrackingShipments}) turned into a
 * {@link TrackingSnapshot}. Only {@code shipments[0]} is read: DHL may list the same number under several
 * services, which the {@code service} hint of the request avoids.
 * <ul>
 * <li>{@code statusCode} has five values and no "out for delivery": {@code pre-transit} → INFO_RECEIVED,
 * {@code transit} → IN_TRANSIT, {@code delivered} → DELIVERED, {@code failure} → EXCEPTION, anything else →
 * UNKNOWN.</li>
 * <li>Timestamps come with an offset, with {@code Z}, or without either (the spec's own example). One without
 * is a local time at the scan: German time for the German services ({@code parcel-de}, {@code post-de}),
 * otherwise read as UTC, which may be off by the scan place's offset.</li>
 * <li>A shipment without {@code events} gets its {@code status} (same shape) as its only event.</li>
 * <li>The proof-of-delivery signer ({@code details.proofOfDelivery.signed}, a Person or an Organization, by
 * {@code name} or given and family name) and its link ({@code signatureUrl}, else {@code documentUrl}) go on the
 * latest delivery event. DHL withholds it ({@code controlledDataCodes: signatory-name}) from API keys
 * without that right, and mostly has it for Express only.</li>
 * </ul>
 */
final class DhlTrackingFormat {

    private static final Map<String, TrackingStatus> STATUS_CODE = Map.of(
            "pre-transit", TrackingStatus.INFO_RECEIVED, "transit", TrackingStatus.IN_TRANSIT,
            "delivered", TrackingStatus.DELIVERED, "failure", TrackingStatus.EXCEPTION,
            "unknown", TrackingStatus.UNKNOWN);

    private static final Set<String> GERMAN_SERVICES = Set.of("parcel-de", "post-de");
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    /** ISO date-time with an optional offset: {@code +01:00}, {@code +0100}, {@code +01} or {@code Z}. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private DhlTrackingFormat() {
    }

    static TrackingSnapshot snapshot(String trackingNumber, JsonNode answer) {
        JsonNode shipments = answer.path("shipments");
        if (!shipments.isArray()) {
            throw malformed("answer lacks shipments[]: " + excerpt(answer));
        }
        if (shipments.isEmpty()) {
            throw new ProviderFailure(DhlTracking.PROVIDER, Kind.REJECTED, 200,
                    "track " + trackingNumber + ": DHL lists no shipment under this number");
        }
        JsonNode shipment = shipments.get(0);
        JsonNode statusCode = shipment.at("/status/statusCode");
        if (!statusCode.isTextual()) {
            throw malformed("shipment " + trackingNumber + " lacks status.statusCode: " + excerpt(shipment));
        }
        String service = text(shipment.path("service"));
        ZoneId localTime = service != null && GERMAN_SERVICES.contains(service) ? GERMANY : ZoneOffset.UTC;

        JsonNode scans = shipment.path("events");
        List<JsonNode> reported = new ArrayList<>();
        scans.forEach(reported::add);
        if (reported.isEmpty()) {
            reported.add(shipment.path("status"));
        }
        List<TrackedEvent> events = new ArrayList<>();
        for (JsonNode scan : reported) {
            Instant at = instant(text(scan.path("timestamp")), localTime);
            if (at != null) {
                events.add(new TrackedEvent(at, status(scan.path("statusCode")), text(scan.path("status")),
                        description(scan), location(scan.at("/location/address")), null));
            }
        }
        events.sort(Comparator.comparing(TrackedEvent::occurredAt));
        JsonNode proof = shipment.at("/details/proofOfDelivery");
        String signer = signer(proof.path("signed"));
        String proofUrl = proofUrl(proof);
        if (signer != null || proofUrl != null) {
            for (int i = events.size() - 1; i >= 0; i--) {
                TrackedEvent e = events.get(i);
                if (e.status() == TrackingStatus.DELIVERED) {
                    events.set(i, new TrackedEvent(e.occurredAt(), e.status(), e.subStatus(), e.description(),
                            e.location(), signer, proofUrl));
                    break;
                }
            }
        }
        return new TrackingSnapshot(trackingNumber, service == null ? "DHL" : "DHL " + service,
                status(statusCode), text(shipment.at("/status/status")), List.copyOf(events));
    }

    static TrackingStatus status(JsonNode statusCode) {
        return STATUS_CODE.getOrDefault(statusCode.asText(""), TrackingStatus.UNKNOWN);
    }

    /** The instant of a DHL timestamp; one without an offset is a local time in {@code localTime}. */
    static Instant instant(String timestamp, ZoneId localTime) {
        if (timestamp == null) {
            return null;
        }
        try {
            TemporalAccessor parsed = TIMESTAMP.parseBest(timestamp, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).atZone(localTime).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The link to the proof of delivery: {@code signatureUrl} (the signature image), else {@code documentUrl} (the
     * proof-of-delivery document, which for Express also holds the delivery photo where the courier took one);
     * only an absolute http(s) link is kept.
     */
    static String proofUrl(JsonNode proofOfDelivery) {
        for (String field : new String[] {"signatureUrl", "documentUrl"}) {
            String url = text(proofOfDelivery.path(field));
            if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
                return url;
            }
        }
        return null;
    }

    /** A Person's or an Organization's name: {@code name}, else given and family name, else the organization. */
    static String signer(JsonNode signed) {
        if (!signed.isObject()) {
            return null;
        }
        String name = text(signed.path("name"));
        if (name != null) {
            return name;
        }
        String given = text(signed.path("givenName"));
        String family = text(signed.path("familyName"));
        if (given != null || family != null) {
            return given == null ? family : family == null ? given : given + " " + family;
        }
        return text(signed.path("organizationName"));
    }

    private static String description(JsonNode scan) {
        for (String field : new String[] {"description", "statusDetailed", "status"}) {
            String value = text(scan.path(field));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** "Bonn, DE": the locality and the country, as far as DHL discloses them. */
    private static String location(JsonNode address) {
        String locality = text(address.path("addressLocality"));
        String country = text(address.path("countryCode"));
        if (locality == null) {
            return country;
        }
        return country == null || locality.endsWith(country) ? locality : locality + ", " + country;
    }

    /** A value's text, stripped; null when absent, null or blank. */
    static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank() ? null
                : node.asText().strip();
    }

    private static ProviderFailure malformed(String message) {
        return new ProviderFailure(DhlTracking.PROVIDER, Kind.MALFORMED, 200, message);
    }

    private static String excerpt(JsonNode node) {
        String flat = node.toString();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
