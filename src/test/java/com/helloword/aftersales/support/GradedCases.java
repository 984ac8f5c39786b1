package com.helloword.aftersales.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.orders.OrderImportService;

/**
 * Buyer cases made the way production makes them: a store, an imported order per buyer, and the
 * buyer's message through the intake API ({@code /api/intake/messages}), graded by the DMN tables.
 * Each case gets its own buyer and order, so that no message is taken for another's follow-up.
 */
public final class GradedCases {

    private static final String ORDER_COLUMNS = "store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
            + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
            + "batch,quantity,unit_price\n";

    public String storeId() {
        return storeId;
    }

    /** What the intake answered: the case's key and grade. */
    public record Graded(String businessKey, String severity, String category, String team, String orderId) {
    }

    private final Http http;
    private final OrderImportService orders;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final String storeId;
    private final String country;
    private final String language;
    private final String run;
    private int count;

    /** A new Shopify store of the market, named after the run, for cases in the given language. */
    public GradedCases(Http http, StoreRepository stores, OrderImportService orders, RuntimeService runtime,
            ManagementService management, String run, String country, String language, String timeZone) {
        this.http = http;
        this.orders = orders;
        this.runtime = runtime;
        this.management = management;
        this.run = run;
        this.country = country;
        this.language = language;
        this.storeId = "shopify-" + language + "-tl-" + run;
        stores.save(new Store(storeId, "Helloword Tassen " + country, Platform.SHOPIFY, country,
                Currency.getInstance("EUR"), language, timeZone));
    }

    /**
     * A buyer of a delivered mug (34.90 EUR, tracked with DHL) writes this message at {@code now}; the
     * case's due jobs run (the knowledge-base check), so its first task is open when this returns.
     */
    public Graded open(String subject, String body, Instant now) {
        String order = "TL" + run + "-" + (++count);
        String buyer = "buyer-" + count + "." + run + "@example.test";
        try {
            orders.importCsv(new StringReader(ORDER_COLUMNS + String.join(",", storeId, order, buyer, "Kim", language,
                    country, "EUR", now.minus(Duration.ofDays(9)).toString(),
                    now.minus(Duration.ofDays(8)).toString(), now.minus(Duration.ofDays(6)).toString(), "DHL",
                    "JJD" + order, "DELIVERED", "MUG-STONE", "B-78", "1", "34.90") + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<String> received = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "%s", "channel": "email", "externalMessageId": "<tl-%s@mail>", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "%s", "body": "%s"}""".formatted(storeId, order, order, buyer, subject,
                body));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        JsonNode graded = Http.json(received);
        String key = graded.get("businessKey").asText();
        DueJobs.run(management, runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult()
                .getId());
        return new Graded(key, graded.get("severity").asText(), graded.get("category").asText(),
                graded.get("team").asText(), order);
    }
}
