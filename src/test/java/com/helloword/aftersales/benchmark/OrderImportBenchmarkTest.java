package com.helloword.aftersales.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.support.Http;

/**
 * 100 000 order lines through {@code POST /api/orders/import} as CSV, on an H2 file database as
 * the embedded default uses, within the test heap (-Xmx1g). Prints the figures for the README;
 * asserts only that everything was imported. Run: {@code mvn test -Pbenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/benchmark/aftersales-${random.uuid}",
        "aftersales.demo.enabled=true"})
class OrderImportBenchmarkTest {

    static final int LINES = 100_000;

    @LocalServerPort
    int port;

    @Test
    void import100kOrderLines() {
        byte[] csv = csv().getBytes(StandardCharsets.UTF_8);
        Http http = new Http(port);

        long start = System.nanoTime();
        HttpResponse<String> first = http.post("/api/orders/import", "demo", "text/csv", csv);
        Duration firstTook = Duration.ofNanos(System.nanoTime() - start);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode created = Http.json(first);
        assertThat(created.get("linesCreated").asInt()).isEqualTo(LINES);

        start = System.nanoTime();
        HttpResponse<String> second = http.post("/api/orders/import", "demo", "text/csv", csv);
        Duration secondTook = Duration.ofNanos(System.nanoTime() - start);
        assertThat(Http.json(second).get("linesUnchanged").asInt()).isEqualTo(LINES);

        long heapUsedMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        long heapMaxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        System.out.printf(Locale.ROOT, "BENCHMARK order import: %d lines (%d orders, %.1f MB CSV) created in %.1f s "
                + "(%.0f lines/s); re-import of the same file (all unchanged) %.1f s; heap used %d MB of max %d MB%n",
                LINES, created.get("ordersCreated").asInt(), csv.length / 1e6, firstTook.toMillis() / 1000.0,
                LINES / (firstTook.toMillis() / 1000.0), secondTook.toMillis() / 1000.0, heapUsedMb, heapMaxMb);
    }

    /** 40 000 orders across the demo stores with 1 to 4 lines each, 100 000 lines in all. */
    private static String csv() {
        String[] stores = {"amazon-us", "amazon-de", "ebay-uk", "shopify-fr"};
        String[] currencies = {"USD", "EUR", "GBP", "EUR"};
        String[] countries = {"US", "DE", "GB", "FR"};
        StringBuilder csv = new StringBuilder(LINES * 160);
        csv.append("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,destination_country,currency,"
                + "ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,batch,quantity,unit_price\n");
        Instant ordered = Instant.parse("2026-10-01T00:00:00Z");
        int lines = 0;
        for (int order = 0; lines < LINES; order++) {
            int s = order % stores.length;
            int lineCount = Math.min(1 + order % 4, LINES - lines);
            Instant at = ordered.plusSeconds(order * 37L);
            for (int l = 0; l < lineCount; l++) {
                csv.append(stores[s]).append(",BM-").append(order).append(",buyer").append(order % 25_000)
                        .append("@bench.example,Bench Buyer,en,").append(countries[s]).append(',')
                        .append(currencies[s]).append(',').append(at).append(',').append(at.plusSeconds(86_400))
                        .append(",,DHL,JD0146").append(order).append(",SHIPPED,SKU-").append(l + order % 50)
                        .append(",LOT-").append(order % 7).append(',').append(1 + l).append(",19.9").append(l)
                        .append('\n');
                lines++;
            }
        }
        return csv.toString();
    }
}
