package com.helloword.aftersales.platform.paypal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Carrier names for {@code tracking_info.carrier_name} of the Disputes API v1. PayPal's enum has
 * several hundred codes; the common ones of cross-border sellers are known here, a few spellings
 * are mapped to them, and any other carrier goes as {@code OTHER} with its name in
 * {@code carrier_name_other}, as the reference asks.
 */
final class PaypalCarriers {

    static final String OTHER = "OTHER";

    /** Codes from PayPal's {@code carrier_name} enum. */
    private static final Set<String> CODES = Set.of("UPS", "USPS", "FEDEX", "DHL", "TNT", "ROYAL_MAIL", "PARCELFORCE",
            "CANADA_POST", "PUROLATOR", "CANPAR", "AUSTRALIA_POST", "NZ_POST", "JAPAN_POST", "KOREA_POST",
            "CHINA_POST", "CN_EMS", "HONGKONG_POST", "SINGPOST", "INDIA_POST", "THAILAND_POST", "MALAYSIA_POST",
            "VIETNAM_POST", "RUSSIAN_POST", "ISRAEL_POST", "EMIRATES_POST", "POSTNL", "LA_POSTE", "CHRONOPOST",
            "COLIS_PRIVE", "POSTE_ITALIANE", "CORREOS_DE_ESPANA", "SWISS_POST", "AUSTRIAN_POST", "BPOST", "AN_POST",
            "POSTI", "BRING", "OMNIVA", "DPD", "GLS", "HERMES", "YODEL", "ONTRAC", "US_LASERSHIP", "ARAMEX",
            "YANWEN", "YUNEXPRESS", "CAINIAO", "SF_EXPRESS", "YTO", "CJPACKET", "FOUR_PX_EXPRESS", "SFC_EXPRESS",
            "WINIT", "JTEXPRESS", "ASENDIA_USA", "LANDMARK_GLOBAL", "SPRING_GDS", "PITNEY_BOWES",
            "UPS_MAIL_INNOVATIONS", "DHL_GLOBAL_ECOMMERCE", "DHL_PACKET", "DHL_DEUTSCHE_POST", "AMAZON");

    /** Other spellings of the same carriers, after {@link #normal}. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("FEDERAL_EXPRESS", "FEDEX"),
            Map.entry("DHL_EXPRESS", "DHL"),
            Map.entry("ROYALMAIL", "ROYAL_MAIL"),
            Map.entry("4PX", "FOUR_PX_EXPRESS"),
            Map.entry("YUN_EXPRESS", "YUNEXPRESS"),
            Map.entry("EMS", "CN_EMS"),
            Map.entry("CHINA_EMS", "CN_EMS"),
            Map.entry("EPACKET", "CHINA_POST"),
            Map.entry("SF", "SF_EXPRESS"),
            Map.entry("SFC", "SFC_EXPRESS"),
            Map.entry("J_T_EXPRESS", "JTEXPRESS"),
            Map.entry("DEUTSCHE_POST", "DHL_DEUTSCHE_POST"),
            Map.entry("LASERSHIP", "US_LASERSHIP"),
            Map.entry("POST_NL", "POSTNL"));

    private PaypalCarriers() {
    }

    /** {@code carrier_name}, plus {@code carrier_name_other} for a carrier PayPal has no code for here. */
    static Map<String, Object> tracking(String carrier) {
        String normal = normal(carrier);
        String code = ALIASES.getOrDefault(normal, CODES.contains(normal) ? normal : OTHER);
        Map<String, Object> tracking = new LinkedHashMap<>();
        tracking.put("carrier_name", code);
        if (OTHER.equals(code)) {
            tracking.put("carrier_name_other", carrier.strip());
        }
        return tracking;
    }

    /** {@code "J&T Express"} → {@code J_T_EXPRESS}. */
    static String normal(String carrier) {
        return carrier.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
