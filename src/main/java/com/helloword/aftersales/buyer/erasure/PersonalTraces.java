package com.helloword.aftersales.buyer.erasure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What marks a text as the buyer's: their e-mail address, their name, the subjects and bodies of their case's
 * messages. Compared in a plain form (lower case, anything but letters and digits as one space), so the
 * prepared text a decision read ("which size should i order") still matches the message it came from.
 */
final class PersonalTraces {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Shorter pieces (a two-letter name, "Hi") would match nearly anything. */
    private static final int SHORTEST = 4;

    /** A quote of this many words of a message counts as the message; fewer could be anyone's ("where is my"). */
    static final int QUOTED_WORDS = 5;

    private final Set<String> needles = new LinkedHashSet<>();

    private PersonalTraces(Collection<String> texts, boolean quotes) {
        for (String text : texts) {
            String plain = plain(text);
            if (plain.length() < SHORTEST || plain.equals(plain(ErasureMarks.ERASED))) {
                continue;
            }
            needles.add(plain);
            String[] words = plain.split(" ");
            for (int start = 0; quotes && start + QUOTED_WORDS <= words.length; start++) {
                needles.add(String.join(" ", Arrays.copyOfRange(words, start, start + QUOTED_WORDS)));
            }
        }
    }

    /** The texts whole: for places other buyers share (a decision evaluated outside any process). */
    static PersonalTraces whole(Collection<String> texts) {
        return new PersonalTraces(texts, false);
    }

    /** The texts and any {@value #QUOTED_WORDS} words in a row of them: for places that are the buyer's. */
    static PersonalTraces quoted(Collection<String> texts) {
        return new PersonalTraces(texts, true);
    }

    static String plain(String text) {
        return text == null ? "" : NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    boolean isEmpty() {
        return needles.isEmpty();
    }

    boolean foundIn(Object value) {
        if (value == null || needles.isEmpty()) {
            return false;
        }
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value.toString();
        String plain = " " + plain(text) + " ";
        return needles.stream().anyMatch(needle -> plain.contains(" " + needle + " "));
    }
}
