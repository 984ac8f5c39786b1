package com.helloword.aftersales.platform.ebay;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.helloword.aftersales.integration.AccessTokens;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.Secret;
import com.helloword.aftersales.platform.StoreConnection;

/**
 * How the eBay adapter talks to eBay: an OAuth user access token from the store's refresh token (Identity API v1,
 * cached, refreshed once on 401), the token in the form each API family wants ({@code Bearer} for the RESTful
 * Sell and Commerce APIs, {@code IAF} for the Post-Order API v2), the {@code X-EBAY-C-MARKETPLACE-ID} header on
 * every call, eBay's digital signature on the calls that move money for EU/UK sellers, and eBay's error bodies
 * turned into readable failures.
 */
final class EbayApi {

    static final String PROVIDER = "ebay";
    static final String SIGNING_PRIVATE_KEY = "signing-private-key";
    static final String SIGNING_KEY_JWE = "signing-key-jwe";

    /** The families of eBay APIs this adapter calls; they differ in how the access token is presented. */
    enum Family {
        /** Sell Fulfillment, Sell Inventory and Commerce Message APIs */
        REST("Bearer "),
        /** Post-Order API v2, which takes an OAuth user token only with the {@code IAF} scheme */
        POST_ORDER("IAF ");

        private final String scheme;

        Family(String scheme) {
            this.scheme = scheme;
        }
    }

    /**
     * Where eBay is and what to ask for; from {@code aftersales.providers.ebay.*}. {@code apizBaseUrl} is the host
     * of the APIs eBay serves from {@code apiz} (Fulfillment's payment disputes), for stores on the default host.
     */
    record Settings(String apiBaseUrl, String apizBaseUrl, String tokenPath, String scopes,
            Set<String> signatureMarketplaces) {
    }

    private record OAuthCredentials(Secret clientId, Secret clientSecret, Secret refreshToken) {
    }

    private final ProviderClient client;
    private final RestClient http;
    private final CredentialStore credentials;
    private final AccessTokens tokens;
    private final Clock clock;
    private final Settings settings;

    EbayApi(ProviderClient client, CredentialStore credentials, Clock clock, Settings settings) {
        this.client = client;
        this.http = client.http().mutate().requestInterceptor(new EbayErrorBodies()).build();
        this.credentials = credentials;
        this.tokens = new AccessTokens(clock);
        this.clock = clock;
        this.settings = settings;
    }

    ProviderClient client() {
        return client;
    }

    /**
     * Runs one operation for a store under the provider client's guard, with a valid access token. With
     * {@code signs}, the session signs its {@link Session#postSigned} calls: always when the store has signing
     * keys, and a store on a marketplace where eBay requires signatures must have them.
     */
    <T> T call(String operation, StoreConnection store, boolean signs, Function<Session, T> action) {
        String base = store.apiBaseUrl() == null || store.apiBaseUrl().isBlank()
                ? settings.apiBaseUrl() : store.apiBaseUrl();
        String marketplace = store.marketplaceId();
        if (marketplace == null || marketplace.isBlank()) {
            throw new ProviderFailure(PROVIDER, Kind.REJECTED, 0, "store " + store.storeId()
                    + " has no eBay marketplace id (EBAY_US, EBAY_DE, EBAY_GB …)");
        }
        OAuthCredentials oauth = new OAuthCredentials(
                credentials.require(PROVIDER, store.credentialsRef(), "client-id"),
                credentials.require(PROVIDER, store.credentialsRef(), "client-secret"),
                credentials.require(PROVIDER, store.credentialsRef(), "refresh-token"));
        EbaySigner signer = signs ? signer(store, marketplace) : null;
        // eBay's call limits are per application and seller: each seller account has its own guards
        return client.call(store.credentialsRef(), operation, client.authorized(tokens,
                store.credentialsRef() + "@" + base, () -> fetchToken(base, oauth, store),
                token -> action.apply(new Session(base, apizBase(base), marketplace, token, signer))));
    }

    /**
     * The apiz host for a store's API host: the setting for the default host, {@code apiz.<rest>} for another
     * eBay {@code api.<rest>} host (the sandbox), and the store's own base anywhere else (a test or sandbox server
     * that answers both).
     */
    private String apizBase(String base) {
        if (base.equals(settings.apiBaseUrl())) {
            return settings.apizBaseUrl();
        }
        String host = URI.create(base).getHost();
        if (host != null && host.startsWith("api.") && host.endsWith("ebay.com")) {
            return base.replaceFirst("//api\\.", "//apiz.");
        }
        return base;
    }

