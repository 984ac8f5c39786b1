package com.helloword.aftersales.returns.api;

/**
 * Published (a Spring application event, inside the return step's transaction) when a return leaves an
 * SKU's return rate so far above its category's that the skuReturnAlert table raises the product-quality
 * alert. The quality capability pauses purchasing of the SKU until the product team's plan.
 */
public record SkuReturnRateAlert(String sku, String category, long returns, long shipped, double rate,
        double categoryRate) {
}
