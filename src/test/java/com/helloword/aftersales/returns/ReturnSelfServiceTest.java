package com.helloword.aftersales.returns;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.icegreen.greenmail.util.GreenMail;
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
 * The acceptance of the returns work, end to end on the running application: a buyer in Germany
 * asks for a size exchange on the self-service page with nothing but order number and e-mail; the
 * link in the mail opens the return; the label from the (WireMock) DHL is mailed in German; the
 * carrier's news of the parcel is tracked and its delivery opens the inspection; the warehouse
 * completes the inspection form; the exchange order is created at the (WireMock) Shopify store and
 * the return closes. The same request 20 days after delivery is refused with the reason.
 */
@IntegrationTest
class ReturnSelfServiceTest {

    private static final Pattern START_LINK = Pattern.compile("https?://[^\\s\"<>]+/buyer/returns/start\\?[^\\s\"<>)]+");
    private static final Pattern RETURN_KEY = Pattern.compile("RMA-[0-9A-F]{10}");

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

    Http http;
    String run;
    String storeId;
    String graphql;
    String shipmentNumber;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "shopify-ss-" + run;
        graphql = "/" + storeId + "/admin/api/2025-01/graphql.json";
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        ClockUtil.setCurrentTime(Date.from(clock.instant()));
        stores.save(new Store(storeId, "Helloword Hemden DE", Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(storeId + ".myshopify.com", null, providerStubs.baseUrl() + "/" + storeId,
                "shopify-us"));
        shipmentNumber = "55" + String.format("%010d", Math.abs((long) run.hashCode()) % 10_000_000_000L);
        ProviderStubsConfiguration.stubDhlReturnLabel(providerStubs, shipmentNumber);
        providerStubs.stubFor(shopify("query ShipTo").willReturn(okJson("""
                {"data": {"order": {"id": "gid://shopify/Order/1", "email": "x@example.de",
                  "shippingAddress": {"name": "Jonas Beispiel", "address1": "Kastanienallee 7", "address2": null,
                    "zip": "10435", "city": "Berlin", "countryCodeV2": "DE"}}}}""")));
        relay.deliverDue();
    }

    @AfterEach
    void resetClocks() {
        ClockUtil.reset();
        clock.set(Instant.now());
    }

    private MappingBuilder shopify(String operation) {
        return post(urlEqualTo(graphql)).withRequestBody(matchingJsonPath("$.query", containing(operation)));
    }

