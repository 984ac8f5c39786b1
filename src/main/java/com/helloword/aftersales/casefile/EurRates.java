package com.helloword.aftersales.casefile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many EUR one unit of a currency is worth, for grading by order value (a setting, updated by
 * whoever runs the shop; not a live rate). A currency without a rate counts as worth nothing extra.
 */
@ConfigurationProperties("aftersales.currency")
public record EurRates(Map<String, BigDecimal> eurRates) {

    public BigDecimal toEur(BigDecimal amount, String currency) {
        if (amount == null || currency == null || eurRates == null || !eurRates.containsKey(currency)) {
            return BigDecimal.ZERO;
        }
        return amount.multiply(eurRates.get(currency)).setScale(2, RoundingMode.HALF_UP);
    }
}
