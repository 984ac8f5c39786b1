package com.helloword.aftersales.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.notification.OutboxRelay;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;
import com.helloword.aftersales.support.ReceivedMail;
import com.icegreen.greenmail.util.GreenMail;

/**
 * The French customs case of ../shared/DOMAIN.md §1 from end to end, through HTTP, SMTP and two WireMock Shopify
 * stores: 120 orders shipped to France (and some that are not affected) → the incident declared → 120 mails at the
 * SMTP server, each in its buyer's language with three working links → buyers choose (a replayed, a forged and an
 * altered link refused, changing nothing) → exactly one remedy per chosen order at the platform → a reminder to
 * who has not chosen → the choice closes (an expired link refused) → the default remedy for the rest → the figures
 * of GET /api/incidents/{id} right all along, and the summary at the end.
 */
@IntegrationTest
class IncidentEndToEndTest {

    private static final Pattern LINK = Pattern.compile(
            "https?://[^\\s\"<>]+/buyer/incidents/(\\d+)/options/([1-3])\\?t=([A-Za-z0-9._-]+)(?:&amp;|&)lang=([a-z]{2})");
    private static final List<String> LANGUAGES = List.of("fr", "de", "en", "es");

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    GreenMail smtp;
    @Autowired
    OutboxRelay relay;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.resumeRealTime();
    }

    @Test
    void oneHundredTwentyParcelsHeldInFrenchCustoms() throws Exception {
        Http http = new Http(port);
        clock.fixWithEngine(Instant.now());
        IncidentFixture fixture = new IncidentFixture(http, providerStubs, stores);
        fixture.stubRemedies();
        IncidentFixture.deliverAll(relay);
        List<String> orders = new ArrayList<>();
        Map<String, String> languageOf = new LinkedHashMap<>();
        for (int i = 0; i < 120; i++) {
            // ten buyers have two affected orders: one mail per order; a buyer reads one language
            int buyer = i < 20 ? i / 2 : i;
            String language = LANGUAGES.get(buyer % LANGUAGES.size());
            String email = "buyer-" + buyer + "-" + fixture.run + "@example.fr";
            String id = fixture.run + "-" + i;
            languageOf.put(id, language);
            orders.add(fixture.order(i % 2 == 0 ? fixture.shopA : fixture.shopB, id, email, language, "FR",
                    "SHIPPED", "2026-12-01T08:00:00Z"));
        }
        // not affected: delivered, not shipped yet, shipped elsewhere
        orders.add(fixture.order(fixture.shopA, fixture.run + "-delivered", "d-" + fixture.run + "@example.fr", "fr",
                "FR", "DELIVERED", "2026-11-25T08:00:00Z"));
        orders.add(fixture.order(fixture.shopA, fixture.run + "-placed", "p-" + fixture.run + "@example.fr", "fr",
                "FR", "PLACED", null));
        orders.add(fixture.order(fixture.shopB, fixture.run + "-belgium", "b-" + fixture.run + "@example.be", "fr",
                "BE", "SHIPPED", "2026-12-01T08:00:00Z"));
        fixture.importOrders(orders);

        HttpResponse<String> declared = http.post("/api/incidents", "mia", "application/json", """
                {"selector": {"destinationCountry": "FR", "storeIds": ["%s", "%s"]},
                 "cause": "CUSTOMS_HOLD",
                 "options": [{"remedy": "COUPON", "amount": 10, "currency": "EUR"}, {"remedy": "RESHIP_EXPRESS"},
                             {"remedy": "REFUND"}],
                 "message": "French customs hold a whole truck of our parcels."}"""
                .formatted(fixture.shopA, fixture.shopB));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        long id = Http.json(declared).get("id").asLong();
        String key = Http.json(declared).get("key").asText();
        IncidentFixture.runJobs(runtime, management, relay, key);

        JsonNode open = figures(http, id);
        assertThat(open.get("state").asText()).isEqualTo("OPEN");
        assertThat(open.get("affectedOrders").asInt()).isEqualTo(120);
        assertThat(open.get("mailed").asInt()).isEqualTo(120);
        assertThat(open.get("open").asInt()).isEqualTo(120);
        assertThat(open.get("executed").asInt()).isZero();

        // 120 mails, one per order, in the buyer's language, three links each
        Map<String, List<String[]>> linksOf = new HashMap<>();
        int mails = 0;
        List<MimeMessage> notices = ReceivedMail.to(smtp, fixture.run);
        for (MimeMessage mail : notices) {
            String body = ReceivedMail.content(mail);
            String order = orderIn(mail.getSubject(), languageOf);
            assertThat(order).as("an order of the run in " + mail.getSubject()).isNotNull();
            assertThat(body).contains("lang=\"" + languageOf.get(order) + "\"");
            List<String[]> links = new ArrayList<>();
            Matcher m = LINK.matcher(body);
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (m.find()) { // the HTML part and the text part carry the same links
                if (seen.add(m.group(1) + "/" + m.group(2))) {
                    links.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
                }
            }
            assertThat(links).as("links of " + order).hasSize(3);
            assertThat(links).allSatisfy(l -> assertThat(l[3]).isEqualTo(languageOf.get(order)));
            assertThat(linksOf.put(order, links)).as("one mail for " + order + ": " + mail.getSubject() + " of "
                    + notices.size() + " to " + java.util.Arrays.toString(mail.getAllRecipients())).isNull();
            mails++;
        }
        assertThat(mails).isEqualTo(120);

        // 70 buyers choose: 30 coupons, 20 reships, 20 refunds
        List<String> ordersInTurn = new ArrayList<>(languageOf.keySet());
        Map<String, Integer> chose = new HashMap<>();
        for (int i = 0; i < 70; i++) {
            int option = i < 30 ? 1 : i < 50 ? 2 : 3;
            String[] link = linksOf.get(ordersInTurn.get(i)).get(option - 1);
            HttpResponse<String> page = http.get(path(link), null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("method=\"post\"");
            HttpResponse<String> chosen = choose(http, link);
            assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
            chose.put(ordersInTurn.get(i), option);
        }
        // the same link again, another option of a chosen order, a forged option, an altered token: nothing changes
        String[] used = linksOf.get(ordersInTurn.get(0)).get(0);
        assertThat(choose(http, used).statusCode()).isEqualTo(409);
        assertThat(choose(http, linksOf.get(ordersInTurn.get(0)).get(2)).statusCode()).isEqualTo(409);
        String[] unchosen = linksOf.get(ordersInTurn.get(100)).get(0);
        String[] forged = {unchosen[0], "3", unchosen[2], unchosen[3]};
        HttpResponse<String> forgedAnswer = choose(http, forged);
        assertThat(forgedAnswer.statusCode()).isEqualTo(403);
        assertThat(forgedAnswer.body()).contains("lang=\"" + languageOf.get(ordersInTurn.get(100)) + "\"");
        String[] altered = {unchosen[0], unchosen[1], unchosen[2].substring(0, unchosen[2].length() - 2) + "xx",
                unchosen[3]};
        assertThat(choose(http, altered).statusCode()).isEqualTo(403);
        String[] otherOrder = {linksOf.get(ordersInTurn.get(101)).get(0)[0], unchosen[1], unchosen[2], unchosen[3]};
        assertThat(choose(http, otherOrder).statusCode()).isEqualTo(403);

        IncidentFixture.runJobs(runtime, management, relay, key);
        JsonNode chosen = figures(http, id);
        assertThat(chosen.at("/chosen/COUPON").asInt()).isEqualTo(30);
        assertThat(chosen.at("/chosen/RESHIP_EXPRESS").asInt()).isEqualTo(20);
        assertThat(chosen.at("/chosen/REFUND").asInt()).isEqualTo(20);
        assertThat(chosen.get("executed").asInt()).isEqualTo(70);
        assertThat(chosen.get("open").asInt()).isEqualTo(50);
        assertThat(fixture.calls("mutation RefundCreate")).isEqualTo(20);
        assertThat(fixture.calls("mutation ExchangeComplete")).isEqualTo(20);
        List<MimeMessage> done = after(ReceivedMail.to(smtp, fixture.run), notices.size());
        assertThat(done).as("a done mail per carried-out order").hasSize(70);
        assertThat(ReceivedMail.content(done.get(0))).doesNotContain("/buyer/incidents/");

        // the reminder, to the 50 who have not chosen
        Instant reminderAt = Instant.parse(chosen.get("reminderAt").asText());
        clock.fixWithEngine(reminderAt.plus(Duration.ofMinutes(1)));
        IncidentFixture.runJobs(runtime, management, relay, key);
        assertThat(figures(http, id).get("reminded").asInt()).isEqualTo(50);
        List<MimeMessage> reminders = after(ReceivedMail.to(smtp, fixture.run), notices.size() + done.size());
        assertThat(reminders).hasSize(50);
        for (MimeMessage reminder : reminders) {
            String order = orderIn(reminder.getSubject(), languageOf);
            assertThat(chose).as("a reminder only to who has not chosen").doesNotContainKey(order);
        }

        // the choice closes: links expire, the default (a coupon, for customs) goes to the 50
        Instant choiceEndsAt = Instant.parse(chosen.get("choiceEndsAt").asText());
        clock.fixWithEngine(choiceEndsAt.plus(Duration.ofMinutes(1)));
        HttpResponse<String> expired = choose(http, linksOf.get(ordersInTurn.get(110)).get(2));
        assertThat(expired.statusCode()).isEqualTo(410);
        IncidentFixture.runJobs(runtime, management, relay, key);
        JsonNode settling = figures(http, id);
        assertThat(settling.get("state").asText()).isEqualTo("SETTLING");
        assertThat(settling.get("open").asInt()).isZero();
        // the incident looks again a quarter of an hour later, finds nothing open and closes
        clock.fixWithEngine(choiceEndsAt.plus(Duration.ofMinutes(17)));
        IncidentFixture.runJobs(runtime, management, relay, key);
        JsonNode closed = figures(http, id);
        assertThat(closed.get("state").asText()).as(closed.toString()).isEqualTo("CLOSED");
        assertThat(closed.at("/defaulted/COUPON").asInt()).isEqualTo(50);
        assertThat(closed.get("executed").asInt()).isEqualTo(120);
        assertThat(closed.get("open").asInt()).isZero();
        assertThat(closed.get("summary").asText()).contains("orders 120").contains("carried out 120");
        // exactly one remedy per chosen order at the platform: the defaults were coupons, no platform call
        assertThat(fixture.calls("mutation RefundCreate")).isEqualTo(20);
        assertThat(fixture.calls("mutation ExchangeComplete")).isEqualTo(20);
        // every order got exactly its notice, and a done mail; the 50 a reminder
        assertThat(ReceivedMail.to(smtp, fixture.run)).hasSize(120 + 70 + 50 + 50);
        String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
                .processDefinitionKey(ShipmentIncidentProcess.PROCESS_KEY).singleResult().getId();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(ShipmentIncidentProcess.VAR_SUMMARY).singleResult().getValue())
                .isEqualTo(closed.get("summary").asText());
    }

    /** The mails after the first {@code skip} (GreenMail keeps them in the order they came). */
    private static List<MimeMessage> after(List<MimeMessage> mails, int skip) {
        return mails.subList(skip, mails.size());
    }

    /** The order of the run a mail is about (every subject names it). */
    private static String orderIn(String body, Map<String, String> languageOf) {
        String run = languageOf.keySet().iterator().next().split("-")[0];
        Matcher m = Pattern.compile(Pattern.quote(run) + "-\\d+").matcher(body);
        return m.find() && languageOf.containsKey(m.group()) ? m.group() : null;
    }

    private static String path(String[] link) {
        return "/buyer/incidents/" + link[0] + "/options/" + link[1] + "?t=" + link[2] + "&lang=" + link[3];
    }

    private static HttpResponse<String> choose(Http http, String[] link) {
        return http.post("/buyer/incidents/" + link[0] + "/options/" + link[1], null,
                "application/x-www-form-urlencoded", "t=" + link[2] + "&lang=" + link[3]);
    }

    private static JsonNode figures(Http http, long id) {
        HttpResponse<String> answer = http.get("/api/incidents/" + id, "mia");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.json(answer);
    }
}
