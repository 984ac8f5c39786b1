package com.helloword.aftersales.carrier.seventeentrack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.carrier.TrackingPort;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;

/**
 * 17TRACK Tracking API v2.2: {@code POST /register} and {@code POST /gettrackinfo} with header
 * {@code 17token}, at most 40 numbers a request. A number already registered (-18019901) counts as
 * accepted, so registering is idempotent.
 */
@Component
class SeventeenTrackClient implements TrackingPort {

    static final String PROVIDER = "17track";
    static final int MAX_PER_REQUEST = 40;
    private static final int ALREADY_REGISTERED = -18019901;

    static final String BASE_URL = "aftersales.providers.17track.base-url";
    static final String DEFAULT_BASE_URL = "https://api.17track.net/track/v2.2";

    private final ProviderClient client;
    private final CredentialStore credentials;
    private final Supplier<String> baseUrl;

    @Autowired
    SeventeenTrackClient(ProviderClients clients, CredentialStore credentials, Environment environment) {
        // read at every call: the embedded default's sandbox URL names the port the server got at start
        this(clients, credentials, () -> environment.getProperty(BASE_URL, DEFAULT_BASE_URL));
    }

    SeventeenTrackClient(ProviderClients clients, CredentialStore credentials, String baseUrl) {
        this(clients, credentials, () -> baseUrl);
    }

    private SeventeenTrackClient(ProviderClients clients, CredentialStore credentials, Supplier<String> baseUrl) {
        this.client = clients.forProvider(PROVIDER);
        this.credentials = credentials;
        this.baseUrl = baseUrl;
    }

    @Override
    public Registration register(List<Parcel> parcels) {
        List<String> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (int from = 0; from < parcels.size(); from += MAX_PER_REQUEST) {
            List<Map<String, Object>> body = new ArrayList<>();
            for (Parcel parcel : parcels.subList(from, Math.min(parcels.size(), from + MAX_PER_REQUEST))) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("number", parcel.trackingNumber());
                if (parcel.tag() != null) {
                    item.put("tag", parcel.tag());
                }
                body.add(item);
            }
            JsonNode data = client.call("register", () -> post("/register", body));
            data.path("accepted").forEach(a -> accepted.add(a.path("number").asText()));
            for (JsonNode r : data.path("rejected")) {
                if (r.at("/error/code").asInt() == ALREADY_REGISTERED) {
                    accepted.add(r.path("number").asText());
                } else {
                    rejected.add(new Rejection(r.path("number").asText(),
                            r.at("/error/code").asText() + " " + r.at("/error/message").asText()));
                }
            }
        }
        return new Registration(accepted, rejected);
    }

    @Override
    public TrackingSnapshot track(Parcel parcel) {
        JsonNode data = client.call("gettrackinfo",
                () -> post("/gettrackinfo", List.of(Map.of("number", parcel.trackingNumber()))));
        JsonNode rejected = data.path("rejected");
        if (rejected.isArray() && !rejected.isEmpty()) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, parcel.trackingNumber() + ": "
                    + rejected.get(0).at("/error/code").asText() + " " + rejected.get(0).at("/error/message").asText());
        }
        JsonNode item = data.path("accepted").path(0);
        if (item.isMissingNode()) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "no result for " + parcel.trackingNumber());
        }
        return SeventeenTrackFormat.snapshot(item);
    }

    /** One request; returns {@code data}. A non-zero envelope {@code code} is a failure of the whole call. */
    private JsonNode post(String path, Object body) {
        String key = credentials.require(PROVIDER, PROVIDER, "api-key").reveal();
        String base = baseUrl.get();
        JsonNode answer = client.json(client.http().post().uri((base.endsWith("/") ? base.substring(0, base.length() - 1)
                : base) + path)
                .header("17token", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(client.toJson(body)));
        int code = answer.path("code").asInt(Integer.MIN_VALUE);
        if (code == 0) {
            return client.require(answer, "/data");
        }
        JsonNode error = answer.at("/data/errors/0");
        String message = error.isMissingNode() ? answer.path("message").asText("") : error.path("message").asText();
        int errorCode = error.isMissingNode() ? code : error.path("code").asInt(code);
        throw switch (errorCode) {
            case -18010001, -18010002, -18010004, -18010005 -> new ProviderFailure(PROVIDER, Kind.UNAUTHORIZED, 200,
                    errorCode + " " + message);
            case -18010003 -> new ProviderFailure(PROVIDER, Kind.UNAVAILABLE, 200, errorCode + " " + message);
            case -18019907, -18019908 -> new ProviderFailure(PROVIDER, Kind.REJECTED, 200,
                    "tracking quota used up (" + errorCode + " " + message + ")");
            default -> new ProviderFailure(PROVIDER, Kind.REJECTED, 200, errorCode + " " + message);
        };
    }
}
