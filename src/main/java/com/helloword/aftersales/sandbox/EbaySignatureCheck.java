package com.helloword.aftersales.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * eBay's side of "Digital Signatures for APIs": the headers {@code x-ebay-signature-key},
 * {@code Signature-Input} ({@code sig1=(…);created=…}), {@code Signature} ({@code sig1=:…:}) and, with
 * a body, {@code Content-Digest} (SHA-256). The signature base is rebuilt from the request as
 * received ({@code @method}, {@code @path}, {@code @authority} from the {@code Host} header, the
 * covered headers) and verified with Ed25519. eBay reads the public key out of its JWE; the sandbox
 * can do that only for its own stand-in ({@link SandboxEnvironment#EBAY_SANDBOX_JWE_PREFIX} and the
 * key), so with a real eBay JWE configured the signature is checked for form and digest only. The
 * {@code created} time is not checked: tests move the application's clock.
 */
final class EbaySignatureCheck {

    static final String KEY = "x-ebay-signature-key";
    private static final Pattern INPUT = Pattern.compile("sig1=(\\(([^()]*)\\);created=\\d+)");
    private static final Pattern SIGNATURE = Pattern.compile("sig1=:([A-Za-z0-9+/=]+):");
    private static final List<String> REQUIRED = List.of(KEY, "@method", "@path", "@authority");

    /**
     * Why eBay would refuse the request's signature, or null when it passes.
     *
     * @param required whether the call needs a signature (a money call for an EU/UK seller)
     */
    String problem(boolean required, HttpServletRequest request, byte[] body) {
        String key = request.getHeader(KEY);
        String input = request.getHeader("Signature-Input");
        String signature = request.getHeader("Signature");
        if (key == null && input == null && signature == null) {
            return required ? "This call is made for an EU/UK seller and must carry eBay's digital signature"
                    + " (x-ebay-signature-key, Signature-Input, Signature)" : null;
        }
        if (key == null || input == null || signature == null) {
            return "Signature headers are incomplete: x-ebay-signature-key, Signature-Input and Signature go together";
        }
        Matcher parameters = INPUT.matcher(input.strip());
        Matcher value = SIGNATURE.matcher(signature.strip());
        if (!parameters.matches() || !value.matches()) {
            return "Signature-Input or Signature is not in the form sig1=(…);created=… and sig1=:…:";
        }
        List<String> covered = new ArrayList<>();
        for (String quoted : parameters.group(2).strip().split("\\s+")) {
            covered.add(quoted.replace("\"", "").toLowerCase(Locale.ROOT));
        }
        if (!covered.containsAll(REQUIRED)) {
            return "Signature-Input must cover " + REQUIRED;
        }
        if (body != null && body.length > 0) {
            if (!covered.contains("content-digest")) {
                return "Signature-Input must cover content-digest when the request has a body";
            }
            if (!digest(body).equals(request.getHeader("Content-Digest"))) {
                return "Content-Digest does not match the request body";
            }
        }
        if (!key.startsWith(SandboxEnvironment.EBAY_SANDBOX_JWE_PREFIX)) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (String name : covered) {
            String component = switch (name) {
                case "@method" -> request.getMethod().toUpperCase(Locale.ROOT);
                case "@path" -> request.getRequestURI();
                case "@authority" -> String.valueOf(request.getHeader("Host")).toLowerCase(Locale.ROOT);
                default -> request.getHeader(name);
            };
            lines.add("\"" + name + "\": " + component);
        }
        lines.add("\"@signature-params\": " + parameters.group(1));
        return verifies(key.substring(SandboxEnvironment.EBAY_SANDBOX_JWE_PREFIX.length()), String.join("\n", lines),
                value.group(1)) ? null : "Signature validation failed: the signature does not match the request";
    }

    private static boolean verifies(String publicKey, String base, String signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(base.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static String digest(byte[] body) {
        try {
            return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body))
                    + ":";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
