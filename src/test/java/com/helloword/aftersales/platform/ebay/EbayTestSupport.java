package com.helloword.aftersales.platform.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.InMemoryOperationJournal;
import com.helloword.aftersales.support.ProviderTestSupport;

/** Stores, credentials, fixtures and eBay's test signing keys for the eBay adapter tests. */
final class EbayTestSupport {

    static final String CLIENT_ID = "Hellowor-aftersal-PRD-1f2e3d4c5-6b7a8c9d";
    static final String CLIENT_SECRET = "PRD-f2e3d4c5b6a7-8c9d-4e1f-a2b3-c4d5";
    static final String REFRESH_TOKEN = "v^1.1#i^1#I^3#r^1#f^0#p^3#t^Ul4xMF8yOjRBMDk4RkI3Q0E=";
    static final String TOKEN = "v^1.1#i^1#p^3#f^0#I^3#r^0#t^H4sIAAAAAAAAAOVYa2wUVRT-first";
    static final String SECOND_TOKEN = "v^1.1#i^1#p^3#f^0#I^3#r^0#t^H4sIAAAAAAAAAOVYa2wUVRT-second";
    static final String TOKEN_PATH = "/identity/v1/oauth2/token";
    static final String KEY = "case:AS-1:refund";

    /**
     * The Ed25519 test key pair and public-key JWE of eBay's signature verification guide (the keys of the IETF
     * HTTP Message Signatures draft's examples), with the signature eBay's guide gives for its sample request.
     */
    static final String TEST_PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";
    static final String TEST_PUBLIC_KEY = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";
    static final String TEST_JWE = "eyJ6aXAiOiJERUYiLCJlbmMiOiJBMjU2R0NNIiwidGFnIjoiSGdLcjNSSWFlZll0Mkd4blBUUTEwUSIs"
            + "ImFsZyI6IkEyNTZHQ01LVyIsIml2IjoiQTVOQXFYUXlITkNIT01GVSJ9.z3JcS0vvxrYboqpySAq_Znww-3V6AllxmJP5JEMkuLY."
            + "K1f4MVMEc8ylbfSS.fASwJyMCk2tXZsNWk13IcuVgSWTOcynSdAoJrK4WApZANlxAP9J0qr0Jz_4aFldFDSZ5tfuxLGqzJmWU7CiZ"
            + "WwNjk2XoVy8q5ogMrFNFwFXP4SrX1XORhNLZPTyS5DEqLDPYn2NX944xendEwfcxxXsTSeNCUnmSyfitiscUC04GYOfn0UWQ2buSW"
            + "x7Yod0IR2GtTGUsM9o3J-riuNDKhw.rRsWM1Sl_2stTnZLJkWVmQ";
    static final String SAMPLE_SIGNATURE =
            "uunxYrXKC8KaoupD5D1DKdmQmrOhz6b4Xbhb3o9d4x4xFIpg++XzEZztOyeOI59rMMjM3NIcFgxBH0c1ckpfBw==";

    private EbayTestSupport() {
    }

    /** Stores ebay-us (no signing keys), ebay-de (signing keys) and ebay-de-nokeys (EU store without them). */
    static MockEnvironment environment() {
        MockEnvironment environment = ProviderTestSupport.environment(EbayApi.PROVIDER);
        for (String ref : List.of("ebay-us", "ebay-de", "ebay-de-nokeys")) {
            environment.setProperty("aftersales.credentials." + ref + ".client-id", CLIENT_ID);
            environment.setProperty("aftersales.credentials." + ref + ".client-secret", CLIENT_SECRET);
            environment.setProperty("aftersales.credentials." + ref + ".refresh-token", REFRESH_TOKEN);
        }
        environment.setProperty("aftersales.credentials.ebay-de.signing-private-key", "-----BEGIN PRIVATE KEY-----\n"
                + TEST_PRIVATE_KEY + "\n-----END PRIVATE KEY-----");
        environment.setProperty("aftersales.credentials.ebay-de.signing-key-jwe", TEST_JWE);
        return environment;
    }

