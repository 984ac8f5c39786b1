package com.helloword.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.ProviderStubsConfiguration;
import com.helloword.aftersales.support.TestClockConfiguration;

/**
 * An external SMTP server that does not answer (a port nobody listens on) is no outage: the outbox keeps
 * the mail, so the application stays UP and says DEGRADED for mail alone. Its own context, since the shared
 * one runs the embedded SMTP server: its engine has a name of its own, so it does not take the shared
 * context's place as Camunda's "default" engine (the REST API and static lookups find engines by name),
 * and it is closed after this class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "aftersales.mail.embedded-smtp.enabled=false", "aftersales.mail.inbound.enabled=false",
        "spring.mail.host=127.0.0.1", "camunda.bpm.process-engine-name=mail-health-probe"})
@DirtiesContext
@Import({TestClockConfiguration.class, ProviderStubsConfiguration.class})
class HealthWithoutSmtpTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void unreachableSmtp(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        registry.add("spring.mail.port", () -> closed);
    }

    @Test
    void healthStaysUpWhileSmtpIsUnreachableAndMailSaysSo() {
        Http http = new Http(port);
        HttpResponse<String> health = http.get("/actuator/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(Http.json(health).get("status").asText()).isEqualTo("UP");

        HttpResponse<String> mail = http.get("/actuator/health/mail", null);
        assertThat(mail.statusCode()).as(mail.body()).isEqualTo(200);
        assertThat(Http.json(mail).get("status").asText()).isEqualTo("DEGRADED");
    }
}
