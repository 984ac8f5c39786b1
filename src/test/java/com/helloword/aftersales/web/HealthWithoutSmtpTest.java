package com.helloword.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.icegreen.greenmail.util.GreenMail;

/**
 * An SMTP server that does not answer is no outage: the outbox keeps the mail, so the application stays UP
 * and says DEGRADED for mail alone. The embedded SMTP server is stopped, so its port refuses connections
 * as an unreachable server's does. In the shared context: a second context would register a second
 * Camunda engine and disturb the shared one.
 */
@IntegrationTest
class HealthWithoutSmtpTest {

    @LocalServerPort
    int port;
    @Autowired
    GreenMail smtp;

    @AfterEach
    void smtpBackUp() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
    }

    @Test
    void healthStaysUpWhileSmtpIsUnreachableAndMailSaysSo() {
        Http http = new Http(port);
        // the probe answers the last check and never waits for SMTP; a new check follows within seconds
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Http.json(http.get("/actuator/health/mail", null)).get("status").asText()).isEqualTo("UP"));

        smtp.stop();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> mail = http.get("/actuator/health/mail", null);
            assertThat(mail.statusCode()).as(mail.body()).isEqualTo(200);
            assertThat(Http.json(mail).get("status").asText()).isEqualTo("DEGRADED");
        });
        HttpResponse<String> health = http.get("/actuator/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(Http.json(health).get("status").asText()).isEqualTo("UP");
    }
}
