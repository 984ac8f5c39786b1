package com.helloword.aftersales.platform;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an address line into street and house number, because carriers such as DHL want them apart and
 * refuse a house number inside the street. Marketplaces deliver one free-text line ("Hauptstraße 5",
 * "5 Rue de la Paix", "Calle Mayor 12, 3º"); the splitter knows the two orders in which Europe and the
 * English-speaking world write them and tries the one usual in the address's country first.
 * <p>
 * What follows the number after a comma or an apartment marker (floor, door, "m. 5", "Whg. 3") stays with
 * the house number, so nothing the courier needs is lost. A line without a recognisable number is not
 * guessed at: the house number is then empty and the caller decides (ask the buyer, or let a person copy it).
 */
public final class StreetSplitter {

    /** A street and its house number; the number is empty when the line had none that could be told apart. */
    public record Split(String street, String houseNumber) {

        public boolean complete() {
            return !houseNumber.isEmpty();
        }
    }

    /** Countries that write the number before the street. */
    private static final Set<String> NUMBER_FIRST = Set.of("US", "CA", "GB", "IE", "FR", "AU", "NZ", "MC", "SG",
            "IL", "IN", "PH", "ZA");

    private static final String LETTER_SUFFIX = "(?:[A-Za-z]{1,3}(?![\\p{L}])|\\s[A-Za-z](?![\\p{L}.]))";
    private static final String NUMBER = "\\d{1,5}" + LETTER_SUFFIX + "?"
            + "(?:\\s?(?:bis|ter|quater)(?![\\p{L}]))?"
            + "(?:\\s?[-/]\\s?(?:\\d{1,5}[A-Za-z]?(?![\\p{L}])|[A-Za-z](?![\\p{L}]))){0,2}";
    /** Floor, door or flat after the number: "12, 3º", "10 m. 5", "7 int. 2", "5 Whg. 3" (Austria writes "3/2/14"). */
    private static final String EXTRA = "(?:\\s*,\\s*(?<extra>.+)|\\s+(?<marker>(?:m|lok|apt|app|whg|int|esc|piso"
            + "|puerta|porta|bus|boîte|bte)\\.?\\s*\\S.*))";
    private static final Pattern NUMBER_LAST = Pattern.compile(
            "^(?<street>.*?\\p{L}.*?)(?:[\\s,]+|(?<=\\.))(?<number>" + NUMBER + ")" + EXTRA + "?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LEADING = Pattern.compile(
            "^(?<number>" + NUMBER + ")\\s*,?\\s+(?<street>\\p{L}.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TWO_LETTERS = Pattern.compile("\\p{L}.*\\p{L}");

    private StreetSplitter() {
    }

    /** Splits one address line, trying the order usual in the country (ISO 3166 alpha-2, may be null) first. */
    public static Split split(String line, String countryCode) {
        String text = normalise(line);
        if (text.isEmpty()) {
            return new Split("", "");
        }
        boolean numberFirst = countryCode != null && NUMBER_FIRST.contains(countryCode.toUpperCase(Locale.ROOT));
        Split found = numberFirst ? leading(text) : trailing(text);
        if (found == null) {
            found = numberFirst ? trailing(text) : leading(text);
        }
        return found != null ? found : new Split(text, "");
    }

    /**
     * Splits a marketplace address with two lines: the first line if it holds street and number; else the
     * second (first line a company or "c/o"); else both read as one ("Hauptstraße" + "5"). When nothing splits,
     * the street is the first line and the house number empty.
     */
    public static Split split(String line1, String line2, String countryCode) {
        Split first = split(line1, countryCode);
        String second = normalise(line2);
        if (first.complete() || second.isEmpty()) {
            return first.street().isEmpty() ? split(line2, countryCode) : first;
        }
        Split other = split(second, countryCode);
        if (other.complete()) {
            return other;
        }
        Split joined = split(normalise(line1) + " " + second, countryCode);
        return joined.complete() ? joined : first;
    }

    private static Split trailing(String text) {
        Matcher m = NUMBER_LAST.matcher(text);
        if (!m.matches() || !TWO_LETTERS.matcher(m.group("street")).find()) {
            return null;
        }
        String street = m.group("street").replaceAll("[\\s,]+$", "");
        return new Split(street, withExtra(m.group("number"), m));
    }

    private static Split leading(String text) {
        Matcher m = LEADING.matcher(text);
        if (!m.matches() || !TWO_LETTERS.matcher(m.group("street")).find()) {
            return null;
        }
        return new Split(m.group("street").strip(), m.group("number").strip());
    }

    private static String withExtra(String number, Matcher m) {
        String extra = m.group("extra");
        String marker = m.group("marker");
        if (extra != null) {
            return number + ", " + extra.strip();
        }
        return marker != null ? number + " " + marker.strip() : number;
    }

    private static String normalise(String line) {
        return line == null ? "" : line.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
