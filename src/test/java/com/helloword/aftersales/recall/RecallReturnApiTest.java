package com.helloword.aftersales.recall;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.notification.OutboxRelay;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;
import com.helloword.aftersales.support.ProviderStubsConfiguration;
import com.helloword.aftersales.support.PublishedEvents;
import com.helloword.aftersales.support.ReceivedMail;

/**
 * Stage 4 on the running application, per buyer: a German buyer with two recalled units chooses a refund; the
 * label comes from the WireMock DHL with the address the WireMock Shopify store has, once (a second run of the step
 * asks nobody), and is mailed in German with a working PDF link; the warehouse's scans move the units (repeats and
 * backward scans 409, bad bodies 400, unknown units 404), the last unit received moves the process on
 * (aftersales.recallUnitsReceived), the last one disposed completes the inspection, and the refund reaches
 * Shopify once under its idempotency key, even when the step runs again. A buyer whose address the carrier
 * cannot take gets the label made by hand.
 */
@IntegrationTest
class RecallReturnApiTest {

    private static final Pattern LABEL_LINK = Pattern.compile("https?://[^\\s\"<>]+/buyer/recalls/\\d+/label\\?t=[A-Za-z0-9._-]+");
    private static final String DHL = "/dhl/parcel/de/shipping/returns/v1/orders";

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    RecallRepository recalls;
    @Autowired
    RecallNoticeRepository notices;
    @Autowired
    RecallUnitRepository units;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    OutboxRelay relay;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    GreenMail smtp;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    MutableClock clock;
    @Autowired
    PublishedEvents events;
    @Autowired
    RecallReturns returns;
    @Autowired
    RecallRemedies remedies;

    Http http;
    String run;
    String storeId;
    String graphql;
    String sku;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "shopify-rc-" + run;
        graphql = ProviderStubsConfiguration.shopifyGraphql(storeId);
        sku = "KETTLE-" + run.toUpperCase(java.util.Locale.ROOT);
        clock.fixWithEngine(Instant.parse("2026-12-01T09:00:00Z"));
        stores.save(new Store(storeId, "Helloword Küche DE", Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(storeId + ".myshopify.com", null, providerStubs.baseUrl() + "/" + storeId,
                "shopify-us"));
        relay.deliverDue();
        events.clear();
    }

    @AfterEach
    void resetClocks() {
        clock.resumeRealTime();
    }

    private void shipTo(String address1) {
        ProviderStubsConfiguration.stubShopifyShipTo(providerStubs, storeId, address1);
    }

