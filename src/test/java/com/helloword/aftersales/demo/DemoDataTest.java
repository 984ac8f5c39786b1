package com.helloword.aftersales.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.escalation.KnowledgeBaseAnswers;
import com.helloword.aftersales.casework.intake.IntakeResult;
import com.helloword.aftersales.casework.intake.IntakeService;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

@IntegrationTest
class DemoDataTest {

    @LocalServerPort
    int port;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    BuyerRepository buyers;
    @Autowired
    DemoDataLoader loader;
    @Autowired
    IntakeService intake;
    @Autowired
    TaskService tasks;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    ManagementService management;

    @Test
    void demoStoresCoverThreePlatformsAndSixMarkets() {
        JsonNode stores = Http.json(new Http(port).get("/api/stores", "mia"));

        Set<String> platforms = new HashSet<>(stores.findValuesAsText("platform"));
        Set<String> markets = new HashSet<>(stores.findValuesAsText("marketplaceCountry"));
        assertThat(platforms).contains("AMAZON", "EBAY", "SHOPIFY");
        assertThat(markets).contains("US", "DE", "FR", "GB", "JP", "AE");
        assertThat(stores.toString()).doesNotContainIgnoringCase("secret").doesNotContain("password");
    }

    @Test
    void aFewHundredOrdersFromBuyersInManyLanguagesAndLoadingAgainAddsNone() throws Exception {
        long orderCount = orders.count();
        assertThat(orderCount).isGreaterThanOrEqualTo(DemoDataLoader.ORDERS);
        Set<String> languages = new HashSet<>();
        buyers.findAll().forEach(b -> languages.add(b.getLanguage()));
        assertThat(languages).contains("en", "de", "fr", "ja", "ar", "zh", "es", "pt");

        loader.run(null);

        assertThat(orders.count()).isEqualTo(orderCount);
    }

    @Test
    void theDemoStartsWithGradedCasesForTheLanguageTeams() {
        IntakeResult lamp = intake.alreadyTaken("email", "<demo-1@helloword.example>").orElseThrow();
        assertThat(lamp.category()).isEqualTo("DAMAGED");
        assertThat(lamp.team()).isEqualTo("agents-de");
        IntakeResult charger = intake.alreadyTaken("email", "<demo-2@helloword.example>").orElseThrow();
        assertThat(charger.category()).isEqualTo("SAFETY_HAZARD");
        assertThat(charger.severity().name()).isEqualTo("RED");
        IntakeResult parcel = intake.alreadyTaken("email", "<demo-3@helloword.example>").orElseThrow();
        assertThat(parcel.team()).isEqualTo("agents-ja");
        assertThat(intake.alreadyTaken("email", "<demo-5@helloword.example>").orElseThrow().severity().name())
                .isEqualTo("BLUE");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(lamp.businessKey())
                .taskCandidateGroup("agents-de").count()).isEqualTo(1);
    }

    /**
     * The README's walkthrough: {@code lena}, {@code emma} and {@code yuki} open "Answer buyer"; the French size
     * question and the English knit-wear question were answered from the knowledge base, so no agent has them.
     */
    @Test
    void theAgentsTheReadmeNamesHaveAnAnswerBuyerTaskAndTheKnowledgeBaseAnsweredTheRest() {
        // the job executor is off in tests: run the demo processes' first steps as the running demo does
        for (int i = 1; i <= DemoCases.MESSAGES.size(); i++) {
            String key = intake.alreadyTaken("email", "<demo-" + i + "@helloword.example>").orElseThrow().businessKey();
            DueJobs.run(management, cases.findByBusinessKey(key).orElseThrow().getProcessInstanceId());
        }
        Map<String, String> agentOfDemoMessage = Map.of("<demo-1@helloword.example>", "lena",
                "<demo-2@helloword.example>", "emma", "<demo-3@helloword.example>", "yuki");
        agentOfDemoMessage.forEach((messageId, agent) -> {
            String key = intake.alreadyTaken("email", messageId).orElseThrow().businessKey();
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).taskCandidateUser(agent)
                    .taskDefinitionKey("userTask_answerBuyer").count()).as(agent + " on " + key).isEqualTo(1);
        });
        for (String answered : new String[] {"<demo-4@helloword.example>", "<demo-5@helloword.example>"}) {
            String key = intake.alreadyTaken("email", answered).orElseThrow().businessKey();
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("userTask_answerBuyer")
                    .count()).as(answered).isZero();
            long caseId = cases.findByBusinessKey(key).orElseThrow().getId();
            assertThat(outbox.findAll()).as(answered).anyMatch(m -> Long.valueOf(caseId).equals(m.getCaseId())
                    && KnowledgeBaseAnswers.MAIL_TEMPLATE.equals(m.getTemplate()));
        }
    }

    @Test
    void theGeneratedCsvIsTheSameForTheSameSeed() {
        Instant now = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(DemoDataLoader.ordersCsv(now, new Random(7))).isEqualTo(DemoDataLoader.ordersCsv(now,
                new Random(7)));
    }
}
