package com.helloword.aftersales.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * With the sandbox on (the embedded default), providers without configured endpoints or
 * credentials get the local sandbox's, so the demo runs every adapter for real against endpoints
 * that answer in the provider's own format. Anything configured explicitly wins. Never under prod.
 */
public class SandboxEnvironment implements EnvironmentPostProcessor {

    static final String ENABLED = "aftersales.sandbox.enabled";
    static final String LOCAL = "http://127.0.0.1:${local.server.port:${server.port:8080}}/sandbox";

    static final Map<String, String> DEFAULTS = Map.of(
            "aftersales.providers.17track.base-url", LOCAL + "/17track/track/v2.2",
            "aftersales.credentials.17track.api-key", "sandbox-17track-key",
            "aftersales.credentials.shopify-us.access-token", "shpat_sandbox_us",
            "aftersales.credentials.shopify-us.webhook-secret", "sandbox-shopify-us-webhook-secret",
            "aftersales.credentials.shopify-fr.access-token", "shpat_sandbox_fr",
            "aftersales.credentials.shopify-fr.webhook-secret", "sandbox-shopify-fr-webhook-secret");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, false)) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("The sandbox cannot run under the prod profile; set SANDBOX_ENABLED=false");
        }
        Map<String, Object> missing = new LinkedHashMap<>();
        DEFAULTS.forEach((name, value) -> {
            if (!environment.containsProperty(name)) {
                missing.put(name, value);
            }
        });
        environment.getPropertySources().addLast(new MapPropertySource("aftersales-sandbox", missing));
    }
}