    private EbaySigner signer(StoreConnection store, String marketplace) {
        boolean required = settings.signatureMarketplaces().contains(marketplace);
        if (!required && optionalCredential(store, SIGNING_PRIVATE_KEY) == null
                && optionalCredential(store, SIGNING_KEY_JWE) == null) {
            return null;
        }
        Secret privateKey = credentials.require(PROVIDER, store.credentialsRef(), SIGNING_PRIVATE_KEY);
        Secret jwe = credentials.require(PROVIDER, store.credentialsRef(), SIGNING_KEY_JWE);
        try {
            return EbaySigner.of(privateKey, jwe);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ProviderFailure(PROVIDER, Kind.UNAUTHORIZED, 0, SIGNING_PRIVATE_KEY + " of "
                    + store.credentialsRef() + " is not a base64 PKCS#8 Ed25519 private key as eBay's Key Management"
                    + " API creates it", null, e);
        }
    }

    /** The credential store reports an absent key as a failure; for the optional signing keys that means "none". */
    private Secret optionalCredential(StoreConnection store, String key) {
        try {
            return credentials.require(PROVIDER, store.credentialsRef(), key);
        } catch (ProviderFailure absent) {
            return null;
        }
    }

    private AccessTokens.Token fetchToken(String base, OAuthCredentials oauth, StoreConnection store) {
        String basic = Base64.getEncoder().encodeToString((oauth.clientId().reveal() + ":"
                + oauth.clientSecret().reveal()).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=refresh_token&refresh_token=" + formEncode(oauth.refreshToken().reveal())
                + "&scope=" + formEncode(settings.scopes());
        JsonNode answer;
        try {
            answer = client.json(http.post().uri(URI.create(base + settings.tokenPath()))
                    .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form.getBytes(StandardCharsets.US_ASCII)));
        } catch (ProviderFailure failure) {
            if (failure.kind() != Kind.REJECTED && failure.kind() != Kind.UNAUTHORIZED) {
                throw failure;
            }
            throw new ProviderFailure(PROVIDER, Kind.UNAUTHORIZED, failure.httpStatus(), "eBay refused a new"
                    + " access token for " + store.credentialsRef() + " (" + detail(failure) + "); invalid_client:"
                    + " check client-id and client-secret; invalid_grant: the refresh token expired or was revoked,"
                    + " the seller must connect the store again and the new refresh token be set", null, failure);
        }
        String accessToken = client.require(answer, "/access_token").asText();
        long expiresIn = client.require(answer, "/expires_in").asLong();
        return new AccessTokens.Token(new Secret(accessToken), clock.instant().plusSeconds(expiresIn));
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A failure's message without the provider prefix the failure adds itself. */
    static String detail(ProviderFailure failure) {
        String message = failure.getMessage();
        return message.startsWith(PROVIDER + ": ") ? message.substring(PROVIDER.length() + 2) : message;
    }

    /** Requests for one store with one access token. */
    final class Session {

        private final String base;
        private final String apizBase;
        private final String marketplace;
        private final Secret token;
        private final EbaySigner signer;

        private Session(String base, String apizBase, String marketplace, Secret token, EbaySigner signer) {
            this.base = base;
            this.apizBase = apizBase;
            this.marketplace = marketplace;
            this.token = token;
            this.signer = signer;
        }

        /** An eBay URI; the template's variables (path or query) are encoded strictly. */
        URI uri(String template, Map<String, ?> variables) {
            return UriComponentsBuilder.fromUriString(base + template).encode().buildAndExpand(variables).toUri();
        }

        /** An eBay URI on the apiz host (Fulfillment's payment disputes), encoded like {@link #uri}. */
        URI apizUri(String template, Map<String, ?> variables) {
            return UriComponentsBuilder.fromUriString(apizBase + template).encode().buildAndExpand(variables).toUri();
        }

        JsonNode get(Family family, URI uri) {
            return client.json(http.get().uri(uri).headers(headers -> identify(headers, family)));
        }

        JsonNode post(Family family, URI uri, Object payload) {
            return send(family, uri, payload, false);
        }

        /** A POST that carries eBay's digital signature when this session has signing keys. */
        JsonNode postSigned(Family family, URI uri, Object payload) {
            return send(family, uri, payload, true);
        }

        private JsonNode send(Family family, URI uri, Object payload, boolean sign) {
            byte[] body = client.toJson(payload).getBytes(StandardCharsets.UTF_8);
            RestClient.RequestBodySpec request = http.post().uri(uri)
                    .headers(headers -> identify(headers, family))
                    .contentType(MediaType.APPLICATION_JSON);
            if (sign && signer != null) {
                signer.headers("POST", uri, body, clock.instant()).forEach(request::header);
            }
            String answer = client.body(request.body(body));
            return answer.isBlank() ? JsonNodeFactory.instance.objectNode() : client.parse(answer);
        }

        private void identify(HttpHeaders headers, Family family) {
            headers.set(HttpHeaders.AUTHORIZATION, family.scheme + token.reveal());
            headers.set("X-EBAY-C-MARKETPLACE-ID", marketplace);
            headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        }
    }
}
