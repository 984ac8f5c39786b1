package com.helloword.aftersales.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

@IntegrationTest
class OrderImportApiTest {

    private static final String CSV_HEADER = "store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
            + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
            + "batch,quantity,unit_price\n";

    @LocalServerPort
    int port;
    @Autowired
    SalesOrderRepository orders;

    Http http;
    String run;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    private String jsonOrder(String orderId, String email, String status, String... skus) {
        List<String> lines = new ArrayList<>();
        for (String sku : skus) {
            lines.add("{\"sku\": \"" + sku + "\", \"batch\": \"LOT-1\", \"quantity\": 2, \"unitPrice\": 19.99}");
        }
        return """
                {"storeId": "amazon-de", "platformOrderId": "%s",
                 "buyer": {"email": "%s", "name": "Anna Fischer", "language": "de", "country": "DE"},
                 "destinationCountry": "DE", "currency": "EUR", "orderedAt": "2026-11-01T10:00:00Z",
                 "shippedAt": "2026-11-02T08:30:00+01:00", "deliveredAt": null, "carrier": "DHL",
                 "trackingNumber": "00340434161094042557", "status": "%s",
                 "lines": [%s]}""".formatted(orderId, email, status, String.join(",", lines));
    }

    private HttpResponse<String> importJson(String body) {
        return http.post("/api/orders/import", "demo", "application/json", body);
    }

