package com.helloword.aftersales.demo;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.orders.OrderImportResult;
import com.helloword.aftersales.orders.OrderImportService;

/**
 * Demo data for the embedded default: the seller's stores on Amazon, eBay and Shopify in the US,
 * DE, FR, UK, JP and AE markets, and a few hundred orders from buyers in many languages, fed
 * through the same CSV import a seller uses. Loaded once: stores that exist are kept, and orders
 * are generated only while there are none.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "aftersales.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    static final int ORDERS = 300;

    private final StoreRepository stores;
    private final SalesOrderRepository orders;
    private final OrderImportService importService;
    private final DemoCases cases;

    DemoDataLoader(StoreRepository stores, SalesOrderRepository orders, OrderImportService importService,
            DemoCases cases) {
        this.stores = stores;
        this.orders = orders;
        this.importService = importService;
        this.cases = cases;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        DemoStores.ALL.stream().filter(s -> !stores.existsById(s.getId())).forEach(stores::save);
        if (orders.count() > 0) {
            return;
        }
        OrderImportResult result = importService.importCsv(new StringReader(ordersCsv(Instant.now(), new Random(42))));
        LOG.info("Demo data loaded: {} stores, {} orders, {} order lines, {} buyers", stores.count(),
                result.ordersCreated(), result.linesCreated(), result.buyersCreated());
        cases.send();
    }

    /** Where each demo store's buyers live and which languages they write in (first = most). */
    private record Market(String storeId, String currency, List<String> destinations, List<String> languages,
            List<String> carriers) {
    }

    private record Product(String sku, String batch, BigDecimal usdPrice) {
    }

    private static final List<Market> MARKETS = List.of(
            new Market("amazon-us", "USD", List.of("US"), List.of("en", "es", "zh"), List.of("UPS", "USPS")),
            new Market("amazon-de", "EUR", List.of("DE", "AT", "NL", "PL"), List.of("de", "nl", "pl", "en"),
                    List.of("DHL")),
            new Market("amazon-fr", "EUR", List.of("FR", "BE"), List.of("fr", "nl"), List.of("Colissimo", "DHL")),
            new Market("amazon-uk", "GBP", List.of("GB", "IE"), List.of("en", "pl"), List.of("Royal Mail", "DPD")),
            new Market("amazon-jp", "JPY", List.of("JP"), List.of("ja", "zh"), List.of("Yamato", "Japan Post")),
            new Market("amazon-ae", "AED", List.of("AE", "SA"), List.of("ar", "en"), List.of("Aramex")),
            new Market("ebay-us", "USD", List.of("US", "CA"), List.of("en", "es", "fr"), List.of("USPS")),
            new Market("ebay-de", "EUR", List.of("DE", "IT", "ES"), List.of("de", "it", "es"), List.of("DHL", "GLS")),
            new Market("ebay-uk", "GBP", List.of("GB"), List.of("en"), List.of("Royal Mail")),
            new Market("shopify-us", "USD", List.of("US", "BR"), List.of("en", "pt", "es"), List.of("UPS", "FedEx")),
            new Market("shopify-fr", "EUR", List.of("FR", "SE", "PT"), List.of("fr", "sv", "pt"),
                    List.of("Colissimo", "PostNord")));

    private static final List<Product> PRODUCTS = List.of(
            new Product("KNIT-SWEATER-M", "LOT-2026-08A", new BigDecimal("39.90")),
            new Product("KNIT-SWEATER-L", "LOT-2026-08A", new BigDecimal("39.90")),
            new Product("LED-DESK-LAMP", "LOT-2026-07C", new BigDecimal("45.00")),
            new Product("POWERBANK-20K", "LOT-2026-06B", new BigDecimal("29.99")),
            new Product("POWERBANK-20K", "LOT-2026-09A", new BigDecimal("29.99")),
            new Product("KIDS-BIKE-HELMET", "LOT-2026-05D", new BigDecimal("34.50")),
            new Product("YOGA-MAT-PRO", "LOT-2026-04A", new BigDecimal("24.00")),
            new Product("SILK-SCARF", "LOT-2026-09B", new BigDecimal("19.00")),
            new Product("E-SCOOTER-X1", "LOT-2026-03A", new BigDecimal("549.00")),
            new Product("ROBOT-VACUUM-S7", "LOT-2026-06A", new BigDecimal("329.00")));

    private static final Map<String, BigDecimal> USD_RATE = Map.of("USD", BigDecimal.ONE, "EUR",
            new BigDecimal("0.92"), "GBP", new BigDecimal("0.79"), "JPY", new BigDecimal("150"), "AED",
            new BigDecimal("3.67"));

    private static final Map<String, List<String>> NAMES = Map.ofEntries(
            Map.entry("en", List.of("Emily Carter", "James Miller", "Olivia Brown", "Noah Wilson", "Ava Davies")),
            Map.entry("de", List.of("Lukas Schneider", "Anna Fischer", "Jonas Weber", "Marie Wagner")),
            Map.entry("fr", List.of("Camille Martin", "Hugo Bernard", "Léa Dubois", "Louis Moreau")),
            Map.entry("es", List.of("Lucía García", "Mateo López", "Sofía Martínez")),
            Map.entry("it", List.of("Giulia Rossi", "Francesco Russo", "Chiara Bianchi")),
            Map.entry("nl", List.of("Sanne de Vries", "Daan Jansen", "Emma Bakker")),
            Map.entry("pl", List.of("Zofia Nowak", "Jakub Kowalski", "Maja Wiśniewska")),
            Map.entry("sv", List.of("Elsa Andersson", "William Johansson")),
            Map.entry("pt", List.of("Ana Souza", "João Pereira", "Beatriz Lima")),
            Map.entry("ja", List.of("佐藤 陽菜", "鈴木 大翔", "高橋 結衣", "田中 蓮")),
            Map.entry("ar", List.of("فاطمة العلي", "محمد الحسن", "نورة السالم")),
            Map.entry("zh", List.of("王 芳", "李 伟", "张 敏")));

    static String ordersCsv(Instant now, Random random) {
        StringBuilder csv = new StringBuilder("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,"
                + "sku,batch,quantity,unit_price\n");
        List<String> returningBuyers = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Market market = MARKETS.get(i % MARKETS.size());
            String language = pick(random, market.languages());
            String destination = pick(random, market.destinations());
            String email;
            String name;
            if (!returningBuyers.isEmpty() && random.nextInt(5) == 0) {
                String[] returning = pick(random, returningBuyers).split("\\|");
                email = returning[0];
                name = returning[1];
                language = returning[2];
            } else {
                name = pick(random, NAMES.get(language));
                email = "buyer" + (1000 + i) + "." + language + "@example.com";
                returningBuyers.add(email + "|" + name + "|" + language);
            }
            Instant orderedAt = now.minus(Duration.ofMinutes(60L * 24 * 2 + random.nextInt(60 * 24 * 58)))
                    .truncatedTo(ChronoUnit.SECONDS);
            int roll = random.nextInt(100);
            String status = roll < 10 ? "PLACED" : roll < 40 ? "SHIPPED" : roll < 95 ? "DELIVERED"
                    : roll < 97 ? "CANCELLED" : "RETURNED";
            boolean shipped = !status.equals("PLACED") && !status.equals("CANCELLED");
            Instant shippedAt = shipped ? orderedAt.plus(Duration.ofHours(12 + random.nextInt(60))) : null;
            boolean delivered = status.equals("DELIVERED") || status.equals("RETURNED");
            Instant deliveredAt = delivered ? shippedAt.plus(Duration.ofHours(48 + random.nextInt(24 * 9))) : null;
            String carrier = shipped ? pick(random, market.carriers()) : null;
            String tracking = shipped ? trackingNumber(carrier, random) : null;
            String orderId = platformOrderId(market.storeId(), i, random);
            int lineCount = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
            for (int line = 0; line < lineCount; line++) {
                Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
                BigDecimal price = product.usdPrice().multiply(USD_RATE.get(market.currency()))
                        .setScale(market.currency().equals("JPY") ? 0 : 2, RoundingMode.HALF_UP);
                csv.append(String.join(",", market.storeId(), orderId, email, quote(name), language, destination,
                        market.currency(), orderedAt.toString(), text(shippedAt), text(deliveredAt), text(carrier),
                        text(tracking), status, product.sku(), product.batch(), String.valueOf(1 + random.nextInt(2)),
                        price.toPlainString())).append('\n');
            }
        }
        return csv.toString();
    }

    private static String platformOrderId(String storeId, int i, Random random) {
        if (storeId.startsWith("amazon")) {
            return String.format("%03d-%07d-%07d", 100 + random.nextInt(900), random.nextInt(10_000_000), i);
        }
        if (storeId.startsWith("ebay")) {
            return String.format("%02d-%05d-%05d", 10 + random.nextInt(90), random.nextInt(100_000), i);
        }
        return String.valueOf(5_100_000_000L + i * 7919L);
    }

    private static String trackingNumber(String carrier, Random random) {
        return switch (carrier) {
            case "UPS" -> String.format("1Z%06X%010d", random.nextInt(0xFFFFFF), (long) random.nextInt(1_000_000_000));
            case "DHL", "GLS", "DPD", "Aramex", "FedEx" -> String.format("%010d", random.nextInt(1_000_000_000));
            default -> String.format("LX%09dCN", random.nextInt(1_000_000_000));
        };
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
