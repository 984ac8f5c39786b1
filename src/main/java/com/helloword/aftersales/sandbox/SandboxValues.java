package com.helloword.aftersales.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

import com.helloword.aftersales.casefile.Buyer;

/** Values the sandboxes derive the same way each time: ids from seeds, amounts, times, buyer names. */
final class SandboxValues {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private SandboxValues() {
    }

    /** {@code count} decimal digits derived from {@code seed}: stable ids for things the case file has no id for. */
    static String digits(String seed, int count) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder digits = new StringBuilder(count);
            for (int i = 0; digits.length() < count; i++) {
                digits.append(Math.floorMod(hash[i % hash.length] + i, 10));
            }
            return digits.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The amount with its currency's minor units (2 for EUR, 0 for JPY). */
    static BigDecimal scaled(BigDecimal amount, String currency) {
        int minor = Currency.getInstance(currency).getDefaultFractionDigits();
        return amount.setScale(Math.max(minor, 0), RoundingMode.HALF_UP);
    }

    /** An instant with milliseconds, as most providers write them: {@code 2026-03-02T09:14:27.000Z}. */
    static String millis(Instant instant) {
        return MILLIS.format(instant);
    }

    /** The buyer's marketplace user name: the local part of the e-mail address, in a user name's characters. */
    static String username(Buyer buyer) {
        String email = buyer.getEmail();
        String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        return local.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    }

    /** A SKU as a product title: {@code KNIT-SWEATER-M} becomes {@code Knit Sweater M}. */
    static String title(String sku) {
        StringBuilder title = new StringBuilder();
        for (String word : sku.split("[-_ ]+")) {
            if (!word.isEmpty()) {
                title.append(title.isEmpty() ? "" : " ").append(word.charAt(0))
                        .append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return title.toString();
    }
}
