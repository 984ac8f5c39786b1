package com.helloword.aftersales.carrier.dhl;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.carrier.ReturnLabel;
import com.helloword.aftersales.carrier.ReturnLabelPort;
import com.helloword.aftersales.carrier.ReturnLabelRequest;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;

/**
 * DHL Parcel DE Returns API 1.1.0 (Post &amp; Parcel Germany): {@code POST
 * /parcel/de/shipping/returns/v1/orders?labelType=BOTH&docFormat=PDF} creates a return label, as a PDF to
 * print and a QR code for the counter. Authorised with the developer-portal key in {@code dhl-api-key}
 * ({@code aftersales.credentials.dhl.api-key}, the same app as tracking) and HTTP Basic with the business
 * customer portal's user ({@code aftersales.credentials.dhl-returns.returns-user} and
 * {@code .returns-password}); DHL refuses a request that mixes this with an OAuth bearer token.
 * <p>
 * <b>Not idempotent.</b> DHL has no idempotency key and no way to look a label up by reference: every call
 * that reaches DHL creates a new shipment number. The request's {@code shipmentReference} (by default derived
 * from the idempotency key) is shown in the portal's returns overview, so a second label for the same return
 * can be recognised there. Callers store the label they get and never ask again for the same return. A
 * timeout or a 5xx is retried here like any other call (the rate limiter and circuit breaker are those of
 * {@code aftersales.providers.dhl-returns}), so an attempt DHL did finish unseen can leave one unused label
 * number under the same reference; it is never handed out.
 * <p>
 * 401 is UNAUTHORIZED (an API key and a password: there is no token to refresh), 429 RATE_LIMITED (no
 * {@code Retry-After} documented, so the usual backoff), 5xx UNAVAILABLE, a validation error (400, 422) or a
 * missing right (403) REJECTED with DHL's detail. Sandbox: set
 * {@code aftersales.providers.dhl-returns.base-url} to {@code https://api-sandbox.dhl.com}.
 */
@Component
public class DhlReturnLabels implements ReturnLabelPort {

    static final String PROVIDER = "dhl-returns";
    static final String CREDENTIALS = "dhl-returns";
    static final int MAX_REFERENCE = 50;

    private final ProviderClient client;
    private final CredentialStore credentials;
    private final String baseUrl;

    public DhlReturnLabels(ProviderClients clients, CredentialStore credentials,
            @Value("${aftersales.providers.dhl-returns.base-url:${aftersales.providers.dhl.base-url:"
                    + "https://api-eu.dhl.com}}") String baseUrl) {
        this.client = clients.forProvider(PROVIDER);
        this.credentials = credentials;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Creates one return label; see the class comment on why the caller must not repeat it. */
    @Override
    public ReturnLabel createReturnLabel(ReturnLabelRequest request) {
        String apiKey = credentials.require(PROVIDER, DhlTracking.CREDENTIALS, "api-key").reveal();
        String user = credentials.require(PROVIDER, CREDENTIALS, "returns-user").reveal();
        String password = credentials.require(PROVIDER, CREDENTIALS, "returns-password").reveal();
        String reference = shipmentReference(request);
        String body = client.toJson(order(request, reference));
        URI uri = UriComponentsBuilder.fromUriString(baseUrl).path("/parcel/de/shipping/returns/v1/orders")
                .queryParam("labelType", "BOTH").queryParam("docFormat", "PDF").build().toUri();
        String context = "return label " + reference;
        JsonNode answer = client.callUnrepeatable("create return label", () -> {
            try {
                return client.json(client.http().post().uri(uri)
                        .header("dhl-api-key", apiKey)
                        .headers(headers -> headers.setBasicAuth(user, password, StandardCharsets.UTF_8))
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                        .body(body));
            } catch (ProviderFailure failure) {
                throw DhlProblems.readable(failure, context);
            }
        });
        return label(answer, context);
    }

    /** The caller's reference, else the idempotency key, hashed when longer than DHL's 50 characters. */
    static String shipmentReference(ReturnLabelRequest request) {
        if (request.shipmentReference() != null && !request.shipmentReference().isBlank()) {
            return request.shipmentReference().strip();
        }
        String key = request.idempotencyKey().strip();
        if (key.length() <= MAX_REFERENCE) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "hw-" + HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static ReturnOrder order(ReturnLabelRequest request, String reference) {
        Address shipper = new Address(request.shipperName().strip(), request.shipperStreet().strip(),
                request.shipperHouse().strip(), request.shipperPostalCode().strip(), request.shipperCity().strip(),
                blankToNull(request.shipperEmail()));
        Weight weight = request.weightGrams() == null ? null : new Weight("g", request.weightGrams());
        Money value = request.value() == null ? null
                : new Money(request.currency() == null ? "EUR" : request.currency().strip(), request.value());
        return new ReturnOrder(request.receiverId().strip(), blankToNull(request.customerReference()), reference,
                shipper, weight, value);
    }

    private ReturnLabel label(JsonNode answer, String context) {
        String created = context + ": DHL answered 201";
        JsonNode number = answer.path("shipmentNo");
        if (!number.isValueNode() || number.asText().isBlank()) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, created + " without a shipmentNo; a label may "
                    + "exist all the same, see the returns overview in the business customer portal");
        }
        String shipmentNumber = number.asText().strip();
        byte[] pdf = decode(answer.at("/label/b64"));
        if (pdf == null) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, created + " with shipment " + shipmentNumber
                    + " but no readable label.b64; fetch the label from the business customer portal");
        }
        JsonNode routing = answer.path("routingCode");
        return new ReturnLabel(shipmentNumber, pdf, decode(answer.at("/qrLabel/b64")),
                routing.isValueNode() && !routing.asText().isBlank() ? routing.asText() : null);
    }

    /** Base64 as DHL sends it (line breaks tolerated); null when absent or not Base64. */
    private static byte[] decode(JsonNode b64) {
        if (!b64.isTextual() || b64.asText().isBlank()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(b64.asText().replaceAll("\\s+", ""));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * DHL's {@code ReturnOrder}. Without {@code customsDetails}, which only returns from outside the EU (e.g.
     * receiver {@code che}) need; DHL refuses those as REJECTED.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReturnOrder(String receiverId, String customerReference, String shipmentReference, Address shipper,
            Weight itemWeight, Money itemValue) {
    }

    /** DHL's {@code ContactAddress} of the buyer who sends the parcel back. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Address(String name1, String addressStreet, String addressHouse, String postalCode, String city,
            String email) {
    }

    record Weight(String uom, int value) {
    }

    record Money(String currency, BigDecimal value) {
    }
}
