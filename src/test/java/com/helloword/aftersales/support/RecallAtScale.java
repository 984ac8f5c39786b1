package com.helloword.aftersales.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A recall of many buyers through the running application's API, for the fan-out's benchmark and its
 * restart test: orders of {@code buyers} buyers imported through {@code POST /api/orders/import} in CSV
 * batches (every buyer one order of the recalled SKU, every fifth buyer a second; destinations DE, FR and US
 * in the buyers' languages, all sold on {@value #STORE}), then the recall started, decided GO and its plans
 * approved, each step as soon as the process waits for it (the job executor runs in between).
 */
public final class RecallAtScale {

    /** One store whose delisting the platform's API (the sandbox, or the stubs) does, so stage 3 needs nobody. */
    public static final String STORE = "amazon-de";
    private static final String[] COUNTRIES = {"DE", "FR", "US"};
    private static final String[] LANGUAGES = {"de", "fr", "en"};
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

    private final Http http;
    private final String run;
    private final int buyers;

    public RecallAtScale(Http http, String run, int buyers) {
        this.http = http;
        this.run = run;
        this.buyers = buyers;
    }

    public String sku() {
        return "RSC-" + run;
    }

    public int buyers() {
        return buyers;
    }

    /** Imports the orders, {@code batch} buyers per request; returns how many orders were created. */
    public int importOrders(int batch) {
        int created = 0;
        for (int from = 0; from < buyers; from += batch) {
            HttpResponse<String> imported = http.post("/api/orders/import", "demo", "text/csv",
                    csv(from, Math.min(buyers, from + batch)));
            if (imported.statusCode() != 200) {
                throw new AssertionError("import of buyers " + from + "+ answered " + imported.statusCode() + ": "
                        + imported.body());
            }
            created += Http.json(imported).get("ordersCreated").asInt();
        }
        return created;
    }

    private String csv(int from, int to) {
        StringBuilder csv = new StringBuilder((to - from) * 200);
        csv.append("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,destination_country,currency,"
                + "ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,batch,quantity,unit_price\n");
        Instant ordered = Instant.parse("2026-09-01T00:00:00Z");
        for (int buyer = from; buyer < to; buyer++) {
            int orders = buyer % 5 == 0 ? 2 : 1;
            for (int n = 0; n < orders; n++) {
                Instant at = ordered.plusSeconds(buyer * 60L + n);
                boolean delivered = (buyer + n) % 2 == 0;
                csv.append(STORE).append(",RSC-").append(run).append('-').append(buyer).append('-').append(n)
                        .append(',').append("rsc-").append(run).append('-').append(buyer).append("@bench.example,")
                        .append("Recall Buyer ").append(buyer).append(',').append(LANGUAGES[buyer % 3]).append(',')
                        .append(COUNTRIES[buyer % 3]).append(",EUR,").append(at).append(',')
                        .append(at.plusSeconds(86_400)).append(',')
                        .append(delivered ? at.plusSeconds(3 * 86_400).toString() : "").append(",DHL,JJD")
                        .append(buyer).append(n).append(',').append(delivered ? "DELIVERED" : "SHIPPED").append(',')
                        .append(sku()).append(",LOT-").append((buyer + n) % 2 == 0 ? "A" : "B").append(',')
                        .append(1 + n).append(",24.90\n");
            }
        }
        return csv.toString();
    }

    /** Starts the recall (both lots, the three countries, the one store); returns the API's answer (id, recallKey). */
    public JsonNode start() {
        String body = """
                {"sku": "%s", "batches": ["LOT-A", "LOT-B"], "countries": ["DE", "FR", "US"],
                 "storeIds": ["%s"], "reason": "Charger overheats: fire hazard"}""".formatted(sku(), STORE);
        HttpResponse<String> started = http.post("/api/recalls", "rita", "application/json", body);
        if (started.statusCode() != 201) {
            throw new AssertionError("the recall did not start: " + started.statusCode() + " " + started.body());
        }
        return Http.json(started);
    }

    /** GO, once the risk report is made and the decision waits (409 until then). */
    public void decideGo(JsonNode recall) {
        until(recall, "/decision", "{\"decision\": \"GO\", \"comment\": \"fire hazard\"}");
    }

    /** The market plans approved, once they are drafted and wait for approval: the moment stage 3 starts. */
    public void approvePlans(JsonNode recall) {
        until(recall, "/plans/approve", "{\"note\": \"as drafted\"}");
    }

    /** The recall as {@code GET /api/recalls/{id}} shows it. */
    public JsonNode view(JsonNode recall) {
        return Http.json(http.get("/api/recalls/" + recall.get("id").asText(), "rita"));
    }

    private void until(JsonNode recall, String path, String body) {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        HttpResponse<String> answer;
        do {
            answer = http.post("/api/recalls/" + recall.get("id").asText() + path, "rita", "application/json", body);
            if (answer.statusCode() == 200) {
                return;
            }
            if (answer.statusCode() != 409) {
                break;
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(path + " answered " + answer.statusCode() + " " + answer.body());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The SQL LIKE pattern of all notice keys of a recall. */
    public static String noticeKeys(String recallKey) {
        return "recall:" + recallKey + ":notice:%";
    }
}
