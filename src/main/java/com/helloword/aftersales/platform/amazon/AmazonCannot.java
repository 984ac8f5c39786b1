package com.helloword.aftersales.platform.amazon;

import static com.helloword.aftersales.platform.amazon.AmazonAdapter.AMAZON;

import com.helloword.aftersales.integration.PlatformCannotException;

/**
 * What the SP-API has no (safe) operation for, each with what a person does in Seller Central instead. The
 * adapter answers these port operations with {@link #answer}, without a call to Amazon.
 */
enum AmazonCannot {

    EXCHANGE_ORDER("create an exchange order for order ", "Amazon has no API to place an order for a buyer; for "
            + "stock in Amazon's warehouses create a Multi-Channel Fulfillment order to the buyer's address in Seller "
            + "Central (Orders > Create MCF Order), otherwise ship the replacement yourself, and note it on the case"),
    /** Not driven: see the adapter's class comment on the order adjustment feed. */
    REFUND("refund order ", "refund in Seller Central (Orders > Manage Orders > Refund order); the API's only way is "
            + "the order adjustment feed, processed hours later and without protection against refunding twice"),
    PARTIAL_REFUND_OFFER("offer a partial refund", "Amazon has no offer to the buyer; propose the amount in Seller "
            + "Central (Buyer-Seller Messages) and, once accepted, refund it there (Orders > Manage Orders > Refund "
            + "order)"),
    HOLD("hold order ", "Amazon has no order hold; keep a seller-fulfilled order from being shipped in your own "
            + "warehouse, or cancel it in Seller Central; for an order Amazon fulfils (FBA), contact Seller Support "
            + "before it ships"),
    RELEASE("release order ", "this system never places a hold on Amazon; lift the stop where it was set (your "
            + "warehouse)"),
    READ_CLAIM("read A-to-z claim ", "the SP-API has no A-to-z Guarantee claims; open the claim in Seller Central "
            + "(Performance > A-to-z Guarantee Claims)"),
    ANSWER_CLAIM("answer A-to-z claim ", "answer it in Seller Central (Performance > A-to-z Guarantee Claims): "
            + "refund, or give tracking and a note there");

    private final String operation;
    private final String instead;

    AmazonCannot(String operation, String instead) {
        this.operation = operation;
        this.instead = instead;
    }

    /** The answer for this operation on {@code subject} (an order or claim id, or nothing). */
    PlatformCannotException answer(String subject) {
        return new PlatformCannotException(AMAZON, operation + subject, instead);
    }
}
