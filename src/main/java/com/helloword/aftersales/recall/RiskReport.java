package com.helloword.aftersales.recall;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stage 1's risk report, made at once when a recall starts (and again after each monitoring period): what
 * was sold and is still travelling, who has it, what buyers complained of, and which authorities are
 * concerned. Kept on the recall as JSON, so a decision can be read against the figures it was made on.
 *
 * @param unitsSold units shipped or delivered (the buyer has or will have them)
 * @param unitsInTransit of those, units shipped and not yet delivered
 * @param unitsNotShipped units of orders still PLACED: they can still be stopped
 */
public record RiskReport(Instant madeAt, Figures unitsSold, Figures unitsInTransit, long unitsNotShipped,
        long affectedOrders, Map<String, Long> affectedOrdersByCountry, long affectedBuyers,
        Map<String, Long> affectedBuyersByCountry, int safetyCases, Map<String, Integer> safetyCasesByBatch,
        List<Regulator> regulators) {

    public record Figures(long total, Map<String, Long> byCountry, Map<String, Long> byBatch) {
    }

    /** An authority concerned, as the recallMarketRules table names it for a destination country. */
    public record Regulator(String country, String authority, String authorityName, String filingDeadline) {
    }
}
