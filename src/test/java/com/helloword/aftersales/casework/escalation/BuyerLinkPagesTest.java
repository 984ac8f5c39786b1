package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;
import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.notification.OutboxRelay;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;
import com.helloword.aftersales.support.ReceivedMail;

/**
 * Issue 19, point 9: a German buyer whose link from our mail was altered (or has expired) gets the 403 page
 * in German, whatever language the browser asks for; a link made up for the case learns nothing of it (the
 * browser's language). Both clocks are fixed at a Monday morning.
 */
@IntegrationTest
class BuyerLinkPagesTest {

    private static final Pattern RATING_LINK = Pattern.compile(
            "https?://[^\\s\"<>]+/buyer/cases/[A-Z0-9-]+/rating\\?stars=5&(?:amp;)?t=[A-Za-z0-9._-]+&(?:amp;)?lang=de");
    private static final String GERMAN = "Dieser Link ist nicht gültig";
    private static final String ENGLISH = "This link is not valid";

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    BuyerReplies replies;
    @Autowired
    BuyerLinks links;
    @Autowired
    OutboxRelay relay;
    @Autowired
    GreenMail smtp;
    @Autowired
    MutableClock clock;

    Http http;
    String run;
    String buyer;
    String key;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        clock.set(Instant.parse("2026-11-23T08:00:00Z"));
        ClockUtil.setCurrentTime(Date.from(clock.instant()));
        String storeId = "shopify-de-links-" + run;
        String orderId = "8810" + Math.abs(run.hashCode() % 1000);
        buyer = "hanna." + run + "@example.de";
        stores.save(new Store(storeId, "Helloword Tassen DE", Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin"));
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_language,"
                + "destination_country,currency,ordered_at,status,sku,quantity,unit_price\n" + storeId + "," + orderId
                + "," + buyer + ",de,DE,EUR,2026-11-10T10:00:00Z,PLACED,MUG-STONE,1,34.90\n"));
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<links-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Frage", "body": "Hallo, wann kommt meine Tasse an?"}"""
                .formatted(storeId, run, orderId, buyer));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        key = Http.json(received).get("businessKey").asText();
        relay.deliverDue();
    }

    @AfterEach
    void resetClocks() {
        ClockUtil.reset();
        clock.set(Instant.now());
    }

    @Test
    void anAlteredLinkFromAGermanBuyersMailIsRefusedInGerman() throws Exception {
        replies.requestRating(cases.findByBusinessKey(key).orElseThrow().getId());
        relay.deliverDue();
        List<MimeMessage> mails = ReceivedMail.to(smtp, buyer, key, "Wie zufrieden");
        assertThat(mails).hasSize(1);
        Matcher found = RATING_LINK.matcher(ReceivedMail.content(mails.get(0)));
        assertThat(found.find()).as("the rating link names the buyer's language").isTrue();
        URI link = URI.create(found.group().replace("&amp;", "&"));
        String altered = link.getRawPath() + "?" + link.getRawQuery().replaceFirst("t=([^&]+)", "t=$1x");

        HttpResponse<String> page = get(altered, "en-US,en;q=0.9");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("lang=\"de\"", GERMAN).doesNotContain(ENGLISH);
        HttpResponse<String> posted = http.send("POST", altered, null, "application/x-www-form-urlencoded",
                "stars=5".getBytes(), "Accept-Language", "en-US");
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains(GERMAN);
    }

    @Test
    void ourOwnExpiredLinkWithoutTheLanguageIsRefusedInTheCasesLanguage() {
        Instant now = clock.instant();
        clock.set(now.minus(Duration.ofDays(61)));
        URI old = URI.create(links.confirmUrl(key)); // as links were before they named the language
        clock.set(now);

        HttpResponse<String> page = get(old.getRawPath() + "?" + old.getRawQuery(), "en-US");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("lang=\"de\"", GERMAN);
    }

    @Test
    void aLinkMadeUpForTheCaseLearnsNothingOfIt() {
        HttpResponse<String> page = get("/buyer/cases/" + key + "/confirm?t=1." + "x".repeat(32), "en-US");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("lang=\"en\"", ENGLISH).doesNotContain(GERMAN);
    }

    @Test
    void theCasePagesAreHeadedByTheStoreTheBuyerBoughtFromAndARefusalNamesNoStore() {
        URI confirm = URI.create(links.confirmUrl(key));
        HttpResponse<String> page = get(confirm.getRawPath() + "?" + confirm.getRawQuery(), "de-DE");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<p class=\"store\">Helloword Tassen DE</p>");

        HttpResponse<String> refused = get("/buyer/cases/" + key + "/confirm?t=1." + "x".repeat(32), "de-DE");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("Helloword Tassen DE").contains("<p class=\"store\">Helloword</p>");
    }

    private HttpResponse<String> get(String pathAndQuery, String acceptLanguage) {
        return http.send("GET", pathAndQuery, null, null, null, "Accept-Language", acceptLanguage);
    }
}