    static EbayAdapter adapter(MockEnvironment environment, Clock clock) {
        return new EbayAdapter(ProviderTestSupport.clients(environment), new CredentialStore(environment), clock,
                new InMemoryOperationJournal(), "https://api.ebay.com", "https://apiz.ebay.com", TOKEN_PATH, EbayAdapter.DEFAULT_SCOPES, EbayAdapter.EU_UK_MARKETPLACES);
    }

    static StoreConnection usStore(String baseUrl) {
        return new StoreConnection("ebay-us", Platform.EBAY, baseUrl, "helloword_store", "EBAY_US", "ebay-us",
                "USD", "en");
    }

    static StoreConnection deStore(String baseUrl) {
        return new StoreConnection("ebay-de", Platform.EBAY, baseUrl, "helloword_store", "EBAY_DE", "ebay-de",
                "EUR", "de");
    }

    static MappingBuilder tokenEndpoint() {
        return post(urlEqualTo(TOKEN_PATH));
    }

    /** A refresh-token grant answer as eBay documents it; it carries no new refresh token. */
    static String tokenAnswer(String token) {
        return """
                {"access_token": "%s", "expires_in": 7200, "token_type": "User Access Token"}""".formatted(token);
    }

    static MappingBuilder tokenStub() {
        return tokenEndpoint().willReturn(okJson(tokenAnswer(TOKEN)));
    }

    static String fixture(String name) {
        try (InputStream in = EbayTestSupport.class.getResourceAsStream("/ebay/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** getOrder of order 12-09876-54321, with the given order-level and line-item refunds. */
    static String order(String orderRefunds, String lineRefunds) {
        return fixture("order.json").replace("\"__ORDER_REFUNDS__\"", orderRefunds)
                .replace("\"__LINE_REFUNDS__\"", lineRefunds);
    }

    static String order() {
        return order("[]", "[]");
    }

    static String returnDetail(String history) {
        return fixture("return-detail.json").replace("\"__HISTORY__\"", history);
    }

    /**
     * Checks a logged request's eBay signature the way eBay does, written independently of the adapter: the
     * digest must match the body, and the signature must verify with the public key over the signature base
     * rebuilt from the request as received.
     */
    static void verifySignature(LoggedRequest request, String publicKeyBase64) throws Exception {
        String input = request.getHeader("Signature-Input");
        Matcher parameters = Pattern.compile("sig1=(\\((.*)\\);created=(\\d+))").matcher(input);
        if (!parameters.matches()) {
            throw new AssertionError("Signature-Input not as eBay specifies: " + input);
        }
        byte[] body = request.getBody();
        if (body.length > 0) {
            String digest = "sha-256=:" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(body)) + ":";
            if (!digest.equals(request.getHeader("Content-Digest"))) {
                throw new AssertionError("Content-Digest does not match the body sent");
            }
        }
        URI uri = URI.create(request.getAbsoluteUrl());
        List<String> lines = new ArrayList<>();
        for (String quoted : parameters.group(2).split(" ")) {
            String name = quoted.substring(1, quoted.length() - 1);
            String value = switch (name) {
                case "@method" -> request.getMethod().getName();
                case "@path" -> uri.getRawPath();
                case "@authority" -> uri.getHost() + ":" + uri.getPort();
                default -> request.getHeader(name);
            };
            lines.add("\"" + name + "\": " + value);
        }
        lines.add("\"@signature-params\": " + parameters.group(1));
        String signatureHeader = request.getHeader("Signature");
        byte[] signature = Base64.getDecoder().decode(signatureHeader.substring("sig1=:".length(),
                signatureHeader.length() - 1));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64))));
        verifier.update(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        if (!verifier.verify(signature)) {
            throw new AssertionError("signature does not verify with the public key");
        }
    }
}
