package com.helloword.aftersales.incident;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.web.FieldProblem;

/**
 * A batch incident as a manager declares it ({@code POST /api/incidents} or the Tasklist start form), as given:
 * text, so that each field that is wrong is named. {@link #check} turns it into a {@link Checked} declaration or
 * names every problem.
 */
record IncidentDeclaration(SelectorInput selector, String cause, List<OptionInput> options, String message) {

    static final int OPTIONS = 3;
    static final int MAX_MESSAGE = 2000;

    record SelectorInput(String carrier, String destinationCountry, String shippedFrom, String shippedTo,
            List<String> storeIds, String trackingStatus) {
    }

    record OptionInput(String remedy, Object amount, Object percent, String currency) {
    }

    /** A declaration that holds: what the incident is made of. */
    record Checked(IncidentSelector selector, String cause, List<Option> options, String message) {
    }

    record Option(IncidentRemedy remedy, BigDecimal amount, Integer percent, String currency) {
    }

    /** Checks every field; {@code storeExists} answers whether a store id is one of the seller's stores. */
    Checked check(Predicate<String> storeExists, List<FieldProblem> problems) {
        IncidentSelector checkedSelector = checkSelector(storeExists, problems);
        String checkedCause = null;
        if (cause == null || cause.isBlank()) {
            problems.add(FieldProblem.of("cause", "is required: a code such as CUSTOMS_HOLD, CARRIER_DELAY, "
                    + "LOST_IN_TRANSIT, DAMAGED_IN_TRANSIT or WEATHER"));
        } else {
            checkedCause = cause.strip().toUpperCase(Locale.ROOT);
            if (!checkedCause.matches("[A-Z][A-Z0-9_]{1,39}")) {
                problems.add(FieldProblem.of("cause", "'" + cause + "' is not a code of capital letters and"
                        + " underscores (2 to 40), such as CUSTOMS_HOLD"));
            }
        }
        List<Option> checkedOptions = checkOptions(problems);
        String checkedMessage = message == null || message.isBlank() ? null : message.strip();
        if (checkedMessage != null && checkedMessage.length() > MAX_MESSAGE) {
            problems.add(FieldProblem.of("message", "is longer than " + MAX_MESSAGE + " characters"));
        }
        return problems.isEmpty() ? new Checked(checkedSelector, checkedCause, checkedOptions, checkedMessage) : null;
    }

