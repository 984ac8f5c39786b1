package com.helloword.aftersales.casework.escalation;

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
            "kein", "keine", "keinen", "keinerlei", "nicht", "nie", "ohne", "nichts",
            "pas", "sans", "aucun", "aucune", "jamais", "ni", "rien",
            "sin", "ningún", "ninguna", "nunca", "nada",
            "non", "senza", "nessun", "nessuna", "mai", "niente", "nulla",
            "geen", "niet", "zonder", "nooit", "niets", "niks",
            "bez", "nic", "żadnego", "żadnych", "żadnej",
            "inte", "ingen", "inga", "inget", "ingenting", "utan", "aldrig",
            "não", "sem", "nenhum", "nenhuma",
            "لا", "ليس", "غير", "بدون", "لم");
    private static final Set<Character> CJK_NEGATIONS = Set.of('不', '没', '未', '无', '無');
    /** Words between a Chinese negation and what it denies: 没有任何破损 (no damage whatsoever). */
    private static final Pattern CJK_QUANTIFIERS = Pattern.compile("任何|一点|什么|一丝|丝毫");
    /**
     * In Japanese the denial follows what it denies: 破損もなく, 傷なし, 破損はありません (no damage). A run of
     * kanji or katakana (the noun) followed by such an ending loses the noun; verb forms like 動かない keep theirs.
     */
    private static final Pattern JAPANESE_DENIAL = Pattern.compile(
            "[\\p{IsHan}\\p{IsKatakana}ー]+(?=[もはが]?(?:なく|なし|無し|無く)|[もは](?:ない|ありません))");

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
                    affirmed.append(withoutCjkNegations(JAPANESE_DENIAL.matcher(word).replaceAll(" "))).append(' ');
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
                int next = word.startsWith("有", i + 1) ? i + 2 : i + 1; // after 没有 or 不
                var quantifier = CJK_QUANTIFIERS.matcher(word).region(next, word.length());
                if (quantifier.lookingAt()) {
                    next = quantifier.end();
                }
                i = next + 1; // the two characters denied (the loop adds one)
                continue;
            }
            kept.append(word.charAt(i));
        }
        return kept.toString();
    }
}
