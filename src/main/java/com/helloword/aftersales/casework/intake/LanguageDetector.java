package com.helloword.aftersales.casework.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.helloword.aftersales.casework.escalation.PreparedText;

/**
 * The language of a buyer's message, among the team languages: by script for Arabic, Japanese
 * (kana) and Chinese, by frequent words and letters for the Latin-script languages. Null when too
 * little is known (intake then takes the buyer's or the store's language).
 */
final class LanguageDetector {

    private static final Map<String, Set<String>> COMMON_WORDS = Map.of(
            "en", Set.of("the", "and", "is", "my", "it", "not", "you", "have", "was", "order", "please", "with",
                    "this", "of", "to", "i"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "ich", "mein", "meine", "bitte", "mit", "ein",
                    "eine", "habe", "noch", "bestellung", "es"),
            "fr", Set.of("le", "la", "les", "et", "est", "je", "mon", "ma", "pas", "une", "un", "avec", "commande",
                    "vous", "colis", "il", "pour"),
            "es", Set.of("el", "la", "los", "las", "y", "es", "mi", "no", "una", "un", "con", "pedido", "por",
                    "favor", "que", "he", "paquete"),
            "it", Set.of("il", "lo", "la", "gli", "e", "è", "mio", "mia", "non", "una", "un", "con", "ordine",
                    "per", "che", "ho", "pacco"),
            "nl", Set.of("de", "het", "een", "en", "is", "mijn", "niet", "ik", "met", "bestelling", "heb", "nog",
                    "van", "pakket", "graag"),
            "pl", Set.of("i", "w", "nie", "jest", "moje", "moja", "mój", "się", "na", "zamówienie", "paczka",
                    "proszę", "to", "z", "że"),
            "sv", Set.of("och", "är", "jag", "min", "mitt", "inte", "en", "ett", "med", "beställning", "har", "det",
                    "paket", "tack", "på"),
            "pt", Set.of("o", "a", "os", "as", "e", "é", "meu", "minha", "não", "um", "uma", "com", "pedido",
                    "por", "favor", "que", "encomenda"));

    private LanguageDetector() {
    }

    static String detect(PreparedText prepared) {
        String text = prepared.text();
        int arabic = 0;
        int kana = 0;
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
            switch (script) {
                case ARABIC -> arabic++;
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case LATIN -> latin++;
                default -> { }
            }
        }
        if (kana > 0 && kana + han >= latin) {
            return "ja";
        }
        if (han > 0 && han >= latin) {
            return "zh";
        }
        if (arabic > 0 && arabic >= latin) {
            return "ar";
        }
        Map<String, Integer> scores = new HashMap<>();
        for (String word : text.trim().split(" ")) {
            COMMON_WORDS.forEach((language, words) -> {
                if (words.contains(word)) {
                    scores.merge(language, 1, Integer::sum);
                }
            });
        }
        letters(text, scores);
        return scores.entrySet().stream().filter(e -> e.getValue() >= 2)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Letters that only some of the languages use. */
    private static void letters(String text, Map<String, Integer> scores) {
        for (Map.Entry<String, List<String>> clue : Map.of(
                "pl", List.of("ą", "ę", "ł", "ń", "ś", "ź", "ż"),
                "de", List.of("ß", "ü"),
                "sv", List.of("å"),
                "pt", List.of("ã", "õ"),
                "es", List.of("ñ"),
                "fr", List.of("è", "ê", "ç", "œ")).entrySet()) {
            for (String letter : clue.getValue()) {
                if (text.contains(letter)) {
                    scores.merge(clue.getKey(), 2, Integer::sum);
                }
            }
        }
    }
}
