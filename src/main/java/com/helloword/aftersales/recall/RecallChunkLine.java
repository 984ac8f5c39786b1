package com.helloword.aftersales.recall;

/** A {@link RecallNoticeLine} with the notice it belongs to, as {@link RecallBuyerQueries#linesOfNotices} reads a chunk's. */
record RecallChunkLine(Long noticeId, Long orderId, Integer lineNo, String platformOrderId, String storeName,
        String title, String sku, String batchLot, Long units) {

    RecallNoticeLine line() {
        return new RecallNoticeLine(orderId, lineNo, platformOrderId, storeName, title, sku, batchLot, units);
    }
}
