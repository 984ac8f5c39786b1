package com.helloword.aftersales.carrier.dhl;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.carrier.CarrierInvestigationPort;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.ProviderFailure.Kind;

/**
 * DHL investigations (Parcel DE "Nachforschungsauftrag"): a tracing request for a parcel DHL reports delivered that
 * the buyer says never came, and DHL's answer later.
 * <p>
 * <b>Contract.</b> DHL's developer portal publishes no investigation API for every product: Parcel DE business
 * customers file a Nachforschungsauftrag in the business customer portal, DHL eCommerce takes inquiries through
 * its customer service, Express investigations go through MyDHL. This client speaks the shape a DHL integration
 * contract (or a broker in front of those channels) offers, in the style of DHL's own REST APIs: the developer
 * portal key in {@code DHL-API-Key} ({@code aftersales.credentials.dhl.api-key}, the tracking app), JSON bodies,
 * RFC 7807 problems ({@link DhlProblems}), and an {@code Idempotency-Key} header so a retried request returns the
 * investigation already opened:
 * <ul>
 * <li>{@code POST {base}{path}} with {@code {"shipmentNo", "reason", "deliveryDate", "consignee": {"postalCode",
 * "countryCode"}, "customerReference"}} → 201 {@code {"investigationId", "status"}};</li>
 * <li>{@code GET {base}{path}/{investigationId}} → {@code {"investigationId", "status": "OPEN" | "ANSWERED" |
 * "CLOSED", "result": {"code", "description"}, "answeredAt"}}.</li>
 * </ul>
 * The base URL is {@code aftersales.providers.dhl-investigations.base-url} (else DHL's
 * {@code aftersales.providers.dhl.base-url}), the path {@code aftersales.providers.dhl-investigations.path}. It runs
 * under the {@code dhl} provider's retry, circuit breaker and rate limiter (one DHL app, one allowance). A shipment
 * DHL does not know (404) or a request it refuses (400, 422) fails as REJECTED with DHL's detail; 401 is
 * UNAUTHORIZED, 429 RATE_LIMITED, 5xx UNAVAILABLE.
 */
@Component
public class DhlInvestigations implements CarrierInvestigationPort {

    static final String PROVIDER = DhlTracking.PROVIDER;

    private final ProviderClient client;
    private final CredentialStore credentials;
    private final String baseUrl;
    private final String path;

    public DhlInvestigations(ProviderClients clients, CredentialStore credentials,
            @Value("${aftersales.providers.dhl-investigations.base-url:${aftersales.providers.dhl.base-url:"
                    + "https://api-eu.dhl.com}}") String baseUrl,
            @Value("${aftersales.providers.dhl-investigations.path:/parcel/de/investigations/v1/requests}")
            String path) {
        this.client = clients.forProvider(PROVIDER);
        this.credentials = credentials;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.path = path.startsWith("/") ? path : "/" + path;
    }

    @Override
    public Opened open(InvestigationRequest request) {
        String key = credentials.require(PROVIDER, DhlTracking.CREDENTIALS, "api-key").reveal();
        String number = request.trackingNumber().strip();
        String body = client.toJson(new TracingRequest(number, request.reason(),
                request.deliveredAt() == null ? null : request.deliveredAt().atOffset(ZoneOffset.UTC).toLocalDate()
                        .toString(),
                request.postalCode() == null && request.destinationCountry() == null ? null
                        : new Consignee(request.postalCode(), request.destinationCountry()),
                request.customerReference()));
        URI uri = UriComponentsBuilder.fromUriString(baseUrl).path(path).build().toUri();
        String context = "open investigation of " + number;
        JsonNode answer = client.call("open investigation", () -> {
            try {
                return client.json(client.http().post().uri(uri)
                        .header("DHL-API-Key", key)
                        .header("Idempotency-Key", request.idempotencyKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                        .body(body));
            } catch (ProviderFailure failure) {
                throw DhlProblems.readable(failure, context);
            }
        });
        String reference = DhlTrackingFormat.text(answer.path("investigationId"));
        if (reference == null) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, context + ": answer without investigationId");
        }
        return new Opened(reference, state(answer.path("status"), context));
    }

    @Override
    public Answer status(String reference) {
        String key = credentials.require(PROVIDER, DhlTracking.CREDENTIALS, "api-key").reveal();
        URI uri = UriComponentsBuilder.fromUriString(baseUrl).path(path).pathSegment("{id}").encode()
                .buildAndExpand(reference).toUri();
        String context = "investigation " + reference;
        JsonNode answer = client.call("investigation status", () -> {
            try {
                return client.json(client.http().get().uri(uri)
                        .header("DHL-API-Key", key)
                        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
            } catch (ProviderFailure failure) {
                throw DhlProblems.readable(failure, context);
            }
        });
        State state = state(answer.path("status"), context);
        String answeredAt = DhlTrackingFormat.text(answer.path("answeredAt"));
        Instant at = answeredAt == null ? null : DhlTrackingFormat.instant(answeredAt, ZoneOffset.UTC);
        return new Answer(reference, state, DhlTrackingFormat.text(answer.at("/result/code")),
                DhlTrackingFormat.text(answer.at("/result/description")), at);
    }

    private static State state(JsonNode status, String context) {
        String value = DhlTrackingFormat.text(status);
        if (value == null) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, context + ": answer without status");
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "ANSWERED", "COMPLETED", "RESOLVED" -> State.ANSWERED;
            case "CLOSED", "CANCELLED", "REJECTED" -> State.CLOSED;
            default -> State.OPEN;
        };
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TracingRequest(String shipmentNo, String reason, String deliveryDate, Consignee consignee,
            String customerReference) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Consignee(String postalCode, String countryCode) {
    }
}
