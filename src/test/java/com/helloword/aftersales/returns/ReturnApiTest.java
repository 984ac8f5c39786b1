package com.helloword.aftersales.returns;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.carrier.TrackingPort;
import com.helloword.aftersales.carrier.TrackingRecorder;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.notification.OutboxRelay;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;
import com.helloword.aftersales.support.ProviderStubsConfiguration;
import com.helloword.aftersales.support.ReceivedMail;

/**
 * Returns on the running application: a German buyer's return 10 days after delivery is accepted,
 * the DHL label (WireMock DHL, from the address the WireMock Shopify store has) is mailed in German with a working
 * download link, the warehouse scans and inspects it, and the refund reaches the (WireMock)
 * Shopify store once; the same request 20 days after delivery is refused with the reason in German
 * and goes to the German agents for review. Bad requests are refused with the reason.
 */
@IntegrationTest
class ReturnApiTest {

    private static final Pattern LABEL_LINK = Pattern.compile("https?://[^\\s\"<>]+/buyer/returns/RMA-[A-F0-9]+/label\\?t=[A-Za-z0-9._-]+");

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    OutboxRelay relay;
    @Autowired
    GreenMail smtp;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    MutableClock clock;
    @Autowired
    TrackingRecorder tracking;
    @Autowired
    ReturnQuality quality;
    @Autowired
    com.helloword.aftersales.notification.OutboxRepository outbox;
    @Autowired
    BuyerLinks links;

    Http http;
    String run;
    String storeId;
    String graphql;
    String shipmentNumber;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "shopify-rt-" + run;
        graphql = "/" + storeId + "/admin/api/2025-01/graphql.json";
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        ClockUtil.setCurrentTime(Date.from(clock.instant()));
        stores.save(new Store(storeId, "Helloword Mode DE", Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(storeId + ".myshopify.com", null, providerStubs.baseUrl() + "/" + storeId,
                "shopify-us"));
        ProviderStubsConfiguration.stubShopifyShipTo(providerStubs, storeId, "Musterstraße 12");
        shipmentNumber = String.format("%012d", Math.abs((long) run.hashCode()) % 1_000_000_000_000L);
        ProviderStubsConfiguration.stubDhlReturnLabel(providerStubs, shipmentNumber);
        relay.deliverDue();
    }

    @AfterEach
    void resetClocks() {
        ClockUtil.reset();
        clock.set(Instant.now());
    }

