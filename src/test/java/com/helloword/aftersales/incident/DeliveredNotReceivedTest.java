package com.helloword.aftersales.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * Delivered but not received, through the emergency escalation on the running application: a German buyer writes
 * that the parcel DHL reports delivered never came; the agent's "Answer buyer" task shows the proof of delivery
 * (time, and the link to the proof page, which asks the WireMock DHL Shipment Tracking for the signer, place and
 * signature link); the agent completes it with the investigation box ticked, which opens a DHL investigation
 * (WireMock verified, idempotency key); the answer DHL gives on the second poll comes back into the case as a staff
 * note.
 */
@IntegrationTest
class DeliveredNotReceivedTest {

    static final String TRACK = "/dhl/track/shipments";
    static final String INVESTIGATIONS = "/dhl/parcel/de/investigations/v1/requests";

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    CarrierInvestigationRepository investigations;
    @Autowired
    DeliveryInvestigationService deliveries;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    MutableClock clock;
    @Autowired
    TransactionTemplate transaction;

    Http http;
    String run;
    String storeId;
    String orderId;
    String parcel;
    String buyer;

    @BeforeEach
    void setUp() throws IOException {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "shopify-de-dbnr-" + run;
        orderId = "5560" + Math.abs(run.hashCode() % 100000);
        parcel = String.format("0034043%013d", Math.abs((long) run.hashCode()));
        buyer = "sabine." + run + "@example.de";
        // Monday 09:00 in Berlin: agents-de is at work; the engine's timers live in the same moment
        clock.set(Instant.parse("2026-11-23T08:00:00Z"));
        ClockUtil.setCurrentTime(Date.from(clock.instant()));
        stores.save(new Store(storeId, "Helloword Tassen DE", Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(storeId + ".myshopify.com", null, providerStubs.baseUrl() + "/" + storeId,
                "shopify-us"));
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId + "," + buyer
                + ",Sabine,de,DE,EUR,2026-11-10T10:00:00Z,2026-11-11T10:00:00Z,2026-11-14T10:00:00Z,DHL," + parcel
                + ",DELIVERED,MUG-STONE,B-77,1,29.90\n"));
    }

    @AfterEach
    void resetClocks() {
        ClockUtil.reset();
        clock.set(Instant.now());
    }

    static String fixture(String name) {
        try (InputStream in = DeliveredNotReceivedTest.class.getResourceAsStream("/dhl/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theAgentSeesTheProofOfDeliveryOpensADhlInvestigationAndItsAnswerComesBackIntoTheCase() {
        // 1. the buyer: DHL says delivered, the parcel never came
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<dbnr-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Paket",
                 "body": "Hallo, laut Sendungsverfolgung wurde mein Paket zugestellt, aber es ist nie angekommen."}"""
                .formatted(storeId, run, orderId, buyer));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        String key = Http.json(received).get("businessKey").asText();
        assertThat(Http.json(received).get("category").asText()).isEqualTo("NOT_RECEIVED");
        String processId = caseOf(key).getProcessInstanceId();

        // 2. the agent's task shows the proof of delivery (no signer name in the task: it is behind the link)
        Task answer = answerTask(key);
        assertThat(http.post("/engine-rest/task/" + answer.getId() + "/claim", "lena", "application/json",
                "{\"userId\": \"lena\"}").statusCode()).isEqualTo(204);
        JsonNode variables = Http.json(http.get("/engine-rest/task/" + answer.getId() + "/form-variables", "lena"));
        String proof = variables.at("/proofOfDelivery/value").asText();
        assertThat(proof).contains("Delivered, says the carrier", parcel, "2026-11-14 10:00 UTC",
                "/api/cases/" + key + "/proof-of-delivery", "No carrier investigation yet");
        assertThat(variables.at("/openCarrierInvestigation/value").asBoolean()).isFalse();
        JsonNode form = Http.json(http.get("/engine-rest/task/" + answer.getId() + "/deployed-form", "lena"));
        assertThat(form.toString()).contains("\"key\":\"openCarrierInvestigation\"", "{{proofOfDelivery}}");

        // 3. the proof page: DHL's Shipment Tracking (WireMock) names the signer, the place, the time and the link
        providerStubs.stubFor(get(urlPathEqualTo(TRACK)).withQueryParam("trackingNumber", equalTo(parcel))
                .willReturn(okJson(fixture("tracking-parcel-de-delivered.json")
                        .replace("00340434292135100179", parcel))));
        HttpResponse<String> page = http.get("/api/cases/" + key + "/proof-of-delivery", "lena");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode pod = Http.json(page);
        assertThat(pod.get("signer").asText()).isEqualTo("Jane Doe");
        assertThat(pod.get("place").asText()).isEqualTo("Bonn, DE");
        assertThat(pod.get("deliveredAt").asText()).isEqualTo("2024-03-02T09:53:00Z");
        assertThat(pod.get("proofUrl").asText()).isEqualTo("https://api-eu.dhl.com/track/pod/signature/" + parcel);
        assertThat(pod.get("source").asText()).isEqualTo("dhl");
        assertThat(pod.get("carrierLookup").isNull()).isTrue();
        // asked once: the proof is stored with the scans and read from there next time
        assertThat(Http.json(http.get("/api/cases/" + key + "/proof-of-delivery", "lena")).get("signer").asText())
                .isEqualTo("Jane Doe");
        providerStubs.verify(1, getRequestedFor(urlPathEqualTo(TRACK)).withQueryParam("trackingNumber",
                equalTo(parcel)));
        assertThat(Http.json(http.get("/api/orders/" + storeId + "/" + orderId + "/tracking", "lena")).toString())
                .contains("https://api-eu.dhl.com/track/pod/signature/" + parcel);
        // the next task's note says a signer is on record, but names neither the signer nor the buyer's town
        assertThat(deliveries.proofOfDeliveryNote(caseOf(key).getId()).orElseThrow())
                .contains("A signer and the place are on record", "signature or photo link")
                .doesNotContain("Jane", "Doe", "Bonn");
        // another team does not see it
        assertThat(http.get("/api/cases/" + key + "/proof-of-delivery", "chloe").statusCode()).isEqualTo(403);

        // 4. the agent answers the buyer and ticks "open a carrier investigation"
        providerStubs.stubFor(post(urlPathEqualTo(INVESTIGATIONS)).willReturn(okJson(fixture("investigation-opened.json"))
                .withStatus(201)));
        HttpResponse<String> completed = http.post("/engine-rest/task/" + answer.getId() + "/complete", "lena",
                "application/json", """
                {"variables": {"agentAction": {"value": "REPLY"}, "remedy": {"value": "NONE"},
                  "replyNote": {"value": "Wir haben bei DHL einen Nachforschungsauftrag gestellt."},
                  "openCarrierInvestigation": {"value": true}}}""");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        DueJobs.run(managementService, processId);
        String investigationKey = key + "-INV1";
        CarrierInvestigation requested = investigations.findByInvestigationKey(investigationKey).orElseThrow();
        assertThat(requested.getRequestedBy()).isEqualTo("lena");
        ProcessInstance investigation = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(CarrierInvestigationSteps.PROCESS_KEY).processInstanceBusinessKey(investigationKey)
                .singleResult();
        assertThat(investigation).isNotNull();
        // nothing went to DHL in the agent's transaction: the process does it, with retries
        providerStubs.verify(0, postRequestedFor(urlPathEqualTo(INVESTIGATIONS))
                .withHeader("Idempotency-Key", equalTo(investigationKey)));
        DueJobs.run(managementService, investigation.getId());
        providerStubs.verify(1, postRequestedFor(urlPathEqualTo(INVESTIGATIONS))
                .withHeader("Idempotency-Key", equalTo(investigationKey))
                .withRequestBody(matchingJsonPath("$.shipmentNo", equalTo(parcel)))
                .withRequestBody(matchingJsonPath("$.reason", equalTo("DELIVERED_NOT_RECEIVED")))
                .withRequestBody(matchingJsonPath("$.customerReference", equalTo(key))));
        CarrierInvestigation opened = investigations.findByInvestigationKey(investigationKey).orElseThrow();
        assertThat(opened.getStatus()).isEqualTo("OPEN");
        assertThat(opened.getCarrierReference()).isEqualTo("NF-2026-000184467");
        // opening it again from the API finds the open one
        HttpResponse<String> again = http.post("/api/cases/" + key + "/carrier-investigation", "lena",
                "application/json", "{}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Http.json(again).get("investigationKey").asText()).isEqualTo(investigationKey);
        assertThat(investigations.findByCaseIdOrderByIdAsc(opened.getCaseId())).hasSize(1);

        // 5. DHL is asked every poll-every: still open the first time, answered the second
        String status = INVESTIGATIONS + "/NF-2026-000184467";
        providerStubs.stubFor(get(urlPathEqualTo(status)).inScenario("dbnr-" + run)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(fixture("investigation-opened.json")))
                .willSetStateTo("answered"));
        providerStubs.stubFor(get(urlPathEqualTo(status)).inScenario("dbnr-" + run).whenScenarioStateIs("answered")
                .willReturn(okJson(fixture("investigation-answered.json"))));
        nextPoll(investigation.getId());
        assertThat(investigations.findByInvestigationKey(investigationKey).orElseThrow().getStatus()).isEqualTo("OPEN");
        assertThat(notes(key)).isZero();
        nextPoll(investigation.getId());
        providerStubs.verify(2, getRequestedFor(urlPathEqualTo(status)));

        CarrierInvestigation answered = investigations.findByInvestigationKey(investigationKey).orElseThrow();
        assertThat(answered.getStatus()).isEqualTo("ANSWERED");
        assertThat(answered.getOutcome()).isEqualTo("LOST");
        assertThat(answered.isOpen()).isFalse();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(investigation.getId())
                .finished().count()).isEqualTo(1);
        AfterSalesCase c = caseOf(key);
        assertThat(c.getMessages()).filteredOn(m -> m.getDirection() == MessageDirection.INTERNAL
                && "carrier".equals(m.getChannel())).singleElement().satisfies(m -> assertThat(m.getBody())
                        .contains(investigationKey, "NF-2026-000184467", "ANSWERED", "LOST",
                                "the delivery scan was made in error"));
        // and the proof page lists it
        assertThat(Http.json(http.get("/api/cases/" + key + "/proof-of-delivery", "lena")).at("/investigations/0/outcome")
                .asText()).isEqualTo("LOST");
    }

    @Test
    void aCarrierSilentForTheGiveUpTimeIsGivenUpOnAndTheCaseIsToldToChaseIt() {
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<dbnr-g-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Paket", "body": "Mein Paket ist nie angekommen."}"""
                .formatted(storeId, run, orderId, buyer));
        String key = Http.json(received).get("businessKey").asText();
        String reference = "NF-GU-" + run;
        providerStubs.stubFor(post(urlPathEqualTo(INVESTIGATIONS)).withHeader("Idempotency-Key",
                equalTo(key + "-INV1")).willReturn(okJson(fixture("investigation-opened.json")
                        .replace("NF-2026-000184467", reference)).withStatus(201)));
        providerStubs.stubFor(get(urlPathEqualTo(INVESTIGATIONS + "/" + reference)).willReturn(okJson(
                fixture("investigation-opened.json").replace("NF-2026-000184467", reference))));

        // opened from the API this time
        HttpResponse<String> opened = http.post("/api/cases/" + key + "/carrier-investigation", "lena",
                "application/json", "{}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String investigationKey = Http.json(opened).get("investigationKey").asText();
        assertThat(investigationKey).isEqualTo(key + "-INV1");
        String processId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(investigationKey)
                .singleResult().getId();
        DueJobs.run(managementService, processId);
        assertThat(investigations.findByInvestigationKey(investigationKey).orElseThrow().getCarrierReference())
                .isEqualTo(reference);

        // still open a day later: wait on; still open 30 days after opening: given up
        clock.set(Instant.parse("2026-11-24T08:00:00Z"));
        nextPoll(processId);
        assertThat(investigations.findByInvestigationKey(investigationKey).orElseThrow().isOpen()).isTrue();
        clock.set(Instant.parse("2026-12-23T09:00:00Z"));
        nextPoll(processId);
        CarrierInvestigation given = investigations.findByInvestigationKey(investigationKey).orElseThrow();
        assertThat(given.getStatus()).isEqualTo("UNANSWERED");
        assertThat(given.isOpen()).isFalse();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processId)
                .activityId("endEvent_givenUp").count()).isEqualTo(1);
        assertThat(caseOf(key).getMessages()).filteredOn(m -> "carrier".equals(m.getChannel())).singleElement()
                .satisfies(m -> assertThat(m.getBody()).contains("UNANSWERED", "30 days", reference));
    }

    @Test
    void aCaseThatIsNotAboutADeliveredParcelHasNoProofOfDelivery() {
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<dbnr-x-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Tasse", "body": "Die Tasse ist zerbrochen angekommen."}"""
                .formatted(storeId, run, orderId, buyer));
        String key = Http.json(received).get("businessKey").asText();
        Task answer = answerTask(key);
        assertThat(taskService.getVariableLocal(answer.getId(), "proofOfDelivery")).isNull();
        assertThat(http.get("/api/cases/" + key + "/proof-of-delivery", "lena").statusCode()).isEqualTo(404);
    }

    private void nextPoll(String processInstanceId) {
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
        assertThat(timer).as("the next look at DHL's answer").isNotNull();
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(60)));
        DueJobs.run(managementService, processInstanceId);
    }

    private long notes(String key) {
        return caseOf(key).getMessages().stream().filter(m -> "carrier".equals(m.getChannel())).count();
    }

    private AfterSalesCase caseOf(String key) {
        return transaction.execute(tx -> {
            AfterSalesCase c = cases.findWithMessages(key).orElseThrow();
            c.getMessages().size();
            return c;
        });
    }

    private Task answerTask(String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey("userTask_answerBuyer").singleResult();
    }
}
