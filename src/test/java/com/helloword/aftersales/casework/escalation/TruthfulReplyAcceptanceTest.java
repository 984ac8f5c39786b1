package com.helloword.aftersales.casework.escalation;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import com.helloword.aftersales.notification.MailTemplates;
import com.helloword.aftersales.notification.OutboxMessage;
import com.helloword.aftersales.notification.OutboxRelay;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;
import com.helloword.aftersales.support.ReceivedMail;

/**
 * Issue 19, point 1: a reply states only what has happened. A 20 % partial refund on an Amazon JP order
 * (Amazon has no refund API: the team refunds by hand in Seller Central) is announced in the Japanese
 * reply as what we will do, the case shows REMEDY_PENDING while the by-hand task is open, and only when
 * it is done does the buyer hear that the money was refunded, once, and the case waits for the buyer. A
 * refund the platform makes at once is told in the past tense. Point 2: the preview in "Answer buyer" is
 * the reply of the remedy picked, in that tense. Both clocks are fixed at a Monday morning.
 */
@IntegrationTest
class TruthfulReplyAcceptanceTest {

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
    RepositoryService repositoryService;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MailTemplates templates;
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
    Deployment earlierProcess;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        // Monday 10:00 in Tokyo, 09:00 in Shanghai: agents-ja and agents-en are at work
        clock.set(Instant.parse("2026-11-23T01:00:00Z"));
        ClockUtil.setCurrentTime(Date.from(clock.instant()));
        relay.deliverDue(); // whatever other tests left due
    }

    @AfterEach
    void resetClocks() {
        if (earlierProcess != null) {
            repositoryService.deleteDeployment(earlierProcess.getId(), true);
        }
        ClockUtil.reset();
        clock.set(Instant.now());
    }

    @Test
    void aJapaneseBuyerIsToldTheAmazonRefundWillComeAndHearsWhenItCame() throws Exception {
        String buyer = "haruto." + run + "@example.jp";
        String key = amazonCase("JP", "JPY", "ja", buyer, "11970", "商品が破損していました",
                "届いた商品が破損していました。どうすればよいですか？");

        CaseRemedy remedy = replyWithPartialRefund(key, "yuki", 20);

        assertThat(remedy.getAmount()).isEqualByComparingTo("2394");
        String reply = theOnlyMailTo(buyer, key);
        assertThat(reply).contains("2394 JPY", "ご返金いたします", "lang=\"ja\"")
                .doesNotContain("ご返金いたしました", "/confirm?t=");
        // the same reply as an English buyer would read it
        assertThat(renderedIn("en", "case:" + key + ":reply:" + remedy.getId()))
                .contains("We will refund 2394 JPY (20 % of the order)").doesNotContain("We have refunded");

        byHandStepDone(key, "yuki", "Seller Centralで返金しました");

        List<MimeMessage> mails = mailsTo(buyer, key);
        assertThat(mails).hasSize(2);
        String done = ReceivedMail.content(mails.get(1));
        assertThat(done).contains("2394 JPY", "ご返金いたしました", "/confirm?t=");
        assertThat(renderedIn("en", "case:" + key + ":done:" + remedy.getId()))
                .contains("We have now refunded 2394 JPY");
    }

    @Test
    void anEnglishBuyerIsToldTheAmazonRefundWillComeAndHearsWhenItCame() throws Exception {
        String buyer = "olivia." + run + "@example.com";
        String key = amazonCase("US", "USD", "en", buyer, "40.00", "Broken lamp",
                "The lamp arrived broken, the shade is cracked. What can you do?");

        CaseRemedy remedy = replyWithPartialRefund(key, "emma", 20);

        assertThat(theOnlyMailTo(buyer, key)).contains("We will refund 8.00 USD (20 % of the order)",
                "as soon as this is done").doesNotContain("We have refunded", "/confirm?t=");

        byHandStepDone(key, "emma", "Refunded in Seller Central");

        List<MimeMessage> mails = mailsTo(buyer, key);
        assertThat(mails).hasSize(2);
        assertThat(ReceivedMail.content(mails.get(1))).contains("We have now refunded 8.00 USD", "/confirm?t=");
        assertThat(remedies.findById(remedy.getId()).orElseThrow().getStatus()).isEqualTo(CaseRemedy.Status.EXECUTED);
    }

    /** A refund the platform makes through its API has happened when the reply goes out: past tense, at once. */
    @Test
    void aRefundThePlatformMadeIsToldAsDoneAndTheCaseWaitsForTheBuyerAtOnce() throws Exception {
        String storeId = "shopify-us-tr-" + run;
        String graphql = "/" + storeId + "/admin/api/2025-01/graphql.json";
        String buyer = "liam." + run + "@example.com";
        stores.save(new Store(storeId, "Helloword Mugs US", Platform.SHOPIFY, "US", Currency.getInstance("USD"), "en",
                "America/New_York").connection(storeId + ".myshopify.com", null, providerStubs.baseUrl() + "/" + storeId,
                "shopify-us"));
        String orderId = importOrder(storeId, "USD", "en", buyer, "29.90", 2);
        providerStubs.stubFor(post(urlEqualTo(graphql)).withRequestBody(matchingJsonPath("$.query",
                containing("query Refundable"))).willReturn(okJson(refundable("59.80", "USD"))));
        providerStubs.stubFor(post(urlEqualTo(graphql)).withRequestBody(matchingJsonPath("$.query",
                containing("mutation RefundCreate"))).willReturn(okJson("""
                {"data": {"refundCreate": {"refund": {"id": "gid://shopify/Refund/91%s",
                  "totalRefundedSet": {"presentmentMoney": {"amount": "17.94", "currencyCode": "USD"}}},
                  "userErrors": []}}}""".formatted(Math.abs(run.hashCode())))));
        String key = intake(storeId, orderId, buyer, "Broken mug", "The mug arrived broken, the handle is off.");

        CaseRemedy remedy = chooseRemedy(key, "emma", "PARTIAL_REFUND_KEEP_ITEM", 30);

        assertThat(remedy.getStatus()).isEqualTo(CaseRemedy.Status.EXECUTED);
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.WAITING_FOR_BUYER);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_MANUAL_STEP).count()).isZero();
        assertThat(theOnlyMailTo(buyer, key)).contains("We have refunded 17.94 USD (30 % of the order)", "/confirm?t=")
                .doesNotContain("We will refund");
        assertThat(outbox.findByIdempotencyKey("case:" + key + ":done:" + remedy.getId())).isEmpty();
    }

    /**
     * Issue 19, point 2: the preview in "Answer buyer" is the reply of the remedy picked, in the tense the mail
     * will have. On an Amazon store a refund is done by hand, so its preview says what we will do; the
     * percent and the amount the agent enters are filled in by the form (%PERCENT%, %AMOUNT% and the amounts
     * per percent); and the mail sent is the preview with them filled in.
     */
    @Test
    void thePreviewOfEachRemedyIsTheReplyThatWillBeSentInItsTense() throws Exception {
        String buyer = "noah." + run + "@example.com";
        String key = amazonCase("US", "USD", "en", buyer, "40.00", "Broken lamp",
                "The lamp arrived broken, the shade is cracked. What can you do?");
        Map<String, String> texts = previewTexts(key);

        assertThat(texts).containsOnlyKeys("NONE", "COUPON", "GOODWILL_DISCOUNT", "PARTIAL_REFUND_KEEP_ITEM", "REFUND",
                "RETURN_AND_REFUND", "FREE_EXCHANGE", "RESHIP");
        assertThat(texts.get("REFUND")).contains("We will refund 40.00 USD", "as soon as this is done")
                .doesNotContain("We have refunded");
        assertThat(texts.get("PARTIAL_REFUND_KEEP_ITEM")).contains("We will refund %AMOUNT% USD (%PERCENT% % of the order)");
        assertThat(texts.get("RESHIP")).contains("replacement", "as soon as this is done");
        assertThat(texts.get("COUPON")).contains("a coupon worth %AMOUNT% EUR");
        assertThat(texts.get("GOODWILL_DISCOUNT")).contains("%PERCENT% % off");
        assertThat(texts.get("NONE")).contains("Thank you for your message").doesNotContain("%");
        assertThat(texts.values()).allSatisfy(text -> assertThat(text).contains(key)
                .doesNotContain(buyer, "Kim", "/buyer/cases/"));
        List<String> amounts = previewAmounts(key);
        assertThat(amounts).hasSize(ReplyPreviews.PREVIEWED_PERCENTS).startsWith("0.40", "0.80");
        assertThat(amounts.get(19)).isEqualTo("8.00");

        // what the form shows for 20 % is what the buyer gets
        String shown = texts.get("PARTIAL_REFUND_KEEP_ITEM").replace("%PERCENT%", "20").replace("%AMOUNT%", amounts.get(19));
        replyWithPartialRefund(key, "emma", 20);
        String sent = theOnlyMailTo(buyer, key);
        assertThat(shown).contains("We will refund 8.00 USD (20 % of the order)");
        assertThat(sent).contains(shown.lines().filter(line -> line.contains("refund")).findFirst().orElseThrow());
    }

    /** A platform that refunds through its API has refunded when the reply goes out: the preview says so. */
    @Test
    void thePreviewOfARefundThePlatformMakesIsInThePastTense() throws Exception {
        String storeId = "shopify-us-pv-" + run;
        String buyer = "mia." + run + "@example.com";
        stores.save(new Store(storeId, "Helloword Mugs US", Platform.SHOPIFY, "US", Currency.getInstance("USD"), "en",
                "America/New_York").connection(storeId + ".myshopify.com", null, providerStubs.baseUrl() + "/" + storeId,
                "shopify-us"));
        String orderId = importOrder(storeId, "USD", "en", buyer, "29.90", 2);
        String key = intake(storeId, orderId, buyer, "Broken mug", "The mug arrived broken, the handle is off.");

        Map<String, String> texts = previewTexts(key);

        assertThat(texts.get("REFUND")).contains("We have refunded 59.80 USD").doesNotContain("We will refund");
        assertThat(texts.get("PARTIAL_REFUND_KEEP_ITEM")).contains("We have refunded %AMOUNT% USD");
        assertThat(texts.get("RESHIP")).contains("as soon as this is done"); // the warehouse ships it by hand
        assertThat(previewAmounts(key).get(29)).isEqualTo("17.94");
    }

    private JsonNode previews(String key) throws Exception {
        Task answer = taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_ANSWER_BUYER).singleResult();
        // as Tasklist reads it for the form: a Json value, serialized
        JsonNode variables = Http.json(http.get("/engine-rest/task/" + answer.getId()
                + "/form-variables?deserializeValues=false", "demo"));
        assertThat(variables.at("/replyPreviews/type").asText()).isEqualTo("Json");
        assertThat(variables.has("replyPreview")).as("the single preview of earlier tasks").isFalse();
        return new ObjectMapper().readTree(variables.at("/replyPreviews/value").asText());
    }

    private Map<String, String> previewTexts(String key) throws Exception {
        return new ObjectMapper().convertValue(previews(key).get("texts"), new TypeReference<>() {
        });
    }

    private List<String> previewAmounts(String key) throws Exception {
        return new ObjectMapper().convertValue(previews(key).get("partialRefundAmounts"), new TypeReference<>() {
        });
    }

    /**
     * A case still running on the process version from before "Tell the buyer it is done" and "Mark the case
     * as waiting for the buyer": the same Java tells the truth there too (the listener of the by-hand task
     * sends the word that it is done and lets the case wait for the buyer).
     */
    @Test
    void aCaseOnTheEarlierProcessVersionIsToldTheTruthToo() throws Exception {
        try (InputStream in = TruthfulReplyAcceptanceTest.class.getClassLoader()
                .getResourceAsStream("earlier-versions/emergency-after-sales-before-remedy-pending.bpmn.txt")) {
            earlierProcess = repositoryService.createDeployment().name("emergency process before remedy pending")
                    .addInputStream("emergency-after-sales.bpmn", in).deploy();
        }
        String buyer = "sakura." + run + "@example.jp";
        String key = amazonCase("JP", "JPY", "ja", buyer, "11970", "破損", "届いた商品が破損していました。");
        String definitionId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key)
                .singleResult().getProcessDefinitionId();
        assertThat(repositoryService.getProcessDefinition(definitionId).getDeploymentId())
                .isEqualTo(earlierProcess.getId());

        replyWithPartialRefund(key, "yuki", 20);
        assertThat(theOnlyMailTo(buyer, key)).contains("2394 JPY", "ご返金いたします").doesNotContain("ご返金いたしました");

        byHandStepDone(key, "yuki", "Seller Centralで返金しました");
        List<MimeMessage> mails = mailsTo(buyer, key);
        assertThat(mails).hasSize(2);
        assertThat(ReceivedMail.content(mails.get(1))).contains("ご返金いたしました");
    }

    /** An Amazon store of the country, an order of one item at the price, and the buyer's first message. */
    private String amazonCase(String country, String currency, String language, String buyer, String price,
            String subject, String body) throws Exception {
        String storeId = "amazon-" + country.toLowerCase() + "-tr-" + run;
        stores.save(new Store(storeId, "Helloword Amazon " + country, Platform.AMAZON, country,
                Currency.getInstance(currency), language, "ja".equals(language) ? "Asia/Tokyo" : "America/New_York"));
        String orderId = importOrder(storeId, currency, language, buyer, price, 1);
        return intake(storeId, orderId, buyer, subject, body);
    }

    private String importOrder(String storeId, String currency, String language, String buyer, String price,
            int quantity) throws Exception {
        String orderId = "503-" + Math.abs(run.hashCode() % 10_000_000) + "-" + storeId.length();
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n" + storeId + "," + orderId + "," + buyer + ",Kim," + language + ",US,"
                + currency + ",2026-11-10T10:00:00Z,2026-11-11T10:00:00Z,2026-11-14T10:00:00Z,DHL,JJD" + run
                + ",DELIVERED,LAMP-01,B-1," + quantity + "," + price + "\n"));
        return orderId;
    }

    private String intake(String storeId, String orderId, String buyer, String subject, String body) throws Exception {
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<tr-%s-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "%s", "body": "%s"}"""
                .formatted(storeId, run, storeId, orderId, buyer, subject, body));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        String key = Http.json(received).get("businessKey").asText();
        DueJobs.run(managementService, caseOf(key).getProcessInstanceId()); // a knowledge-base answer, if any
        return key;
    }

    /**
     * The agent replies with a partial refund the platform cannot make: the reply goes out, the remedy is
     * left for the team (by hand in Seller Central), and the case does not wait for the buyer yet.
     */
    private CaseRemedy replyWithPartialRefund(String key, String agent, int percent) throws Exception {
        CaseRemedy remedy = chooseRemedy(key, agent, "PARTIAL_REFUND_KEEP_ITEM", percent);

        assertThat(remedy.getStatus()).isEqualTo(CaseRemedy.Status.BY_HAND);
        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.REMEDY_PENDING);
        assertThat(Http.json(http.get("/api/cases/" + key, "mia")).get("status").asText()).isEqualTo("REMEDY_PENDING");
        Task byHand = manualTask(key);
        assertThat(byHand).as("the refund is left for the team").isNotNull();
        assertThat(byHand.getDescription()).contains("by hand", "Seller Central");
        assertThat(taskService.getIdentityLinksForTask(byHand.getId())).extracting(IdentityLink::getGroupId)
                .contains(caseOf(key).getCandidateGroup());
        return remedy;
    }

    private CaseRemedy chooseRemedy(String key, String agent, String remedy, int percent) throws Exception {
        Task answer = taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_ANSWER_BUYER).singleResult();
        assertThat(http.post("/engine-rest/task/" + answer.getId() + "/claim", agent, "application/json",
                "{\"userId\": \"" + agent + "\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> completed = http.post("/engine-rest/task/" + answer.getId() + "/complete", agent,
                "application/json", """
                        {"variables": {"agentAction": {"value": "REPLY"}, "remedy": {"value": "%s"},
                          "remedyPercent": {"value": %d, "type": "Integer"}}}""".formatted(remedy, percent));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        DueJobs.run(managementService, caseOf(key).getProcessInstanceId());
        relay.deliverDue();
        return remedies.findByAfterSalesCaseIdOrderByIdAsc(caseOf(key).getId()).get(0);
    }

    /** The team reports the refund done in Seller Central; the buyer is told, once, and the case waits. */
    private void byHandStepDone(String key, String agent, String note) throws Exception {
        Task byHand = manualTask(key);
        assertThat(http.post("/engine-rest/task/" + byHand.getId() + "/claim", agent, "application/json",
                "{\"userId\": \"" + agent + "\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> done = http.post("/engine-rest/task/" + byHand.getId() + "/complete", agent,
                "application/json", """
                        {"variables": {"manualStepNote": {"value": "%s"}}}""".formatted(note));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        String processId = caseOf(key).getProcessInstanceId();
        DueJobs.run(managementService, processId);
        relay.deliverDue();
        DueJobs.run(managementService, processId);
        relay.deliverDue();

        assertThat(caseOf(key).getStatus()).isEqualTo(CaseStatus.WAITING_FOR_BUYER);
        assertThat(runtimeService.createExecutionQuery().processInstanceId(processId)
                .activityId(EmergencyAfterSales.EVENT_WAIT_FOR_BUYER).count()).isEqualTo(1);
        assertThat(manualTask(key)).isNull();
    }

    private String theOnlyMailTo(String buyer, String key) throws Exception {
        List<MimeMessage> mails = mailsTo(buyer, key);
        assertThat(mails).hasSize(1);
        return ReceivedMail.content(mails.get(0));
    }

    private List<MimeMessage> mailsTo(String buyer, String key) throws Exception {
        return ReceivedMail.to(smtp, buyer, key);
    }

    /** The queued mail's model rendered in another language (the template is the same for every buyer). */
    private String renderedIn(String language, String idempotencyKey) throws Exception {
        OutboxMessage queued = outbox.findByIdempotencyKey(idempotencyKey).orElseThrow();
        Map<String, Object> model = new ObjectMapper().readValue(queued.getModelJson(), new TypeReference<>() {
        });
        return templates.render(queued.getTemplate(), language, model).text();
    }

    private Task manualTask(String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_MANUAL_STEP).singleResult();
    }

    private AfterSalesCase caseOf(String key) {
        return transaction.execute(tx -> cases.findByBusinessKey(key).orElseThrow());
    }

    private static String refundable(String amount, String currency) {
        return """
                {"data": {"order": {"id": "gid://shopify/Order/1", "name": "#1001", "refunds": [],
                  "suggestedRefund": {
                    "amountSet": {"presentmentMoney": {"amount": "%1$s", "currencyCode": "%2$s"}},
                    "suggestedTransactions": [{"gateway": "shopify_payments",
                      "parentTransaction": {"id": "gid://shopify/OrderTransaction/801038806"},
                      "amountSet": {"presentmentMoney": {"amount": "%1$s", "currencyCode": "%2$s"}}}]}}}}"""
                .formatted(amount, currency);
    }
}
