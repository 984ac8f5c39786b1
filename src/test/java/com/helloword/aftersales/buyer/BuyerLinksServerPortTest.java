package com.helloword.aftersales.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.support.IntegrationTest;

/**
 * The application on another port than 8080 (a random one) and no PUBLIC_BASE_URL: the links in buyer mail
 * name the port the server listens on, and open this server's buyer pages.
 */
@IntegrationTest
class BuyerLinksServerPortTest {

    @LocalServerPort
    int port;
    @Autowired
    BuyerLinks links;

    @Test
    void buyerLinksNameThePortTheServerListensOn() throws Exception {
        assertThat(port).isNotEqualTo(8080);
        String confirm = links.confirmUrl("AS-NOSUCHCASE");
        assertThat(confirm).startsWith("http://localhost:" + port + "/buyer/cases/AS-NOSUCHCASE/confirm?t=");
        assertThat(links.returnStartUrl(1, "DEFECT", "REFUND", "en")).startsWith("http://localhost:" + port + "/");

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(confirm)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("<html");
    }
}