    private IncidentSelector checkSelector(Predicate<String> storeExists, List<FieldProblem> problems) {
        if (selector == null) {
            problems.add(FieldProblem.of("selector", "is required: {carrier?, destinationCountry?, shippedFrom?,"
                    + " shippedTo?, storeIds?, trackingStatus?} with at least one of them"));
            return null;
        }
        String carrier = blankToNull(selector.carrier());
        String country = blankToNull(selector.destinationCountry());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) {
                problems.add(FieldProblem.of("selector.destinationCountry", "'" + selector.destinationCountry()
                        + "' is not a two-letter country code such as FR"));
            }
        }
        Instant from = instant("selector.shippedFrom", selector.shippedFrom(), problems);
        Instant to = instant("selector.shippedTo", selector.shippedTo(), problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(FieldProblem.of("selector.shippedTo", "must be after shippedFrom"));
        }
        List<String> stores = new ArrayList<>();
        List<String> given = selector.storeIds() == null ? List.of() : selector.storeIds();
        for (int i = 0; i < given.size(); i++) {
            String store = blankToNull(given.get(i));
            if (store == null) {
                problems.add(FieldProblem.of("selector.storeIds[" + i + "]", "is empty"));
            } else if (!storeExists.test(store)) {
                problems.add(FieldProblem.of("selector.storeIds[" + i + "]", "no store " + store));
            } else if (!stores.contains(store)) {
                stores.add(store);
            }
        }
        String status = blankToNull(selector.trackingStatus());
        if (status != null) {
            status = status.toUpperCase(Locale.ROOT);
            try {
                TrackingStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("selector.trackingStatus", "'" + selector.trackingStatus()
                        + "' is not one of " + List.of(TrackingStatus.values())));
            }
        }
        IncidentSelector checked = new IncidentSelector(carrier, country, from, to, stores, status);
        if (checked.empty() && given.isEmpty()) {
            problems.add(FieldProblem.of("selector", "is empty: name at least one of carrier, destinationCountry,"
                    + " shippedFrom, shippedTo, storeIds, trackingStatus"));
        }
        return checked;
    }

    private List<Option> checkOptions(List<FieldProblem> problems) {
        if (options == null || options.size() != OPTIONS) {
            problems.add(FieldProblem.of("options", "must be exactly three remedies to choose from, not "
                    + (options == null ? "none" : options.size())));
            return List.of();
        }
        List<Option> checked = new ArrayList<>();
        Set<Option> seen = new HashSet<>();
        for (int i = 0; i < OPTIONS; i++) {
            String field = "options[" + i + "]";
            OptionInput input = options.get(i);
            if (input == null || blankToNull(input.remedy()) == null) {
                problems.add(FieldProblem.of(field + ".remedy", "is required: one of "
                        + List.of(IncidentRemedy.values())));
                continue;
            }
            IncidentRemedy remedy;
            try {
                remedy = IncidentRemedy.valueOf(input.remedy().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of(field + ".remedy", "'" + input.remedy() + "' is not one of "
                        + List.of(IncidentRemedy.values())));
                continue;
            }
            int before = problems.size();
            BigDecimal amount = decimal(field + ".amount", input.amount(), problems);
            Integer percent = whole(field + ".percent", input.percent(), problems);
            String currency = currency(field + ".currency", input.currency(), problems);
            if (problems.size() > before) {
                continue;
            }
            switch (remedy) {
                case COUPON -> {
                    require(amount != null && currency != null, field, "a coupon needs amount and currency", problems);
                    require(percent == null, field + ".percent", "a coupon is an amount, not a percent", problems);
                }
                case PARTIAL_REFUND -> {
                    require(percent != null ^ amount != null, field,
                            "a partial refund needs either percent (1 to 99) or amount and currency", problems);
                    require(percent == null || (percent >= 1 && percent <= 99), field + ".percent",
                            "must be 1 to 99", problems);
                    require(amount == null || currency != null, field + ".currency",
                            "is required with an amount", problems);
                }
                default -> require(amount == null && percent == null, field, remedy
                        + " takes no amount or percent", problems);
            }
            Option option = new Option(remedy, amount, percent, amount == null ? null : currency);
            if (problems.size() == before && !seen.add(option)) {
                problems.add(FieldProblem.of(field, "offers the same remedy as an option before it"));
            }
            checked.add(option);
        }
        return checked;
    }

    private static void require(boolean holds, String field, String reason, List<FieldProblem> problems) {
        if (!holds) {
            problems.add(FieldProblem.of(field, reason));
        }
    }

    private static Instant instant(String field, String value, List<FieldProblem> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "'" + value + "' is not an ISO-8601 instant such as"
                    + " 2026-12-01T00:00:00Z"));
            return null;
        }
    }

    private static BigDecimal decimal(String field, Object value, List<FieldProblem> problems) {
        String text = value == null ? null : blankToNull(String.valueOf(value));
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(BigDecimal.valueOf(100_000)) > 0) {
                problems.add(FieldProblem.of(field, "must be more than 0 and at most 100000, with at most 2"
                        + " decimals"));
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "'" + value + "' is not a number"));
            return null;
        }
    }

    private static Integer whole(String field, Object value, List<FieldProblem> problems) {
        BigDecimal number = value == null ? null : decimal(field, value, problems);
        if (number == null) {
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            problems.add(FieldProblem.of(field, "'" + value + "' is not a whole number"));
            return null;
        }
        return number.intValue();
    }

    private static String currency(String field, String value, List<FieldProblem> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Currency.getInstance(text.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "'" + value + "' is not an ISO 4217 currency such as EUR"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
