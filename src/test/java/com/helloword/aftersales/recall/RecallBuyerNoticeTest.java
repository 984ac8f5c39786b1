package com.helloword.aftersales.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.notification.OutboxMessage;
import com.helloword.aftersales.notification.OutboxRelay;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;
import com.helloword.aftersales.support.PublishedEvents;
import com.helloword.aftersales.support.ReceivedMail;

/**
 * The buyer side of stage 3 on the running application, with data made directly in the repositories: a German
 * buyer with two affected orders (an EU market: the GPSR notice) and a US buyer (the plain notice). Each notice is
 * queued once per key, in the buyer's language and their market's template, listing all their orders; reminders
 * have a key per round; the page link opens the buyer's page and marks them reached; a remedy from the plan is
 * recorded and announced once; anything else is refused with the reason.
 */
@IntegrationTest
class RecallBuyerNoticeTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    StoreRepository stores;
    @Autowired
    BuyerRepository buyers;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    RecallRepository recalls;
    @Autowired
    RecallMarketPlanRepository plans;
    @Autowired
    RecallNoticeRepository notices;
    @Autowired
    RecallUnitRepository units;
    @Autowired
    RecallNoticeMails mails;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    GreenMail smtp;
    @Autowired
    PublishedEvents events;
    @Autowired
    RecallPageSettings pageSettings;
    @Autowired
    MutableClock clock;
    @Autowired
    ObjectMapper json;

    Http http;
    String run;
    Recall recall;
    RecallNotice german;
    RecallNotice american;
    List<String> germanOrders;
    String americanOrder;

    @BeforeEach
    void setUp() {
        clock.fixWithEngine(NOW);
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(tx -> {
            Store de = stores.save(new Store("rc-de-" + run, "Helloword Küche DE", Platform.SHOPIFY, "DE",
                    Currency.getInstance("EUR"), "de", "Europe/Berlin"));
            Store us = stores.save(new Store("rc-us-" + run, "Helloword Kitchen US", Platform.SHOPIFY, "US",
                    Currency.getInstance("USD"), "en", "America/New_York"));
            Buyer jonas = buyer("jonas-" + run + "@example.de", "Jonas Beispiel", "de", "DE");
            Buyer ann = buyer("ann-" + run + "@example.com", "Ann Example", "en", "US");
            SalesOrder first = order(de, "DE-" + run + "-1", jonas, "DE", "EUR", "B1", 2);
            SalesOrder second = order(de, "DE-" + run + "-2", jonas, "DE", "EUR", "B3", 1);
            SalesOrder third = order(us, "US-" + run + "-1", ann, "US", "USD", "B1", 1);
            germanOrders = List.of(first.getPlatformOrderId(), second.getPlatformOrderId());
            americanOrder = third.getPlatformOrderId();

            recall = recalls.save(new Recall("RC-T" + run, "KETTLE-" + run, List.of("B1", "B3"), List.of("DE", "US"),
                    List.of(), "The lid can open while boiling: risk of scalding.", RecallSource.MANUAL, null, "rita",
                    NOW));
            plan("DE", List.of("REFUND", "REPLACEMENT"), "recall-notice-gpsr");
            plan("US", List.of("REFUND"), "recall-notice");
            german = notices.save(new RecallNotice(recall.getId(), jonas.getId(), "DE", "de", 0, 2, 3));
            american = notices.save(new RecallNotice(recall.getId(), ann.getId(), "US", "en", 0, 1, 1));
            units(german, first, "DE");
            units(german, second, "DE");
            units(american, third, "US");
        });
        events.clear();
    }

    @AfterEach
    void resumeClocks() {
        clock.resumeRealTime();
    }

    private Buyer buyer(String email, String name, String language, String country) {
        Buyer buyer = new Buyer(email);
        buyer.update(name, language, country);
        return buyers.save(buyer);
    }

    private SalesOrder order(Store store, String number, Buyer buyer, String country, String currency, String batch,
            int quantity) {
        SalesOrder order = new SalesOrder(store, number, buyer);
        order.apply(buyer, new SalesOrder.Details(country, currency, OrderStatus.DELIVERED, NOW.minusSeconds(864_000),
                NOW.minusSeconds(777_600), NOW.minusSeconds(604_800), "DHL", "JJD" + number));
        order.replaceLines(List.of(new SalesOrder.LineDetails("KETTLE-" + run, batch, "Wasserkocher 2 l", quantity,
                new BigDecimal("39.90"))));
        return orders.saveAndFlush(order);
    }

    private void plan(String country, List<String> remedies, String template) {
        RecallMarketPlan plan = new RecallMarketPlan(recall.getId(), country);
        plan.draft(country.equals("US") ? "US_CPSC" : "EU_SBG", "Authority " + country, "basis", "PT24H", remedies,
                template, "CONSUMER");
        plan.approve("rita", NOW);
        plans.save(plan);
    }

    private void units(RecallNotice notice, SalesOrder order, String country) {
        var line = order.getLines().get(0);
        for (int n = 1; n <= line.getQuantity(); n++) {
            units.save(new RecallUnit(recall.getId(), notice.getId(), RecallUnit.unitRef(order.getId(), 1, n),
                    order.getId(), line.getLineNo(), order.getStore().getId(), line.getSku(), line.getBatchLot(), country,
                    line.getUnitPrice(), order.getCurrency()));
        }
    }

    private void queueNotices() {
        transactions.executeWithoutResult(tx -> {
            mails.queueNotice(recall, german);
            mails.queueNotice(recall, american);
        });
    }

    private OutboxMessage queued(String key) {
        return outbox.findByIdempotencyKey(key).orElseThrow(() -> new AssertionError("nothing queued as " + key));
    }

    private JsonNode model(OutboxMessage message) throws Exception {
        return json.readTree(message.getModelJson());
    }

    /** The page link of the buyer's notice mail, as a path with its query. */
    private String pageLink(RecallNotice notice) throws Exception {
        queueNotices();
        URI url = URI.create(model(queued(RecallNoticeMails.noticeKey(recall, notice))).path("pageUrl").asText());
        return url.getRawPath() + "?" + url.getRawQuery();
    }

    private static String token(String link) {
        String query = link.substring(link.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            if (pair.startsWith("t=")) {
                return java.net.URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no token in " + link);
    }

    private HttpResponse<String> choose(RecallNotice notice, String token, String remedy) {
        String body = "t=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&lang=de"
                + (remedy == null ? "" : "&remedy=" + remedy);
        return http.post("/buyer/recalls/" + notice.getId() + "/remedy", null, FORM, body);
    }

    @Test
    void eachBuyerGetsOneNoticeInTheirLanguageAndMarketTemplateListingAllTheirOrders() throws Exception {
        queueNotices();
        queueNotices();

        OutboxMessage toJonas = queued("recall:" + recall.getRecallKey() + ":notice:" + german.getBuyerId());
        assertThat(toJonas.getTemplate()).isEqualTo("recall-notice-gpsr");
        assertThat(toJonas.getLanguage()).isEqualTo("de");
        assertThat(toJonas.getRecipientType()).isEqualTo("BUYER");
        assertThat(toJonas.getRecipientRef()).isEqualTo(german.getBuyerId().toString());
        JsonNode jonas = model(toJonas);
        List<String> listed = new ArrayList<>();
        jonas.path("orders").forEach(o -> listed.add(o.path("orderId").asText()));
        assertThat(listed).containsExactlyElementsOf(germanOrders);
        assertThat(jonas.path("orders").get(0).path("units").asInt()).isEqualTo(2);
        assertThat(jonas.path("orders").get(0).path("storeName").asText()).isEqualTo("Helloword Küche DE");
        assertThat(jonas.path("orders").get(0).path("title").asText()).isEqualTo("Wasserkocher 2 l");
        assertThat(jonas.path("units").asInt()).isEqualTo(3);
        assertThat(jonas.path("remedies").toString()).isEqualTo("[\"REFUND\",\"REPLACEMENT\"]");
        assertThat(jonas.path("pageUrl").asText()).contains("/buyer/recalls/" + german.getId() + "?t=", "lang=de");
        assertThat(toJonas.getModelJson()).as("no personal data in the outbox row")
                .doesNotContain("Jonas", "example.de");

        OutboxMessage toAnn = queued("recall:" + recall.getRecallKey() + ":notice:" + american.getBuyerId());
        assertThat(toAnn.getTemplate()).isEqualTo("recall-notice");
        assertThat(toAnn.getLanguage()).isEqualTo("en");
        assertThat(model(toAnn).path("orders").get(0).path("orderId").asText()).isEqualTo(americanOrder);

        assertThat(outbox.findAll().stream().filter(m -> m.getIdempotencyKey().startsWith(
                "recall:" + recall.getRecallKey() + ":")).count()).as("queued once per key, though asked twice")
                .isEqualTo(2);

        relay.deliverDue();
        List<MimeMessage> received = ReceivedMail.to(smtp, "jonas-" + run + "@example.de", "PRODUKTSICHERHEITSRÜCKRUF");
        assertThat(received).hasSize(1);
        assertThat(ReceivedMail.content(received.get(0))).contains("Jonas Beispiel", germanOrders.get(0),
                germanOrders.get(1), "/buyer/recalls/" + german.getId());
    }

    @Test
    void eachReminderRoundHasItsOwnKey() throws Exception {
        transactions.executeWithoutResult(tx -> {
            mails.queueReminder(recall, german, 1);
            mails.queueReminder(recall, german, 2);
            mails.queueReminder(recall, german, 1);
        });
        OutboxMessage first = queued("recall:" + recall.getRecallKey() + ":reminder:1:" + german.getBuyerId());
        OutboxMessage second = queued("recall:" + recall.getRecallKey() + ":reminder:2:" + german.getBuyerId());
        assertThat(first.getId()).isNotEqualTo(second.getId());
        assertThat(first.getTemplate()).isEqualTo("recall-reminder");
        assertThat(first.getLanguage()).isEqualTo("de");
        assertThat(model(second).path("round").asInt()).isEqualTo(2);
        assertThat(model(second).path("orders")).hasSize(2);
        assertThat(outbox.findAll().stream().filter(m -> m.getIdempotencyKey().startsWith(
                "recall:" + recall.getRecallKey() + ":reminder:")).count()).isEqualTo(2);
    }

    @Test
    void thePageLinkShowsTheBuyersRecallAndMarksThemReachedOnce() throws Exception {
        String link = pageLink(german);
        HttpResponse<String> page = http.get(link, null);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"de\"", germanOrders.get(0), germanOrders.get(1),
                "value=\"REFUND\"", "value=\"REPLACEMENT\"", "action=\"/buyer/recalls/" + german.getId() + "/remedy\"")
                .doesNotContain("value=\"REPAIR\"");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Instant reached = notices.findById(german.getId()).orElseThrow().getOpenedAt();
        assertThat(reached).isEqualTo(NOW);

        clock.fixWithEngine(NOW.plus(Duration.ofHours(3)));
        assertThat(http.get(link, null).statusCode()).isEqualTo(200);
        assertThat(notices.findById(german.getId()).orElseThrow().getOpenedAt()).as("the first time counts")
                .isEqualTo(NOW);
        assertThat(notices.findById(american.getId()).orElseThrow().getOpenedAt()).isNull();

        String token = token(link);
        String altered = link.replace(URLEncoder.encode(token, StandardCharsets.UTF_8),
                token.substring(0, token.length() - 2) + "xx");
        HttpResponse<String> refused = http.get(altered, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<html lang=\"de\"", "nicht gültig").doesNotContain(germanOrders.get(0));
        HttpResponse<String> otherNotice = http.get(link.replace("/recalls/" + german.getId(),
                "/recalls/" + american.getId()), null);
        assertThat(otherNotice.statusCode()).as("a link opens its own notice only").isEqualTo(403);
    }

    @Test
    void aRemedyOfThePlanIsRecordedAndAnnouncedOnceAndAnythingElseIsRefused() throws Exception {
        String token = token(pageLink(german));

        HttpResponse<String> notOffered = choose(german, token, "REPAIR");
        assertThat(notOffered.statusCode()).isEqualTo(400);
        assertThat(notOffered.body()).contains("nicht angeboten", "value=\"REFUND\"");
        HttpResponse<String> missing = choose(german, token, null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Bitte wählen Sie eine der Möglichkeiten");
        assertThat(choose(german, token + "x", "REFUND").statusCode()).isEqualTo(403);
        assertThat(notices.findById(german.getId()).orElseThrow().getRemedy()).isNull();
        assertThat(events.of(RecallRemedyChosen.class)).isEmpty();

        HttpResponse<String> chosen = choose(german, token, "REPLACEMENT");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.body()).contains("Kostenloser Ersatz aus einer sicheren Charge").doesNotContain("<form");
        RecallNotice recorded = notices.findById(german.getId()).orElseThrow();
        assertThat(recorded.getRemedy()).isEqualTo(RecallRemedy.REPLACEMENT);
        assertThat(recorded.getRemedyChosenAt()).isEqualTo(NOW);
        assertThat(recorded.isReached()).isTrue();

        HttpResponse<String> again = choose(german, token, "REFUND");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("bereits gewählt");
        assertThat(notices.findById(german.getId()).orElseThrow().getRemedy()).isEqualTo(RecallRemedy.REPLACEMENT);
        assertThat(events.of(RecallRemedyChosen.class)).containsExactly(
                new RecallRemedyChosen(recall.getId(), german.getId(), RecallRemedy.REPLACEMENT));

        HttpResponse<String> status = http.get(pageLink(german), null);
        assertThat(status.body()).contains("Kostenloser Ersatz", "0 von 3").doesNotContain("<form");
    }

    @Test
    void tooManyInvalidLinksFromOneAddressAre429ButValidLinksStillOpen() throws Exception {
        clock.fixWithEngine(Instant.parse("2031-06-06T08:00:00Z"));
        String link = pageLink(american);
        for (int i = 0; i < pageSettings.invalidLinksPerSource(); i++) {
            assertThat(http.get("/buyer/recalls/" + american.getId() + "?t=1.forged&lang=en", null).statusCode())
                    .isEqualTo(403);
        }
        HttpResponse<String> limited = http.get("/buyer/recalls/" + american.getId() + "?t=1.forged&lang=en", null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("Too many attempts");
        assertThat(http.get(link, null).statusCode()).as("a valid link never counts").isEqualTo(200);
    }
}
