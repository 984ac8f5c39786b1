package com.helloword.aftersales.integration;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Per-store credentials from the environment, never from the database, process variables or
 * logs. A store's {@code credentialsRef} {@code shopify-us} and key {@code access-token} are read
 * from {@code aftersales.credentials.shopify-us.access-token}, i.e. the environment variable
 * {@code AFTERSALES_CREDENTIALS_SHOPIFY_US_ACCESS_TOKEN}.
 */
@Component
public class CredentialStore {

    private final Environment environment;

    public CredentialStore(Environment environment) {
        this.environment = environment;
    }

    public Secret require(String provider, String credentialsRef, String key) {
        String name = "aftersales.credentials." + credentialsRef + "." + key;
        String value = credentialsRef == null ? null : environment.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new ProviderFailure(provider, ProviderFailure.Kind.UNAUTHORIZED, 0, "no credential " + key
                    + " for " + credentialsRef + "; set " + name.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return new Secret(value);
    }
}
