package com.helloword.aftersales.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.PersonalDataScan;

@IntegrationTest
class PersonalDataErasureTest {

    @LocalServerPort
    int port;
    @Autowired
    OrderImportService importService;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    BuyerLinks links;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    DecisionService decisionService;

    Http http;
    String run;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A buyer with a name, an order and a message that the knowledge base answers at once (a reply and a mail). */
    private record Intake(String email, String name, String sentence, String caseKey, long buyerId) {
    }

    /** A question the knowledge base answers at once (a reply in the case file and a mail to the buyer). */
    private static final String SIZE_QUESTION = "Hello, which size should I order for the sweater?";
    /** A complaint an agent answers (a task with its case view). */
    private static final String PARCEL_COMPLAINT = "Hello, my parcel has not arrived yet, where is my parcel?";

    private Intake intake(String who) throws Exception {
        return intake(who, SIZE_QUESTION, null);
    }

    /** A new order and message; of the same buyer as {@code same} when given. */
    private Intake intake(String who, String question, Intake same) throws Exception {
        String email = same != null ? same.email() : who + "." + run + "@example.co.uk";
        String name = same != null ? same.name() : "Quillfeather" + who + run;
        String sentence = "my aunt " + who + run + " knitted a tea cosy";
        String orderId = "GD-" + who + "-" + run;
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\namazon-uk," + orderId + "," + email + "," + name + ",en,GB,GBP,"
                + "2026-10-01T10:00:00Z,2026-10-02T10:00:00Z,,DHL,JJD" + who + run + ",SHIPPED,POWERBANK-20K,,1,25.00\n"));
        String json = """
                {"storeId": "amazon-uk", "channel": "email", "externalMessageId": "<gdpr-%s-%s@mail>",
                 "platformOrderId": "%s", "buyerEmail": "%s", "subject": "Which size?",
                 "body": "%s %s.", "receivedAt": "2026-11-20T08:00:00Z"}"""
                .formatted(who, run, orderId, email, question, sentence);
        HttpResponse<String> response = http.post("/api/intake/messages", Http.RELAY, "application/json", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String key = Http.json(response).get("businessKey").asText();
        historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list()
                .forEach(p -> DueJobs.run(managementService, p.getId()));
        JsonNode view = Http.json(http.get("/api/cases/" + key, "mia"));
        return new Intake(email, name, sentence, key, view.get("buyer").get("id").asLong());
    }

    private List<String> traces(Intake buyer) throws Exception {
        return PersonalDataScan.find(dataSource, buyer.email(), buyer.name(), buyer.sentence());
    }

    private HttpResponse<String> erase(long buyerId, String user) {
        return http.send("DELETE", "/api/buyers/" + buyerId + "/personal-data", user, null, null);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    /**
     * What the house rule keeps out of the engine but erasure must still find: a variable that names the buyer
     * (changed once, so history has an earlier value), a comment with their words, and a knowledge-base
     * evaluation of their text recorded in decision history (as before the table was read unrecorded).
     */
    private void slipIntoTheEngine(Intake buyer) {
        String instance = jdbc.queryForObject("select process_instance_id from after_sales_cases where business_key = ?",
                String.class, buyer.caseKey());
        if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
            runtimeService.setVariable(instance, "contactNote", "write to " + buyer.email());
            runtimeService.setVariable(instance, "contactNote", "ask " + buyer.name());
            taskService.createComment(null, instance, "the buyer said: " + buyer.sentence());
        }
        decisionService.evaluateDecisionByKey("knowledgeBaseArticle").variables(Map.of("category", "GENERAL",
                "text", " " + buyer.sentence() + " " + buyer.name() + " ", "language", "en")).evaluate();
    }

    @Test
    void engineHistoryAfterIntakeHoldsNoBuyerData() throws Exception {
        Intake buyer = intake("hist");
        Intake complainer = intake("histparcel", PARCEL_COMPLAINT, null);

        List<String> found = new ArrayList<>(traces(buyer));
        found.addAll(traces(complainer));

        assertThat(found).as("the case file has them").contains("BUYERS.EMAIL: " + buyer.email(),
                "BUYERS.NAME: " + complainer.name());
        List<String> engine = found.stream().filter(f -> f.startsWith("ACT_")).toList();
        assertThat(engine).as("no e-mail or name in the engine").noneMatch(f -> f.contains("@")
                || f.contains("Quillfeather"));
        assertThat(engine).as("the knowledge-base question leaves no text in the engine (no decision input)").noneMatch(f -> f.contains(
                buyer.sentence()));
        // the agent's task shows the case: its view (a task variable) quotes the message, until erasure
        List<String> quoting = jdbc.queryForList("select distinct NAME_ from ACT_HI_VARINST where TEXT_ like ?",
                String.class, "%" + complainer.sentence() + "%");
        System.out.println("VARIABLES QUOTING THE MESSAGE: " + quoting + " " + engine);
        assertThat(quoting).isSubsetOf("caseView", "suggestion", "replyPreviews");
    }

    @Test
    void aManagerErasesOneBuyerEverywhereAndTheStatisticsStay() throws Exception {
        Intake anna = intake("anna");
        Intake bert = intake("bert");
        Intake annaAgain = intake("anna2", PARCEL_COMPLAINT, anna);
        assertThat(annaAgain.buyerId()).as("the same buyer, a second case").isEqualTo(anna.buyerId());
        slipIntoTheEngine(anna);
        slipIntoTheEngine(annaAgain);
        slipIntoTheEngine(bert);
        long caseId = jdbc.queryForObject("select id from after_sales_cases where business_key = ?", Long.class,
                anna.caseKey());
        int messages = count("select count(*) from case_messages where case_id = ?", caseId);
        int outboxToAnna = count("select count(*) from outbox_messages where recipient_type = 'BUYER'"
                + " and recipient_ref = ?", Long.toString(anna.buyerId()));
        assertThat(messages).as("the buyer's message and our answer").isGreaterThanOrEqualTo(2);
        assertThat(outboxToAnna).as("mail to the buyer queued").isPositive();
        assertThat(traces(anna)).isNotEmpty();
        String confirm = links.confirmUrl(anna.caseKey());
        String confirmPath = URI.create(confirm).getRawPath() + "?" + URI.create(confirm).getRawQuery();
        assertThat(http.get(confirmPath, null).statusCode()).as("the link opens before").isEqualTo(200);

        assertThat(erase(anna.buyerId(), null).statusCode()).isEqualTo(401);
        assertThat(erase(anna.buyerId(), "emma").statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = erase(987_654_321_987L, "mia");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no buyer 987654321987", "buyerId");
        assertThat(traces(anna)).as("refused calls change nothing").isNotEmpty();

        HttpResponse<String> erased = erase(anna.buyerId(), "mia");

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        JsonNode summary = Http.json(erased);
        assertThat(summary.get("caseFile").get("buyer").asInt()).isEqualTo(1);
        assertThat(summary.get("caseFile").get("caseMessages").asInt()).as("both cases' messages").isEqualTo(
                count("select count(*) from case_messages m join after_sales_cases c on c.id = m.case_id"
                        + " where c.buyer_id = ?", anna.buyerId()));
        assertThat(erased.body()).doesNotContain(anna.email(), anna.name());
        assertThat(summary.get("engineHistory").get("processVariables").asInt()).isPositive();
        assertThat(summary.get("engineHistory").get("decisionInstances").asInt()).isPositive();
        assertThat(summary.get("engineHistory").get("comments").asInt()).isPositive();
        assertThat(traces(anna)).as("no table, ours or the engine's, holds the buyer's data").isEmpty();
        assertThat(traces(annaAgain)).isEmpty();
        assertThat(traces(bert)).as("the other buyer is untouched").contains("BUYERS.EMAIL: " + bert.email(),
                "BUYERS.NAME: " + bert.name());
        assertThat(jdbc.queryForMap("select category, severity, buyer_id from after_sales_cases where id = ?", caseId))
                .as("the case keeps its statistics").doesNotContainValue(null);
        assertThat(count("select count(*) from case_messages where case_id = ?", caseId)).isEqualTo(messages);
        assertThat(count("select count(*) from outbox_messages where recipient_type = 'BUYER' and recipient_ref = ?",
                Long.toString(anna.buyerId()))).isEqualTo(outboxToAnna);
        assertThat(count("select count(*) from outbox_messages where recipient_type = 'BUYER' and recipient_ref = ?"
                + " and status in ('PENDING', 'SENDING')", Long.toString(anna.buyerId()))).as("nothing left to send")
                .isZero();
        assertThat(jdbc.queryForObject("select email from buyers where id = ?", String.class, anna.buyerId()))
                .isEqualTo("erased-" + anna.buyerId() + "@invalid");
        assertThat(http.get(confirmPath, null).statusCode()).as("the buyer's links are revoked").isEqualTo(403);

        HttpResponse<String> again = erase(anna.buyerId(), "mia");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Http.json(again).get("alreadyErased").asBoolean()).isTrue();
        assertThat(Http.json(again).get("caseFile").get("buyer").asInt()).isZero();
        assertThat(traces(bert)).contains("BUYERS.EMAIL: " + bert.email());
    }
}
