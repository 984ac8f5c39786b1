package com.helloword.aftersales.platform.ebay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.helloword.aftersales.integration.Secret;

/**
 * eBay's digital signature for calls made for EU/UK-domiciled sellers ("Digital Signatures for APIs"): an HTTP
 * message signature as in draft-ietf-httpbis-message-signatures-11 (label {@code sig1}, Ed25519) over
 * {@code content-digest} (only with a body), {@code x-ebay-signature-key}, {@code @method}, {@code @path} and
 * {@code @authority}, with {@code created} in Unix seconds; {@code Content-Digest} is SHA-256 of the body as in
 * the digest-headers draft. The key pair comes from eBay's Key Management API: the private key (PKCS#8, PEM or
 * bare base64) signs, the public key as JWE goes into {@code x-ebay-signature-key}. eBay ignores signatures where
 * it needs none, so a store with keys signs every call that may need them.
 */
final class EbaySigner {

    static final String SIGNATURE_KEY = "x-ebay-signature-key";
    static final String ENFORCE = "x-ebay-enforce-signature";
    static final String CONTENT_DIGEST = "Content-Digest";
    static final String SIGNATURE_INPUT = "Signature-Input";
    static final String SIGNATURE = "Signature";

    private final PrivateKey privateKey;
    private final String jwe;

    private EbaySigner(PrivateKey privateKey, String jwe) {
        this.privateKey = privateKey;
        this.jwe = jwe;
    }

    static EbaySigner of(Secret privateKey, Secret jwe) throws GeneralSecurityException {
        String base64 = privateKey.reveal()
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replace("\\n", "")
                .replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        return new EbaySigner(key, jwe.reveal().strip());
    }

    /** The headers to add to one request, in the order they are built. */
    Map<String, String> headers(String method, URI uri, byte[] body, Instant created) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> covered = new LinkedHashMap<>();
        headers.put(ENFORCE, "true");
        headers.put(SIGNATURE_KEY, jwe);
        if (body != null && body.length > 0) {
            String digest = contentDigest(body);
            headers.put(CONTENT_DIGEST, digest);
            covered.put("content-digest", digest);
        }
        covered.put(SIGNATURE_KEY, jwe);
        covered.put("@method", method.toUpperCase(Locale.ROOT));
        covered.put("@path", uri.getRawPath());
        covered.put("@authority", authority(uri));
        String parameters = covered.keySet().stream().map(name -> "\"" + name + "\"")
                .collect(Collectors.joining(" ", "(", ")")) + ";created=" + created.getEpochSecond();
        headers.put(SIGNATURE_INPUT, "sig1=" + parameters);
        headers.put(SIGNATURE, "sig1=:" + Base64.getEncoder().encodeToString(sign(base(covered, parameters))) + ":");
        return headers;
    }

    static String contentDigest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "sha-256=:" + Base64.getEncoder().encodeToString(hash) + ":";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The signature base: one line per covered component, then the signature parameters; no final newline. */
    private static String base(Map<String, String> covered, String parameters) {
        List<String> lines = new ArrayList<>();
        covered.forEach((name, value) -> lines.add("\"" + name + "\": " + value));
        lines.add("\"@signature-params\": " + parameters);
        return String.join("\n", lines);
    }

    /** Host in lower case, with the port only when it is not the scheme's default. */
    private static String authority(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    private byte[] sign(String base) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(base.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
