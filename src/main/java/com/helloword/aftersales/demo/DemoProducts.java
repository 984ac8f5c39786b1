package com.helloword.aftersales.demo;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the demo seller sells: each SKU with its production batch, its price in USD, and the words
 * buyers use for it in their messages (the demo cases name their item with one of them).
 */
final class DemoProducts {

    record Product(String sku, String batch, BigDecimal usdPrice, List<String> names) {
    }

    private static final List<String> SWEATER = List.of("sweater", "jumper", "knit", "Pullover", "pull", "tricot",
            "セーター", "ニット");
    private static final List<String> POWER_BANK = List.of("power bank", "powerbank", "charger", "Ladegerät",
            "batterie externe", "モバイルバッテリー");

    static final Product SWEATER_M = new Product("KNIT-SWEATER-M", "LOT-2026-08A", new BigDecimal("39.90"), SWEATER);
    static final Product SWEATER_L = new Product("KNIT-SWEATER-L", "LOT-2026-08A", new BigDecimal("39.90"), SWEATER);
    static final Product DESK_LAMP = new Product("LED-DESK-LAMP", "LOT-2026-07C", new BigDecimal("45.00"),
            List.of("lamp", "Lampe", "Schreibtischlampe", "ランプ"));
    static final Product POWER_BANK_06B = new Product("POWERBANK-20K", "LOT-2026-06B", new BigDecimal("29.99"),
            POWER_BANK);
    static final Product POWER_BANK_09A = new Product("POWERBANK-20K", "LOT-2026-09A", new BigDecimal("29.99"),
            POWER_BANK);
    static final Product BIKE_HELMET = new Product("KIDS-BIKE-HELMET", "LOT-2026-05D", new BigDecimal("34.50"),
            List.of("helmet", "Helm", "casque", "ヘルメット"));
    static final Product YOGA_MAT = new Product("YOGA-MAT-PRO", "LOT-2026-04A", new BigDecimal("24.00"),
            List.of("yoga mat", "Yogamatte", "tapis de yoga", "ヨガマット"));
    static final Product SILK_SCARF = new Product("SILK-SCARF", "LOT-2026-09B", new BigDecimal("19.00"),
            List.of("scarf", "Schal", "Halstuch", "foulard", "écharpe", "スカーフ"));
    static final Product E_SCOOTER = new Product("E-SCOOTER-X1", "LOT-2026-03A", new BigDecimal("549.00"),
            List.of("scooter", "E-Scooter", "trottinette", "キックボード"));
    static final Product ROBOT_VACUUM = new Product("ROBOT-VACUUM-S7", "LOT-2026-06A", new BigDecimal("329.00"),
            List.of("vacuum", "Saugroboter", "Staubsauger", "aspirateur", "掃除機"));

    /** The catalogue the demo orders draw from (order matters: the generated orders pick by position). */
    static final List<Product> ALL = List.of(SWEATER_M, SWEATER_L, DESK_LAMP, POWER_BANK_06B, POWER_BANK_09A,
            BIKE_HELMET, YOGA_MAT, SILK_SCARF, E_SCOOTER, ROBOT_VACUUM);

    private DemoProducts() {
    }
}