    /** An order of two units of the recalled SKU, its buyer's notice and the two units; returns the notice. */
    private RecallNotice affected(String suffix, String buyer) throws Exception {
        String orderId = "88" + Math.abs((run + suffix).hashCode() % 100000);
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId + "," + buyer + ",Lea,de,DE,EUR,"
                + "2026-10-20T10:00:00Z,2026-10-21T10:00:00Z,2026-10-23T10:00:00Z,DHL,JJD" + run + suffix
                + ",DELIVERED," + sku + ",B1,2,39.90\n"));
        SalesOrder order = orders.findWithLines(storeId, orderId).orElseThrow();
        Recall recall = recalls.findByRecallKey("RC-T" + run).orElseGet(() -> recalls.save(new Recall("RC-T" + run, sku,
                List.of("B1"), List.of("DE"), List.of(), "overheats", RecallSource.MANUAL, null, "rita", clock.instant())));
        RecallNotice notice = notices.save(new RecallNotice(recall.getId(), order.getBuyer().getId(), "DE", "de", 1, 1, 2));
        for (int n = 1; n <= 2; n++) {
            units.save(new RecallUnit(recall.getId(), notice.getId(), RecallUnit.unitRef(order.getId(), 1, n),
                    order.getId(), 1, storeId, sku, "B1", "DE", new BigDecimal("39.90"), "EUR"));
        }
        return notice;
    }

    /** The buyer chooses on their page: the choice and its event in one transaction, as the page does. */
    private String choose(RecallNotice notice, RecallRemedy remedy) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            RecallNotice chosen = notices.findById(notice.getId()).orElseThrow();
            assertThat(chosen.choose(remedy, clock.instant())).isTrue();
            publisher.publishEvent(new RecallRemedyChosen(chosen.getRecallId(), chosen.getId(), remedy));
        });
        String processId = notices.findById(notice.getId()).orElseThrow().getProcessInstanceId();
        assertThat(processId).isNotNull();
        return processId;
    }

    private HttpResponse<String> scan(long recallId, String unitRef, String user, String body) {
        return http.post("/api/recalls/" + recallId + "/units/" + unitRef + "/scan", user, "application/json", body);
    }

    private static String status(String status) {
        return "{\"status\": \"" + status + "\", \"note\": \"bench 3\"}";
    }

    @Test
    void aRefundBuyerGetsOneLabelTheScansMoveTheReturnOnAndTheRefundIsPaidOnce() throws Exception {
        shipTo("Musterstraße 12");
        String shipment = String.format("%012d", Math.abs((long) run.hashCode()) % 1_000_000_000_000L);
        ProviderStubsConfiguration.stubDhlReturnLabel(providerStubs, shipment);
        String buyer = "lea." + run + "@example.de";
        RecallNotice notice = affected("a", buyer);
        String processId = choose(notice, RecallRemedy.REFUND);
        Recall recall = recalls.findById(notice.getRecallId()).orElseThrow();
        String reference = recall.getRecallKey() + "/" + notice.getId();

        DueJobs.run(managementService, processId); // label, label mail: then it waits for the units
        RecallNotice labelled = notices.findById(notice.getId()).orElseThrow();
        assertThat(labelled.getLabelTracking()).isEqualTo(shipment);
        assertThat(labelled.getLabelCost()).isEqualByComparingTo("5.49");
        providerStubs.verify(1, postRequestedFor(urlPathEqualTo(DHL))
                .withRequestBody(matchingJsonPath("$.customerReference", equalTo(reference)))
                .withRequestBody(matchingJsonPath("$.shipper.addressStreet", equalTo("Musterstraße")))
                .withRequestBody(matchingJsonPath("$.shipper.addressHouse", equalTo("12"))));
        // the step once more (a retry, Cockpit moving the instance back): the notice has its label, DHL is not asked
        assertThat(returns.createLabel(notice.getId())).isFalse();
        providerStubs.verify(1, postRequestedFor(urlPathEqualTo(DHL))
                .withRequestBody(matchingJsonPath("$.customerReference", equalTo(reference))));
        assertThat(taskService.createTaskQuery().processInstanceId(processId).count()).isZero();

        relay.deliverDue();
        List<MimeMessage> mails = ReceivedMail.to(smtp, buyer, recall.getRecallKey());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("Rücksendeetikett");
        String body = ReceivedMail.content(mails.get(0));
        assertThat(body).contains(shipment, "lang=\"de\"", RecallUnit.unitRef(units.findByNoticeIdOrderByUnitRef(
                notice.getId()).get(0).getOrderId(), 1, 2)).doesNotContain("Musterstraße");
        Matcher link = LABEL_LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        URI labelUrl = URI.create(link.group());
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + labelUrl.getRawPath() + "?" + labelUrl.getRawQuery())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("pdf"));
        assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        // an altered link is refused, in the language the link names (a made-up one learns nothing of the notice)
        HttpResponse<String> forged = http.get(labelUrl.getRawPath() + "?t=1." + "x".repeat(32) + "&lang=de", null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("lang=\"de\"", "Dieser Link ist nicht gültig");

        List<RecallUnit> ofNotice = units.findByNoticeIdOrderByUnitRef(notice.getId());
        String first = ofNotice.get(0).getUnitRef();
        String second = ofNotice.get(1).getUnitRef();
        long recallId = recall.getId();
        // who may scan, and what a scan must say
        assertThat(scan(recallId, first, "lena", status("RECEIVED")).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = scan(recallId, first, "walt", status("LOST"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.json(bad).get("problems").findValuesAsText("field")).containsExactly("status");
        assertThat(Http.json(bad).get("problems").get(0).get("reason").asText()).contains("RECEIVED", "REFURBISHED");
        HttpResponse<String> empty = http.post("/api/recalls/" + recallId + "/units/" + first + "/scan", "walt",
                "application/json", "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = scan(recallId, "0-0-0", "walt", status("RECEIVED"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown).get("problems").findValuesAsText("field")).containsExactly("unitRef");
        assertThat(scan(Long.MAX_VALUE, first, "walt", status("RECEIVED")).statusCode()).isEqualTo(404);

        HttpResponse<String> received = scan(recallId, first, "walt", status("RECEIVED"));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        assertThat(Http.json(received).get("status").asText()).isEqualTo("RECEIVED");
        assertThat(Http.json(received).get("scannedBy").asText()).isEqualTo("walt");
        assertThat(events.of(RecallUnitsChanged.class)).contains(new RecallUnitsChanged(recallId));
        HttpResponse<String> again = scan(recallId, first, "walt", status("RECEIVED"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("problems").get(0).get("reason").asText()).contains("is RECEIVED",
                "forward only");
        // one unit of two back: the process still waits
        assertThat(taskService.createTaskQuery().processInstanceId(processId).count()).isZero();

        assertThat(scan(recallId, second, "rita", status("RECEIVED")).statusCode()).isEqualTo(200);
        Task inspect = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(RecallReturnProcess.USER_TASK_INSPECT).singleResult();
        assertThat(inspect).as("all units received: aftersales.recallUnitsReceived correlated").isNotNull();
        assertThat(taskService.getIdentityLinksForTask(inspect.getId())).extracting(IdentityLink::getGroupId)
                .contains("warehouse");
        assertThat(taskService.getVariableLocal(inspect.getId(), RecallReturnProcess.VAR_NOTICE_VIEW).toString())
                .contains(recall.getRecallKey(), first, second, "received").doesNotContain(buyer, "Musterstraße");
        assertThat(scan(recallId, first, "walt", status("INSPECTED")).statusCode()).isEqualTo(200);
        assertThat(scan(recallId, first, "walt", status("RECEIVED")).statusCode()).isEqualTo(409);

        ProviderStubsConfiguration.stubShopifyRefund(providerStubs, storeId, "79.80", "7" + Math.abs(run.hashCode()));
        assertThat(scan(recallId, first, "walt", status("DISPOSED")).statusCode()).isEqualTo(200);
        assertThat(taskService.createTaskQuery().taskId(inspect.getId()).count()).isEqualTo(1);
        assertThat(scan(recallId, second, "walt", status("DISPOSED")).statusCode()).isEqualTo(200);
        // the last unit disposed: the inspection is done by the scans
        assertThat(taskService.createTaskQuery().taskId(inspect.getId()).count()).isZero();
        assertThat(scan(recallId, second, "walt", status("REFURBISHED")).statusCode()).isEqualTo(409);

        DueJobs.run(managementService, processId); // the refund, then the mail
        RecallNotice refunded = notices.findById(notice.getId()).orElseThrow();
        assertThat(refunded.getRemedyDoneAt()).isNotNull();
        assertThat(refunded.getRemedyAmount()).isEqualByComparingTo("79.80");
        assertThat(refunded.getRemedyCurrency()).isEqualTo("EUR");
        assertThat(refunded.getRemedyRef()).startsWith("gid://shopify/Refund/7");
        // the refund step once more: the notice has its remedy, Shopify is not asked again
        assertThat(remedies.refund(notice.getId())).isFalse();
        providerStubs.verify(1, postRequestedFor(urlEqualTo(graphql)).withRequestBody(matchingJsonPath("$.query",
                containing("mutation RefundCreate"))).withRequestBody(matchingJsonPath("$.variables.input.note",
                containing("[hw:recall:" + recall.getRecallKey() + ":refund:" + notice.getId() + "]"))));
        assertThat(managementService.createJobQuery().processInstanceId(processId).count()).isZero();
        assertThat(outbox.findAll().stream().map(m -> m.getIdempotencyKey()).toList()).contains(
                "recall:" + recall.getRecallKey() + ":label:" + notice.getId(),
                "recall:" + recall.getRecallKey() + ":remedy-done:" + notice.getId());
        relay.deliverDue();
        assertThat(ReceivedMail.to(smtp, buyer, recall.getRecallKey(), "erledigt")).singleElement()
                .satisfies(m -> assertThat(ReceivedMail.content(m)).contains("79.80 EUR"));
    }

    @Test
    void anAddressTheCarrierCannotTakeHasTheLabelMadeByHandAndMailedWithoutALink() throws Exception {
        shipTo("Musterstraße");
        RecallNotice notice = affected("m", "hand." + run + "@example.de");
        String processId = choose(notice, RecallRemedy.REPLACEMENT);
        Recall recall = recalls.findById(notice.getRecallId()).orElseThrow();

        DueJobs.run(managementService, processId);
        Task make = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(RecallReturnProcess.USER_TASK_MAKE_LABEL).singleResult();
        assertThat(make).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(make.getId())).extracting(IdentityLink::getGroupId)
                .contains("warehouse", "logistics");
        providerStubs.verify(0, postRequestedFor(urlPathEqualTo(DHL)).withRequestBody(matchingJsonPath(
                "$.customerReference", equalTo(recall.getRecallKey() + "/" + notice.getId()))));

        taskService.claim(make.getId(), "walt");
        HttpResponse<String> missing = http.post("/engine-rest/task/" + make.getId() + "/complete", "walt",
                "application/json", "{\"variables\": {\"labelCarrier\": {\"value\": \"DHL\"}}}");
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("tracking number");
        HttpResponse<String> made = http.post("/engine-rest/task/" + make.getId() + "/complete", "walt",
                "application/json", """
                        {"variables": {"labelCarrier": {"value": "DHL"}, "labelTracking": {"value": "JJD00%s"}}}"""
                        .formatted(run));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(204);
        RecallNotice labelled = notices.findById(notice.getId()).orElseThrow();
        assertThat(labelled.getLabelTracking()).isEqualTo("JJD00" + run);
        assertThat(labelled.getLabelPdf()).isNull();

        DueJobs.run(managementService, processId);
        JsonNode model = new com.fasterxml.jackson.databind.ObjectMapper().readTree(outbox.findAll().stream()
                .filter(m -> m.getIdempotencyKey().equals("recall:" + recall.getRecallKey() + ":label:" + notice.getId()))
                .findFirst().orElseThrow().getModelJson());
        assertThat(model.has("labelUrl")).isFalse();
        assertThat(model.get("tracking").asText()).isEqualTo("JJD00" + run);
        assertThat(taskService.createTaskQuery().processInstanceId(processId).count()).isZero();
    }
}
