package com.helloword.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import com.helloword.aftersales.AfterSalesApplication;

class ProductionCredentialsGuardTest {

    private final ProductionCredentialsGuard guard = new ProductionCredentialsGuard();

    @Test
    void theProdProfileRefusesToStartWithTheDemoLogin() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(AfterSalesApplication.class)
                .profiles("prod")
                .properties("spring.datasource.url=jdbc:h2:mem:never-used", "server.port=0");

        // as an operator would pass them (environment or command line)
        assertThatThrownBy(() -> app.run("--ADMIN_USER=demo", "--ADMIN_PASSWORD=demo"))
                .hasMessageContaining("prod profile refuses to start")
                .hasMessageContaining("'demo' is a demo login")
                .hasMessageContaining("ADMIN_PASSWORD is a demo or well-known password");
    }

    @Test
    void prodRefusesMissingWeakOrDemoSettings() {
        assertThat(ProductionCredentialsGuard.check("", "", false, false, "smtp.example.com"))
                .containsExactly("ADMIN_USER is not set", "ADMIN_PASSWORD is not set");
        assertThat(ProductionCredentialsGuard.check("lena", "lena", false, false, "smtp.example.com"))
                .contains("ADMIN_USER 'lena' is a demo login", "ADMIN_PASSWORD is a demo or well-known password");
        assertThat(ProductionCredentialsGuard.check("ops-admin", "short-pw", false, false, "smtp.example.com"))
                .containsExactly("ADMIN_PASSWORD is shorter than 12 characters");
        assertThat(ProductionCredentialsGuard.check("ops-admin", "a-long-and-random-secret", true, true, "smtp.example.com"))
                .hasSize(2).allMatch(r -> r.contains("demo data") || r.contains("embedded SMTP"));
    }

    @Test
    void prodStartsWithARealAdminAndNoDemo() {
        MockEnvironment environment = prodEnvironment("ops-admin", "Tr0ub4dor-and-more");

        guard.postProcessEnvironment(environment, null);

        assertThat(ProductionCredentialsGuard.check("ops-admin", "Tr0ub4dor-and-more", false, false, "smtp.example.com")).isEmpty();
    }

    @Test
    void prodRefusesDemoDataSwitchedBackOnThroughTheEnvironment() {
        MockEnvironment environment = prodEnvironment("ops-admin", "Tr0ub4dor-and-more");
        environment.setProperty("aftersales.demo.enabled", "true");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null))
                .hasMessageContaining("demo data is on");
    }

    @Test
    void prodRefusesToRunWithoutAnSmtpServer() {
        assertThat(ProductionCredentialsGuard.check("ops-admin", "a-long-and-random-secret", false, false, " "))
                .containsExactly("no SMTP server: set SMTP_HOST");
    }

    @Test
    void otherProfilesAreNotChecked() {
        MockEnvironment environment = new MockEnvironment();
        environment.setProperty("camunda.bpm.admin-user.id", "demo");
        environment.setProperty("camunda.bpm.admin-user.password", "demo");

        guard.postProcessEnvironment(environment, null);

        assertThat(environment.getActiveProfiles()).isEmpty();
    }


    @Test
    void prodRefusesTheDemoRelayTokenAndShortTokens() {
        MockEnvironment environment = prodEnvironment("ops-admin", "Tr0ub4dor-and-more");
        environment.setProperty("aftersales.security.service-tokens.relay", "demo-only-relay-token");
        environment.setProperty("aftersales.security.service-tokens.erp", "short");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null))
                .hasMessageContaining("service account 'relay' is a demo or example value")
                .hasMessageContaining("service account 'erp' is shorter than 32 characters");

        environment.setProperty("aftersales.security.service-tokens.relay", "x".repeat(40));
        environment.setProperty("aftersales.security.service-tokens.erp", "");
        guard.postProcessEnvironment(environment, null); // a real token, and none for erp: starts
    }

    private static MockEnvironment prodEnvironment(String user, String password) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        environment.setProperty("camunda.bpm.admin-user.id", user);
        environment.setProperty("camunda.bpm.admin-user.password", password);
        environment.setProperty("aftersales.demo.enabled", "false");
        environment.setProperty("aftersales.mail.embedded-smtp.enabled", "false");
        environment.setProperty("spring.mail.host", "smtp.example.com");
        return environment;
    }
}
