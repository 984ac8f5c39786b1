package com.helloword.aftersales.demo;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.carrier.TrackingPort;
import com.helloword.aftersales.carrier.TrackingRecorder;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.casefile.CatalogueImport;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.orders.OrderImportResult;
import com.helloword.aftersales.orders.OrderImportService;

/**
 * Demo data for the embedded default: the seller's stores on Amazon, eBay and Shopify in the US,
 * DE, FR, UK, JP and AE markets, and a few hundred orders from buyers in many languages, fed
 * through the same CSV import a seller uses, with the carrier's scans of every shipped parcel so far
 * (as 17TRACK would report them). Loaded once: stores that exist are kept, and orders are generated
 * only while there are none. Times fit the status: nothing is shipped or delivered in the future, an
 * order not yet shipped is at most two days old, a parcel in transit left at most nine days ago.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "aftersales.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    static final int ORDERS = 300;
    /** The seed of the generated orders: the same orders (ids, buyers, lines) at every first start. */
    static final long SEED = 42;
    /** Where the scans come from, on the tracking events. */
    static final String SCAN_SOURCE = "demo";

    private final StoreRepository stores;
    private final SalesOrderRepository orders;
    private final OrderImportService importService;
    private final DemoCases cases;
    private final TrackingRecorder tracking;
    private final TransactionTemplate transaction;
    private final EntityManager entityManager;
    private final CatalogueImport catalogue;

    DemoDataLoader(StoreRepository stores, SalesOrderRepository orders, OrderImportService importService,
            DemoCases cases, TrackingRecorder tracking, TransactionTemplate transaction, EntityManager entityManager,
            CatalogueImport catalogue) {
        this.stores = stores;
        this.orders = orders;
        this.importService = importService;
        this.cases = cases;
        this.tracking = tracking;
        this.transaction = transaction;
        this.entityManager = entityManager;
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        DemoStores.ALL.stream().filter(s -> !stores.existsById(s.getId())).forEach(stores::save);
        // the catalogue the regulator notices are matched against; upserted at every start, so a changed demo product takes effect
        catalogue.upsert(DemoProducts.catalogue());
        if (orders.count() > 0) {
            return;
        }
        Instant now = Instant.now();
        OrderImportResult result = importService.importCsv(new StringReader(ordersCsv(now, new Random(SEED))));
        int parcels = transaction.execute(tx -> {
            // one transaction, written at its end (a few times faster than flushing before each look-up): the
            // parcels are new, and each tracking number is recorded once, so no look-up misses a scan not yet written
            entityManager.setFlushMode(FlushModeType.COMMIT);
            Map<String, TrackingPort.TrackingSnapshot> journeys = new LinkedHashMap<>();
            for (SalesOrder order : orders.findAll()) {
                if (order.getTrackingNumber() != null && order.getShippedAt() != null) {
                    journeys.putIfAbsent(order.getTrackingNumber(), journey(order, now));
                }
            }
            journeys.values().forEach(parcel -> tracking.record(parcel, SCAN_SOURCE));
            return journeys.size();
        });
        LOG.info("Demo data loaded: {} stores, {} orders, {} order lines, {} buyers, {} parcels tracked",
                stores.count(), result.ordersCreated(), result.linesCreated(), result.buyersCreated(), parcels);
        cases.send();
    }

    /**
     * The scans of a demo parcel up to {@code now}, the same ones the 17TRACK sandbox tells for it: picked up
     * and departed in China, arrived at the destination's hub, delivered (signed by the buyer) when it was.
     */
    static TrackingPort.TrackingSnapshot journey(SalesOrder order, Instant now) {
        Instant shipped = order.getShippedAt();
        String destination = order.getDestinationCountry();
        List<TrackingPort.TrackedEvent> events = new ArrayList<>();
        events.add(scan(shipped, TrackingStatus.IN_TRANSIT, "Picked up by " + order.getCarrier(), "CN", null));
        events.add(scan(shipped.plus(Duration.ofHours(6)), TrackingStatus.IN_TRANSIT, "Departed from origin facility",
                "CN", null));
        events.add(scan(shipped.plus(Duration.ofHours(30)), TrackingStatus.IN_TRANSIT, "Arrived at destination hub",
                destination, null));
        Instant delivered = order.getDeliveredAt();
        if (delivered != null) {
            String signer = order.getBuyer().getName() == null ? "RECIPIENT"
                    : order.getBuyer().getName().split(" ")[0].toUpperCase();
            events.removeIf(e -> !e.occurredAt().isBefore(delivered));
            events.add(scan(delivered, TrackingStatus.DELIVERED, "Delivered, signed by " + signer, destination,
                    signer));
        }
        events.removeIf(e -> e.occurredAt().isAfter(now));
        return new TrackingPort.TrackingSnapshot(order.getTrackingNumber(), order.getCarrier(),
                delivered != null ? TrackingStatus.DELIVERED : TrackingStatus.IN_TRANSIT,
                delivered != null ? "Delivered_Other" : "InTransit_Arrival", events);
    }

    private static TrackingPort.TrackedEvent scan(Instant at, TrackingStatus status, String description,
            String location, String signer) {
        return new TrackingPort.TrackedEvent(at, status, null, description, location, signer);
    }

    /** Where each demo store's buyers live and which languages they write in (first = most). */
    private record Market(String storeId, String currency, List<String> destinations, List<String> languages,
            List<String> carriers) {
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
        Set<String> trackingNumbers = new HashSet<>();
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
            long ageMinutes = 60L * 24 * 2 + random.nextInt(60 * 24 * 58);
            int roll = random.nextInt(100);
            String status = roll < 10 ? "PLACED" : roll < 40 ? "SHIPPED" : roll < 95 ? "DELIVERED"
                    : roll < 97 ? "CANCELLED" : "RETURNED";
            if (status.equals("PLACED")) {
                ageMinutes = 60 + ageMinutes % (60 * 47); // not shipped yet: ordered within two days
            } else if (status.equals("SHIPPED")) {
                ageMinutes = 60L * 24 * 2 + ageMinutes % (60 * 24 * 7); // in transit: ordered two to nine days ago
            }
            Instant orderedAt = now.minus(Duration.ofMinutes(ageMinutes)).truncatedTo(ChronoUnit.SECONDS);
            boolean shipped = !status.equals("PLACED") && !status.equals("CANCELLED");
            Instant shippedAt = shipped ? orderedAt.plus(Duration.ofHours(12 + random.nextInt(60))) : null;
            boolean delivered = status.equals("DELIVERED") || status.equals("RETURNED");
            Instant deliveredAt = delivered ? shippedAt.plus(Duration.ofHours(48 + random.nextInt(24 * 9))) : null;
            // nothing happens in the future: move the whole order back until its last step lies 1 to 37 hours ago
            Instant last = delivered ? deliveredAt : shippedAt;
            if (last != null && last.isAfter(now.minus(Duration.ofHours(1)))) {
                Duration late = Duration.between(now.minus(Duration.ofHours(1)), last)
                        .plusMinutes(ageMinutes % (60 * 36));
                orderedAt = orderedAt.minus(late).truncatedTo(ChronoUnit.SECONDS);
                shippedAt = shippedAt.minus(late).truncatedTo(ChronoUnit.SECONDS);
                deliveredAt = delivered ? deliveredAt.minus(late).truncatedTo(ChronoUnit.SECONDS) : null;
            }
            String carrier = shipped ? pick(random, market.carriers()) : null;
            String tracking = shipped ? uniqueTrackingNumber(carrier, random, trackingNumbers) : null;
            String orderId = platformOrderId(market.storeId(), i, random);
            int lineCount = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
            for (int line = 0; line < lineCount; line++) {
                DemoProducts.Product product = DemoProducts.ALL.get(random.nextInt(DemoProducts.ALL.size()));
                row(csv, market, orderId, email, name, language, destination, orderedAt, shippedAt, deliveredAt,
                        carrier, tracking, status, product, 1 + random.nextInt(2));
            }
        }
        for (int i = 0; i < DemoCases.MESSAGES.size(); i++) {
            caseOrder(csv, DemoCases.MESSAGES.get(i), i, now, random, trackingNumbers);
        }
        return csv.toString();
    }

    /**
     * The order a demo message is about, as the message needs it: its lines, its status, shipped a day after
     * it was ordered, delivered when the message says so; from the store's first destination and carrier.
     */
    private static void caseOrder(StringBuilder csv, DemoCases.Message message, int index, Instant now,
            Random random, Set<String> trackingNumbers) {
        DemoCases.CaseOrder order = message.order();
        Market market = MARKETS.stream().filter(m -> m.storeId().equals(message.storeId())).findFirst()
                .orElseThrow();
        List<String> names = NAMES.get(message.language());
        String name = names.get(index % names.size());
        String email = "case" + (index + 1) + "." + message.language() + "@example.com";
        Instant today = now.truncatedTo(ChronoUnit.SECONDS);
        Instant orderedAt = today.minus(Duration.ofDays(order.daysAgo())).minus(Duration.ofHours(3));
        boolean shipped = order.status() != OrderStatus.PLACED && order.status() != OrderStatus.CANCELLED;
        Instant shippedAt = shipped ? orderedAt.plus(Duration.ofDays(1)) : null;
        boolean delivered = order.status() == OrderStatus.DELIVERED || order.status() == OrderStatus.RETURNED;
        Instant deliveredAt = delivered ? today.minus(Duration.ofDays(order.deliveredDaysAgo()))
                .minus(Duration.ofHours(5)) : null;
        String carrier = shipped ? market.carriers().get(0) : null;
        String tracking = shipped ? uniqueTrackingNumber(carrier, random, trackingNumbers) : null;
        for (DemoProducts.Product product : order.lines()) {
            row(csv, market, order.platformOrderId(), email, name, message.language(), market.destinations().get(0),
                    orderedAt, shippedAt, deliveredAt, carrier, tracking, order.status().name(), product, 1);
        }
    }

    private static void row(StringBuilder csv, Market market, String orderId, String email, String name,
            String language, String destination, Instant orderedAt, Instant shippedAt, Instant deliveredAt,
            String carrier, String tracking, String status, DemoProducts.Product product, int quantity) {
        BigDecimal price = product.usdPrice().multiply(USD_RATE.get(market.currency()))
                .setScale(market.currency().equals("JPY") ? 0 : 2, RoundingMode.HALF_UP);
        csv.append(String.join(",", market.storeId(), orderId, email, quote(name), language, destination,
                market.currency(), orderedAt.toString(), text(shippedAt), text(deliveredAt), text(carrier),
                text(tracking), status, product.sku(), product.batch(), String.valueOf(quantity),
                price.toPlainString())).append('\n');
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

    /** A tracking number no other demo parcel has (a carrier's scans apply to every order under the number). */
    private static String uniqueTrackingNumber(String carrier, Random random, Set<String> taken) {
        String number = trackingNumber(carrier, random);
        while (!taken.add(number)) {
            number = trackingNumber(carrier, random);
        }
        return number;
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
