package com.helloword.aftersales.demo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.helloword.aftersales.casefile.CatalogueProduct;
import com.helloword.aftersales.casefile.Gtins;

/**
 * What the demo seller sells: each SKU with its production batch, its price in USD, the words
 * buyers use for it in their messages (the demo cases name their item with one of them), and how the
 * catalogue lists it for regulator notices (title, model, barcode; the words are its keywords).
 */
final class DemoProducts {

    record Product(String sku, String batch, BigDecimal usdPrice, List<String> names, Listing listing) {
    }

    /** The catalogue's entry of a SKU: title, model number and barcode (UPC-A or EAN-13) as a regulator names them. */
    record Listing(String title, String model, String gtin) {
    }

    /** The demo seller's own brand, on every product. */
    static final String BRAND = "Helloword";

    private static final List<String> SWEATER = List.of("sweater", "jumper", "knit", "Pullover", "pull", "tricot",
            "セーター", "ニット");
    private static final List<String> POWER_BANK = List.of("power bank", "powerbank", "charger", "Ladegerät",
            "batterie externe", "モバイルバッテリー");

    private static final Listing POWER_BANK_LISTING = new Listing("Power bank 20000 mAh", "PB-20K",
            "086012340044");

    static final Product SWEATER_M = new Product("KNIT-SWEATER-M", "LOT-2026-08A", new BigDecimal("39.90"), SWEATER,
            new Listing("Knit sweater, size M", "KS-100-M", "086012340013"));
    static final Product SWEATER_L = new Product("KNIT-SWEATER-L", "LOT-2026-08A", new BigDecimal("39.90"), SWEATER,
            new Listing("Knit sweater, size L", "KS-100-L", "086012340020"));
    static final Product DESK_LAMP = new Product("LED-DESK-LAMP", "LOT-2026-07C", new BigDecimal("45.00"),
            List.of("lamp", "Lampe", "Schreibtischlampe", "ランプ"),
            new Listing("LED desk lamp", "DL-7", "086012340037"));
    static final Product POWER_BANK_06B = new Product("POWERBANK-20K", "LOT-2026-06B", new BigDecimal("29.99"),
            POWER_BANK, POWER_BANK_LISTING);
    static final Product POWER_BANK_09A = new Product("POWERBANK-20K", "LOT-2026-09A", new BigDecimal("29.99"),
            POWER_BANK, POWER_BANK_LISTING);
    static final Product BIKE_HELMET = new Product("KIDS-BIKE-HELMET", "LOT-2026-05D", new BigDecimal("34.50"),
            List.of("helmet", "Helm", "casque", "ヘルメット"),
            new Listing("Kids bike helmet", "KH-52", "086012340051"));
    static final Product YOGA_MAT = new Product("YOGA-MAT-PRO", "LOT-2026-04A", new BigDecimal("24.00"),
            List.of("yoga mat", "Yogamatte", "tapis de yoga", "ヨガマット"),
            new Listing("Yoga mat pro", "YM-PRO-6", "4006381000017"));
    static final Product SILK_SCARF = new Product("SILK-SCARF", "LOT-2026-09B", new BigDecimal("19.00"),
            List.of("scarf", "Schal", "Halstuch", "foulard", "écharpe", "スカーフ"),
            new Listing("Silk scarf", "SS-90", "4006381000024"));
    static final Product E_SCOOTER = new Product("E-SCOOTER-X1", "LOT-2026-03A", new BigDecimal("549.00"),
            List.of("scooter", "E-Scooter", "trottinette", "キックボード"),
            new Listing("Electric scooter X1", "X1", "086012340068"));
    static final Product ROBOT_VACUUM = new Product("ROBOT-VACUUM-S7", "LOT-2026-06A", new BigDecimal("329.00"),
            List.of("vacuum", "Saugroboter", "Staubsauger", "aspirateur", "掃除機"),
            new Listing("Robot vacuum S7", "RV-S7", "086012340075"));

    /** The catalogue the demo orders draw from (order matters: the generated orders pick by position). */
    static final List<Product> ALL = List.of(SWEATER_M, SWEATER_L, DESK_LAMP, POWER_BANK_06B, POWER_BANK_09A,
            BIKE_HELMET, YOGA_MAT, SILK_SCARF, E_SCOOTER, ROBOT_VACUUM);

    /** The catalogue as the seller would import it: one entry per SKU, its words as keywords. */
    static List<CatalogueProduct.Details> catalogue() {
        Map<String, CatalogueProduct.Details> bySku = new LinkedHashMap<>();
        for (Product product : ALL) {
            Listing listing = product.listing();
            bySku.putIfAbsent(product.sku(), new CatalogueProduct.Details(product.sku(), listing.title(), BRAND,
                    listing.model(), List.of(Gtins.normalise(listing.gtin()).orElseThrow()), product.names()));
        }
        return List.copyOf(bySku.values());
    }

    private DemoProducts() {
    }
}
