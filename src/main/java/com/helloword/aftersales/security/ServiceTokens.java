package com.helloword.aftersales.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tokens service accounts (members of {@code integrations}) call {@code /api} with, as
 * {@code Authorization: Bearer <token>}: a credential a stranger cannot lock, unlike a password under
 * Camunda's login throttle. Configured per account ({@code aftersales.security.service-tokens.<user id>});
 * the account must exist in Camunda identity and be in {@code integrations}. Only SHA-256 digests are kept
 * in memory and compared in constant time.
 */
@ConfigurationProperties("aftersales.security")
public class ServiceTokens {

    /** The demo relay's token; the prod profile refuses to start while it is configured. */
    static final String DEMO_TOKEN_MARK = "demo-only";

    private final Map<String, byte[]> digests = new LinkedHashMap<>();

    public ServiceTokens(Map<String, String> serviceTokens) {
        if (serviceTokens != null) {
            serviceTokens.forEach((user, token) -> {
                if (token != null && !token.isBlank()) {
                    digests.put(user, digest(token));
                }
            });
        }
    }

    /** The account this token belongs to, if any (every account is compared, so the time says nothing). */
    Optional<String> account(String token) {
        byte[] offered = digest(token);
        String found = null;
        for (Map.Entry<String, byte[]> entry : digests.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), offered) && found == null) {
                found = entry.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    boolean hasToken(String userId) {
        return digests.containsKey(userId);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
