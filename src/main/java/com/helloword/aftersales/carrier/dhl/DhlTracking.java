package com.helloword.aftersales.carrier.dhl;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.carrier.TrackingPort.TrackingSnapshot;
import com.helloword.aftersales.carrier.TrackingPort;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.integration.ProviderFailure;

/**
 * DHL Shipment Tracking – Unified (OpenAPI 1.5.6; the portal lists 1.5.8): {@code GET /track/shipments} with
 * header {@code DHL-API-Key}, for DHL parcels tracked directly at DHL. It is deliberately not a
 * {@link TrackingPort}: 17TRACK remains the tracking port for every carrier, and this serves DHL parcels
 * where DHL's own data is wanted (proof of delivery, German parcel details).
 * <p>
 * The key is {@code aftersales.credentials.dhl.api-key}. DHL's initial quota is 250 calls a day (reset at
 * 00:00 GMT) and one call every 5 seconds, so {@code aftersales.providers.dhl.requests-per-second} should be
 * 0.2; beyond it DHL answers 429 (no {@code Retry-After} documented, so the usual backoff applies). New
 * shipments appear 10–30 minutes after DHL first sees them. {@code service} ({@code parcel-de},
 * {@code express} …) picks the right shipment when several DHL services know the number, and
 * {@code recipientPostalCode} unlocks the full data set of {@code parcel-de} and {@code parcel-nl}.
 * A number DHL does not know is a 404 and fails as REJECTED with DHL's detail.
 */
@Component
public class DhlTracking {

    static final String PROVIDER = "dhl";
    static final String CREDENTIALS = "dhl";

    private final ProviderClient client;
    private final CredentialStore credentials;
    private final String baseUrl;

    public DhlTracking(ProviderClients clients, CredentialStore credentials,
            @Value("${aftersales.providers.dhl.base-url:https://api-eu.dhl.com}") String baseUrl) {
        this.client = clients.forProvider(PROVIDER);
        this.credentials = credentials;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Where the parcel is, with every scan in time order.
     *
     * @param service DHL's service hint ({@code parcel-de}, {@code express} …), or null
     * @param recipientPostalCode the recipient's postal code, or null
     */
    public TrackingSnapshot track(String trackingNumber, String service, String recipientPostalCode) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            throw new IllegalArgumentException("a tracking number is required");
        }
        String number = trackingNumber.strip();
        String key = credentials.require(PROVIDER, CREDENTIALS, "api-key").reveal();
        URI uri = uri(number, service, recipientPostalCode);
        JsonNode answer = client.call("track", () -> {
            try {
                return client.json(client.http().get().uri(uri)
                        .header("DHL-API-Key", key)
                        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
            } catch (ProviderFailure failure) {
                throw DhlProblems.readable(failure, "track " + number);
            }
        });
        return DhlTrackingFormat.snapshot(number, answer);
    }

    private URI uri(String number, String service, String recipientPostalCode) {
        Map<String, String> values = new LinkedHashMap<>();
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(baseUrl).path("/track/shipments")
                .queryParam("trackingNumber", "{trackingNumber}");
        values.put("trackingNumber", number);
        if (service != null && !service.isBlank()) {
            uri.queryParam("service", "{service}");
            values.put("service", service.strip());
        }
        if (recipientPostalCode != null && !recipientPostalCode.isBlank()) {
            uri.queryParam("recipientPostalCode", "{recipientPostalCode}");
            values.put("recipientPostalCode", recipientPostalCode.strip());
        }
        return uri.encode().buildAndExpand(values).toUri();
    }
}
