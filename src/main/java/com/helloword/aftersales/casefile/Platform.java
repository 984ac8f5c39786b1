package com.helloword.aftersales.casefile;

/** The marketplace a store sells on. */
public enum Platform {
    AMAZON, EBAY, SHOPIFY, ALIEXPRESS
}
