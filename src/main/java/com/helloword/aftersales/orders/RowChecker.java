package com.helloword.aftersales.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.helloword.aftersales.casefile.OrderStatus;

/**
 * Field rules shared by the JSON and CSV readers. Each method returns the clean value, or null
 * after recording why the value cannot be taken.
 */
final class RowChecker {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern LANGUAGE = Pattern.compile("^([a-zA-Z]{2})(-[a-zA-Z]{2})?$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final int line;
    private final ProblemCollector problems;

    RowChecker(int line, ProblemCollector problems) {
        this.line = line;
        this.problems = problems;
    }

    int line() {
        return line;
    }

    void problem(String field, String reason) {
        problems.add(line, field, reason);
    }

    String required(String field, String value, int maxLength) {
        String v = blankToNull(value);
        if (v == null) {
            problem(field, "is required");
            return null;
        }
        return length(field, v, maxLength);
    }

    String optional(String field, String value, int maxLength) {
        String v = blankToNull(value);
        return v == null ? null : length(field, v, maxLength);
    }

    String email(String field, String value) {
        String v = required(field, value, 320);
        if (v != null && !EMAIL.matcher(v).matches()) {
            problem(field, "'" + v + "' is not an e-mail address");
            return null;
        }
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    /** An ISO 639-1 language, optionally with a region ({@code pt-BR}); kept as the lower-case language. */
    String language(String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        var m = LANGUAGE.matcher(v);
        if (!m.matches() || !LANGUAGES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            problem(field, "'" + v + "' is not an ISO 639-1 language code such as en, de or pt-BR");
            return null;
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    String country(String field, String value, boolean isRequired) {
        String v = blankToNull(value);
        if (v == null) {
            if (isRequired) {
                problem(field, "is required");
            }
            return null;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            problem(field, "'" + v + "' is not an ISO 3166 two-letter country code such as US, DE or JP");
            return null;
        }
        return upper;
    }

    String currency(String field, String value) {
        String v = required(field, value, 3);
        if (v == null) {
            return null;
        }
        try {
            return Currency.getInstance(v.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            problem(field, "'" + v + "' is not an ISO 4217 currency code such as USD, EUR or JPY");
            return null;
        }
    }

    /** An ISO-8601 time with an offset; kept in UTC, to the second (as every database stores it). */
    Instant instant(String field, String value, boolean isRequired) {
        String v = blankToNull(value);
        if (v == null) {
            if (isRequired) {
                problem(field, "is required");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            problem(field, "'" + v + "' is not an ISO-8601 time with offset, e.g. 2026-11-02T09:30:00Z");
            return null;
        }
    }

    OrderStatus status(String field, String value) {
        String v = required(field, value, 16);
        if (v == null) {
            return null;
        }
        try {
            return OrderStatus.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(field, "'" + v + "' is not one of PLACED, SHIPPED, DELIVERED, CANCELLED, RETURNED");
            return null;
        }
    }

    Integer positiveInt(String field, String value) {
        String v = required(field, value, 10);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(field, "'" + v + "' is not a whole number above zero");
        return null;
    }

    BigDecimal money(String field, String value) {
        String v = required(field, value, 24);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(v);
            if (amount.signum() < 0) {
                problem(field, "'" + v + "' is negative");
            } else if (amount.scale() > 4) {
                problem(field, "'" + v + "' has more than 4 decimal places");
            } else if (amount.precision() - amount.scale() > 15) {
                problem(field, "'" + v + "' is too large");
            } else {
                return amount;
            }
        } catch (NumberFormatException e) {
            problem(field, "'" + v + "' is not a decimal amount such as 19.99");
        }
        return null;
    }

    void notBefore(String field, Instant later, String earlierField, Instant earlier) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            problem(field, "is before " + earlierField);
        }
    }

    private String length(String field, String v, int maxLength) {
        if (v.length() > maxLength) {
            problem(field, "is longer than " + maxLength + " characters");
            return null;
        }
        return v;
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
