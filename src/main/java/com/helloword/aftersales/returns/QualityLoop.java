package com.helloword.aftersales.returns;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.helloword.aftersales.casefile.BuyerTier;
import com.helloword.aftersales.workflow.LatestDecisions;

/**
 * The product-quality loop and the serial-returner flag, by the designers' tables {@code skuReturnAlert}
 * and {@code serialReturner} (dmn/quality-loop.dmn), each in its latest deployed version.
 */
@Service
public class QualityLoop {

    private final LatestDecisions decisions;

    QualityLoop(LatestDecisions decisions) {
        this.decisions = decisions;
    }

    /**
     * Whether an SKU raises the product-quality alert: its return rate (0..1) is too far above its category's
     * average, and enough units were shipped to tell (how far and how many: the skuReturnAlert table).
     */
    public boolean skuAlert(double skuRate, double categoryAverage, int shipped) {
        return Boolean.TRUE.equals(decisions.evaluate("skuReturnAlert", Map.of("skuReturnRate", skuRate,
                "categoryAverageRate", categoryAverage, "skuShipped", shipped)).output("alert"));
    }

    /** Whether a buyer with this many change-of-mind returns in 12 months is a serial returner. */
    public boolean serialReturner(int changedMindReturns12m, String tier) {
        String buyerTier = tier == null ? BuyerTier.NEW.name() : tier.trim().toUpperCase(Locale.ROOT);
        return Boolean.TRUE.equals(decisions.evaluate("serialReturner", Map.of("changedMindReturns12m",
                changedMindReturns12m, "buyerTier", buyerTier)).output("serialReturner"));
    }
}
