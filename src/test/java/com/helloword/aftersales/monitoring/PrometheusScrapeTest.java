package com.helloword.aftersales.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * {@code /actuator/prometheus} answers the {@code aftersales_} meters to managers, admins and service accounts only;
 * health and info stay open.
 */
@IntegrationTest
class PrometheusScrapeTest {

    @LocalServerPort
    int port;

    @Test
    void anAuthorizedScraperGetsTheAftersalesMeters() {
        for (String scraper : new String[] {"mia", "demo", Http.RELAY}) {
            HttpResponse<String> answer = new Http(port).get("/actuator/prometheus", scraper);
            assertThat(answer.statusCode()).as(scraper).isEqualTo(200);
            assertThat(answer.body()).contains("aftersales_cases_open{severity=\"RED\"}",
                    "aftersales_sla_breaches{kind=\"first_reply\"}", "aftersales_outbox_backlog",
                    "aftersales_outbox_failures", "aftersales_jobs_executable", "aftersales_jobs_failed");
        }
    }

    @Test
    void nobodyElseScrapes() {
        HttpResponse<String> anonymous = new Http(port).get("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("aftersales_");
        HttpResponse<String> agent = new Http(port).get("/actuator/prometheus", "lena");
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(agent.body()).doesNotContain("aftersales_");
        assertThat(new Http(port).get("/actuator/prometheus", "mia:wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void healthAndInfoStayOpen() {
        assertThat(new Http(port).get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(new Http(port).get("/actuator/health/liveness", null).statusCode()).isIn(200, 404);
        assertThat(new Http(port).get("/actuator/info", null).statusCode()).isEqualTo(200);
    }
}
