package com.helloword.aftersales.casework.escalation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A buyer's message as the tables read it. {@code words}: the buyer's own words, cut into words, clauses
 * and sentences for the phrase table ({@link BuyerWords}, {@link GradingPhrases}); {@code text}: the same
 * own words in lower case with punctuation turned into spaces, padded with spaces so a keyword
 * {@code " damag"} matches the start of a word (the knowledge-base table reads it); {@code wholeMessage}: the
 * whole message in lower case, quoted replies included, which are written in the buyer's language too (language
 * detection reads it).
 */
public record PreparedText(String text, BuyerWords words, String wholeMessage) {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}'-]+");

    public static PreparedText of(String subject, String body) {
        BuyerWords words = BuyerWords.of(subject, body);
        String spaced = NOT_A_WORD.matcher(words.plain()).replaceAll(" ").strip();
        String whole = ((subject == null ? "" : subject) + "\n" + (body == null ? "" : body)).toLowerCase(Locale.ROOT);
        return new PreparedText(spaced.isEmpty() ? " " : " " + spaced + " ", words, whole);
    }
}