    private String order(String suffix, String deliveredAt, String buyer) throws Exception {
        String orderId = "#" + Math.abs((run + suffix).hashCode() % 100000);
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price,title\n" + storeId + "," + orderId + "," + buyer + ",Jonas,de,DE,EUR,"
                + "2026-10-30T10:00:00Z,2026-10-31T10:00:00Z," + deliveredAt + ",DHL,JJD" + run + suffix
                + ",DELIVERED,SHIRT-BLUE-M,,1,45.00,\"Hemd Ozean, blau, M\"\n"));
        return orderId;
    }

    /** The buyer fills in the self-service form and follows the link from the mail; returns the return key. */
    private String selfService(String orderId, String buyer) throws Exception {
        HttpResponse<String> form = http.get("/buyer/returns/new?lang=de", null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Bestellnummer", "lang=\"de\"");

        HttpResponse<String> asked = http.post("/buyer/returns/new", null, "application/x-www-form-urlencoded",
                "lang=de&order=" + enc(orderId) + "&email=" + enc(buyer) + "&reason=SIZE_FIT&wanted=EXCHANGE");
        assertThat(asked.statusCode()).isEqualTo(200);
        // a wrong address gets the very same answer and no mail
        HttpResponse<String> wrong = http.post("/buyer/returns/new", null, "application/x-www-form-urlencoded",
                "lang=de&order=" + enc(orderId) + "&email=someone.else%40example.de&reason=SIZE_FIT&wanted=EXCHANGE");
        assertThat(wrong.body()).isEqualTo(asked.body());

        relay.deliverDue();
        List<MimeMessage> starts = ReceivedMail.to(smtp, buyer, "Ihre Rücksendung zu Bestellung " + orderId);
        assertThat(starts).hasSize(1);
        assertThat(ReceivedMail.to(smtp, "someone.else@example.de", orderId)).isEmpty();
        Matcher link = START_LINK.matcher(ReceivedMail.content(starts.get(0)));
        assertThat(link.find()).isTrue();
        URI start = URI.create(link.group().replace("&amp;", "&"));
        HttpResponse<String> confirm = http.get(start.getRawPath() + "?" + start.getRawQuery(), null);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("SHIRT-BLUE-M", "Größe L");
        // the item picker names the item as the store does (issue 19, point 9); the SKU is only its value
        assertThat(confirm.body()).contains("<option value=\"SHIRT-BLUE-M\">Hemd Ozean, blau, M</option>")
                .doesNotContain(">SHIRT-BLUE-M</option>");
        String hidden = start.getRawQuery().replace("lang=de&", "");
        HttpResponse<String> started = http.post("/buyer/returns/start", null, "application/x-www-form-urlencoded",
                hidden + "&lang=de&sku=SHIRT-BLUE-M&wish=" + enc("Größe L bitte"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        Matcher key = RETURN_KEY.matcher(started.body());
        assertThat(key.find()).isTrue();
        assertThat(http.post("/buyer/returns/start", null, "application/x-www-form-urlencoded",
                hidden.replace("SIZE_FIT", "DEFECTIVE") + "&lang=de&sku=SHIRT-BLUE-M").statusCode()).isEqualTo(403);
        return key.group();
    }

    @Test
    void aGermanBuyerExchangesASizeFromTheSelfServiceLinkToTheExchangeOrder() throws Exception {
        String buyer = "jonas." + run + "@example.de";
        String orderId = order("a", "2026-11-18T10:00:00Z", buyer); // delivered 5 days ago

        String key = selfService(orderId, buyer);
        String processId = processOf(key);
        DueJobs.run(managementService, processId); // policy: size, DE, day 5 of 14 → eligible; the WireMock DHL label; the label mail

        JsonNode rma = Http.json(http.get("/api/returns/" + key, "walt"));
        assertThat(rma.get("eligible").asBoolean()).isTrue();
        assertThat(rma.get("wanted").asText()).isEqualTo("EXCHANGE");
        assertThat(rma.get("exchangeWish").asText()).isEqualTo("Größe L bitte");
        assertThat(rma.get("labelTracking").asText()).isEqualTo(shipmentNumber);
        relay.deliverDue();
        MimeMessage label = ReceivedMail.to(smtp, buyer, key).get(0);
        assertThat(label.getSubject()).contains("Rücksendeetikett");
        assertThat(ReceivedMail.content(label)).contains(shipmentNumber, "Ersatzartikel", "lang=\"de\"");

        // the carrier reports the parcel on its way, then delivered at the warehouse: the inspection opens
        Instant scanned = Instant.parse("2026-11-25T10:00:00Z");
        clock.set(scanned.plusSeconds(600)); // the news reaches us ten minutes after the scan
        ClockUtil.setCurrentTime(Date.from(clock.instant()));
        tracking.record(new TrackingPort.TrackingSnapshot(shipmentNumber, "dhl", TrackingStatus.DELIVERED, null,
                List.of(new TrackingPort.TrackedEvent(scanned.minusSeconds(90_000), TrackingStatus.IN_TRANSIT, null,
                        "Die Sendung wurde abgeholt.", "Berlin", null),
                        new TrackingPort.TrackedEvent(scanned, TrackingStatus.DELIVERED, null,
                                "Die Sendung wurde zugestellt.", "Hamburg", "Lager"))), "test");
        Task inspect = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(ReturnProcess.USER_TASK_INSPECT).singleResult();
        assertThat(inspect).isNotNull();
        assertThat(taskService.getVariableLocal(inspect.getId(), "returnView").toString()).contains("Größe L bitte");
        assertThat(taskService.getVariable(inspect.getId(), "exchangeSku")).isEqualTo("SHIRT-BLUE-M");

        // the warehouse completes the inspection form and sends size L
        providerStubs.stubFor(shopify("query ExchangeDrafts").willReturn(okJson("""
                {"data": {"draftOrders": {"nodes": []}}}""")));
        providerStubs.stubFor(shopify("query ExchangeSource").willReturn(okJson("""
                {"data": {"order": {"id": "gid://shopify/Order/1", "name": "%s", "email": "x@example.de",
                  "customer": {"id": "gid://shopify/Customer/73912"},
                  "shippingAddress": {"firstName": "Jonas", "lastName": "Beispiel", "company": null,
                    "address1": "Kastanienallee 7", "address2": null, "zip": "10435", "city": "Berlin",
                    "provinceCode": null, "countryCodeV2": "DE", "phone": null}}}}""".formatted(orderId))));
        providerStubs.stubFor(shopify("query VariantBySku").willReturn(okJson("""
                {"data": {"productVariants": {"nodes": [
                  {"id": "gid://shopify/ProductVariant/4402", "sku": "SHIRT-BLUE-L"}]}}}""")));
        providerStubs.stubFor(shopify("mutation ExchangeDraft").willReturn(okJson("""
                {"data": {"draftOrderCreate": {"draftOrder": {"id": "gid://shopify/DraftOrder/88", "status": "OPEN"},
                  "userErrors": []}}}""")));
        providerStubs.stubFor(shopify("mutation ExchangeComplete").willReturn(okJson("""
                {"data": {"draftOrderComplete": {"draftOrder": {"id": "gid://shopify/DraftOrder/88",
                  "status": "COMPLETED", "order": {"id": "gid://shopify/Order/990011", "name": "#9901"}},
                  "userErrors": []}}}""")));
        assertThat(http.post("/engine-rest/task/" + inspect.getId() + "/claim", "walt", "application/json",
                "{\"userId\": \"walt\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> inspected = http.post("/engine-rest/task/" + inspect.getId() + "/complete", "walt",
                "application/json", """
                        {"variables": {"conditionGrade": {"value": "A"}, "matchesComplaint": {"value": true},
                          "outcome": {"value": "EXCHANGE"}, "exchangeSku": {"value": "SHIRT-BLUE-L"},
                          "inspectionNote": {"value": "unworn, tags on"}}}""");
        assertThat(inspected.statusCode()).as(inspected.body()).isEqualTo(204);
        DueJobs.run(managementService, processId);

        providerStubs.verify(1, postRequestedFor(urlEqualTo(graphql))
                .withRequestBody(matchingJsonPath("$.query", containing("draftOrderCreate")))
                .withRequestBody(matchingJsonPath("$.variables.input.lineItems[0].variantId",
                        equalTo("gid://shopify/ProductVariant/4402"))));
        JsonNode closed = Http.json(http.get("/api/returns/" + key, "walt"));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("EXCHANGE");
        assertThat(closed.get("exchangeSku").asText()).isEqualTo("SHIRT-BLUE-L");
        assertThat(closed.get("platformRef").asText()).isEqualTo("990011");
        List<String> steps = new ArrayList<>();
        closed.get("timeline").forEach(step -> steps.add(step.get("code").asText()));
        assertThat(steps).containsSubsequence("REQUESTED", "ELIGIBLE", "LABEL_SENT", "TRACKING", "RECEIVED",
                "INSPECTED", "EXCHANGE_ORDERED", "CLOSED");
        assertThat(runtimeEnded(processId)).isTrue();
        relay.deliverDue();
        assertThat(ReceivedMail.content(ReceivedMail.to(smtp, buyer, "ist abgeschlossen").get(0))).contains("Ersatzartikel", "990011");
    }

    @Test
    void theSameRequestTwentyDaysAfterDeliveryIsRefusedWithTheReason() throws Exception {
        String buyer = "spaet." + run + "@example.de";
        String orderId = order("b", "2026-11-03T10:00:00Z", buyer); // delivered 20 days ago

        String key = selfService(orderId, buyer);
        DueJobs.run(managementService, processOf(key));

        JsonNode rma = Http.json(http.get("/api/returns/" + key, "lena"));
        assertThat(rma.get("eligible").asBoolean()).isFalse();
        assertThat(rma.get("refusalReason").asText()).isEqualTo("WINDOW_PASSED");
        relay.deliverDue();
        assertThat(ReceivedMail.content(ReceivedMail.to(smtp, buyer, key).get(0))).contains("Rückgabefrist", "14 Tagen", "2026-11-17",
                "persönlich");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(ReturnProcess.USER_TASK_REVIEW).taskCandidateGroup("agents-de").count()).isEqualTo(1);
    }

    private boolean runtimeEnded(String processId) {
        return managementService.createJobQuery().processInstanceId(processId).count() == 0
                && taskService.createTaskQuery().processInstanceId(processId).count() == 0;
    }

    private String processOf(String key) {
        return Http.json(http.get("/engine-rest/process-instance?businessKey=" + key, "demo")).get(0).get("id")
                .asText();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
