package com.helloword.aftersales.casefile;

/** RFM tiers (recency, frequency, monetary), lowest first. */
public enum BuyerTier {
    NEW, GROWING, VALUED, LOYAL, DIAMOND
}
