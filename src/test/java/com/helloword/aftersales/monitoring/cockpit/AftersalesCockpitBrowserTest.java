package com.helloword.aftersales.monitoring.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.Browser;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * Issue 15: the After-sales view in Cockpit, in headless Chromium. A store of its own gets one RED and one YELLOW
 * case through the intake; the manager {@code mia} logs in to Cockpit, opens "After-sales" from the dashboard,
 * sees every chart drawn, reads the same numbers as {@code GET /api/metrics} answers, and follows the store's RED
 * figure to the drill-down list and from its row to the case's process instance. Screenshots in
 * {@code target/browser-test/} (one of success, one of a failure).
 */
@IntegrationTest
@Tag("browser")
class AftersalesCockpitBrowserTest {

    private static final String ORDER_COLUMNS = "store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
            + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
            + "batch,quantity,unit_price\n";
    /** The charts uPlot draws (a canvas each); the heat map is SVG. */
    private static final List<String> CANVAS_CHARTS = List.of("openCases", "sla", "overdue", "teams.hours",
            "teams.fcr", "teams.rating", "skus", "disputes");

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService orders;
    @Autowired
    RuntimeService runtimeService;

    Http http;
    String run;
    String storeId;

    @BeforeEach
    void setUp() throws Exception {
        Browser.assumeInstalled();
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "shopify-de-cockpit-" + run;
        stores.save(new Store(storeId, "Helloword Cockpit " + run, Platform.SHOPIFY, "DE", Currency.getInstance("EUR"),
                "de", "Europe/Berlin"));
        StringBuilder csv = new StringBuilder(ORDER_COLUMNS);
        for (String order : List.of("1", "2")) {
            csv.append(storeId).append(',').append(orderId(order)).append(',').append(buyer(order))
                    .append(",Greta,de,DE,EUR,2026-11-10T10:00:00Z,2026-11-11T10:00:00Z,2026-11-14T10:00:00Z,DHL,JJD")
                    .append(run).append(order).append(",DELIVERED,MUG-STONE,B-78,1,34.90\n");
        }
        orders.importCsv(new StringReader(csv.toString()));
    }

