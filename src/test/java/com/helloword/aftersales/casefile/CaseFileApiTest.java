package com.helloword.aftersales.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.casework.Severity;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

@IntegrationTest
class CaseFileApiTest {

    @LocalServerPort
    int port;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    StoreRepository stores;
    @Autowired
    BuyerRepository buyers;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aCaseIsShownWithItsMessagesInOrder() {
        String key = "AS-" + UUID.randomUUID().toString().substring(0, 8);
        transaction.executeWithoutResult(status -> {
            Buyer buyer = buyers.save(new Buyer("case." + key + "@example.com"));
            AfterSalesCase afterSalesCase = new AfterSalesCase(key, "email", stores.getReferenceById("amazon-fr"),
                    null, buyer, Instant.parse("2026-11-20T08:00:00Z"));
            afterSalesCase.addMessage(MessageDirection.INBOUND, "email", "<m1-" + key + "@example.com>",
                    "Colis abîmé", "Le colis est arrivé cassé.", "fr", Instant.parse("2026-11-20T08:00:00Z"));
            afterSalesCase.addMessage(MessageDirection.OUTBOUND, "email", null, "Re: Colis abîmé",
                    "Nous sommes désolés.", "fr", Instant.parse("2026-11-20T09:15:00Z"));
            afterSalesCase.grade("DAMAGED", Severity.YELLOW, "fr", "agents-fr", "test");
            cases.save(afterSalesCase);
        });

        Http http = new Http(port);
        assertThat(http.get("/api/cases/" + key, "walt").statusCode()).isEqualTo(403); // warehouse
        assertThat(http.get("/api/cases/" + key, "lena").statusCode()).isEqualTo(403); // another team's case
        assertThat(http.get("/api/cases/" + key, "leo").statusCode()).isEqualTo(200); // team leads see all
        JsonNode shown = Http.json(http.get("/api/cases/" + key, "chloe"));

        assertThat(shown.get("businessKey").asText()).isEqualTo(key);
        assertThat(shown.get("storeId").asText()).isEqualTo("amazon-fr");
        assertThat(shown.get("severity").asText()).isEqualTo("YELLOW");
        assertThat(shown.get("status").asText()).isEqualTo("OPEN");
        assertThat(shown.get("contactCount").asInt()).isEqualTo(1);
        assertThat(shown.get("messages").findValuesAsText("direction")).containsExactly("INBOUND", "OUTBOUND");
        assertThat(shown.get("messages").get(0).get("subject").asText()).isEqualTo("Colis abîmé");
    }
}
