package com.helloword.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxMessage;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * One bad request per endpoint family, and every answer has the one error shape of {@code /api}:
 * {@code application/problem+json} with {@code type, title, status, detail} (a sentence, not a Java
 * {@code toString}) and, where fields are at fault, {@code problems: [{field, reason}]} (with {@code line} for
 * an import's rows, and only there).
 */
@IntegrationTest
class ApiErrorShapeTest {

    /** One row of the table: what is sent, the status, the fields at fault (none: no {@code problems}), lines. */
    record Row(String name, Function<Http, HttpResponse<String>> request, int status, List<String> fields,
            boolean lines) {
    }

    @LocalServerPort
    int port;
    @Autowired
    OutboxService outboxService;
    @Autowired
    OutboxRepository outbox;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void everyFamilyAnswersTheSameShape() {
        List<Row> rows = List.of(
                new Row("intake: fields", h -> h.post("/api/intake/messages", Http.RELAY, "application/json", """
                        {"storeId": "nowhere", "channel": "email", "externalMessageId": "shape-1",
                         "buyerEmail": "not-mail", "body": ""}"""), 400, List.of("storeId", "buyerEmail", "body"),
                        false),
                new Row("intake: not JSON", h -> h.post("/api/intake/messages", Http.RELAY, "application/json",
                        "{\"storeId\": "), 400, List.of("body"), false),
                new Row("intake: not allowed", h -> h.post("/api/intake/messages", "lena", "application/json",
                        "{}"), 403, List.of(), false),
                new Row("import JSON", h -> h.post("/api/orders/import", "demo", "application/json",
                        "[\n{\"storeId\": \"amazon-de\"}\n]"), 400, List.of("platformOrderId", "sku"), true),
                new Row("import CSV", h -> h.post("/api/orders/import", "demo", "text/csv",
                        "store_id,platform_order_id\namazon-de,1\n"), 400, List.of("buyer_email"), true),
                new Row("import: other format", h -> h.post("/api/orders/import", "demo", "application/xml",
                        "<orders/>"), 415, List.of(), false),
                new Row("import: wrong method", h -> h.get("/api/orders/import", "demo"), 405, List.of(), false),
                new Row("returns: fields", h -> h.post("/api/returns", "lena", "application/json", """
                        {"storeId": "amazon-de", "platformOrderId": "nope", "reason": "BORED", "wanted": "MONEY"}"""),
                        400, List.of("reason", "wanted", "platformOrderId"), false),
                new Row("returns: not JSON", h -> h.post("/api/returns", "lena", "application/json",
                        "{\"storeId\": "), 400, List.of("body"), false),
                new Row("returns: a value of the wrong kind", h -> h.post("/api/returns", "lena",
                        "application/json", "{\"storeId\": {\"id\": 1}}"), 400, List.of("storeId"), false),
                new Row("returns: unknown", h -> h.get("/api/returns/RMA-0000000000", "lena"), 404,
                        List.of("returnKey"), false),
                new Row("platform sync: unknown store", h -> h.post("/api/returns/platform/sync?storeId=nope",
                        "leo", "application/json", ""), 404, List.of("storeId"), false),
                new Row("buyers: mistyped id", h -> h.post("/api/buyers/abc/serial-returner/clear", "leo",
                        "application/json", ""), 400, List.of("buyerId"), false),
                new Row("buyers: unknown", h -> h.post("/api/buyers/999999999/serial-returner/clear", "leo",
                        "application/json", ""), 404, List.of("buyerId"), false),
                new Row("holds: no note", h -> h.post("/api/purchasing/holds/1/release", "mia", "application/json",
                        "{}"), 400, List.of("note"), false),
                new Row("holds: unknown", h -> h.post("/api/purchasing/holds/999999999/release", "mia",
                        "application/json", "{\"note\": \"fixed\"}"), 404, List.of("holdId"), false),
                new Row("holds: mistyped parameter", h -> h.get("/api/purchasing/holds?all=maybe", "mia"), 400,
                        List.of("all"), false),
                new Row("outbox: mistyped parameter", h -> h.get("/api/outbox?status=LOST", "mia"), 400,
                        List.of("status"), false),
                new Row("outbox: not FAILED", this::retryPendingMail, 409, List.of(), false),
                new Row("cases: unknown", h -> h.get("/api/cases/AS-NOSUCHCASE", "mia"), 404, List.of(), false),
                new Row("orders: unknown", h -> h.get("/api/orders/amazon-de/none-shape", "mia"), 404, List.of(),
                        false),
                new Row("no login", h -> h.get("/api/stores", null), 401, List.of(), false),
                new Row("no such path", h -> h.get("/api/no-such-thing", "lena"), 404, List.of(), false));

        for (Row row : rows) {
            HttpResponse<String> response = row.request().apply(http);
            String as = row.name() + ": " + response.body();
            assertThat(response.statusCode()).as(as).isEqualTo(row.status());
            assertThat(response.headers().firstValue("Content-Type")).as(as)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = Http.json(response);
            assertThat(problem.get("status").asInt()).as(as).isEqualTo(row.status());
            assertThat(problem.path("type").asText()).as(as).isNotBlank();
            assertThat(problem.path("title").asText()).as(as).isNotBlank();
            String detail = problem.path("detail").asText();
            assertThat(detail).as(as).isNotBlank().doesNotContain("{", "}", "=", "Exception", "java.", "Failed to");
            if (row.fields().isEmpty()) {
                assertThat(problem.has("problems")).as(as).isFalse();
            } else {
                JsonNode problems = problem.get("problems");
                assertThat(problems.isArray()).as(as).isTrue();
                List<String> fields = new ArrayList<>();
                for (JsonNode p : problems) {
                    assertThat(p.isObject()).as(as).isTrue();
                    assertThat(p.path("field").isTextual()).as(as).isTrue();
                    assertThat(p.path("reason").isTextual()).as(as).isTrue();
                    assertThat(p.get("reason").asText()).as(as).isNotBlank();
                    assertThat(p.has("line")).as(as).isEqualTo(row.lines());
                    if (row.lines()) {
                        assertThat(p.get("line").isInt()).as(as).isTrue();
                    }
                    fields.add(p.get("field").asText());
                }
                assertThat(fields).as(as).containsAll(row.fields());
                // the sentence names the first problem, so a client that shows only detail still says what is wrong
                assertThat(detail).as(as).contains(problems.get(0).get("field").asText());
            }
        }
    }

    /** Asks to send a PENDING mail again (only FAILED ones may be): a conflict. The mail is gone after. */
    private HttpResponse<String> retryPendingMail(Http http) {
        OutboxMessage pending = outboxService.queue(new MailRequest("error-shape:" + UUID.randomUUID(), null,
                "return-late", "en", RecipientType.GROUP, "team-leads", Map.of()));
        try {
            return http.post("/api/outbox/" + pending.getId() + "/retry", "mia", "application/json", "");
        } finally {
            outbox.deleteById(pending.getId());
        }
    }
}
