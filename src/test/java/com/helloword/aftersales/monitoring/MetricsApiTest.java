package com.helloword.aftersales.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.monitoring.MetricsFixture.Case;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * {@code GET /api/metrics}: known rows of two stores of its own (written straight into the tables, at a fixed
 * moment in 2031 so that no other test's rows fall into the figures' windows) give exact figures in every section
 * and in the drill-down; the lines move with the deployed DMN tables; managers, team leads and admins only.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsApiTest {

    private static final long BASE = 9_100_000_000_000L;
    private static final Instant NOW = Instant.parse("2031-03-05T12:00:00Z"); // a Wednesday of 2031-W10

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    MetricsQueries queries;
    @Autowired
    RepositoryService repository;

    private MetricsFixture fixture;
    private String storeA;
    private String storeB;
    private String team;
    private String skuA;
    private String skuB;
    private final List<String> keys = new ArrayList<>();
    private long overdueBefore;
    private long escalatedBefore;
    private long recallId;
    private long incidentId;

    private static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    @BeforeAll
    void seed() {
        clock.set(NOW);
        overdueBefore = queries.overdue().overdue();
        escalatedBefore = queries.overdue().escalated();
        fixture = new MetricsFixture(jdbc, BASE);
        storeA = fixture.name("mxa");
        storeB = fixture.name("mxb");
        team = fixture.name("mx-team");
        skuA = fixture.name("MXA");
        skuB = fixture.name("MXB");
        fixture.store(storeA);
        fixture.store(storeB);
        long buyer = fixture.buyer();
        Instant ordered = ago(hours(49));
        List<Long> ordersA = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ordersA.add(fixture.order(storeA, buyer, skuA, 1, ordered));
        }
        List<Long> ordersB = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ordersB.add(fixture.order(storeB, buyer, skuB, 2, ordered));
        }
        for (int i = 0; i < 8; i++) {
            fixture.returnOf(ordersA.get(i), buyer, skuA, ago(hours(24)));
        }
        fixture.returnOf(ordersB.get(0), buyer, skuB, ago(hours(24)));
        fixture.dispute(storeA, ordersA.get(0), buyer, ago(hours(24)));
        fixture.dispute(storeA, ordersA.get(1), buyer, ago(hours(24)));
        // 1: RED, claimed in time, replied late, past its resolution time
        keys.add(fixture.insert(new Case(storeA, ordersA.get(0), "safety", "RED", "OPEN", team, ago(hours(2)),
                ago(Duration.ofMinutes(110)), ago(Duration.ofMinutes(115)), ago(hours(1)), ago(Duration.ofMinutes(30)),
                ago(hours(1)), null, null, 1, null)));
        // 2: RED, nobody claimed it in time: escalated; the first reply is not due yet
        keys.add(fixture.insert(new Case(storeB, ordersB.get(0), "defect", "RED", "ESCALATED", team, ago(hours(3)),
                ago(hours(2)), null, NOW.plus(hours(1)), null, NOW.plus(hours(5)), null, ago(hours(2)), 1, null)));
        // 3: YELLOW, claimed and replied in time, past its resolution time
        keys.add(fixture.insert(new Case(storeA, ordersA.get(2), "defect", "YELLOW", "OPEN", team, ago(hours(72)),
                ago(hours(71)), ago(Duration.ofMinutes(71 * 60 + 30)), ago(hours(68)), ago(hours(70)), ago(hours(24)),
                null, null, 2, null)));
        // 4: BLUE, opened before the 7-day window, no times set
        keys.add(fixture.insert(new Case(storeA, null, "delivery", "BLUE", "OPEN", team, ago(hours(240)), null, null,
                null, null, null, null, null, 1, null)));
        // 5: YELLOW, closed after 24 hours on the first contact, rated 5
        keys.add(fixture.insert(new Case(storeA, ordersA.get(3), "defect", "YELLOW", "CLOSED", team, ago(hours(48)),
                null, null, null, null, null, ago(hours(24)), null, 1, 5)));
        // 6: BLUE, resolved after 12 hours and three contacts, rated 3
        keys.add(fixture.insert(new Case(storeB, ordersB.get(1), "delivery", "BLUE", "RESOLVED", team, ago(hours(144)),
                null, null, null, null, null, ago(hours(132)), null, 3, 3)));
        // 7: RED, closed 10 days ago: outside the teams' window, in the heatmap's
        keys.add(fixture.insert(new Case(storeA, null, "defect", "RED", "CLOSED", team, ago(hours(480)), null, null,
                null, null, null, ago(hours(240)), null, 1, 1)));
        recallId = fixture.recall(skuA, List.of(fixture.buyer(), fixture.buyer(), fixture.buyer(), fixture.buyer()), 3,
                ordersA.subList(10, 14), List.of("DISPOSED", "RECEIVED", "AFFECTED", "AFFECTED"), storeA);
        incidentId = fixture.incident(ordersA.subList(20, 23), buyer, storeA, 2, 1);
    }

    @AfterAll
    void remove() {
        fixture.remove(BASE);
        fixture.removeStores(List.of(storeA, storeB));
        clock.resumeRealTime();
    }

    private JsonNode get(String path, String user) {
        HttpResponse<String> answer = new Http(port).get(path, user);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return Http.json(answer);
    }

    private static JsonNode row(JsonNode list, String field, String value) {
        for (JsonNode row : list) {
            if (value.equals(row.path(field).asText())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " = " + value + " in " + list);
    }

    private static JsonNode row(JsonNode list, String f1, String v1, String f2, String v2, String f3, String v3) {
        for (JsonNode row : list) {
            if (v1.equals(row.path(f1).asText()) && v2.equals(row.path(f2).asText()) && v3.equals(row.path(f3).asText())) {
                return row;
            }
        }
        throw new AssertionError("no row " + v1 + "/" + v2 + "/" + v3 + " in " + list);
    }

    private List<String> caseKeys(String query) {
        List<String> found = new ArrayList<>();
        get("/api/metrics/cases?" + query, "mia").forEach(c -> found.add(c.get("caseKey").asText()));
        return found;
    }

    private String key(int number) {
        return keys.get(number - 1);
    }

    @Test
    void openCasesBySeverityAndStore() {
        JsonNode open = get("/api/metrics", "mia").get("openCases");
        assertThat(open.get("bySeverity").fieldNames()).toIterable().containsExactly("RED", "YELLOW", "BLUE");
        JsonNode a = row(open.get("byStore"), "storeId", storeA);
        assertThat(a.toString()).isEqualTo("{\"storeId\":\"%s\",\"storeName\":\"Store %s\",\"red\":1,\"yellow\":1,"
                .formatted(storeA, storeA) + "\"blue\":1,\"total\":3}");
        JsonNode b = row(open.get("byStore"), "storeId", storeB);
        assertThat(List.of(b.get("red").asLong(), b.get("yellow").asLong(), b.get("blue").asLong(), b.get("total")
                .asLong())).containsExactly(1L, 0L, 0L, 1L);
        JsonNode section = get("/api/metrics/open-cases", "leo");
        assertThat(row(section.get("byStore"), "storeId", storeA).get("total").asLong()).isEqualTo(3);
    }

    @Test
    void slaPerWindowTeamAndSeverity() {
        JsonNode sla = get("/api/metrics", "mia").get("sla");
        JsonNode red24 = row(sla, "window", "24h", "team", team, "severity", "RED");
        assertThat(red24.toString()).isEqualTo(("{\"window\":\"24h\",\"team\":\"%s\",\"severity\":\"RED\","
                + "\"firstReplyTotal\":1,\"firstReplyWithin\":0,\"firstReplyRate\":0.0,"
                + "\"claimTotal\":2,\"claimWithin\":1,\"claimRate\":0.5}").formatted(team));
        assertThat(rowsOf(sla, "24h")).as("only cases opened in the last 24 hours").hasSize(1);
        JsonNode yellow7 = row(sla, "window", "7d", "team", team, "severity", "YELLOW");
        assertThat(List.of(yellow7.get("firstReplyTotal").asLong(), yellow7.get("firstReplyWithin").asLong(),
                yellow7.get("claimTotal").asLong(), yellow7.get("claimWithin").asLong())).containsExactly(1L, 1L, 1L, 1L);
        assertThat(yellow7.get("claimRate").asDouble()).isEqualTo(1.0);
        assertThat(row(sla, "window", "7d", "team", team, "severity", "RED").get("claimTotal").asLong()).isEqualTo(2);
        JsonNode blue7 = row(sla, "window", "7d", "team", team, "severity", "BLUE");
        assertThat(blue7.get("firstReplyTotal").asLong()).as("no times set: nothing measured").isZero();
        assertThat(rowsOf(sla, "7d")).hasSize(3);
        assertThat(get("/api/metrics/sla", "mia")).isEqualTo(sla);
    }

    private List<JsonNode> rowsOf(JsonNode sla, String window) {
        List<JsonNode> rows = new ArrayList<>();
        sla.forEach(r -> {
            if (r.get("window").asText().equals(window) && r.get("team").asText().equals(team)) {
                rows.add(r);
            }
        });
        return rows;
    }

    @Test
    void overdueAndEscalatedOpenCases() {
        JsonNode overdue = get("/api/metrics/overdue", "mia");
        assertThat(overdue.get("overdue").asLong() - overdueBefore).isEqualTo(2);
        assertThat(overdue.get("escalated").asLong() - escalatedBefore).isEqualTo(1);
    }

    @Test
    void teamsOverTheLastSevenDays() {
        JsonNode teamRow = row(get("/api/metrics", "mia").get("teams"), "team", team);
        assertThat(teamRow.toString()).isEqualTo(("{\"team\":\"%s\",\"resolved\":2,\"medianHoursToResolve\":18.0,"
                + "\"firstContactResolutionRate\":0.5,\"averageRating\":4.0,\"ratings\":2}").formatted(team));
    }

    @Test
    void skuRatesAgainstTheirCategoryAndTheQualityTablesLine() {
        JsonNode skus = get("/api/metrics/skus", "mia");
        JsonNode a = row(skus, "sku", skuA);
        assertThat(a.toString()).isEqualTo(("{\"sku\":\"%s\",\"category\":\"GENERAL\",\"orders\":40,\"returns\":8,"
                + "\"complaints\":3,\"returnRate\":0.2,\"complaintRate\":0.075,\"categoryReturnRate\":0.15,"
                + "\"categoryComplaintRate\":0.0833,\"returnLine\":0.18,\"aboveLine\":true}").formatted(skuA));
        JsonNode b = row(skus, "sku", skuB);
        assertThat(List.of(b.get("orders").asLong(), b.get("returns").asLong(), b.get("complaints").asLong()))
                .containsExactly(20L, 1L, 2L);
        assertThat(b.get("returnRate").asDouble()).isEqualTo(0.05);
        assertThat(b.get("aboveLine").asBoolean()).isFalse();
    }

    @Test
    void disputeRatesAgainstTheStoreHealthTablesLine() {
        JsonNode disputes = get("/api/metrics", "mia").get("disputes");
        assertThat(row(disputes, "storeId", storeA).toString()).isEqualTo(("{\"storeId\":\"%s\",\"storeName\":"
                + "\"Store %s\",\"orders\":40,\"disputes\":2,\"rate\":0.05,\"line\":0.025,\"aboveLine\":true}")
                .formatted(storeA, storeA));
        JsonNode b = row(disputes, "storeId", storeB);
        assertThat(b.get("rate").asDouble()).isZero();
        assertThat(b.get("aboveLine").asBoolean()).isFalse();
    }

    @Test
    void aChangedTableMovesTheLines() throws Exception {
        String health = new ClassPathResource("dmn/store-health.dmn").getContentAsString(StandardCharsets.UTF_8);
        String quality = new ClassPathResource("dmn/quality-loop.dmn").getContentAsString(StandardCharsets.UTF_8);
        String changedHealth = health.replace("&gt; 2.5</text>", "&gt; 6</text>");
        String changedQuality = quality.replace("&gt; categoryAverageRate * 1.2</text>",
                "&gt; categoryAverageRate * 1.5</text>");
        assertThat(changedHealth).isNotEqualTo(health);
        assertThat(changedQuality).isNotEqualTo(quality);
        String deployment = repository.createDeployment().name("metrics-lines").addString("store-health.dmn",
                changedHealth).addString("quality-loop.dmn", changedQuality).deploy().getId();
        try {
            JsonNode overview = get("/api/metrics", "mia");
            JsonNode store = row(overview.get("disputes"), "storeId", storeA);
            assertThat(store.get("line").asDouble()).isEqualTo(0.06);
            assertThat(store.get("aboveLine").asBoolean()).isFalse();
            JsonNode sku = row(overview.get("skus"), "sku", skuA);
            assertThat(sku.get("returnLine").asDouble()).isEqualTo(0.225);
            assertThat(sku.get("aboveLine").asBoolean()).isFalse();
        } finally {
            repository.deleteDeployment(deployment, true);
        }
        assertThat(row(get("/api/metrics/disputes", "mia"), "storeId", storeA).get("line").asDouble())
                .as("the deployed table again").isEqualTo(0.025);
    }

    @Test
    void recallsAndIncidentsUnderWay() {
        JsonNode overview = get("/api/metrics", "mia");
        JsonNode recall = row(overview.get("recalls"), "id", Long.toString(recallId));
        assertThat(List.of(recall.get("sku").asText(), recall.get("stage").asText())).containsExactly(skuA, "RETURNING");
        assertThat(List.of(recall.get("affectedBuyers").asLong(), recall.get("notified").asLong(),
                recall.get("returned").asLong())).containsExactly(4L, 3L, 2L);
        assertThat(recall.get("completionRate").asDouble()).as("units done / units").isEqualTo(0.25);
        JsonNode incident = row(overview.get("incidents"), "id", Long.toString(incidentId));
        assertThat(List.of(incident.get("affectedOrders").asLong(), incident.get("chosen").asLong(),
                incident.get("executed").asLong(), incident.get("open").asLong())).containsExactly(3L, 2L, 1L, 2L);
        assertThat(incident.get("state").asText()).isEqualTo("OPEN");
    }

    @Test
    void heatmapOfTheLastEightWeeks() {
        JsonNode heatmap = get("/api/metrics/heatmap", "mia");
        assertThat(heatmap.get("weeks").toString()).isEqualTo("[\"2031-W03\",\"2031-W04\",\"2031-W05\",\"2031-W06\","
                + "\"2031-W07\",\"2031-W08\",\"2031-W09\",\"2031-W10\"]");
        assertThat(cells(heatmap, storeA, "safety")).isEqualTo("[0,0,0,0,0,0,0,1]");
        assertThat(cells(heatmap, storeA, "defect")).isEqualTo("[0,0,0,0,1,0,1,1]");
        assertThat(cells(heatmap, storeA, "delivery")).isEqualTo("[0,0,0,0,0,1,0,0]");
        assertThat(cells(heatmap, storeB, "defect")).isEqualTo("[0,0,0,0,0,0,0,1]");
        assertThat(cells(heatmap, storeB, "delivery")).isEqualTo("[0,0,0,0,0,0,1,0]");
    }

    private static String cells(JsonNode heatmap, String storeId, String category) {
        for (JsonNode row : heatmap.get("rows")) {
            if (row.get("storeId").asText().equals(storeId) && row.get("category").asText().equals(category)) {
                return row.get("counts").toString();
            }
        }
        throw new AssertionError("no heatmap row " + storeId + "/" + category);
    }

    @Test
    void theDrillDownListsTheCasesBehindAFigure() {
        assertThat(caseKeys("storeId=" + storeA)).containsExactly(key(1), key(3), key(4));
        assertThat(caseKeys("state=overdue&team=" + team)).containsExactly(key(1), key(3));
        assertThat(caseKeys("state=escalated&team=" + team)).containsExactly(key(2));
        assertThat(caseKeys("state=resolved&team=" + team)).containsExactly(key(5), key(6), key(7));
        assertThat(caseKeys("sku=" + skuA)).containsExactly(key(1), key(3));
        assertThat(caseKeys("severity=red&team=" + team)).containsExactly(key(1), key(2));
        assertThat(caseKeys("state=RESOLVED&week=2031-W09&storeId=" + storeB + "&category=delivery"))
                .containsExactly(key(6));
        JsonNode first = get("/api/metrics/cases?storeId=" + storeA, "leo").get(0);
        assertThat(first.toString()).isEqualTo(("{\"caseKey\":\"%s\",\"severity\":\"RED\",\"category\":\"safety\","
                + "\"storeId\":\"%s\",\"team\":\"%s\",\"status\":\"OPEN\",\"openedAt\":\"2031-03-05T10:00:00Z\","
                + "\"processInstanceId\":null}").formatted(key(1), storeA, team));
    }

    @Test
    void aBadParameterIsNamed() {
        for (String[] bad : List.of(new String[] {"severity=PURPLE", "severity"}, new String[] {"state=lost", "state"},
                new String[] {"week=2026-W99", "week"}, new String[] {"week=48", "week"})) {
            HttpResponse<String> answer = new Http(port).get("/api/metrics/cases?" + bad[0], "mia");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(Http.json(answer).get("problems").findValuesAsText("field")).containsExactly(bad[1]);
        }
        assertThat(new Http(port).get("/api/metrics/nothing", "mia").statusCode()).isEqualTo(404);
    }

    @Test
    void managersTeamLeadsAndAdminsOnly() {
        for (String path : List.of("/api/metrics", "/api/metrics/heatmap", "/api/metrics/cases")) {
            assertThat(new Http(port).get(path, null).statusCode()).as("no login").isEqualTo(401);
            assertThat(new Http(port).get(path, "lena").statusCode()).as("an agent").isEqualTo(403);
            assertThat(new Http(port).get(path, "rita").statusCode()).as("a recall manager").isEqualTo(403);
            for (String viewer : List.of("mia", "leo", "demo")) {
                assertThat(new Http(port).get(path, viewer).statusCode()).as(viewer).isEqualTo(200);
            }
        }
    }
}
