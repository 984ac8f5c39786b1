package com.helloword.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/** Answers with personal data are not cached, sniffed or framed; the webapps keep their own headers. */
@IntegrationTest
class ResponseHeadersTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void apiAnswersCarryNoStoreNosniffAndAStrictPolicy() {
        for (HttpResponse<String> answer : new HttpResponse[] {http.get("/api/stores", "lena"),
                http.get("/api/stores", null)}) {
            assertThat(answer.headers().firstValue("Cache-Control")).as(answer.uri().toString()).hasValue("no-store");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    policy -> assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'"));
        }
    }

    @Test
    void buyerPagesCarryThemAndTheirPolicyAllowsTheirInlineStylesAndForms() {
        HttpResponse<String> page = http.get("/buyer/cases/AS-NOSUCHCASE/confirm?t=forged", null);
        assertThat(page.headers().firstValue("Cache-Control")).as(page.body()).hasValue("no-store");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'none'", "style-src 'unsafe-inline'", "form-action 'self'"));
    }

    @Test
    void theWebappsKeepCamundasHeadersWithoutOurPolicy() {
        HttpResponse<String> tasklist = http.get("/camunda/app/tasklist/default/", null);
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).doesNotContain("default-src 'none'"));
    }

    @Test
    void theErrorPathAskedDirectlyIsNotFound() {
        HttpResponse<String> error = http.get("/error", null);
        assertThat(error.statusCode()).as(error.body()).isEqualTo(404);
        assertThat(Http.json(error).get("status").asInt()).isEqualTo(404);
        // a real error still renders through /error as a problem
        HttpResponse<String> missing = http.get("/api/no-such-thing", "lena");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.json(missing).get("status").asInt()).isEqualTo(404);
    }
}
