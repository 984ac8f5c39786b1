package com.helloword.aftersales.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Which sandbox defaults apply: only where nothing was configured, and never over a variable that is set. */
class SandboxEnvironmentTest {

    static final String SHIPPED = "${SANDBOX_TEST_PAYPAL_URL_THAT_NOBODY_SETS:https://api-m.paypal.com}";

    private static StandardEnvironment environment(Map<String, Object> applicationYaml) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("Config resource 'application.yaml'",
                applicationYaml));
        return environment;
    }

    @Test
    void missingSettingsGetTheSandboxButConfiguredOnesStay() {
        StandardEnvironment environment = environment(Map.of(SandboxEnvironment.ENABLED, "true", "server.port",
                "9090", "aftersales.credentials.ebay.client-id", "real-ebay-client-id"));

        new SandboxEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("aftersales.providers.paypal.base-url"))
                .isEqualTo("http://127.0.0.1:9090/sandbox/paypal");
        assertThat(environment.getProperty("aftersales.credentials.ebay.client-id")).isEqualTo("real-ebay-client-id");
        assertThat(environment.getProperty("aftersales.credentials.ebay.client-secret"))
                .isEqualTo("sandbox-ebay-client-secret");
        assertThat(environment.getProperty("aftersales.providers.dhl.base-url"))
                .isEqualTo("http://127.0.0.1:9090/sandbox/dhl");
    }

    @Test
    void aConfiguredEndpointStaysEvenAsAPlaceholder() {
        StandardEnvironment environment = environment(Map.of(SandboxEnvironment.ENABLED, "true",
                "aftersales.providers.paypal.base-url", SHIPPED));
        environment.getPropertySources().addFirst(new MapPropertySource("deployment",
                Map.of("SANDBOX_TEST_PAYPAL_URL_THAT_NOBODY_SETS", "https://api-m.sandbox.paypal.com")));

        new SandboxEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("aftersales.providers.paypal.base-url"))
                .isEqualTo("https://api-m.sandbox.paypal.com");
    }

    @Test
    void anyFreePortIsPickedBeforeTheBeansAreBuiltSoEndpointsFixedAtConstructionCanNameIt() {
        StandardEnvironment environment = environment(Map.of(SandboxEnvironment.ENABLED, "true", "server.port", "0"));

        new SandboxEnvironment().postProcessEnvironment(environment, null);

        int port = environment.getProperty("server.port", Integer.class, 0);
        assertThat(port).isPositive();
        assertThat(environment.getProperty("aftersales.providers.amazon.token-url"))
                .isEqualTo("http://127.0.0.1:" + port + "/sandbox/amazon/auth/o2/token");
    }

    @Test
    void withTheSandboxOffNothingChanges() {
        StandardEnvironment environment = environment(Map.of("server.port", "0"));

        new SandboxEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("aftersales.providers.dhl.base-url")).isNull();
        assertThat(environment.getProperty("server.port")).isEqualTo("0");
    }
}
