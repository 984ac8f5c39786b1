package com.helloword.aftersales.casefile;

import java.util.Currency;

/** How many decimals a currency writes money with (2 for EUR, 0 for JPY): 2 when it is unknown or has none. */
public final class CurrencyDigits {

    private CurrencyDigits() {
    }

    public static int minorDigits(String currency) {
        try {
            int digits = currency == null ? 2 : Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }
}