    private String order(String suffix, String deliveredAt, String buyer) throws Exception {
        String orderId = "77" + Math.abs((run + suffix).hashCode() % 100000);
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId + "," + buyer + ",Lea,de,DE,EUR,"
                + "2026-10-20T10:00:00Z,2026-10-21T10:00:00Z," + deliveredAt + ",DHL,JJD" + run + suffix
                + (deliveredAt.isEmpty() ? ",SHIPPED" : ",DELIVERED") + ",SHIRT-BLUE-M,,1,39.90\n"));
        return orderId;
    }

    private HttpResponse<String> open(String orderId, String reason, String wanted) {
        return http.post("/api/returns", "lena", "application/json", """
                {"storeId": "%s", "platformOrderId": "%s", "sku": "SHIRT-BLUE-M", "reason": "%s", "wanted": "%s",
                 "source": "SELF_SERVICE"}""".formatted(storeId, orderId, reason, wanted));
    }

    @Test
    void aReturnTenDaysAfterDeliveryGetsAGermanLabelIsInspectedAndRefundedOnce() throws Exception {
        String buyer = "lea." + run + "@example.de";
        String orderId = order("a", "2026-11-13T10:00:00Z", buyer); // delivered 10 days ago

        HttpResponse<String> opened = open(orderId, "CHANGED_MIND", "REFUND");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String key = Http.json(opened).get("returnKey").asText();
        assertThat(Http.json(opened).get("status").asText()).isEqualTo("REQUESTED");
        String processId = processOf(key);
        DueJobs.run(managementService, processId); // the policy check, then the label
        JsonNode rma = Http.json(http.get("/api/returns/" + key, "lena"));
        assertThat(rma.get("eligible").asBoolean()).isTrue();
        assertThat(rma.get("windowDays").asInt()).isEqualTo(14);
        assertThat(rma.get("lastDay").asText()).isEqualTo("2026-11-27");
        assertThat(rma.get("postagePaidBy").asText()).isEqualTo("BUYER");
        HttpResponse<String> again = open(orderId, "CHANGED_MIND", "REFUND");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again).get("returnKey").asText()).isEqualTo(key);

        // the label step (async) made the DHL label within its SLA and mailed it in German
        JsonNode labelled = Http.json(http.get("/api/returns/" + key, "walt"));
        assertThat(labelled.get("status").asText()).isEqualTo("LABEL_SENT");
        assertThat(labelled.get("labelTracking").asText()).isEqualTo(shipmentNumber);
        // the label was asked of DHL with the address the platform has for the order, street and number apart
        providerStubs.verify(postRequestedFor(urlPathEqualTo("/dhl/parcel/de/shipping/returns/v1/orders"))
                .withRequestBody(matchingJsonPath("$.shipper.addressStreet", equalTo("Musterstraße")))
                .withRequestBody(matchingJsonPath("$.shipper.addressHouse", equalTo("12")))
                .withRequestBody(matchingJsonPath("$.customerReference", equalTo(orderId))));
        relay.deliverDue();
        MimeMessage labelMail = mail(buyer, key);
        assertThat(labelMail.getSubject()).contains("Rücksendeetikett", orderId);
        String body = ReceivedMail.content(labelMail);
        assertThat(body).contains(labelled.get("labelTracking").asText(), "lang=\"de\"");
        Matcher link = LABEL_LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        URI labelUrl = URI.create(link.group());
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + labelUrl.getRawPath() + "?" + labelUrl.getRawQuery())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("pdf"));
        assertThat(http.get(labelUrl.getRawPath() + "?t=1." + "x".repeat(32), null).statusCode()).isEqualTo(403);
        // the link names the buyer's language: altered, it is refused in German whatever the browser says
        assertThat(body).contains(link.group() + "&amp;lang=de");
        HttpResponse<String> altered = labelPage(labelUrl.getRawPath() + "?t=1." + "x".repeat(32) + "&lang=de", "en-US");
        assertThat(altered.statusCode()).isEqualTo(403);
        assertThat(altered.body()).contains("lang=\"de\"", "Dieser Link ist nicht gültig", "neues Etikett");
        // our own link of an earlier mail, without the language and expired: the return's language
        Instant now = clock.instant();
        clock.set(now.minus(Duration.ofDays(61)));
        URI old = URI.create(links.returnLabelUrl(key));
        clock.set(now);
        HttpResponse<String> expired = labelPage(old.getRawPath() + "?" + old.getRawQuery(), "en-US");
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("lang=\"de\"", "Dieser Link ist nicht gültig");
        // a made-up link learns nothing of the return: the browser's language
        HttpResponse<String> madeUp = labelPage(labelUrl.getRawPath() + "?t=1." + "y".repeat(32), "fr-FR,fr;q=0.9");
        assertThat(madeUp.statusCode()).isEqualTo(403);
        assertThat(madeUp.body()).contains("lang=\"fr\"", "Ce lien n'est pas valide");

        // the warehouse scans the parcel in and inspects it within 24 h
        assertThat(http.post("/api/returns/" + key + "/scan", "lena", "application/json", "").statusCode())
                .isEqualTo(403);
        assertThat(http.post("/api/returns/" + key + "/scan", "walt", "application/json", "").statusCode())
                .isEqualTo(200);
        Task inspect = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(ReturnProcess.USER_TASK_INSPECT).singleResult();
        assertThat(taskService.getIdentityLinksForTask(inspect.getId())).extracting(IdentityLink::getGroupId)
                .contains("warehouse");
        assertThat(Duration.between(clock.instant(), inspect.getDueDate().toInstant())).isEqualTo(Duration.ofHours(24));
        assertThat(taskService.getVariableLocal(inspect.getId(), "returnView").toString())
                .contains(key, "Parcel received", "Changed their mind", "(Europe/Berlin)").doesNotContain("CHANGED_MIND")
                .doesNotContain(buyer, "Musterstraße");
        HttpResponse<String> incomplete = http.post("/engine-rest/task/" + inspect.getId() + "/complete", "walt",
                "application/json", "{\"variables\": {\"outcome\": {\"value\": \"REFUND\"}}}");
        assertThat(incomplete.statusCode()).as(incomplete.body()).isEqualTo(400);
        assertThat(incomplete.body()).contains("Grade the condition");

        ProviderStubsConfiguration.stubShopifyRefund(providerStubs, storeId, "39.90", "9" + Math.abs(run.hashCode()));
        HttpResponse<String> inspected = http.post("/engine-rest/task/" + inspect.getId() + "/complete", "walt",
                "application/json", """
                        {"variables": {"conditionGrade": {"value": "A"}, "matchesComplaint": {"value": true},
                          "outcome": {"value": "REFUND"}, "inspectionNote": {"value": "as new"}}}""");
        assertThat(inspected.statusCode()).as(inspected.body()).isEqualTo(204);
        DueJobs.run(managementService, processId);
        DueJobs.run(managementService, processId);

        providerStubs.verify(1, postRequestedFor(urlEqualTo(graphql)).withRequestBody(matchingJsonPath("$.query",
                containing("mutation RefundCreate"))).withRequestBody(matchingJsonPath("$.variables.input.note",
                containing("[hw:return:" + key + ":refund]"))));
        JsonNode closed = Http.json(http.get("/api/returns/" + key, "walt"));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("REFUND");
        assertThat(closed.get("refundAmount").decimalValue()).isEqualByComparingTo("39.90");
        List<String> steps = new ArrayList<>();
        closed.get("timeline").forEach(s -> steps.add(s.get("code").asText()));
        assertThat(steps).containsSubsequence("REQUESTED", "ELIGIBLE", "LABEL_SENT", "RECEIVED", "INSPECTED",
                "REFUNDED", "CLOSED");
        relay.deliverDue();
        assertThat(mail(buyer, key, "abgeschlossen")).isNotNull();
    }

    @Test
    void theSameRequestTwentyDaysAfterDeliveryIsRefusedWithTheReasonAndGoesToAnAgent() throws Exception {
        String buyer = "late." + run + "@example.de";
        String orderId = order("b", "2026-11-03T10:00:00Z", buyer); // delivered 20 days ago

        String key = Http.json(open(orderId, "CHANGED_MIND", "REFUND")).get("returnKey").asText();
        String processId = processOf(key);
        DueJobs.run(managementService, processId);
        JsonNode rma = Http.json(http.get("/api/returns/" + key, "lena"));
        assertThat(rma.get("eligible").asBoolean()).isFalse();
        assertThat(rma.get("refusalReason").asText()).isEqualTo("WINDOW_PASSED");
        assertThat(rma.get("status").asText()).isEqualTo("REFUSED");

        relay.deliverDue();
        MimeMessage refusal = mail(buyer, key);
        assertThat(ReceivedMail.content(refusal)).contains("Rückgabefrist", "14 Tagen", "2026-11-17", "persönlich");
        Task review = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(ReturnProcess.USER_TASK_REVIEW).singleResult();
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .contains("agents-de");
    }

    /** Issue 19, point 9: a return of an order not delivered yet has its window start at the delivery. */
    @Test
    void aReturnOfAnOrderNotDeliveredYetSaysItsWindowStartsAtTheDelivery() throws Exception {
        String orderId = order("u", "", "early." + run + "@example.de");

        String key = Http.json(open(orderId, "CHANGED_MIND", "REFUND")).get("returnKey").asText();
        DueJobs.run(managementService, processOf(key));

        JsonNode rma = Http.json(http.get("/api/returns/" + key, "lena"));
        assertThat(rma.get("eligible").asBoolean()).as(rma.toString()).isTrue();
        assertThat(rma.get("lastDay").isNull()).isTrue();
        List<String> timeline = new ArrayList<>();
        rma.get("timeline").forEach(step -> timeline.add(step.get("code").asText() + " " + step.get("detail").asText("")));
        assertThat(timeline).anyMatch(step -> step.startsWith("ELIGIBLE return within 14 days of the delivery"))
                .noneMatch(step -> step.contains("null"));
    }

    @Test
    void theCarrierSayingTheReturnParcelIsDeliveredCountsAsReceived() throws Exception {
        String orderId = order("d", "2026-11-20T10:00:00Z", "track." + run + "@example.de");
        String key = Http.json(open(orderId, "DEFECTIVE", "EXCHANGE")).get("returnKey").asText();
        String processId = processOf(key);
        DueJobs.run(managementService, processId);

        Instant at = Instant.parse("2026-11-24T08:15:00Z");
        tracking.record(new TrackingPort.TrackingSnapshot(shipmentNumber, "dhl", TrackingStatus.IN_TRANSIT, null,
                List.of(new TrackingPort.TrackedEvent(at.minusSeconds(86_400), TrackingStatus.IN_TRANSIT, null,
                        "Die Sendung wurde im Start-Paketzentrum bearbeitet.", "Bonn", null))), "test");
        assertThat(Http.json(http.get("/api/returns/" + key, "walt")).get("status").asText()).isEqualTo("LABEL_SENT");
        tracking.record(new TrackingPort.TrackingSnapshot(shipmentNumber, "dhl", TrackingStatus.DELIVERED, null,
                List.of(new TrackingPort.TrackedEvent(at, TrackingStatus.DELIVERED, null,
                        "Die Sendung wurde zugestellt.", "Hamburg", "Lager"))), "test");

        JsonNode received = Http.json(http.get("/api/returns/" + key, "walt"));
        assertThat(received.get("status").asText()).isEqualTo("RECEIVED");
        List<String> steps = new ArrayList<>();
        received.get("timeline").forEach(step -> steps.add(step.get("code").asText() + " " + step.get("detail").asText("")));
        assertThat(steps).anyMatch(step -> step.startsWith("TRACKING IN_TRANSIT"))
                .anyMatch(step -> step.startsWith("TRACKING DELIVERED"));
        assertThat(taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(ReturnProcess.USER_TASK_INSPECT).count()).isEqualTo(1);
    }

    @Test
    void aSkuThatComesBackMoreThanItsCategoryRaisesTheQualityAlertOnceAWeek() throws Exception {
        String sku = "QA-" + run.toUpperCase(java.util.Locale.ROOT);
        String orderId = "QA" + Math.abs(run.hashCode() % 100000);
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId + ",qa." + run + "@example.de,Q,de,DE,EUR,"
                + "2026-11-01T10:00:00Z,2026-11-02T10:00:00Z,2026-11-05T10:00:00Z,DHL,JJDQA" + run
                + ",DELIVERED," + sku + ",,25,9.90\n"
                // in its category an SKU that hardly comes back: the category's average is 1 in 100
                + storeId + "," + orderId + ",qa." + run + "@example.de,Q,de,DE,EUR,"
                + "2026-11-01T10:00:00Z,2026-11-02T10:00:00Z,2026-11-05T10:00:00Z,DHL,JJDQA" + run
                + ",DELIVERED,QA-CTRL-" + run + ",,75,9.90\n"));
        String body = """
                {"storeId": "%s", "platformOrderId": "%s", "sku": "%s", "reason": "DEFECTIVE"}"""
                .formatted(storeId, orderId, sku);
        assertThat(http.post("/api/returns", "lena", "application/json", body).statusCode()).isEqualTo(201);
        // the same open return asked again counts once
        assertThat(http.post("/api/returns", "lena", "application/json", body).statusCode()).isEqualTo(200);

        JsonNode rates = Http.json(http.get("/api/quality/skus", "mia"));
        JsonNode ours = null;
        for (JsonNode rate : rates) {
            if (rate.get("sku").asText().equals(sku)) {
                ours = rate;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.get("returns").asLong()).isEqualTo(1);
        assertThat(ours.get("shipped").asLong()).isEqualTo(25);
        assertThat(ours.get("rate").asDouble()).isEqualTo(0.04);
        assertThat(ours.get("alert").asBoolean()).as(ours.toString()).isTrue();
        assertThat(http.get("/api/quality/skus", "lena").statusCode()).isEqualTo(403);

        assertThat(quality.check(sku)).isTrue();
        assertThat(quality.check(sku)).isTrue();
        assertThat(outbox.findAll().stream().filter(m -> m.getTemplate().equals("quality-alert")
                && m.getIdempotencyKey().startsWith("quality:" + sku + ":")).count()).isEqualTo(1);
    }

    @Test
    void theFourthChangeOfMindInAYearNeedsAnAgentsApproval() throws Exception {
        String buyer = "often." + run + "@example.de";
        for (int i = 1; i <= 3; i++) {
            String earlier = order("s" + i, "2026-11-15T10:00:00Z", buyer);
            assertThat(open(earlier, "CHANGED_MIND", "REFUND").statusCode()).isEqualTo(201);
        }
        String orderId = order("s4", "2026-11-15T10:00:00Z", buyer);
        String key = Http.json(open(orderId, "CHANGED_MIND", "REFUND")).get("returnKey").asText();
        String processId = processOf(key);
        DueJobs.run(managementService, processId);

        JsonNode rma = Http.json(http.get("/api/returns/" + key, "lena"));
        assertThat(rma.get("eligible").asBoolean()).isTrue();
        assertThat(rma.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        Task review = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(ReturnProcess.USER_TASK_REVIEW).singleResult();
        assertThat(review).isNotNull();
        assertThat(http.post("/engine-rest/task/" + review.getId() + "/complete", "lena", "application/json", """
                {"variables": {"reviewDecision": {"value": "APPROVE"}, "reviewNote": {"value": "regular customer"}}}""")
                .statusCode()).isEqualTo(204);
        DueJobs.run(managementService, processId);
        assertThat(Http.json(http.get("/api/returns/" + key, "lena")).get("status").asText()).isEqualTo("LABEL_SENT");
    }

    @Test
    void badRequestsAreRefusedWithTheReasonAndNothingIsKept() throws Exception {
        String orderId = order("c", "2026-11-13T10:00:00Z", "bad." + run + "@example.de");
        HttpResponse<String> response = http.post("/api/returns", "lena", "application/json", """
                {"storeId": "%s", "platformOrderId": "%s", "sku": "NOT-ON-ORDER", "reason": "BORED", "wanted": "MONEY"}"""
                .formatted(storeId, orderId));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode refused = Http.json(response);
        assertThat(refused.get("problems").findValuesAsText("field")).containsExactly("reason", "wanted", "sku");
        assertThat(refused.get("detail").asText()).startsWith("The return cannot be taken (reason: 'BORED' is not one of ")
                .doesNotContain("{", "=");
        assertThat(http.post("/api/returns", "lena", "application/json", """
                {"storeId": "%s", "platformOrderId": "nope", "reason": "DAMAGED"}""".formatted(storeId)).statusCode())
                .isEqualTo(400);
        assertThat(http.post("/api/returns", "rita", "application/json", "{}").statusCode()).isEqualTo(403);
        assertThat(http.post("/api/returns", "walt", "application/json", "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> remedy = http.post("/api/returns", "lena", "application/json", """
                {"storeId": "%s", "platformOrderId": "%s", "reason": "DAMAGED", "source": "AGENT_REMEDY"}"""
                .formatted(storeId, orderId));
        assertThat(remedy.statusCode()).isEqualTo(400);
        assertThat(Http.json(remedy).get("problems").findValuesAsText("field")).containsExactly("source");
        assertThat(http.get("/api/returns/RMA-0000000000", "walt").statusCode()).isEqualTo(404);
    }

    /** The one mail to the address about the return (subject contains key and the other parts). */
    private MimeMessage mail(String address, String... subjectParts) throws MessagingException {
        List<MimeMessage> found = ReceivedMail.to(smtp, address, subjectParts);
        assertThat(found).as("mail to " + address + " about " + String.join(" ", subjectParts)).isNotEmpty();
        return found.get(found.size() - 1);
    }

    private HttpResponse<String> labelPage(String pathAndQuery, String acceptLanguage) {
        return http.send("GET", pathAndQuery, null, null, null, "Accept-Language", acceptLanguage);
    }

    private String processOf(String key) {
        return Http.json(http.get("/engine-rest/process-instance?businessKey=" + key, "demo")).get(0).get("id")
                .asText();
    }
}
