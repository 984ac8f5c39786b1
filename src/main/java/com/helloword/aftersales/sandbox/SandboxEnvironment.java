package com.helloword.aftersales.sandbox;

import static java.util.Map.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.Profiles;

/**
 * With the sandbox on (the embedded default), providers without configured endpoints or
 * credentials get the local sandbox's, so the demo runs every adapter for real against endpoints
 * that answer in the provider's own format. Anything configured explicitly wins. Never under prod.
 * <p>
 * "Configured" means set anywhere (environment, system property, a config file), except a
 * {@code ${VARIABLE:default}} placeholder whose variable is not set: that is the shipped default
 * (e.g. {@code aftersales.providers.paypal.base-url: ${PAYPAL_BASE_URL:https://api-m.paypal.com}}
 * in {@code application.yaml}), which the sandbox replaces; setting the variable keeps it.
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

    private static final Pattern SHIPPED_DEFAULT = Pattern.compile("^\\$\\{([^:${}]+):[^${}]*}$");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, false)) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("The sandbox cannot run under the prod profile; set SANDBOX_ENABLED=false");
        }
        Map<String, Object> missing = new LinkedHashMap<>();
        String replacedIn = null;
        for (Map.Entry<String, String> property : DEFAULTS.entrySet()) {
            PropertySource<?> holder = holder(environment, property.getKey());
            if (holder == null) {
                missing.put(property.getKey(), property.getValue());
            } else if (shippedDefault(environment, holder.getProperty(property.getKey()))) {
                missing.put(property.getKey(), property.getValue());
                replacedIn = highest(environment, holder.getName(), replacedIn);
            }
        }
        MapPropertySource sandbox = new MapPropertySource("aftersales-sandbox", missing);
        if (replacedIn == null) {
            environment.getPropertySources().addLast(sandbox);
        } else {
            environment.getPropertySources().addBefore(replacedIn, sandbox);
        }
        if (environment.getProperty("server.port", Integer.class, 8080) == 0) {
            environment.getPropertySources().addFirst(new MapPropertySource("aftersales-sandbox-port",
                    Map.of("server.port", freePort())));
        }
    }

    /** The property source that decides the property's value (the first that has it), or null. */
    private static PropertySource<?> holder(ConfigurableEnvironment environment, String name) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
                    && source.containsProperty(name)) {
                return source;
            }
        }
        return null;
    }

    /** A {@code ${VARIABLE:default}} whose variable is set nowhere: the value nobody chose. */
    private static boolean shippedDefault(ConfigurableEnvironment environment, Object raw) {
        Matcher placeholder = SHIPPED_DEFAULT.matcher(String.valueOf(raw).strip());
        return placeholder.matches() && !environment.containsProperty(placeholder.group(1));
    }

    /** Of two property source names, the one that comes first (wins); {@code other} may be null. */
    private static String highest(ConfigurableEnvironment environment, String name, String other) {
        if (other == null) {
            return name;
        }
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.getName().equals(name) || source.getName().equals(other)) {
                return source.getName();
            }
        }
        return name;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the sandbox", e);
        }
    }
}
