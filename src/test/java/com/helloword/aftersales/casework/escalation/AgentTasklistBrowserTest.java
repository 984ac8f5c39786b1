package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.Browser;
import com.helloword.aftersales.support.GradedCases;
import com.helloword.aftersales.support.GradedCases.Graded;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * Issue 15, acceptance: a German agent logs into Tasklist and lands on her team's filter with the RED
 * case on top, named by its grade; its form shows the case as she needs it; the community edition's
 * end-of-life banner shows in none of the webapps; a French agent does not see the German case.
 * Screenshots of each step land in {@code target/browser-test/}.
 */
@IntegrationTest
@Tag("browser")
class AgentTasklistBrowserTest {

    private static final By ACTIVE_FILTER = By.cssSelector(".task-filters .content div.item.active h4 a");
    private static final By LISTED_TASKS = By.cssSelector("h4.task a");
    private static final By EOL_BANNER = By.cssSelector(".ce-eol-banner");

    @LocalServerPort
    int port;
    @Autowired
    StoreRepository stores;
    @Autowired
    OrderImportService orders;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    MutableClock clock;

    String run;
    Browser browser;

    @BeforeEach
    void setUp() {
        Browser.assumeInstalled();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            browser = null;
            ClockUtil.reset();
            clock.set(Instant.now());
        }
    }

    @Test
    void aGermanAgentLandsOnHerTeamWithTheRedCaseOnTopAndAFrenchAgentDoesNotSeeIt() throws Exception {
        // Monday 09:00 in Berlin, long before the other tests' cases: ours are the earliest due of their priority
        Instant monday = Instant.parse("2021-01-04T08:00:00Z");
        clock.set(monday);
        ClockUtil.setCurrentTime(Date.from(monday));
        GradedCases german = new GradedCases(new Http(port), stores, orders, runtimeService, managementService, run,
                "DE", "de", "Europe/Berlin");
        Graded yellow = german.open("Tasse kaputt", "Hallo, die Tasse ist zerbrochen angekommen.", monday);
        Graded blue = german.open("Frage", "Hallo, kann ich die Tasse auch in die Mikrowelle stellen?", monday);
        String hazard = "Der Henkel wurde heiss, es gab Funken und mein Sohn hat sich verletzt " + run;
        Graded red = german.open("Gefahr", hazard, monday);
        assertThat(List.of(red.severity(), yellow.severity(), blue.severity())).containsExactly("RED", "YELLOW", "BLUE");
        Task redTask = answerTask(red);

        browser = Browser.start();
        var driver = browser.driver();
        var wait = browser.waiting();
        try {
            // lena lands on her team's filter, not on "My tasks"; RED tasks come first, ours among them, before
            // every YELLOW and BLUE one (the suite's other German RED cases share the database and may be as early)
            driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
            browser.logIn("lena", "lena");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(ACTIVE_FILTER, "Agents German tasks"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(LISTED_TASKS));
            By ours = By.cssSelector("h4.task a[href*='" + redTask.getId() + "']");
            WebElement first = wait.ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.visibilityOfElementLocated(ours));
            assertThat(first.getText()).isEqualTo("RED · safety hazard · DE — Answer buyer");
            List<String> hrefs = driver.findElements(LISTED_TASKS).stream().map(a -> a.getDomAttribute("href")).toList();
            List<String> names = driver.findElements(LISTED_TASKS).stream().map(Browser::text).toList();
            assertThat(names.get(0)).startsWith("RED · ");
            int position = hrefs.indexOf(hrefs.stream().filter(h -> h.contains(redTask.getId())).findFirst().orElseThrow());
            assertThat(names.subList(0, position + 1)).allMatch(n -> n.startsWith("RED · "));
            assertThat(names).contains("YELLOW · damaged · DE — Answer buyer");
            assertNoBanner("tasklist");
            browser.keep("agent-de-list-" + run);

            // the RED case's form: message, order lines and value, tracking, tier and history, suggestion, SLA
            driver.findElement(ours).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
            wait.until(ExpectedConditions.textToBePresentInElement(form, hazard));
            String shown = form.getText();
            assertThat(shown).contains(red.businessKey(), "RED", "SAFETY_HAZARD", "MUG-STONE", "B-78", "value 34.90 EUR",
                    "tracking JJD" + red.orderId(), "DELIVERED", "Tier NEW", "earlier cases: 0", "returns in 12 months: 0",
                    "Suggested:", "SLA:", "first reply due 2021-01-04 ");
            assertThat(shown).doesNotContain("{{", "**", "buyer-3." + run);
            assertThat(browser.failures()).isEmpty();
            browser.keep("agent-de-form-" + run);
        } catch (Throwable failure) {
            browser.keep("agent-de-failure-" + run);
            throw failure;
        }
        browser.close();

        // chloe, a French agent: her own team's filter, and the German case nowhere, not even by its link
        browser = Browser.start();
        driver = browser.driver();
        wait = browser.waiting();
        try {
            driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
            browser.logIn("chloe", "chloe");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(ACTIVE_FILTER, "Agents French tasks"));
            for (WebElement filter : driver.findElements(By.cssSelector(".task-filters .content div.item h4 a"))) {
                filter.click();
                wait.until(ExpectedConditions.attributeContains(filter.findElement(By.xpath("./ancestor::div[1]")),
                        "class", "active"));
                Thread.sleep(500); // the list of the filter just opened
                assertThat(driver.getPageSource()).doesNotContain(red.businessKey(), redTask.getId(), hazard);
            }
            String tasklist = driver.getCurrentUrl().replaceAll("#.*", "");
            driver.get(tasklist + "#/?task=" + redTask.getId());
            Thread.sleep(1500);
            assertThat(driver.findElements(By.cssSelector(".fjs-form"))).isEmpty();
            assertThat(driver.getPageSource()).doesNotContain(red.businessKey(), hazard);
            browser.keep("agent-fr-" + run);
        } catch (Throwable failure) {
            browser.keep("agent-fr-failure-" + run);
            throw failure;
        }
        browser.close();

        // Cockpit and Admin: no end-of-life banner either
        for (String app : List.of("cockpit", "admin")) {
            browser = Browser.start();
            try {
                browser.driver().get("http://localhost:" + port + "/camunda/app/" + app + "/");
                browser.logIn("demo", "demo");
                assertNoBanner(app);
                browser.keep(app + "-" + run);
            } catch (Throwable failure) {
                browser.keep(app + "-failure-" + run);
                throw failure;
            }
            browser.close();
        }
        browser = null;
    }

    /** The header renders the banner (community edition), and user-styles.css hides it. */
    private void assertNoBanner(String app) {
        List<WebElement> banners = browser.waiting().until(d -> {
            List<WebElement> found = d.findElements(EOL_BANNER);
            return found.isEmpty() ? null : found;
        });
        assertThat(banners).as(app + ": the banner is in the page").isNotEmpty()
                .noneMatch(Browser::displayed);
    }

    private Task answerTask(Graded graded) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(graded.businessKey())
                .taskDefinitionKey(EmergencyAfterSales.USER_TASK_ANSWER_BUYER).singleResult();
        assertThat(task).as("Answer buyer task of " + graded).isNotNull();
        return task;
    }
}