    @Test
    void jsonImportCreatesOrdersAndTheOrderCanBeRead() {
        String body = "[" + jsonOrder(run + "-1", "anna." + run + "@example.de", "SHIPPED", "SKU-A", "SKU-B") + ","
                + jsonOrder(run + "-2", "anna." + run + "@example.de", "PLACED", "SKU-C") + "]";

        HttpResponse<String> response = importJson(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = Http.json(response);
        assertThat(result.get("ordersCreated").asInt()).isEqualTo(2);
        assertThat(result.get("linesCreated").asInt()).isEqualTo(3);
        assertThat(result.get("buyersCreated").asInt()).isEqualTo(1);

        JsonNode order = Http.json(http.get("/api/orders/amazon-de/" + run + "-1", "mia"));
        assertThat(order.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(order.get("shippedAt").asText()).isEqualTo("2026-11-02T07:30:00Z");
        assertThat(order.get("buyer").get("email").asText()).isEqualTo("anna." + run + "@example.de");
        assertThat(order.get("buyer").get("language").asText()).isEqualTo("de");
        assertThat(order.get("lines")).hasSize(2);
        assertThat(order.get("lines").get(1).get("sku").asText()).isEqualTo("SKU-B");
        assertThat(order.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("79.96");
        assertThat(order.get("frozen").asBoolean()).isFalse();
    }

    @Test
    void importingTheSameOrdersAgainChangesNothing() {
        String body = "[" + jsonOrder(run + "-1", "idem." + run + "@example.de", "SHIPPED", "SKU-A", "SKU-B") + "]";
        assertThat(importJson(body).statusCode()).isEqualTo(200);

        JsonNode again = Http.json(importJson(body));

        assertThat(again.get("ordersCreated").asInt()).isZero();
        assertThat(again.get("ordersUpdated").asInt()).isZero();
        assertThat(again.get("ordersUnchanged").asInt()).isEqualTo(1);
        assertThat(again.get("linesCreated").asInt()).isZero();
        assertThat(again.get("linesUpdated").asInt()).isZero();
        assertThat(again.get("linesUnchanged").asInt()).isEqualTo(2);
        assertThat(again.get("buyersCreated").asInt()).isZero();
        assertThat(again.get("buyersUpdated").asInt()).isZero();
    }

    @Test
    void aChangedOrderIsUpdatedInPlace() {
        String email = "change." + run + "@example.de";
        importJson("[" + jsonOrder(run + "-1", email, "SHIPPED", "SKU-A", "SKU-B") + "]");
        long before = orders.count();

        JsonNode result = Http.json(importJson("[" + jsonOrder(run + "-1", email, "DELIVERED", "SKU-X") + "]"));

        assertThat(result.get("ordersUpdated").asInt()).isEqualTo(1);
        assertThat(result.get("linesUpdated").asInt()).isEqualTo(1);
        assertThat(result.get("linesRemoved").asInt()).isEqualTo(1);
        assertThat(orders.count()).isEqualTo(before);
        JsonNode order = Http.json(http.get("/api/orders/amazon-de/" + run + "-1", "mia"));
        assertThat(order.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(order.get("lines")).hasSize(1);
        assertThat(order.get("lines").get(0).get("sku").asText()).isEqualTo("SKU-X");
    }

    @Test
    void csvRowsOfOneOrderBecomeOneOrderWithItsLines() {
        String csv = "\uFEFF" + CSV_HEADER
                + "shopify-us," + run + "-7,Kim." + run + "@Example.com,\"Kim, Jr.\",en,US,USD,2026-11-03T12:00:00Z,"
                + ",,,,PLACED,MUG-1,,1,12.50\n"
                + "shopify-us," + run + "-7,Kim." + run + "@Example.com,\"Kim, Jr.\",en,US,USD,2026-11-03T12:00:00Z,"
                + ",,,,PLACED,MUG-2,B7,3,8\n";

        HttpResponse<String> response = http.post("/api/orders/import", "demo", "text/csv; charset=utf-8",
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).get("ordersCreated").asInt()).isEqualTo(1);
        assertThat(Http.json(response).get("linesCreated").asInt()).isEqualTo(2);
        JsonNode order = Http.json(http.get("/api/orders/shopify-us/" + run + "-7", "mia"));
        assertThat(order.get("buyer").get("name").asText()).isEqualTo("Kim, Jr.");
        assertThat(order.get("buyer").get("email").asText()).isEqualTo("kim." + run + "@example.com");
        assertThat(order.get("lines").get(1).get("batch").asText()).isEqualTo("B7");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("36.50");
    }

    /** The product's title is optional in both formats; the buyer's return page shows it instead of the SKU. */
    @Test
    void aLinesTitleIsOptionalInBothFormatsAndATitleChangeUpdatesTheLine() {
        String csv = CSV_HEADER.replace("unit_price\n", "unit_price,title\n")
                + "shopify-us," + run + "-8,lou." + run + "@example.com,,en,US,USD,2026-11-03T12:00:00Z,"
                + ",,,,PLACED,MUG-1,,1,12.50,\"Stoneware mug, 350 ml\"\n"
                + "shopify-us," + run + "-8,lou." + run + "@example.com,,en,US,USD,2026-11-03T12:00:00Z,"
                + ",,,,PLACED,MUG-2,,1,12.50,\n";
        assertThat(http.post("/api/orders/import", "demo", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);
        JsonNode lines = Http.json(http.get("/api/orders/shopify-us/" + run + "-8", "mia")).get("lines");
        assertThat(lines.get(0).get("title").asText()).isEqualTo("Stoneware mug, 350 ml");
        assertThat(lines.get(1).get("title").isNull()).isTrue();

        String json = jsonOrder(run + "-9", "lou." + run + "@example.com", "PLACED", "SKU-A")
                .replace("\"batch\": \"LOT-1\"", "\"batch\": \"LOT-1\", \"title\": \"Merino sweater M\"");
        assertThat(importJson("[" + json + "]").statusCode()).isEqualTo(200);
        assertThat(Http.json(http.get("/api/orders/amazon-de/" + run + "-9", "mia")).at("/lines/0/title").asText())
                .isEqualTo("Merino sweater M");
        String renamed = "[" + json.replace("Merino sweater M", "Merino sweater, size M") + "]";
        assertThat(Http.json(importJson(renamed)).get("linesUpdated").asInt()).isEqualTo(1);
        assertThat(Http.json(importJson(renamed)).get("linesUnchanged").asInt()).isEqualTo(1);
        HttpResponse<String> tooLong = importJson("[" + json.replace("Merino sweater M", "x".repeat(201)) + "]");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("lines[0].title");
    }

    @Test
    void malformedCsvRowsAreReportedByLineAndNothingIsWritten() {
        String good = "amazon-de," + run + "-ok,ok." + run + "@example.de,Ok,de,DE,EUR,2026-11-01T10:00:00Z,,,,,"
                + "PLACED,SKU-1,,1,10.00\n";
        String csv = CSV_HEADER
                + good                                                                              // line 2
                + "amazon-de," + run + "-q,q@example.de,Q,de,DE,EUR,2026-11-01T10:00:00Z,,,,,PLACED,SKU-1,,two,1\n"
                + "nowhere-xx," + run + "-s,s@example.de,S,de,DE,EUR,2026-11-01T10:00:00Z,,,,,PLACED,SKU-1,,1,1\n"
                + "amazon-de," + run + "-ok,ok." + run + "@example.de,Ok,de,FR,EUR,2026-11-01T10:00:00Z,,,,,"
                + "PLACED,SKU-2,,1,10.00\n"                                                          // line 5
                + "amazon-de," + run + "-t,t@example.de,T,de,DE,EUR,yesterday,,,,,SOLD,SKU-1,,1,-3\n"; // line 6
        long before = orders.count();

        HttpResponse<String> response = http.post("/api/orders/import", "demo", "text/csv", csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problems = Http.json(response).get("problems");
        assertThat(problemAt(problems, 3, "quantity")).contains("'two' is not a whole number");
        assertThat(problemAt(problems, 4, "store_id")).contains("unknown store 'nowhere-xx'");
        assertThat(problemAt(problems, 5, "destination_country")).contains("line 2 of the same order");
        assertThat(problemAt(problems, 6, "ordered_at")).contains("ISO-8601");
        assertThat(problemAt(problems, 6, "status")).contains("'SOLD'");
        assertThat(problemAt(problems, 6, "unit_price")).contains("negative");
        assertThat(orders.count()).isEqualTo(before);
        assertThat(http.get("/api/orders/amazon-de/" + run + "-ok", "mia").statusCode()).isEqualTo(404);
    }

    @Test
    void aCsvWithoutARequiredColumnIsRefused() {
        HttpResponse<String> response = http.post("/api/orders/import", "demo", "text/csv",
                "store_id,platform_order_id\namazon-de,1\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemAt(Http.json(response).get("problems"), 1, "buyer_email")).contains("column is missing");
    }

    @Test
    void malformedJsonIsReportedWithItsLine() {
        String body = "[\n" + jsonOrder(run + "-j", "j@example.de", "PLACED", "SKU-1") + ",\n{\"storeId\": \n]";

        HttpResponse<String> response = importJson(body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = Http.json(response).get("problems").get(0);
        assertThat(problem.get("field").asText()).isEqualTo("json");
        assertThat(problem.get("line").asInt()).isGreaterThan(8);
        assertThat(http.get("/api/orders/amazon-de/" + run + "-j", "mia").statusCode()).isEqualTo(404);
    }

    @Test
    void jsonFieldProblemsNameTheFieldAndTheOrdersLine() {
        String bad = jsonOrder(run + "-b", "not-an-email", "PLACED", "SKU-1").replace("\"quantity\": 2",
                "\"quantity\": 0");
        String body = "[\n" + jsonOrder(run + "-a", "a@example.de", "PLACED", "SKU-1") + ",\n" + bad + ",\n"
                + jsonOrder(run + "-a", "a@example.de", "PLACED", "SKU-1") + "\n]";

        HttpResponse<String> response = importJson(body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problems = Http.json(response).get("problems");
        int badLine = 2 + jsonOrder(run + "-a", "a@example.de", "PLACED", "SKU-1").split("\n").length;
        assertThat(problemAt(problems, badLine, "buyer.email")).contains("not an e-mail address");
        assertThat(problemAt(problems, badLine, "lines[0].quantity")).contains("above zero");
        int duplicateLine = badLine + bad.split("\n").length;
        assertThat(problemAt(problems, duplicateLine, "platformOrderId")).contains("appears again (first at line 2)");
    }

    @Test
    void onlyManagersAndAdminsImportAndEveryoneMustLogIn() {
        assertThat(http.post("/api/orders/import", null, "application/json", "[]").statusCode()).isEqualTo(401);
        HttpResponse<String> agent = http.post("/api/orders/import", "lena", "application/json", "[]");
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(Http.json(agent).get("detail").asText()).contains("managers");
        assertThat(http.post("/api/orders/import", "mia", "application/json", "[]").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnsupportedFormatIsRefused() {
        assertThat(http.post("/api/orders/import", "demo", "application/xml", "<orders/>").statusCode())
                .isEqualTo(415);
    }

    @Test
    void unknownOrdersAndCasesAre404WithAReason() {
        HttpResponse<String> order = http.get("/api/orders/amazon-de/none-" + run, "mia");
        assertThat(order.statusCode()).isEqualTo(404);
        assertThat(Http.json(order).get("detail").asText()).contains("none-" + run);
        assertThat(http.get("/api/cases/AS-none-" + run, "mia").statusCode()).isEqualTo(404);
    }

    private static String problemAt(JsonNode problems, int line, String field) {
        for (JsonNode problem : problems) {
            if (problem.get("line").asInt() == line && problem.get("field").asText().equals(field)) {
                return problem.get("reason").asText();
            }
        }
        throw new AssertionError("no problem at line " + line + " for " + field + " in " + problems);
    }
}
