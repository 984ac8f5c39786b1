package com.helloword.aftersales.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Under the {@code prod} profile, refuses to start (before anything touches the database) with
 * demo data, the embedded mail server or no mail server, an admin login that is missing, a demo
 * login or weak, or a service-account token that is the demo value or short.
 */
public class ProductionCredentialsGuard implements EnvironmentPostProcessor {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Set<String> KNOWN_WEAK = Set.of("demo", "admin", "password", "camunda", "changeme",
            "secret", "123456", "12345678", "123456789012", "passwordpassword");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> refusals = check(environment.getProperty("camunda.bpm.admin-user.id", ""),
                environment.getProperty("camunda.bpm.admin-user.password", ""),
                environment.getProperty("aftersales.demo.enabled", Boolean.class, false),
                environment.getProperty("aftersales.mail.embedded-smtp.enabled", Boolean.class, false),
                environment.getProperty("spring.mail.host", ""));
        refusals.addAll(checkServiceTokens(Binder.get(environment)
                .bind("aftersales.security.service-tokens", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of())));
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: " + String.join("; ", refusals));
        }
    }

    static final int MIN_TOKEN_LENGTH = 32;

    /** Service-account tokens: none may be the demo value or short enough to guess. */
    static List<String> checkServiceTokens(Map<String, String> tokens) {
        List<String> refusals = new ArrayList<>();
        tokens.forEach((account, token) -> {
            if (token == null || token.isBlank()) {
                return;
            }
            if (token.contains(ServiceTokens.DEMO_TOKEN_MARK) || token.contains("change-me")) {
                refusals.add("the token of service account '" + account + "' is a demo or example value (RELAY_TOKEN)");
            } else if (token.length() < MIN_TOKEN_LENGTH) {
                refusals.add("the token of service account '" + account + "' is shorter than " + MIN_TOKEN_LENGTH
                        + " characters");
            }
        });
        return refusals;
    }

    static List<String> check(String adminUser, String adminPassword, boolean demoData, boolean embeddedSmtp,
            String smtpHost) {
        List<String> refusals = new ArrayList<>();
        if (demoData) {
            refusals.add("demo data is on (aftersales.demo.enabled / DEMO_ENABLED)");
        }
        if (embeddedSmtp) {
            refusals.add("the embedded SMTP server is on (EMBEDDED_SMTP_ENABLED); set SMTP_HOST instead");
        } else if (smtpHost.isBlank()) {
            refusals.add("no SMTP server: set SMTP_HOST");
        }
        if (adminUser.isBlank()) {
            refusals.add("ADMIN_USER is not set");
        } else if (DemoUsers.ALL.stream().anyMatch(u -> u.id().equals(adminUser)) || "demo".equals(adminUser)) {
            refusals.add("ADMIN_USER '" + adminUser + "' is a demo login");
        }
        if (adminPassword.isBlank()) {
            refusals.add("ADMIN_PASSWORD is not set");
        } else if (KNOWN_WEAK.contains(adminPassword.toLowerCase(Locale.ROOT))
                || adminPassword.equalsIgnoreCase(adminUser)) {
            refusals.add("ADMIN_PASSWORD is a demo or well-known password");
        } else if (adminPassword.length() < MIN_PASSWORD_LENGTH) {
            refusals.add("ADMIN_PASSWORD is shorter than " + MIN_PASSWORD_LENGTH + " characters");
        }
        return refusals;
    }
}
