package com.helloword.aftersales.orders;

/** The fields of an order import, with their names in the JSON and the CSV format. */
enum OrderField {
    STORE_ID("storeId", "store_id"),
    PLATFORM_ORDER_ID("platformOrderId", "platform_order_id"),
    BUYER_EMAIL("buyer.email", "buyer_email"),
    BUYER_NAME("buyer.name", "buyer_name"),
    BUYER_LANGUAGE("buyer.language", "buyer_language"),
    BUYER_COUNTRY("buyer.country", "buyer_country"),
    DESTINATION_COUNTRY("destinationCountry", "destination_country"),
    CURRENCY("currency", "currency"),
    ORDERED_AT("orderedAt", "ordered_at"),
    SHIPPED_AT("shippedAt", "shipped_at"),
    DELIVERED_AT("deliveredAt", "delivered_at"),
    CARRIER("carrier", "carrier"),
    TRACKING_NUMBER("trackingNumber", "tracking_number"),
    /** Optional: the payment's id at the payment provider (PayPal's transaction id), how a PayPal dispute names the order. */
    PAYMENT_REFERENCE("paymentReference", "payment_reference"),
    STATUS("status", "status"),
    SKU("sku", "sku"),
    BATCH("batch", "batch"),
    /** Optional: the product's title as the store shows it to buyers. */
    TITLE("title", "title"),
    QUANTITY("quantity", "quantity"),
    UNIT_PRICE("unitPrice", "unit_price");

    final String jsonName;
    final String csvName;

    OrderField(String jsonName, String csvName) {
        this.jsonName = jsonName;
        this.csvName = csvName;
    }
}
