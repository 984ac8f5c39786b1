package com.helloword.aftersales.demo;

import java.util.Currency;
import java.util.List;

import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.casefile.Store;

/**
 * The demo seller's stores. Marketplace ids are the platforms' published ones (Amazon marketplace
 * ids, eBay marketplace ids, Shopify shop domains); credentials are only named, never stored.
 */
final class DemoStores {

    private static final String SP_API_NA = "https://sellingpartnerapi-na.amazon.com";
    private static final String SP_API_EU = "https://sellingpartnerapi-eu.amazon.com";
    private static final String SP_API_FE = "https://sellingpartnerapi-fe.amazon.com";
    private static final String EBAY = "https://api.ebay.com";

    static final List<Store> ALL = List.of(
            store("amazon-us", "Helloword Amazon US", Platform.AMAZON, "US", "USD", "en", "America/Los_Angeles")
                    .connection("A3DEMOSELLERUS", "ATVPDKIKX0DER", SP_API_NA, "amazon-na"),
            store("amazon-de", "Helloword Amazon DE", Platform.AMAZON, "DE", "EUR", "de", "Europe/Berlin")
                    .connection("A3DEMOSELLEREU", "A1PA6795UKMFR9", SP_API_EU, "amazon-eu"),
            store("amazon-fr", "Helloword Amazon FR", Platform.AMAZON, "FR", "EUR", "fr", "Europe/Paris")
                    .connection("A3DEMOSELLEREU", "A13V1IB3VIYZZH", SP_API_EU, "amazon-eu"),
            store("amazon-uk", "Helloword Amazon UK", Platform.AMAZON, "GB", "GBP", "en", "Europe/London")
                    .connection("A3DEMOSELLEREU", "A1F83G8C2ARO7P", SP_API_EU, "amazon-eu"),
            store("amazon-jp", "Helloword Amazon JP", Platform.AMAZON, "JP", "JPY", "ja", "Asia/Tokyo")
                    .connection("A3DEMOSELLERFE", "A1VC38T7YXB528", SP_API_FE, "amazon-fe"),
            store("amazon-ae", "Helloword Amazon AE", Platform.AMAZON, "AE", "AED", "ar", "Asia/Dubai")
                    .connection("A3DEMOSELLEREU", "A2VIGQ35RCS4UG", SP_API_EU, "amazon-eu"),
            store("ebay-us", "Helloword eBay US", Platform.EBAY, "US", "USD", "en", "America/New_York")
                    .connection("helloword_us", "EBAY_US", EBAY, "ebay"),
            store("ebay-de", "Helloword eBay DE", Platform.EBAY, "DE", "EUR", "de", "Europe/Berlin")
                    .connection("helloword_de", "EBAY_DE", EBAY, "ebay"),
            store("ebay-uk", "Helloword eBay UK", Platform.EBAY, "GB", "GBP", "en", "Europe/London")
                    .connection("helloword_uk", "EBAY_GB", EBAY, "ebay"),
            store("shopify-us", "Helloword Shop US", Platform.SHOPIFY, "US", "USD", "en", "America/New_York")
                    .connection("helloword-us.myshopify.com", null, "https://helloword-us.myshopify.com",
                            "shopify-us"),
            store("shopify-fr", "Helloword Boutique FR", Platform.SHOPIFY, "FR", "EUR", "fr", "Europe/Paris")
                    .connection("helloword-fr.myshopify.com", null, "https://helloword-fr.myshopify.com",
                            "shopify-fr"));

    private DemoStores() {
    }

    private static Store store(String id, String name, Platform platform, String country, String currency,
            String language, String timeZone) {
        return new Store(id, name, platform, country, Currency.getInstance(currency), language, timeZone);
    }
}
