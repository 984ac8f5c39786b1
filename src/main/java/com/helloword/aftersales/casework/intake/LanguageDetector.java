package com.helloword.aftersales.casework.intake;

import java.util.Map;
import java.util.SortedMap;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.helloword.aftersales.casework.escalation.PreparedText;
import com.helloword.aftersales.security.Groups;

/**
 * The language of a buyer's message, among the team languages, by Lingua (low accuracy mode, models
 * loaded lazily on the first message). Kana, Han and Arabic script decide on their own when they make
 * up most of the letters, so that English product names in such a message do not win. Null when
 * Lingua is not confident enough (intake then takes the buyer's or the store's language).
 */
final class LanguageDetector {

    /** Fewer letters than this is too little to go on. */
    private static final int MIN_LETTERS = 5;
    /** The best language's confidence must beat the runner-up's by at least this much. */
    private static final double MIN_LEAD = 0.015;

    private LanguageDetector() {
    }

    /** Built on first use; the holder idiom makes that once and thread-safe. */
    private static final class Holder {
        static final com.github.pemistahl.lingua.api.LanguageDetector LINGUA = LanguageDetectorBuilder
                .fromIsoCodes639_1(Groups.TEAM_LANGUAGES.stream()
                        .map(code -> IsoCode639_1.valueOf(code.toUpperCase(java.util.Locale.ROOT)))
                        .toArray(IsoCode639_1[]::new))
                .withLowAccuracyMode()
                .withPreloadedLanguageModels()
                .build();
    }

    static String detect(PreparedText prepared) {
        return detect(prepared.wholeMessage());
    }

    static String detect(String text) {
        int letters = 0;
        int arabic = 0;
        int kana = 0;
        int han = 0;
        StringBuilder latin = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            switch (script) {
                case ARABIC -> arabic++;
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                default -> latin.append(c);
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        if (kana > 0 && 2 * (kana + han) >= letters) {
            return "ja";
        }
        if (kana == 0 && han > 0 && 2 * han >= letters) {
            return "zh";
        }
        if (2 * arabic >= letters && arabic > 0) {
            return "ar";
        }
        if (letters - arabic - kana - han < MIN_LETTERS) {
            return null;
        }
        // a Chinese label inside a German sentence says nothing about the sentence's language
        SortedMap<Language, Double> confidences = Holder.LINGUA.computeLanguageConfidenceValues(latin.toString());
        if (confidences.isEmpty()) {
            return null;
        }
        double best = 0;
        double second = 0;
        Language language = null;
        for (Map.Entry<Language, Double> e : confidences.entrySet()) {
            double value = e.getValue();
            if (value > best) {
                second = best;
                best = value;
                language = e.getKey();
            } else if (value > second) {
                second = value;
            }
        }
        if (language == null || best - second < MIN_LEAD) {
            return null;
        }
        return language.getIsoCode639_1().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
