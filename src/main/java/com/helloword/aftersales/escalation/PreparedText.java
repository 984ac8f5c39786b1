package com.helloword.aftersales.escalation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A buyer's message as the grading tables read it: lower case, punctuation turned into spaces,
 * padded with spaces so a keyword " damag" matches the start of a word. {@code affirmed} is the same
 * text with the few words after a negation removed, clause by clause ("no damage at all, thanks" keeps
 * only "thanks"), so that denials do not count as complaints. Which words mean what is the tables'
 * business; this class only knows how negation is written in the team languages.
 */
public record PreparedText(String text, String affirmed) {

    private static final Pattern CLAUSE = Pattern.compile("[.,;:!?¡¿。、！？،؛\\n]+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}'-]+");
    private static final int NEGATION_REACH = 3;
    private static final Set<String> NEGATIONS = Set.of(
            "no", "not", "never", "without", "none", "nothing", "isn't", "wasn't", "aren't", "doesn't", "didn't",
            "kein", "keine", "keinen", "keinerlei", "nicht", "nie", "ohne",
            "pas", "sans", "aucun", "aucune", "jamais", "ni",
            "sin", "ningún", "ninguna", "nunca",
            "non", "senza", "nessun", "nessuna", "mai",
            "geen", "niet", "zonder", "nooit",
            "bez", "żadnego", "żadnych",
            "inte", "ingen", "inga", "utan", "aldrig",
            "não", "sem", "nenhum", "nenhuma",
            "لا", "ليس", "غير", "بدون", "لم");
    private static final Set<Character> CJK_NEGATIONS = Set.of('不', '没', '未', '无', '無');

    public static PreparedText of(String subject, String body) {
        String raw = ((subject == null ? "" : subject) + "\n" + (body == null ? "" : body));
        String lower = Normalizer.normalize(raw, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('’', '\'');
        StringBuilder text = new StringBuilder(" ");
        StringBuilder affirmed = new StringBuilder(" ");
        for (String clause : CLAUSE.split(lower)) {
            List<String> words = new ArrayList<>();
            for (String word : NOT_A_WORD.split(clause)) {
                if (!word.isBlank()) {
                    words.add(word);
                }
            }
            int skip = 0;
            for (String word : words) {
                text.append(word).append(' ');
                if (skip > 0) {
                    skip--;
                } else if (NEGATIONS.contains(word) || word.endsWith("n't")) {
                    skip = NEGATION_REACH;
                    affirmed.append(word).append(' ');
                } else {
                    affirmed.append(withoutCjkNegations(word)).append(' ');
                }
            }
        }
        return new PreparedText(text.toString(), affirmed.toString());
    }

    /** In Chinese the negation stands right before what it denies: 没有损坏 (no damage) loses the denied part. */
    private static String withoutCjkNegations(String word) {
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            if (CJK_NEGATIONS.contains(word.charAt(i))) {
                kept.append(' ');
                i += word.startsWith("有", i + 1) ? 3 : 2; // 没有/不 + the two characters denied
                continue;
            }
            kept.append(word.charAt(i));
        }
        return kept.toString();
    }
}
