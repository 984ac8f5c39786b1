package com.helloword.aftersales.recall;

/**
 * One affected order line of a notice as the buyer's mail and page show it: the order's number at the
 * platform, the store, the product as the store calls it, the batch and how many units of it are affected.
 */
record RecallNoticeLine(Long orderId, Integer lineNo, String platformOrderId, String storeName, String title,
        String sku, String batchLot, Long units) {

    /** The product's name as the store calls it, else the SKU. */
    String product() {
        return title == null || title.isBlank() ? sku : title;
    }
}