    @Test
    void aManagerSeesHerStoresOpenCasesChartedAndFollowsTheRedOneToItsProcess() throws Exception {
        String red = intake("1", "Letzte Warnung",
                "Die Tasse kam zerbrochen an. Ich werde meinen Anwalt einschalten und Sie verklagen.", "RED");
        String yellow = intake("2", "Tasse kaputt", "Hallo, die Tasse ist zerbrochen angekommen.", "YELLOW");
        List<String> redProcesses = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(red).list()
                .stream().map(instance -> instance.getId()).toList();

        HttpResponse<String> answered = http.get("/api/metrics", "mia");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode metrics = Http.json(answered);
        JsonNode store = storeRow(metrics);
        assertThat(List.of(store.get("red").asInt(), store.get("yellow").asInt(), store.get("blue").asInt(),
                store.get("total").asInt())).as("the API's open cases of the seeded store").containsExactly(1, 1, 0, 2);

        try (Browser browser = Browser.start(1400, 4200)) {
            WebDriver driver = browser.driver();
            try {
                driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
                browser.logIn("mia", "mia");
                browser.waiting().until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("a[data-aftersales-entry]"))).click();
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("[data-aftersales=overview][data-rendered]")));
                assertThat(driver.findElements(By.cssSelector("[data-error]"))).isEmpty();

                // every chart is drawn: a canvas for uPlot's, SVG for the heat map and one bar per recall or incident
                for (String chart : CANVAS_CHARTS) {
                    assertThat(driver.findElements(By.cssSelector("[data-chart='" + chart + "'] canvas")))
                            .as("canvas of chart " + chart).isNotEmpty();
                }
                assertThat(driver.findElements(By.cssSelector("[data-chart='heatmap'] svg"))).hasSize(1);
                assertThat(driver.findElements(By.cssSelector("[data-chart='recalls'] svg")))
                        .hasSize(metrics.get("recalls").size());
                assertThat(driver.findElements(By.cssSelector("[data-chart='incidents'] svg")))
                        .hasSize(metrics.get("incidents").size());

                // the numbers shown are the API's
                String prefix = "openCases.byStore." + storeId + ".";
                for (String field : List.of("red", "yellow", "blue", "total")) {
                    assertThat(shown(driver, prefix + field)).as(prefix + field).isEqualTo(store.get(field).asText());
                }
                for (String severity : List.of("RED", "YELLOW", "BLUE")) {
                    assertThat(shown(driver, "openCases.bySeverity." + severity))
                            .isEqualTo(metrics.get("openCases").get("bySeverity").get(severity).asText());
                }
                assertThat(shown(driver, "openCases.total")).isEqualTo(metrics.get("openCases").get("total").asText());
                assertThat(shown(driver, "overdue.overdue")).isEqualTo(metrics.get("overdue").get("overdue").asText());
                assertThat(shown(driver, "overdue.escalated"))
                        .isEqualTo(metrics.get("overdue").get("escalated").asText());
                for (JsonNode row : metrics.get("heatmap").get("rows")) {
                    if (storeId.equals(row.get("storeId").asText())) {
                        JsonNode weeks = metrics.get("heatmap").get("weeks");
                        for (int w = 0; w < weeks.size(); w++) {
                            String cell = "heatmap." + storeId + "." + row.get("category").asText() + "."
                                    + weeks.get(w).asText();
                            assertThat(shown(driver, cell)).as(cell).isEqualTo(row.get("counts").get(w).asText());
                        }
                    }
                }
                browser.keep("cockpit-aftersales-overview-" + run);

                // the SLA chart switches to the last 7 days: redrawn, with the 7-day rows' numbers
                driver.findElement(By.cssSelector("button[data-window='7d']")).click();
                browser.waiting().until(ExpectedConditions.attributeContains(
                        By.cssSelector("button[data-window='7d']"), "class", "active"));
                assertThat(driver.findElements(By.cssSelector("[data-chart='sla'] canvas"))).hasSize(1);
                for (JsonNode row : metrics.get("sla")) {
                    if (row.get("window").asText().equals("7d")) {
                        String name = "sla.7d." + row.get("team").asText() + "." + row.get("severity").asText();
                        assertThat(shown(driver, name + ".firstReplyTotal")).isEqualTo(row.get("firstReplyTotal").asText());
                        assertThat(shown(driver, name + ".claimWithin")).isEqualTo(row.get("claimWithin").asText());
                    }
                }

                // the store's RED figure opens the list behind it: the RED case, not the YELLOW one
                driver.findElement(By.cssSelector("a[data-drill='storeId=" + storeId + "&severity=RED']")).click();
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("[data-aftersales=cases]")));
                List<String> keys = new ArrayList<>();
                for (WebElement row : driver.findElements(By.cssSelector("tr[data-case-key]"))) {
                    keys.add(row.getDomAttribute("data-case-key"));
                }
                assertThat(keys).containsExactly(red).doesNotContain(yellow);
                browser.keep("cockpit-aftersales-cases-" + run);

                // and its row opens the case's process instance in Cockpit
                WebElement process = driver.findElement(By.cssSelector("tr[data-case-key='" + red + "'] a[data-process-instance]"));
                String redProcess = process.getDomAttribute("data-process-instance");
                assertThat(redProcess).isIn(redProcesses);
                process.click();
                browser.waiting().until(ExpectedConditions.urlContains("#/process-instance/" + redProcess + "/runtime"));
                browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(
                        By.cssSelector("[data-aftersales=cases]")));
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), red));
                browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), redProcess));
                browser.keep("cockpit-aftersales-success-" + run);
            } catch (Throwable failure) {
                browser.keep("cockpit-aftersales-failure-" + run);
                throw failure;
            }
        }
    }

    /** The text of the element a number is shown in, by its data-metric name. */
    private static String shown(WebDriver driver, String metric) {
        List<WebElement> found = driver.findElements(By.cssSelector("[data-metric='" + metric + "']"));
        assertThat(found).as("element data-metric=" + metric).hasSize(1);
        // textContent, not getText(): Chromium's driver reads no rendered text of SVG text inside a link
        return found.get(0).getDomProperty("textContent").strip();
    }

    private JsonNode storeRow(JsonNode metrics) {
        for (JsonNode row : metrics.get("openCases").get("byStore")) {
            if (storeId.equals(row.get("storeId").asText())) {
                return row;
            }
        }
        throw new AssertionError("no open-cases row of " + storeId + " in " + metrics.get("openCases"));
    }

    /** A buyer message through the intake, graded as expected; returns the case key. */
    private String intake(String order, String subject, String body, String severity) {
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<cockpit-%s-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "%s", "body": "%s"}"""
                .formatted(storeId, run, order, orderId(order), buyer(order), subject, body));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        JsonNode graded = Http.json(received);
        assertThat(graded.get("severity").asText()).as(received.body()).isEqualTo(severity);
        return graded.get("businessKey").asText();
    }

    private String orderId(String order) {
        return "8880" + Math.abs(run.hashCode() % 1000) + order;
    }

    private String buyer(String order) {
        return "greta" + order + "." + run + "@example.de";
    }
}
