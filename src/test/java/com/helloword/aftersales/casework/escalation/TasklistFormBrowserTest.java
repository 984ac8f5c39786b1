package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.returns.ReturnProcess;
import com.helloword.aftersales.support.Browser;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * The "Answer buyer" Camunda Form in a real browser: Debian's headless Chromium opens the 7.24
 * Tasklist as a German agent, claims the task of a fresh case, and checks that form-js renders the
 * case view, the suggestion and the pre-filled choice, that the FEEL conditionals show and hide the
 * fields, and that the form's Complete button asks the warehouse; that the standard reply shown follows the
 * remedy and the numbers picked; and that "Review return" speaks in words and the store's time. Runs in CI (which installs
 * {@code chromium} and {@code chromium-driver}); elsewhere it is skipped when they are missing.
 * On failure a screenshot and the page source land in {@code target/browser-test/}.
 */
@IntegrationTest
@Tag("browser")
class TasklistFormBrowserTest {

    private static final Duration WAIT = Browser.WAIT;
    private static final String ORDER_COLUMNS = "store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
            + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
            + "batch,quantity,unit_price\n";
    private static final By COMPLETE = By.xpath("//button[@type='submit'][normalize-space()='Complete']");

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService importService;
    @Autowired
    TaskService taskService;
    @Autowired
    MutableClock clock;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    Http http;
    String run;
    String storeId;
    String buyer;
    Browser browser;
    WebDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        Browser.assumeInstalled();

        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeId = "shopify-de-ui-" + run;
        buyer = "greta." + run + "@example.de";
        clock.set(Instant.parse("2026-11-23T08:00:00Z")); // Monday 09:00 in Berlin: agents-de is at work
        ClockUtil.setCurrentTime(Date.from(clock.instant()));
        stores.save(new Store(storeId, "Helloword Tassen DE", Platform.SHOPIFY, "DE",
                Currency.getInstance("EUR"), "de", "Europe/Berlin"));
        importService.importCsv(new StringReader(ORDER_COLUMNS + storeId + "," + orderId() + "," + buyer
                + ",Greta,de,DE,EUR,2026-11-10T10:00:00Z,2026-11-11T10:00:00Z,2026-11-14T10:00:00Z,DHL,JJD" + run
                + ",DELIVERED,MUG-STONE,B-78,1,34.90\n"));
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            browser = null;
            driver = null;
            ClockUtil.reset();
            clock.set(Instant.now());
        }
    }

    private String orderId() {
        return "7770" + Math.abs(run.hashCode() % 1000);
    }

    @Test
    void anAgentSeesTheCaseInTheFormAndAsksTheWarehouseFromTasklist() throws Exception {
        // a German buyer's broken mug, with a sentence only this case has
        String sentence = "Der Henkel meiner Tasse lag abgebrochen im Karton " + run;
        String key = germanCase(sentence);
        Task answer = answerTask(key);
        String suggestedRemedy = (String) taskService.getVariable(answer.getId(), "remedy");
        String remedyLabel = optionLabel("select_remedy", suggestedRemedy);

        driver = chromium();
        WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(250));
        try {
            // the German agent opens the case's task and claims it: the form renders, with the case as she needs it
            WebElement form = claimInTasklist(wait, "lena", answer);
            wait.until(ExpectedConditions.textToBePresentInElement(form, sentence));
            assertThat(formFailures()).isEmpty();
            String shown = form.getText();
            assertThat(shown).contains(key, sentence, "MUG-STONE", "B-78", "Suggested:", suggestedRemedy,
                    "Ask warehouse, purchasing or logistics first");
            assertThat(shown).doesNotContain("{{", "**");

            // REPLY is pre-selected and shows the remedy select with the table's suggestion
            assertThat(radio("Reply to the buyer with a remedy").isSelected()).isTrue();
            WebElement remedy = wait.until(ExpectedConditions.visibilityOfElementLocated(field("Remedy (suggested")));
            assertThat(remedy.getText()).contains(remedyLabel);
            assertThat(driver.findElements(field("Team to ask"))).noneMatch(Browser::displayed);
            assertThat(driver.getPageSource()).doesNotContain(buyer);

            // the number fields follow the remedy: a partial refund asks for the percent, a coupon for its value
            choose("Remedy (suggested", "Partial refund, buyer keeps the item (%)");
            wait.until(ExpectedConditions.visibilityOfElementLocated(field("Percent")));
            assertThat(driver.findElements(field("Coupon value (EUR)"))).noneMatch(Browser::displayed);
            choose("Remedy (suggested", "Coupon (EUR)");
            wait.until(ExpectedConditions.visibilityOfElementLocated(field("Coupon value (EUR)")));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(field("Percent")));
            // a hidden field must not keep Complete disabled (Tasklist counts form-js errors of hidden fields too)
            assertThat(driver.findElement(COMPLETE).isEnabled()).as("Complete enabled").isTrue();

            // asking a team: the FEEL conditionals swap the remedy fields for the question fields
            label("Ask warehouse, purchasing or logistics first").click();
            wait.until(d -> radio("Ask warehouse, purchasing or logistics first").isSelected());
            wait.until(ExpectedConditions.visibilityOfElementLocated(field("Team to ask")));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(field("Remedy (suggested")));
            assertThat(driver.findElements(field("Answer due in (working hours)"))).anyMatch(Browser::displayed);

            choose("Team to ask", "Warehouse");
            String question = "Ist die Charge B-78 auch bei anderen Tassen betroffen? " + run;
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath(fieldXpath("Question") + "//textarea"))).sendKeys(question);

            // the form's Complete button (Tasklist's, below the form)
            wait.until(ExpectedConditions.elementToBeClickable(COMPLETE)).click();
            Task asked = wait.until(d -> {
                assertThat(formFailures()).as("Tasklist's error").isEmpty();
                return taskService.createTaskQuery().processInstanceId(answer.getProcessInstanceId())
                        .taskDefinitionKey(EmergencyAfterSales.USER_TASK_ASK_TEAM).singleResult();
            });
            assertThat(taskService.getIdentityLinksForTask(asked.getId()).stream()
                    .filter(l -> l.getGroupId() != null).map(IdentityLink::getGroupId)).containsExactly("warehouse");
            assertThat(taskService.getVariable(asked.getId(), "internalQuestion")).isEqualTo(question);
            assertThat(taskService.getVariable(asked.getId(), "internalDueHours")).isEqualTo(8);
            assertThat(driver.getPageSource()).doesNotContain(buyer);
        } catch (Throwable failure) {
            keepEvidence("failure");
            throw failure;
        }
    }

    /**
     * Issue 19, point 2: the standard reply shown follows the remedy picked and the numbers entered, in the
     * tense the mail will have: the suggested reship is one the warehouse will do ("we will write again"),
     * a partial refund on this Shopify store is made at once, so it reads as done.
     */
    @Test
    void theReplyShownFollowsTheRemedyAndTheNumbersTheAgentChooses() throws Exception {
        String key = germanCase("Der Boden der Tasse hat einen Sprung " + run);
        Task answer = answerTask(key);
        Map<String, String> previews = new HashMap<>();
        JsonNode stored = new ObjectMapper().readTree(taskService.getVariableLocalTyped(answer.getId(), "replyPreviews")
                .getValue().toString());
        stored.get("texts").fields().forEachRemaining(e -> previews.put(e.getKey(), e.getValue().asText()));
        String suggested = (String) taskService.getVariable(answer.getId(), "remedy");
        int percent = (Integer) taskService.getVariable(answer.getId(), "remedyPercent");
        String suggestedLine = sentenceOf(previews.get(suggested), suggested);
        String refundLine = sentenceOf(previews.get("PARTIAL_REFUND_KEEP_ITEM"), "PARTIAL_REFUND_KEEP_ITEM");
        assertThat(refundLine).contains("%AMOUNT% EUR (%PERCENT% % des Bestellwerts)", "erstattet");

        driver = chromium();
        WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(250));
        try {
            WebElement form = claimInTasklist(wait, "lena", answer);
            wait.until(ExpectedConditions.textToBePresentInElement(form, "The standard reply"));
            wait.until(d -> replyShown().contains(suggestedLine));
            assertThat(replyShown()).doesNotContain("{{", "%AMOUNT%", "%PERCENT%", "erstattet");

            // a partial refund: the refund's text, with the percent the form holds and its amount
            choose("Remedy (suggested", "Partial refund, buyer keeps the item (%)");
            String refund = refundLine.replace("%PERCENT%", String.valueOf(percent))
                    .replace("%AMOUNT%", stored.get("partialRefundAmounts").get(percent - 1).asText());
            wait.until(d -> replyShown().contains(refund));
            assertThat(replyShown()).doesNotContain(suggestedLine);

            // another percent: another amount (20 % of 34.90 EUR)
            WebElement percentField = driver.findElement(By.xpath(fieldXpath("Percent") + "//input"));
            percentField.sendKeys(Keys.chord(Keys.CONTROL, "a"), "20");
            wait.until(d -> replyShown().contains("6.98 EUR (20 % des Bestellwerts)"));

            // a coupon: its text, with the value entered as the mail writes it
            choose("Remedy (suggested", "Coupon (EUR)");
            wait.until(d -> replyShown().contains("Gutschein über 5.00 EUR"));
            assertThat(replyShown()).doesNotContain("erstattet");
            assertThat(formFailures()).isEmpty();
            assertThat(driver.getPageSource()).doesNotContain(buyer);

            // a task made before the replies per remedy has the one reply of its suggestion: the form still shows it
            taskService.removeVariableLocal(answer.getId(), "replyPreviews");
            taskService.setVariableLocal(answer.getId(), "replyPreview", "Die Antwort einer älteren Aufgabe " + run);
            driver.navigate().refresh();
            wait.until(d -> replyShown().contains("Die Antwort einer älteren Aufgabe " + run));
            assertThat(formFailures()).isEmpty();
        } catch (Throwable failure) {
            keepEvidence("reply-preview");
            throw failure;
        }
    }

    /**
     * Issue 19, point 9: "Review return" shows a refused return in words (reason, refusal, where it came from)
     * and its times in the store's zone, not CHANGED_MIND, WINDOW_PASSED or a UTC timestamp.
     */
    @Test
    void anAgentReviewsARefusedReturnInWordsAndTheStoresTime() throws Exception {
        String lateOrder = orderId() + "-L";
        importService.importCsv(new StringReader(ORDER_COLUMNS + storeId + "," + lateOrder + "," + buyer
                + ",Greta,de,DE,EUR,2026-10-10T10:00:00Z,2026-10-11T10:00:00Z,2026-10-14T10:00:00Z,DHL,JJDL" + run
                + ",DELIVERED,MUG-STONE,B-78,1,34.90\n"));
        HttpResponse<String> opened = http.post("/api/returns", "lena", "application/json", """
                {"storeId": "%s", "platformOrderId": "%s", "sku": "MUG-STONE", "reason": "CHANGED_MIND",
                 "wanted": "REFUND", "source": "SELF_SERVICE"}""".formatted(storeId, lateOrder));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String returnKey = Http.json(opened).get("returnKey").asText();
        String processId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(returnKey)
                .singleResult().getId();
        DueJobs.run(managementService, processId);
        Task review = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(ReturnProcess.USER_TASK_REVIEW).singleResult();
        assertThat(review).as("Review return of " + returnKey).isNotNull();

        driver = chromium();
        WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(250));
        try {
            WebElement form = claimInTasklist(wait, "lena", review);
            wait.until(ExpectedConditions.textToBePresentInElement(form, "Return " + returnKey));
            String shown = form.getText();
            assertThat(shown).contains("Changed their mind", "Refused by the policy:", "The return period has passed",
                    "The buyer's self-service page", "When (Europe/Berlin)", "2026-11-23 09:00", "Requested",
                    "Approve the return (send a label)");
            assertThat(shown).doesNotContain("CHANGED_MIND", "WINDOW_PASSED", "SELF_SERVICE", "FROM_PLATFORM", "{{")
                    .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?(\\.\\d+)?Z");
            assertThat(formFailures()).isEmpty();
            assertThat(driver.getPageSource()).doesNotContain(buyer);
        } catch (Throwable failure) {
            keepEvidence("review-return");
            throw failure;
        }
    }

    @Test
    void aTeamLeadSeesEveryTeamsTasksTheRedCaseFirst() throws Exception {
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<lead-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Letzte Warnung",
                 "body": "Die Tasse kam zerbrochen an. Ich werde meinen Anwalt einschalten und Sie verklagen."}"""
                .formatted(storeId, run, orderId(), buyer));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        String key = Http.json(received).get("businessKey").asText();
        assertThat(Http.json(received).get("severity").asText()).isEqualTo("RED");
        Task red = taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_ANSWER_BUYER).singleResult();
        assertThat(red).as("Answer buyer task of " + key).isNotNull();
        int highest = taskService.createTaskQuery().orderByTaskPriority().desc().listPage(0, 1).get(0).getPriority();
        assertThat(red.getPriority()).isEqualTo(highest);

        driver = chromium();
        WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(250));
        try {
            driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
            logIn(wait, "leo", "leo");
            By allTeams = By.xpath("//*[contains(concat(' ', @class, ' '), ' task-filter ')]//h4/a"
                    + "[contains(normalize-space(), 'All teams, most urgent first')]");
            wait.until(ExpectedConditions.elementToBeClickable(allTeams)).click();
            By counter = By.xpath("//*[contains(concat(' ', @class, ' '), ' task-filter ')][.//h4/a"
                    + "[contains(normalize-space(), 'All teams, most urgent first')]]//span[contains(@class,'counter')]");
            wait.until(d -> !d.findElement(counter).getText().isBlank() && !d.findElement(counter).getText().equals("0"));
            // the first task listed is one of the most urgent: the RED case's or another as urgent
            WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h4.task a")));
            String href = first.getDomAttribute("href");
            assertThat(href).contains("task=");
            String firstId = href.replaceAll(".*task=([^&]+).*", "$1");
            assertThat(taskService.createTaskQuery().taskId(firstId).singleResult().getPriority()).isEqualTo(highest);
            assertThat(formFailures()).isEmpty();
        } catch (Throwable failure) {
            keepEvidence("team-lead");
            throw failure;
        }
    }

    /** A German buyer's broken mug through the intake, with a sentence only this case has; returns the case key. */
    private String germanCase(String sentence) {
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<ui-%s-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Tasse kaputt",
                 "body": "Hallo, die Tasse ist zerbrochen angekommen. %s und ich bin sehr traurig."}"""
                .formatted(storeId, run, sentence.hashCode(), orderId(), buyer, sentence));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        JsonNode graded = Http.json(received);
        assertThat(graded.get("category").asText()).isEqualTo("DAMAGED");
        assertThat(graded.get("team").asText()).isEqualTo("agents-de");
        return graded.get("businessKey").asText();
    }

    private Task answerTask(String key) {
        Task answer = taskService.createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_ANSWER_BUYER).singleResult();
        assertThat(answer).as("Answer buyer task of " + key).isNotNull();
        return answer;
    }

    /** Logs in to Tasklist, opens the task and claims it; returns its form once it shows. */
    private WebElement claimInTasklist(WebDriverWait wait, String user, Task task) {
        driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
        logIn(wait, user, user);
        String tasklist = driver.getCurrentUrl().replaceAll("#.*", "");
        driver.get(tasklist + "#/?task=" + task.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.unclaim")));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(user);
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    }

    /** The standard reply as the form shows it now (the text below its heading). */
    private String replyShown() {
        List<WebElement> texts = driver.findElements(By.xpath("//*[contains(concat(' ', @class, ' '), ' fjs-form-field-text ')]"
                + "[contains(normalize-space(), 'The standard reply')]"));
        return texts.isEmpty() ? "" : Browser.text(texts.get(0)).replaceAll("\\s+", " ");
    }

    /** The sentence of a reply preview that says what the remedy is (it names the order). */
    private String sentenceOf(String preview, String remedy) {
        assertThat(preview).as(remedy + " preview").isNotNull();
        return preview.lines().map(String::strip).filter(line -> line.contains(orderId())).findFirst()
                .orElseThrow(() -> new AssertionError("no line naming the order in " + preview))
                .replaceAll("\\s+", " ");
    }

    private WebDriver chromium() throws IOException {
        browser = Browser.start();
        return browser.driver();
    }

    /** The form field whose label starts with the text. */
    private static By field(String labelStart) {
        return By.xpath(fieldXpath(labelStart));
    }

    private static String fieldXpath(String labelStart) {
        return "//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][./label[starts-with(normalize-space(), '"
                + labelStart + "')]]";
    }

    private void logIn(WebDriverWait wait, String user, String password) {
        browser.logIn(user, password);
    }

    /**
     * Picks an option of a form-js select (a drop-down list, not a native select). The list opens on a
     * click of the field; a click that lands while the form re-renders can leave it closed, so the
     * field is clicked again until the option shows (within the overall wait).
     */
    private void choose(String fieldLabel, String option) {
        By opener = By.xpath(fieldXpath(fieldLabel) + "//*[contains(@class,'fjs-input-group')]");
        By item = By.xpath(fieldXpath(fieldLabel) + "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='"
                + option + "']");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            // a select keeps the focus after an option was picked, and a click on the focused select does not
            // open it again (Chromium 156): leave the field first, as a person's click elsewhere would
            ((JavascriptExecutor) driver).executeScript("if (document.activeElement) document.activeElement.blur();");
            new WebDriverWait(driver, WAIT, Duration.ofMillis(250))
                    .until(ExpectedConditions.elementToBeClickable(opener)).click();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(3), Duration.ofMillis(100))
                        .until(ExpectedConditions.elementToBeClickable(item)).click();
                break;
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
        new WebDriverWait(driver, WAIT, Duration.ofMillis(250))
                .until(ExpectedConditions.textToBePresentInElementLocated(field(fieldLabel), option));
    }

    private WebElement label(String text) {
        return driver.findElement(By.xpath("//label[normalize-space()='" + text + "']"));
    }

    /** A radio input, nested in its label or named by the label's {@code for}. */
    private WebElement radio(String text) {
        WebElement label = label(text);
        List<WebElement> nested = label.findElements(By.cssSelector("input[type=radio]"));
        return nested.isEmpty() ? driver.findElement(By.id(label.getDomAttribute("for"))) : nested.get(0);
    }

    private List<String> formFailures() {
        return browser.failures();
    }

    /** The label the form gives a select's value, read from the deployed form file. */
    private static String optionLabel(String componentId, String value) throws IOException {
        try (InputStream in = TasklistFormBrowserTest.class.getResourceAsStream("/bpmn/forms/answer-buyer.form")) {
            JsonNode schema = new ObjectMapper().readTree(in);
            Map<String, String> labels = new HashMap<>();
            for (JsonNode component : schema.get("components")) {
                if (componentId.equals(component.path("id").asText())) {
                    component.get("values").forEach(v -> labels.put(v.get("value").asText(), v.get("label").asText()));
                }
            }
            assertThat(labels).as(componentId + " options").containsKey(value);
            return labels.get(value);
        }
    }

    private void keepEvidence(String moment) {
        if (browser != null) {
            browser.keep(moment + "-" + run);
        }
    }
}
