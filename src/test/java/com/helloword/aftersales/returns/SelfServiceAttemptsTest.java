package com.helloword.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * The self-service form takes only so many tries per remote address and per order number in a window
 * ({@code aftersales.returns.self-service}); the next one is 429 with {@code Retry-After} and a page in the
 * buyer's language. Each test starts a window of its own by moving both clocks (the test's requests all come
 * from 127.0.0.1, as the other tests' do).
 */
@IntegrationTest
class SelfServiceAttemptsTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    SelfServiceSettings settings;

    Http http;
    String run;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resetClocks() {
        clock.resumeRealTime();
    }

    private HttpResponse<String> ask(String lang, String order, String email) {
        return http.post("/buyer/returns/new", null, "application/x-www-form-urlencoded", "lang=" + lang + "&order="
                + URLEncoder.encode(order, StandardCharsets.UTF_8) + "&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&reason=SIZE_FIT&wanted=REFUND");
    }

    @Test
    void theTryAfterTheLastAllowedFromOneAddressIs429InTheBuyersLanguage() {
        clock.fixWithEngine(Instant.parse("2031-05-05T08:00:00Z"));
        for (int i = 0; i < settings.attemptsPerSource(); i++) {
            HttpResponse<String> asked = i % 2 == 0 ? ask("de", "#" + run + i, "someone." + i + "@example.de")
                    : http.post("/buyer/returns/new", null, "application/x-www-form-urlencoded", "lang=de");
            assertThat(asked.statusCode()).as("try " + (i + 1)).isIn(200, 400);
        }

        HttpResponse<String> refused = ask("de", "#" + run + "-next", "someone@example.de");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains(String.valueOf(settings.window().toSeconds()));
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.body()).contains("lang=\"de\"", "Zu viele Versuche").doesNotContain("<form");

        clock.advance(settings.window());
        assertThat(ask("de", "#" + run + "-later", "someone@example.de").statusCode()).isEqualTo(200);
    }

    @Test
    void theTryAfterTheLastAllowedForOneOrderNumberIs429WhileOtherOrdersMayStillBeAsked() {
        clock.fixWithEngine(Instant.parse("2031-05-06T08:00:00Z"));
        assertThat(settings.attemptsPerOrder()).as("this test's tries fit in the address's allowance")
                .isLessThan(settings.attemptsPerSource() - 1);
        String order = "302-" + run + "-7654321";
        for (int i = 0; i < settings.attemptsPerOrder(); i++) {
            assertThat(ask("fr", i % 2 == 0 ? order : " " + order.toUpperCase() + " ", "guess." + i + "@example.fr")
                    .statusCode()).as("try " + (i + 1)).isEqualTo(200);
        }

        HttpResponse<String> refused = ask("fr", order, "guess@example.fr");
        HttpResponse<String> other = ask("fr", "302-" + run + "-0000001", "guess@example.fr");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("lang=\"fr\"", "Trop de tentatives");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    }
}
