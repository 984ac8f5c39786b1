package com.helloword.aftersales.sandbox;

import static java.util.Map.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.Profiles;

/**
 * With the sandbox on (the embedded default), providers without configured endpoints or
 * credentials get the local sandbox's, so the demo runs every adapter for real against endpoints
 * that answer in the provider's own format. Anything configured explicitly wins. Never under prod.
 * "Configured" means set anywhere (environment, system property, a config file); production
 * endpoints are the adapters' own defaults, so they are not set in {@code application.yaml}.
 * <p>
 * Some adapters fix their endpoint when they are built (Amazon's token URL, PayPal, DHL), before
 * the web server has a port. With {@code server.port} 0 (any free port, as in the tests) the
 * sandbox therefore picks the free port here, so those endpoints can name it.
 * <p>
 * eBay's EU/UK stores must sign their money calls: the sandbox supplies the Ed25519 test key pair
 * of RFC 9421 (appendix B.1.4, {@code test-key-ed25519}) as the {@code ebay} signing credentials, and
 * a sandbox "JWE" that carries the public key readably, so the sandbox verifies the signatures
 * the real signer makes ({@link EbaySignatureCheck}).
 */
public class SandboxEnvironment implements EnvironmentPostProcessor {

    static final String ENABLED = "aftersales.sandbox.enabled";
    static final String LOCAL = "http://127.0.0.1:${local.server.port:${server.port:8080}}/sandbox";

    /** RFC 9421's published Ed25519 test key (PKCS#8, base64): for signing in the sandbox only. */
    static final String EBAY_SIGNING_PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";
    /** Its public key (X.509, base64). */
    static final String EBAY_SIGNING_PUBLIC_KEY = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";
    /** What stands for eBay's JWE in the sandbox: a visible prefix, then the public key. */
    static final String EBAY_SANDBOX_JWE_PREFIX = "sandbox-ebay-public-key.";

    static final Map<String, String> DEFAULTS = Map.ofEntries(
            entry("aftersales.providers.17track.base-url", LOCAL + "/17track/track/v2.2"),
            entry("aftersales.credentials.17track.api-key", "sandbox-17track-key"),
            entry("aftersales.credentials.shopify-us.access-token", "shpat_sandbox_us"),
            entry("aftersales.credentials.shopify-us.webhook-secret", "sandbox-shopify-us-webhook-secret"),
            entry("aftersales.credentials.shopify-fr.access-token", "shpat_sandbox_fr"),
            entry("aftersales.credentials.shopify-fr.webhook-secret", "sandbox-shopify-fr-webhook-secret"),
            entry("aftersales.credentials.ebay.client-id", "sandbox-ebay-client-id"),
            entry("aftersales.credentials.ebay.client-secret", "sandbox-ebay-client-secret"),
            entry("aftersales.credentials.ebay.refresh-token", "sandbox-ebay-refresh-token"),
            entry("aftersales.credentials.ebay.signing-private-key", EBAY_SIGNING_PRIVATE_KEY),
            entry("aftersales.credentials.ebay.signing-key-jwe", EBAY_SANDBOX_JWE_PREFIX + EBAY_SIGNING_PUBLIC_KEY),
            entry("aftersales.providers.amazon.token-url", LOCAL + "/amazon/auth/o2/token"),
            entry("aftersales.credentials.amazon-na.client-id", "sandbox-amazon-lwa-client-id"),
            entry("aftersales.credentials.amazon-na.client-secret", "sandbox-amazon-lwa-client-secret"),
            entry("aftersales.credentials.amazon-na.refresh-token", "sandbox-amazon-na-refresh-token"),
            entry("aftersales.credentials.amazon-eu.client-id", "sandbox-amazon-lwa-client-id"),
            entry("aftersales.credentials.amazon-eu.client-secret", "sandbox-amazon-lwa-client-secret"),
            entry("aftersales.credentials.amazon-eu.refresh-token", "sandbox-amazon-eu-refresh-token"),
            entry("aftersales.credentials.amazon-fe.client-id", "sandbox-amazon-lwa-client-id"),
            entry("aftersales.credentials.amazon-fe.client-secret", "sandbox-amazon-lwa-client-secret"),
            entry("aftersales.credentials.amazon-fe.refresh-token", "sandbox-amazon-fe-refresh-token"),
            entry("aftersales.providers.paypal.base-url", LOCAL + "/paypal"),
            entry("aftersales.credentials.paypal.client-id", "sandbox-paypal-client-id"),
            entry("aftersales.credentials.paypal.client-secret", "sandbox-paypal-client-secret"),
            entry("aftersales.credentials.paypal.webhook-id", "sandbox-paypal-webhook-id"),
            entry("aftersales.providers.dhl.base-url", LOCAL + "/dhl"),
            entry("aftersales.credentials.dhl.api-key", "sandbox-dhl-api-key"),
            entry("aftersales.credentials.dhl-returns.returns-user", "sandbox-dhl-returns-user"),
            entry("aftersales.credentials.dhl-returns.returns-password", "sandbox-dhl-returns-password"));


    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, false)) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("The sandbox cannot run under the prod profile; set SANDBOX_ENABLED=false");
        }
        Map<String, Object> missing = new LinkedHashMap<>();
        for (Map.Entry<String, String> property : DEFAULTS.entrySet()) {
            if (!environment.containsProperty(property.getKey())) {
                missing.put(property.getKey(), property.getValue());
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource("aftersales-sandbox", missing));
        if (environment.getProperty("server.port", Integer.class, 8080) == 0) {
            environment.getPropertySources().addFirst(new MapPropertySource("aftersales-sandbox-port",
                    Map.of("server.port", freePort())));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the sandbox", e);
        }
    }
}
