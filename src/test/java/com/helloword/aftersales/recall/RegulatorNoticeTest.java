package com.helloword.aftersales.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * Regulator notices through HTTP: the CPSC recalls web service's JSON and the Safety Gate export, matched against
 * the catalogue by UPC/GTIN, model and keywords (and not at all), imported once per source and reference, refused
 * with reasons when malformed; the recall manager's review starts a recall with the prefilled scope through
 * {@link RecallStarts}, or dismisses the notice with a note.
 */
@IntegrationTest
class RegulatorNoticeTest {

    private static final String NOTICES = "/api/recalls/regulator-notices";
    private static final String JSON = "application/json";

    @LocalServerPort
    int port;
    @Autowired
    OrderImportService importService;
    @Autowired
    RegulatorNoticeRepository notices;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    RecallRepository recallRows;
    RecordingRecallStarts starts;

    Http http;
    String run;
    String lamp;
    String kettle;
    String drone;
    /** The lamp's barcode as the catalogue has it (EAN-13, leading 0) and as CPSC prints it (UPC-A, 12 digits). */
    String lampEan;
    String lampUpc;
    String droneEan;

    @BeforeEach
    void setUp() throws Exception {
        starts = new RecordingRecallStarts(recallRows);
        http = new Http(port);
        run = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        lamp = "RN-LAMP-" + run;
        kettle = "RN-KETTLE-" + run;
        drone = "RN-DRONE-" + run;
        lampUpc = gtin("7" + digits(run, 10));
        lampEan = "0" + lampUpc;
        droneEan = gtin("40" + digits(run + "d", 10));
        HttpResponse<String> imported = http.post("/api/catalogue/products", "rita", JSON, """
                [{"sku": "%s", "title": "Glowline reading lamp", "brand": "Glowline%s", "model": "GL-%s",
                  "gtins": ["%s"], "keywords": ["glowline%s"]},
                 {"sku": "%s", "title": "Steamer kettle", "brand": "Kettlo%s", "model": "KT %s 9",
                  "gtins": [], "keywords": ["steamer%s"]},
                 {"sku": "%s", "title": "Sky drone", "brand": "Skyq%s", "model": "SQ-%s",
                  "gtins": ["%s"], "keywords": ["skyquad%s kit"]}]"""
                .formatted(lamp, run, run, lampEan, run, kettle, run, run, run, drone, run, run, droneEan, run));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(Http.json(imported).path("created").asInt()).isEqualTo(3);
        // the lamp sold in two batches to DE and US; a placed order to FR does not count
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\n"
                + "amazon-de,RN1-" + run + ",rn1." + run + "@example.de,A,de,DE,EUR,2026-10-01T10:00:00Z,"
                + "2026-10-02T10:00:00Z,2026-10-04T10:00:00Z,DHL,JJDRN1" + run + ",DELIVERED," + lamp + ",B1,2,30.00\n"
                + "amazon-us,RN2-" + run + ",rn2." + run + "@example.com,B,en,US,USD,2026-10-01T10:00:00Z,"
                + "2026-10-02T10:00:00Z,,UPS,1ZRN2" + run + ",SHIPPED," + lamp + ",B2,1,30.00\n"
                + "amazon-fr,RN3-" + run + ",rn3." + run + "@example.fr,C,fr,FR,EUR,2026-10-01T10:00:00Z,,,,,"
                + "PLACED," + lamp + ",B3,1,30.00\n"));
    }

    /** Digits of a text, as many as asked (for barcodes unique to the run). */
    private static String digits(String text, int count) {
        StringBuilder digits = new StringBuilder();
        for (char c : text.toCharArray()) {
            digits.append(Math.abs(c) % 10);
        }
        while (digits.length() < count) {
            digits.append(digits);
        }
        return digits.substring(0, count);
    }

    /** The data digits followed by their GS1 check digit. */
    private static String gtin(String data) {
        String padded = "0".repeat(13 - data.length()) + data;
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (padded.charAt(i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return data + (10 - sum % 10) % 10;
    }

    private String cpsc(String number, String title, String model, String upc) {
        return """
                {"RecallID": %d, "RecallNumber": "%s", "RecallDate": "2026-11-20T00:00:00",
                 "Title": "%s", "Description": "Consumers should stop using the product.",
                 "URL": "https://www.cpsc.gov/Recalls/2027/%s", "ConsumerContact": "Call toll-free",
                 "LastPublishDate": "2026-11-20T00:00:00",
                 "Products": [{"Name": "%s", "Description": "", "Model": "%s", "Type": "", "CategoryID": "",
                               "NumberOfUnits": "About 1,200"}],
                 "Inconjunctions": [], "Images": [{"URL": "https://www.cpsc.gov/img.jpg"}], "Injuries": [],
                 "Manufacturers": [{"Name": "Someone Ltd", "CompanyID": "1"}], "Retailers": [], "Importers": [],
                 "Distributors": [], "ManufacturerCountries": [{"Country": "China"}],
                 "ProductUPCs": [%s],
                 "Hazards": [{"Name": "The product can overheat, posing a fire hazard.", "HazardType": "Fire",
                              "HazardTypeID": "1"}],
                 "Remedies": [{"Name": "Refund"}], "RemedyOptions": [{"Option": "Refund"}]}"""
                .formatted(Math.abs(number.hashCode()), number, title, number, title, model,
                        upc == null ? "" : "{\"UPC\": \"" + upc + "\"}");
    }

    private JsonNode importOk(String body) {
        HttpResponse<String> answer = http.post(NOTICES, "rita", JSON, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return Http.json(answer);
    }

    private static JsonNode notice(JsonNode report, String reference) {
        for (JsonNode notice : report.path("notices")) {
            if (notice.path("reference").asText().equals(reference)) {
                return notice;
            }
        }
        throw new AssertionError("no notice " + reference + " in " + report);
    }

    private Task review(String source, String reference) {
        RegulatorNotice stored = notices.findBySourceAndReference(NoticeSource.valueOf(source), reference)
                .orElseThrow();
        return tasks.createTaskQuery().processInstanceId(stored.getProcessInstanceId())
                .taskDefinitionKey(RegulatorNoticeProcess.USER_TASK_REVIEW).singleResult();
    }

    @Test
    void aCpscAnswerMatchesByUpcByModelByKeywordAndNotAtAll() {
        String upc = "C" + run + "1";
        String model = "C" + run + "2";
        String keyword = "C" + run + "3";
        String none = "C" + run + "4";
        JsonNode report = importOk("[" + String.join(",",
                cpsc(upc, "Reading lamps recalled due to fire hazard", "ZZ-1", lampUpc),
                // the kettle's model "KT <run> 9" written in another case and spacing, among others
                cpsc(model, "Kettles recalled", "AB-1, kt" + run.toLowerCase(Locale.ROOT) + "-9", null),
                cpsc(keyword, "SkyQuad" + run + " Kit drones recalled", "", null),
                cpsc(none, "Garden hoses recalled", "GH-77", "012345678905")) + "]");

        assertThat(report.path("imported").asInt()).isEqualTo(4);
        assertThat(report.path("alreadyKnown").asInt()).isZero();
        assertThat(report.path("matched").asInt()).isEqualTo(3);
        assertThat(report.path("unmatched").asInt()).isEqualTo(1);

        JsonNode byUpc = notice(report, upc).path("candidates");
        assertThat(byUpc).hasSize(1);
        assertThat(byUpc.get(0).path("sku").asText()).isEqualTo(lamp);
        assertThat(byUpc.get(0).path("score").asInt()).isEqualTo(100);
        assertThat(byUpc.get(0).path("matchedBy").get(0).asText()).isEqualTo("gtin:0" + lampEan);
        assertThat(notice(report, upc).path("source").asText()).isEqualTo("CPSC");

        JsonNode byModel = notice(report, model).path("candidates");
        assertThat(byModel).hasSize(1);
        assertThat(byModel.get(0).path("sku").asText()).isEqualTo(kettle);
        assertThat(byModel.get(0).path("matchedBy").get(0).asText()).isEqualTo("model:KT " + run + " 9");

        JsonNode byKeyword = notice(report, keyword).path("candidates");
        assertThat(byKeyword).hasSize(1);
        assertThat(byKeyword.get(0).path("sku").asText()).isEqualTo(drone);
        assertThat(byKeyword.get(0).path("matchedBy").get(0).asText()).isEqualTo("keyword:skyquad" + run + " kit");

        assertThat(notice(report, none).path("candidates")).isEmpty();
        assertThat(notice(report, none).path("status").asText()).isEqualTo("DISMISSED");
        assertThat(notices.findBySourceAndReference(NoticeSource.CPSC, none).orElseThrow().getProcessInstanceId())
                .isNull();

        // a review task per matched notice, for recall managers, prefilled from the notice and the case file
        Task task = review("CPSC", upc);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(l -> "recall-managers".equals(l.getGroupId()));
        Map<String, Object> variables = runtime.getVariables(task.getExecutionId());
        assertThat(variables).containsEntry(RegulatorNoticeProcess.VAR_SKU, lamp)
                .containsEntry(RegulatorNoticeProcess.VAR_BATCHES, "B1,B2")
                .containsEntry(RegulatorNoticeProcess.VAR_COUNTRIES, "DE,US")
                .containsEntry(RegulatorNoticeProcess.VAR_NOTICE_LABEL, "CPSC " + upc);
        assertThat((String) variables.get(RegulatorNoticeProcess.VAR_REASON))
                .startsWith("Regulator notice CPSC " + upc + ": Reading lamps recalled due to fire hazard")
                .contains("overheat");
        assertThat((String) variables.get(RegulatorNoticeProcess.VAR_CANDIDATES)).contains(lamp, "gtin:");
        assertThat(review("CPSC", model)).isNotNull();
        assertThat(review("CPSC", keyword)).isNotNull();
    }

    @Test
    void aSafetyGateExportMatchesByBarcodeInTheBatchTextModelAndBrand() {
        String reference = "A12/" + run + "/26";
        String printed = droneEan.charAt(0) + " " + droneEan.substring(1, 7) + " " + droneEan.substring(7);
        JsonNode report = importOk("""
                {"notifications": [{"reference": "%s", "alertType": "Consumers", "category": "Toys",
                  "product": "Remote-controlled drone", "name": "Sky quad", "brand": "Skyq%s",
                  "type_numberOfModel": "sq-%s", "batchNumber_barcode": "Batch 2026/11; barcode %s",
                  "countryOfOrigin": "China", "notifyingCountry": "Germany",
                  "description": "Quadcopter with a lithium battery",
                  "danger": "The battery can overheat and catch fire.", "riskType": "Burns, Fire",
                  "level": "Serious risk", "measures": "Withdrawal of the product from the market"}]}"""
                .formatted(reference, run, run.toLowerCase(Locale.ROOT), printed));

        assertThat(report.path("imported").asInt()).isEqualTo(1);
        JsonNode candidates = notice(report, reference).path("candidates");
        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).path("sku").asText()).isEqualTo(drone);
        assertThat(candidates.get(0).path("score").asInt()).isEqualTo(100 + 60 + 15);
        assertThat(candidates.get(0).path("matchedBy")).extracting(JsonNode::asText)
                .containsExactly("gtin:0" + droneEan, "model:SQ-" + run, "brand:Skyq" + run);
        RegulatorNotice stored = notices.findBySourceAndReference(NoticeSource.SAFETY_GATE, reference).orElseThrow();
        assertThat(stored.getTitle()).isEqualTo("Skyq" + run + " Sky quad");
        assertThat(stored.getHazard()).isEqualTo("Burns, Fire; The battery can overheat and catch fire.");
        assertThat(stored.getRemedy()).isEqualTo("Withdrawal of the product from the market");
        assertThat(stored.getStatus()).isEqualTo(RegulatorNoticeStatus.OPEN);
        assertThat(review("SAFETY_GATE", reference)).isNotNull();
    }

    @Test
    void importingTheSameNoticeTwiceKeepsOneNoticeAndOneReview() {
        String number = "R" + run;
        String body = "[" + cpsc(number, "Reading lamps recalled", "", lampUpc) + "]";
        JsonNode first = importOk(body);
        JsonNode second = importOk(body);

        assertThat(first.path("imported").asInt()).isEqualTo(1);
        assertThat(second.path("imported").asInt()).isZero();
        assertThat(second.path("alreadyKnown").asInt()).isEqualTo(1);
        assertThat(second.path("matched").asInt()).isZero();
        assertThat(notice(second, number).path("alreadyKnown").asBoolean()).isTrue();
        assertThat(notice(second, number).path("candidates").get(0).path("sku").asText()).isEqualTo(lamp);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RegulatorNoticeProcess.PROCESS_KEY)
                .variableValueEquals(RegulatorNoticeProcess.VAR_NOTICE_LABEL, "CPSC " + number).count()).isEqualTo(1);
    }

    @Test
    void malformedBodiesAreRefusedWithReasonsAndNothingIsStored() {
        String number = "X" + run;
        HttpResponse<String> notJson = http.post(NOTICES, "rita", JSON, "[{\"RecallNumber\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Http.json(notJson).path("problems").get(0).path("field").asText()).isEqualTo("body");

        HttpResponse<String> neither = http.post(NOTICES, "rita", JSON, "[{\"foo\": 1}]");
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(Http.json(neither).path("problems").get(0).path("reason").asText()).contains("?source=cpsc");

        HttpResponse<String> unknownSource = http.post(NOTICES + "?source=fda", "rita", JSON, "[]");
        assertThat(unknownSource.statusCode()).isEqualTo(400);
        assertThat(Http.json(unknownSource).path("problems").get(0).path("field").asText()).isEqualTo("source");

        // one good recall beside one without a title: nothing of either is stored
        HttpResponse<String> partly = http.post(NOTICES, "rita", JSON, "[" + cpsc(number, "Lamps recalled", "", lampUpc)
                + ", {\"RecallNumber\": \"Y" + run + "\", \"Products\": \"not a list\"}, {\"RecallNumber\": \"Z\"}]");
        assertThat(partly.statusCode()).as(partly.body()).isEqualTo(400);
        assertThat(Http.json(partly).path("problems").findValuesAsText("field")).contains("[1].Products", "[2].Title");
        assertThat(notices.findBySourceAndReference(NoticeSource.CPSC, number)).isEmpty();

        assertThat(http.post(NOTICES, "lena", JSON, "[]").statusCode()).isEqualTo(403);
    }

    @Test
    void theCatalogueImportRefusesBadProductsLineByLine() {
        HttpResponse<String> refused = http.post("/api/catalogue/products", "pete", JSON, """
                [{"sku": "RN-OK-%s", "title": "Fine"},
                 {"sku": "RN-BAD-%s", "gtins": ["012345678900", "12ab"], "colour": "red"}]""".formatted(run, run));
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problems = Http.json(refused).path("problems");
        assertThat(problems.findValuesAsText("field")).containsExactlyInAnyOrder("colour", "title", "gtins[0]",
                "gtins[1]");
        assertThat(problems.findValuesAsText("line")).containsOnly("2");
        assertThat(problems.toString()).contains("wrong check digit", "is no GTIN");
        JsonNode catalogue = Http.json(http.get("/api/catalogue/products", "pete"));
        assertThat(catalogue.findValuesAsText("sku")).contains(lamp).doesNotContain("RN-OK-" + run);
        assertThat(http.get("/api/catalogue/products", "walt").statusCode()).isEqualTo(403);
    }

    @Test
    void theReviewStartsTheRecallWithThePrefilledScope() {
        String number = "S" + run;
        importOk("[" + cpsc(number, "Reading lamps recalled due to fire hazard", "", lampUpc) + "]");
        Task task = review("CPSC", number);
        Map<String, Object> prefilled = runtime.getVariables(task.getExecutionId());

        tasks.claim(task.getId(), "rita");
        Map<String, Object> submitted = new HashMap<>();
        for (String field : List.of(RegulatorNoticeProcess.VAR_SKU, RegulatorNoticeProcess.VAR_BATCHES,
                RegulatorNoticeProcess.VAR_COUNTRIES, RegulatorNoticeProcess.VAR_REASON)) {
            submitted.put(field, prefilled.get(field));
        }
        submitted.put(RegulatorNoticeProcess.VAR_DECISION, RegulatorNoticeProcess.DECISION_START_RECALL);
        tasks.complete(task.getId(), submitted);
        DueJobs.run(management, task.getProcessInstanceId());

        List<RecordingRecallStarts.Started> started = starts.of(lamp);
        assertThat(started).hasSize(1);
        RecallStarts.StartRecall command = started.get(0).command();
        assertThat(command.batches()).containsExactly("B1", "B2");
        assertThat(command.countries()).containsExactly("DE", "US");
        assertThat(command.storeIds()).isEmpty();
        assertThat(command.reason()).isEqualTo(prefilled.get(RegulatorNoticeProcess.VAR_REASON));
        assertThat(command.source()).isEqualTo(RecallSource.REGULATOR_NOTICE);
        assertThat(command.sourceRef()).isEqualTo("CPSC/" + number);
        assertThat(started.get(0).startedBy()).isEqualTo("rita");

        RegulatorNotice stored = notices.findBySourceAndReference(NoticeSource.CPSC, number).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(RegulatorNoticeStatus.RECALL_STARTED);
        assertThat(stored.getRecallId()).isEqualTo(started.get(0).recallId());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .activityId("endEvent_recallStarted").count()).isEqualTo(1);
    }

    @Test
    void theReviewDismissesWithANoteAndRefusesWhatDoesNotFit() {
        String number = "D" + run;
        importOk("[" + cpsc(number, "Reading lamps recalled", "", lampUpc) + "]");
        Task task = review("CPSC", number);
        tasks.claim(task.getId(), "rita");

        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(RegulatorNoticeProcess.VAR_DECISION,
                RegulatorNoticeProcess.DECISION_START_RECALL, RegulatorNoticeProcess.VAR_SKU, kettle)))
                .hasMessageContaining("among the candidates (" + lamp + ")");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(RegulatorNoticeProcess.VAR_DECISION,
                RegulatorNoticeProcess.DECISION_START_RECALL, RegulatorNoticeProcess.VAR_COUNTRIES, "DE,XX")))
                .hasMessageContaining("not countries: XX");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(RegulatorNoticeProcess.VAR_DECISION,
                RegulatorNoticeProcess.DECISION_DISMISS))).hasMessageContaining("the note");

        tasks.complete(task.getId(), Map.of(RegulatorNoticeProcess.VAR_DECISION,
                RegulatorNoticeProcess.DECISION_DISMISS, RegulatorNoticeProcess.VAR_NOTE, "Not our lamp: other brand"));

        RegulatorNotice stored = notices.findBySourceAndReference(NoticeSource.CPSC, number).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(RegulatorNoticeStatus.DISMISSED);
        assertThat(stored.getReviewNote()).isEqualTo("Not our lamp: other brand");
        assertThat(stored.getReviewedBy()).isEqualTo("rita");
        assertThat(starts.of(lamp).stream().filter(s -> s.command().sourceRef().equals("CPSC/" + number))).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
    }
}
