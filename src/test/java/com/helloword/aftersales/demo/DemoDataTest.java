package com.helloword.aftersales.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.intake.IntakeResult;
import com.helloword.aftersales.casework.intake.IntakeService;
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

    @Test
    void theGeneratedCsvIsTheSameForTheSameSeed() {
        Instant now = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(DemoDataLoader.ordersCsv(now, new Random(7))).isEqualTo(DemoDataLoader.ordersCsv(now,
                new Random(7)));
    }
}
