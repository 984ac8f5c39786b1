package com.helloword.aftersales.casework.escalation;

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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseRemedy;
import com.helloword.aftersales.casework.CaseRemedyRepository;
import com.helloword.aftersales.casework.CaseStatus;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.casework.Remedy;
import com.helloword.aftersales.notification.OutboxRelay;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;
import com.helloword.aftersales.support.ProviderStubsConfiguration;
import com.helloword.aftersales.support.ReceivedMail;

/**
 * The whole emergency path on the running application: a German buyer's message through the HTTP
 * intake becomes a graded case for the German team, the claim timer escalates it when the engine's
 * clock passes the claim time, the agent completes the Camunda Form over the REST API Tasklist uses,
 * the partial refund reaches the (WireMock) Shopify store, the reply arrives at GreenMail in German,
 * and the buyer's click on the confirmation link closes the case; the rating below 4 opens a
 * follow-up for the team leads.
 */
@IntegrationTest
class EmergencyAfterSalesEndToEndTest {

    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^\\s\"<>]+/buyer/cases/[A-Z0-9-]+/confirm\\?t=[A-Za-z0-9._-]+");
    private static final Pattern RATING_LINK = Pattern.compile("https?://[^\\s\"<>]+/buyer/cases/[A-Z0-9-]+/rating\\?stars=(\\d)&(?:amp;)?t=[A-Za-z0-9._-]+");

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    CaseRemedyRepository remedies;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
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
    TransactionTemplate transaction;

    Http http;
    String run;
    String storeId;
    String graphql;
    String buyer;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "shopify-de-" + run;
        graphql = "/" + storeId + "/admin/api/2025-01/graphql.json";
        buyer = "jonas." + run + "@example.de";
        // Monday 09:00 in Berlin: agents-de is at work; the engine's timers live in the same moment
        clock.set(Instant.parse("2026-11-23T08:00:00Z"));
        ClockUtil.setCurrentTime(Date.from(clock.instant()));
        stores.save(new Store(storeId, "Helloword Tassen DE", Platform.SHOPIFY, "DE", Currency.getInstance("EUR"), "de",
                "Europe/Berlin").connection(storeId + ".myshopify.com", null, providerStubs.baseUrl() + "/" + storeId,
                "shopify-us"));
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId() + "," + buyer
                + ",Jonas,de,DE,EUR,2026-11-10T10:00:00Z,2026-11-11T10:00:00Z,2026-11-14T10:00:00Z,DHL,JJD" + run
                + ",DELIVERED,MUG-STONE,B-77,2,29.90\n"));
        relay.deliverDue(); // whatever other tests left due
    }

    @AfterEach
    void resetClocks() {
        ClockUtil.reset();
        clock.set(Instant.now());
    }

    private String orderId() {
        return "5550" + Math.abs(run.hashCode() % 1000);
    }

    @Test
    void aDamagedMugIsRefundedThirtyPercentAnsweredInGermanAndClosedByTheBuyer() throws Exception {
        // 1. intake → graded case for the German team, with its first reply due in working time
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<e2e-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Tasse kaputt",
                 "body": "Hallo, die Tasse ist zerbrochen angekommen, der Henkel ist ab. Was können Sie tun?"}"""
                .formatted(storeId, run, orderId(), buyer));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        JsonNode graded = Http.json(received);
        String key = graded.get("businessKey").asText();
        assertThat(graded.get("category").asText()).isEqualTo("DAMAGED");
        assertThat(graded.get("severity").asText()).isEqualTo("YELLOW");
        assertThat(graded.get("language").asText()).isEqualTo("de");
        String processId = caseOf(key).getProcessInstanceId();
        Task answer = answerTask(key);
        assertThat(groups(answer)).containsExactly("agents-de");
        // 8 h of the German team's working time from Monday 09:00 Berlin: Monday 17:00 Berlin
        assertThat(answer.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));

        // 2. nobody claims it: when the engine's clock passes the claim time, the team leads are called
        Job claimTimer = managementService.createJobQuery().processInstanceId(processId).timers()
                .activityId(EmergencyAfterSales.TIMER_CLAIM_DUE).singleResult();
        assertThat(managementService.createJobQuery().processInstanceId(processId).executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(claimTimer.getDuedate().toInstant().plusSeconds(60)));
        DueJobs.run(managementService, processId);
        assertThat(groups(answerTask(key))).containsExactlyInAnyOrder("agents-de", "team-leads");
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.ESCALATED);
        relay.deliverDue();

        // 3. the agent opens the task in Tasklist: the form and the case as the agent sees it
        answer = answerTask(key);
        assertThat(http.post("/engine-rest/task/" + answer.getId() + "/claim", "lena", "application/json",
                "{\"userId\": \"lena\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> form = http.get("/engine-rest/task/" + answer.getId() + "/deployed-form", "lena");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(Http.json(form).get("id").asText()).isEqualTo("answerBuyerForm");
        JsonNode variables = Http.json(http.get("/engine-rest/task/" + answer.getId() + "/form-variables", "lena"));
        String caseView = variables.at("/caseView/value").asText();
        assertThat(caseView).contains(key, "Tasse ist zerbrochen", "MUG\\-STONE", "B\\-77", "59.80 EUR", "DELIVERED")
                .doesNotContain(buyer, "Jonas");
        assertThat(variables.at("/remedy/value").asText()).isNotBlank(); // the table's suggestion, pre-filled
        // the reply per remedy: a Json value, which Tasklist reads serialized and hands to the form
        JsonNode previews = Http.json(http.get("/engine-rest/task/" + answer.getId()
                + "/form-variables?variableNames=replyPreviews&deserializeValues=false", "lena")).get("replyPreviews");
        assertThat(previews.get("type").asText()).isEqualTo("Json");
        assertThat(previews.get("value").asText()).contains(key).doesNotContain("/buyer/cases/", buyer, "Jonas");

        // a choice beyond what anyone may approve is refused with the reason, and nothing is kept
        HttpResponse<String> refused = complete(answer, "PARTIAL_REFUND_KEEP_ITEM", 200, "");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("1 to 150 %");
        assertThat(answerTask(key)).isNotNull();
        assertThat(remedies.findByAfterSalesCaseIdOrderByIdAsc(caseOf(key).getId())).isEmpty();

        // 4. 30 % back, the buyer keeps the mug: within the agent's own limit
        providerStubs.stubFor(graphql("query Refundable").willReturn(okJson(refundable())));
        providerStubs.stubFor(graphql("mutation RefundCreate").willReturn(okJson("""
                {"data": {"refundCreate": {"refund": {"id": "gid://shopify/Refund/77%s",
                  "totalRefundedSet": {"presentmentMoney": {"amount": "17.94", "currencyCode": "EUR"}}},
                  "userErrors": []}}}""".formatted(Math.abs(run.hashCode())))));
        HttpResponse<String> completed = complete(answer, "PARTIAL_REFUND_KEEP_ITEM", 30,
                "Das tut uns sehr leid, Jonas!");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        DueJobs.run(managementService, processId);

        providerStubs.verify(1, postRequestedFor(urlEqualTo(graphql))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation RefundCreate")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].amount", equalTo("17.94")))
                .withRequestBody(matchingJsonPath("$.variables.input.note", containing("[hw:case:" + key + ":remedy:"))));
        CaseRemedy remedy = remedies.findByAfterSalesCaseIdOrderByIdAsc(caseOf(key).getId()).get(0);
        assertThat(remedy.getRemedy()).isEqualTo(Remedy.PARTIAL_REFUND_KEEP_ITEM);
        assertThat(remedy.getStatus()).isEqualTo(CaseRemedy.Status.EXECUTED);
        assertThat(remedy.getAmount()).isEqualByComparingTo("17.94");
        assertThat(remedy.getChosenBy()).isEqualTo("lena");
        assertThat(remedy.getPlatformRef()).startsWith("gid://shopify/Refund/77");
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.WAITING_FOR_BUYER);

        // 5. the reply reaches the buyer in German, once
        relay.deliverDue();
        relay.deliverDue();
        List<MimeMessage> replies = ReceivedMail.to(smtp, buyer, key);
        assertThat(replies).hasSize(1);
        String reply = ReceivedMail.content(replies.get(0));
        assertThat(replies.get(0).getSubject()).contains(key);
        assertThat(reply).contains("17.94", "Das tut uns sehr leid, Jonas!", "lang=\"de\"");
        assertThat(caseOf(key).getMessages()).anyMatch(m -> m.getDirection() == MessageDirection.OUTBOUND);

        // 6. the buyer clicks "my problem is solved": one more click on the page, and the case closes
        Matcher confirm = CONFIRM_LINK.matcher(reply);
        assertThat(confirm.find()).as(reply).isTrue();
        URI link = URI.create(confirm.group().replace("&amp;", "&"));
        String token = link.getRawQuery().substring(2);
        HttpResponse<String> page = http.get(link.getRawPath() + "?" + link.getRawQuery(), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("method=\"post\"", "lang=\"de\"");
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.WAITING_FOR_BUYER); // opening the link did nothing
        assertThat(http.post(link.getRawPath(), null, "application/x-www-form-urlencoded", "t=" + token.replace("x", "y")
                + "z").statusCode()).isEqualTo(403);
        HttpResponse<String> confirmed = http.post(link.getRawPath(), null, "application/x-www-form-urlencoded",
                "t=" + token);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        AfterSalesCase closed = caseOf(key);
        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.getResolution()).isEqualTo(CaseResolution.CONFIRMED);

        // 7. the rating request follows; 3 stars opens a follow-up task for the team leads
        DueJobs.run(managementService, processId);
        relay.deliverDue();
        List<MimeMessage> ratingMails = ReceivedMail.to(smtp, buyer, key);
        assertThat(ratingMails).hasSize(2);
        String ratingMail = ReceivedMail.content(ratingMails.get(1));
        Set<String> ratingLinks = new LinkedHashSet<>(); // the HTML and the plain-text part carry the same links
        Matcher rating = RATING_LINK.matcher(ratingMail);
        while (rating.find()) {
            ratingLinks.add(rating.group().replace("&amp;", "&"));
        }
        assertThat(ratingLinks).hasSize(5);
        URI three = URI.create(ratingLinks.stream().filter(l -> l.contains("stars=3")).findFirst().orElseThrow());
        String ratingToken = three.getRawQuery().replaceAll(".*t=", "");
        assertThat(http.post(three.getRawPath(), null, "application/x-www-form-urlencoded",
                "stars=3&t=" + ratingToken).statusCode()).isEqualTo(200);

        Task followUp = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_LOW_RATING).singleResult();
        assertThat(followUp).isNotNull();
        assertThat(groups(followUp)).containsExactly("team-leads");
        assertThat(caseOf(key).getRating()).isEqualTo(3);
        // a second click changes nothing
        assertThat(http.post(three.getRawPath(), null, "application/x-www-form-urlencoded",
                "stars=5&t=" + ratingToken).body()).doesNotContain("method=\"post\"");
        assertThat(caseOf(key).getRating()).isEqualTo(3);
    }

    @Test
    void aBuyerWhoWritesAgainAfterTheReplyIsBackWithTheTeamAndSilenceClosesTheCase() throws Exception {
        String key = Http.json(http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<e2e-a-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Farbe", "body": "Die Tasse ist zerbrochen angekommen."}"""
                .formatted(storeId, run, orderId(), buyer))).get("businessKey").asText();
        String processId = caseOf(key).getProcessInstanceId();
        Task answer = answerTask(key);
        http.post("/engine-rest/task/" + answer.getId() + "/claim", "lena", "application/json", "{\"userId\": \"lena\"}");
        assertThat(complete(answer, "NONE", null, "Bitte senden Sie uns ein Foto.").statusCode()).isEqualTo(204);
        DueJobs.run(managementService, processId);
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.WAITING_FOR_BUYER);

        // the buyer answers by mail: the case goes back to the German team, with the new message in view
        HttpResponse<String> again = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<e2e-b-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Foto", "body": "Hier ist das Foto vom Henkel."}"""
                .formatted(storeId, run, orderId(), buyer));
        assertThat(Http.json(again).get("businessKey").asText()).isEqualTo(key);
        Task back = answerTask(key);
        assertThat(back).isNotNull();
        assertThat(groups(back)).contains("agents-de");
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.OPEN);
        assertThat(taskService.getVariableLocal(back.getId(), "caseView").toString()).contains("Foto vom Henkel");

        // a reship of a 59.80 EUR order is within the agent's own limit; the warehouse ships it
        assertThat(complete(back, "RESHIP", null, "").statusCode()).isEqualTo(204);
        DueJobs.run(managementService, processId);
        Task warehouse = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_MANUAL_STEP).singleResult();
        assertThat(groups(warehouse)).containsExactly("warehouse");
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.REMEDY_PENDING);
        assertThat(http.post("/engine-rest/task/" + warehouse.getId() + "/complete", "walt", "application/json",
                "{\"variables\": {}}").statusCode()).isEqualTo(400); // says what was done first
        assertThat(http.post("/engine-rest/task/" + warehouse.getId() + "/claim", "walt", "application/json",
                "{\"userId\": \"walt\"}").statusCode()).isEqualTo(204);
        assertThat(http.post("/engine-rest/task/" + warehouse.getId() + "/complete", "walt", "application/json", """
                {"variables": {"trackingNumber": {"value": "00340434161094042557"}}}""").statusCode()).isEqualTo(204);
        assertThat(caseOf(key).getMessages()).anyMatch(m -> m.getDirection() == MessageDirection.INTERNAL
                && m.getBody().contains("00340434161094042557"));
        // the buyer hears that the replacement shipped, with its tracking number; then the case waits for them
        DueJobs.run(managementService, processId);
        relay.deliverDue();
        assertThat(ReceivedMail.to(smtp, buyer, key, "erledigt")).singleElement()
                .satisfies(done -> assertThat(ReceivedMail.content(done)).contains("00340434161094042557", "lang=\"de\""));
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.WAITING_FOR_BUYER);

        // no word from the buyer for the quiet period: the case closes by itself
        Job quiet = managementService.createJobQuery().processInstanceId(processId)
                .activityId(EmergencyAfterSales.TIMER_QUIET_PERIOD).singleResult();
        assertThat(quiet.getDuedate().toInstant()).isAfter(clock.instant().plus(Duration.ofDays(2)));
        ClockUtil.setCurrentTime(Date.from(quiet.getDuedate().toInstant().plusSeconds(60)));
        DueJobs.run(managementService, processId);
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(caseOf(key).getResolution()).isEqualTo(CaseResolution.QUIET_PERIOD);
    }

    @Test
    void approvalGoesByTheRealOrderValueAndNobodyApprovesTheirOwnRefund() throws Exception {
        String key = Http.json(http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<e2e-f-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Kaputt", "body": "Die Tasse ist zerbrochen angekommen."}"""
                .formatted(storeId, run, orderId(), buyer))).get("businessKey").asText();
        String processId = caseOf(key).getProcessInstanceId();
        Task answer = answerTask(key);
        http.post("/engine-rest/task/" + answer.getId() + "/claim", "leo", "application/json", "{\"userId\": \"leo\"}");
        // a full refund of the 59.80 EUR order needs a team lead, whatever order value the completion claims
        HttpResponse<String> forged = http.post("/engine-rest/task/" + answer.getId() + "/complete", "leo",
                "application/json", """
                        {"variables": {"agentAction": {"value": "REPLY"}, "remedy": {"value": "REFUND"},
                          "orderValueEur": {"value": 1.0, "type": "Double"}, "caseId": {"value": 1, "type": "Long"}}}""");
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(204);
        Task approve = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_APPROVE_REMEDY).singleResult();
        assertThat(approve).as("the refund waits for a team lead").isNotNull();
        assertThat(remedies.findByAfterSalesCaseIdOrderByIdAsc(caseOf(key).getId())).singleElement()
                .satisfies(r -> assertThat(r.getApproval()).isEqualTo("TEAM_LEAD"));

        // leo chose it, so leo cannot approve it
        http.post("/engine-rest/task/" + approve.getId() + "/claim", "leo", "application/json", "{\"userId\": \"leo\"}");
        HttpResponse<String> ownApproval = http.post("/engine-rest/task/" + approve.getId() + "/complete", "leo",
                "application/json", "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}");
        assertThat(ownApproval.statusCode()).isEqualTo(400);
        assertThat(ownApproval.body()).contains("four eyes");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processId).count()).isEqualTo(1);
    }

    @Test
    void aReturnRemedyStartsTheReturnProcessForTheCase() throws Exception {
        String key = Http.json(http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<e2e-r-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Kaputt", "body": "Die Tasse ist zerbrochen angekommen."}"""
                .formatted(storeId, run, orderId(), buyer))).get("businessKey").asText();
        String processId = caseOf(key).getProcessInstanceId();
        Task answer = answerTask(key);
        http.post("/engine-rest/task/" + answer.getId() + "/claim", "lena", "application/json", "{\"userId\": \"lena\"}");
        assertThat(complete(answer, "RETURN_AND_REFUND", null, "Bitte senden Sie die Tasse zurück.").statusCode())
                .isEqualTo(204);
        DueJobs.run(managementService, processId);

        CaseRemedy remedy = remedies.findByAfterSalesCaseIdOrderByIdAsc(caseOf(key).getId()).get(0);
        String returnKey = remedy.getPlatformRef();
        assertThat(returnKey).startsWith("RMA-");
        String returnProcess = runtimeService.createProcessInstanceQuery().superProcessInstanceId(processId)
                .singleResult().getId();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(returnProcess).singleResult()
                .getBusinessKey()).isEqualTo(returnKey);
        providerStubs.stubFor(graphql("query ShipTo").willReturn(okJson("""
                {"data": {"order": {"id": "gid://shopify/Order/1", "email": "x@example.de",
                  "shippingAddress": {"name": "Jonas Beispiel", "address1": "Lindenweg 4", "address2": null,
                    "zip": "80331", "city": "München", "countryCodeV2": "DE"}}}}""")));
        ProviderStubsConfiguration.stubDhlReturnLabel(providerStubs, "77" + String.format("%010d",
                Math.abs((long) run.hashCode()) % 10_000_000_000L));
        DueJobs.run(managementService, returnProcess); // policy (damaged: quality reason, 30 days, seller pays), label, label mail
        JsonNode rma = Http.json(http.get("/api/returns/" + returnKey, "lena"));
        assertThat(rma.get("caseKey").asText()).isEqualTo(key);
        assertThat(rma.get("source").asText()).isEqualTo("AGENT_REMEDY");
        assertThat(rma.get("reason").asText()).isEqualTo("DAMAGED");
        assertThat(rma.get("postagePaidBy").asText()).isEqualTo("SELLER");
        assertThat(rma.get("status").asText()).isEqualTo("LABEL_SENT");
    }

    private HttpResponse<String> complete(Task task, String remedy, Integer percent, String note) {
        return http.post("/engine-rest/task/" + task.getId() + "/complete", "lena", "application/json", """
                {"variables": {"agentAction": {"value": "REPLY"}, "remedy": {"value": "%s"},
                  "remedyPercent": {"value": %s, "type": "Integer"}, "replyNote": {"value": "%s"}}}"""
                .formatted(remedy, percent == null ? "null" : percent, note));
    }

    private com.github.tomakehurst.wiremock.client.MappingBuilder graphql(String operation) {
        return post(urlEqualTo(graphql)).withRequestBody(matchingJsonPath("$.query", containing(operation)));
    }

    private static String refundable() {
        return """
                {"data": {"order": {"id": "gid://shopify/Order/1", "name": "#1001", "refunds": [],
                  "suggestedRefund": {
                    "amountSet": {"presentmentMoney": {"amount": "59.80", "currencyCode": "EUR"}},
                    "suggestedTransactions": [{"gateway": "shopify_payments",
                      "parentTransaction": {"id": "gid://shopify/OrderTransaction/801038806"},
                      "amountSet": {"presentmentMoney": {"amount": "59.80", "currencyCode": "EUR"}}}]}}}}""";
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
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_ANSWER_BUYER).singleResult();
    }

    private List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }
}
