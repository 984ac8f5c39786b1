package com.helloword.aftersales.casework.escalation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

import com.helloword.aftersales.casework.escalation.BuyerWords.Word;

/**
 * The designers' phrase table ({@code dmn/grading-phrases.dmn}, decision {@code gradingPhrases}) compiled
 * into one index, so a message is read once for all of its phrases instead of once per rule in FEEL.
 * Each row gives a signal (a category such as {@code SAFETY_HAZARD}, {@code URGENT}, or one of the markers
 * {@code NEGATION}, {@code NEGATION_AFTER}, {@code HYPOTHETICAL}, {@code IGNORE}), whether a negation or a
 * hypothetical question cancels it, and its phrases. The signals found in a message are then the input of
 * the category and urgency tables, which keep the priorities.
 * <p>
 * How a phrase matches (the table's comment says the same for designers):
 * <ul>
 * <li>Words match whole words after case and accent folding, also in German spelt without umlauts
 * (ueberhitzt), also when the message language's stemmer (Lucene's Snowball stemmers) brings both to the same
 * stem (burned, burns, burning), and words of six letters or more also with one typo (a letter missing,
 * extra, wrong or two swapped). A word ending in {@code *} matches every word that starts so. The words
 * of a phrase must follow each other in the message.</li>
 * <li>Arabic words match after light stemming (Lucene's {@link ArabicStemmer}: the article and common
 * affixes), and words of three letters or more also inside a longer word.</li>
 * <li>A phrase with Chinese or Japanese characters matches those characters anywhere.</li>
 * <li>Markers match their words folded, but neither by stem nor with a typo ("fallen" is no "falls").</li>
 * <li>{@code IGNORE} phrases hide what they cover ("smoke detector" is no smoke, "to die for" no death).
 * A {@code NEGATION} word cancels the cancellable phrases that start within {@value #NEGATION_REACH} words
 * after it in the same clause; a Chinese negation character those starting within
 * {@value #CJK_NEGATION_REACH} characters after it; a {@code NEGATION_AFTER} ending (Japanese) those it
 * follows within {@value #CJK_NEGATION_REACH} kana. A negation inside a phrase that is not cancellable
 * ("not received", "doesn't work") belongs to that phrase. A {@code HYPOTHETICAL} word in a sentence that
 * asks a question cancels every phrase after it in that sentence ("if it got hot, would it switch off?").</li>
 * </ul>
 */
public final class GradingPhrases {

    public static final String NEGATION = "NEGATION";
    public static final String NEGATION_AFTER = "NEGATION_AFTER";
    public static final String HYPOTHETICAL = "HYPOTHETICAL";
    public static final String IGNORE = "IGNORE";
    static final Set<String> MARKERS = Set.of(NEGATION, NEGATION_AFTER, HYPOTHETICAL, IGNORE);
    static final int NEGATION_REACH = 3;
    static final int CJK_NEGATION_REACH = 4;
    private static final int TYPO_MIN_LENGTH = 6;
    private static final int ARABIC_INSIDE_MIN_LENGTH = 3;
    private static final Map<String, Supplier<SnowballStemmer>> STEMMERS = Map.of(
            "en", EnglishStemmer::new, "de", GermanStemmer::new, "fr", FrenchStemmer::new,
            "es", SpanishStemmer::new, "it", ItalianStemmer::new, "nl", DutchStemmer::new,
            "sv", SwedishStemmer::new, "pt", PortugueseStemmer::new);

    /** One row of the table: its signal, whether negations cancel it, its phrases as written. */
    public record Row(String signal, boolean cancellable, List<String> phrases) {
    }

    /**
     * One phrase word: as written, folded, and whether it is a prefix ({@code damag*}). {@code languages}: the
     * team languages whose alphabet has the word's accented letters (null for a word without any); in a message
     * of another language the word matches only as written, so Swedish "bränd" is no English "brand".
     */
    record PhraseWord(String written, String folded, String german, boolean prefix, boolean arabic,
            Set<String> languages) {
    }

    /** Which team languages write each accented letter (their alphabets, not any word list). */
    private static final Map<Character, Set<String>> LETTER_LANGUAGES = letterLanguages();

    private static Map<Character, Set<String>> letterLanguages() {
        Map<Character, Set<String>> letters = new HashMap<>();
        Map<String, String> alphabets = Map.of("de", "äöüß", "sv", "äöå", "fr", "éèêâôàçœëïîûù",
                "es", "ñáíóúé", "it", "àèéìòóù", "pt", "ãõâêôáéíóúàç", "pl", "łąęśżźńćó", "nl", "ëïéè");
        alphabets.forEach((language, alphabet) -> alphabet.chars()
                .forEach(c -> letters.computeIfAbsent((char) c, k -> new java.util.HashSet<>()).add(language)));
        return letters;
    }

    private static Set<String> languagesOf(String written) {
        Set<String> languages = null;
        for (char c : written.toCharArray()) {
            Set<String> those = LETTER_LANGUAGES.get(c);
            if (those != null) {
                if (languages == null) {
                    languages = new java.util.HashSet<>(those);
                } else {
                    languages.retainAll(those);
                }
            }
        }
        return languages;
    }

    /** A compiled phrase: words, or characters (Chinese, Japanese). */
    record Phrase(String signal, boolean cancellable, String written, List<PhraseWord> words, String characters) {
    }

    /** Where a phrase was found: its words (first..last) or its characters (start..end). */
    public record Hit(Phrase phrase, int firstWord, int lastWord, int start, int end) {

        public String signal() {
            return phrase.signal();
        }

        public String written() {
            return phrase.written();
        }
    }

    /** What a message says: the signals of the phrases found and not cancelled, and those hits. */
    public record Reading(Set<String> signals, List<Hit> hits) {

        /** The signals as the category and urgency tables read them: {@code " SAFETY_HAZARD URGENT "}. */
        public String asInput() {
            return signals.isEmpty() ? " " : " " + String.join(" ", signals) + " ";
        }
    }

    private final List<Phrase> phrases = new ArrayList<>();
    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final Map<String, List<Phrase>> byFirstPrefix = new HashMap<>();
    private final Map<String, List<Phrase>> byTypoKey = new HashMap<>();
    private final List<Phrase> arabicInside = new ArrayList<>();
    private final Map<String, List<Phrase>> byCharacters = new HashMap<>();
    private final TreeSet<Integer> characterLengths = new TreeSet<>();
    private final Map<String, Map<String, List<Phrase>>> byFirstStem = new ConcurrentHashMap<>();
    private final Set<String> signals = new LinkedHashSet<>();

    public GradingPhrases(List<Row> rows) {
        for (Row row : rows) {
            if (row.signal() == null || row.signal().isBlank()) {
                throw new IllegalArgumentException("A row of gradingPhrases has no signal");
            }
            signals.add(row.signal());
            for (String written : row.phrases()) {
                Phrase phrase = compile(row.signal(), row.cancellable(), written);
                if (phrase != null) {
                    phrases.add(phrase);
                    index(phrase);
                }
            }
        }
    }

    /** Every signal the table names, markers included. */
    public Set<String> signals() {
        return signals;
    }

    public int size() {
        return phrases.size();
    }

    private static Phrase compile(String signal, boolean cancellable, String written) {
        String trimmed = written.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.codePoints().anyMatch(BuyerWords::isCjk)) {
            return new Phrase(signal, cancellable, trimmed, List.of(), BuyerWords.of("", trimmed).text().strip());
        }
        List<PhraseWord> marked = new ArrayList<>();
        for (String part : trimmed.split("\\s+")) {
            boolean prefix = part.endsWith("*");
            List<Word> words = BuyerWords.of("", prefix ? part.substring(0, part.length() - 1) : part).words();
            for (int i = 0; i < words.size(); i++) {
                Word word = words.get(i);
                marked.add(new PhraseWord(word.written(), word.folded(), BuyerWords.germanFold(word.folded()),
                        prefix && i == words.size() - 1, word.arabic(), languagesOf(word.written())));
            }
        }
        if (marked.isEmpty()) {
            throw new IllegalArgumentException("Phrase \"" + written + "\" (" + signal + ") has no word to match");
        }
        return new Phrase(signal, cancellable, trimmed, List.copyOf(marked), null);
    }

    private void index(Phrase phrase) {
        if (phrase.characters() != null) {
            byCharacters.computeIfAbsent(phrase.characters(), k -> new ArrayList<>()).add(phrase);
            characterLengths.add(phrase.characters().length());
            return;
        }
        PhraseWord first = phrase.words().get(0);
        if (first.arabic()) {
            put(byFirstWord, arabicStem(first.folded()), phrase);
            put(byFirstWord, first.folded(), phrase);
            if (first.folded().length() >= ARABIC_INSIDE_MIN_LENGTH) {
                arabicInside.add(phrase);
            }
        } else if (first.prefix()) {
            put(byFirstPrefix, first.folded(), phrase);
            put(byFirstPrefix, first.german(), phrase);
        } else {
            put(byFirstWord, first.folded(), phrase);
            put(byFirstWord, first.german(), phrase);
            if (first.folded().length() >= TYPO_MIN_LENGTH) {
                for (String key : typoKeys(first.folded())) {
                    put(byTypoKey, key, phrase);
                }
            }
        }
    }

    private static void put(Map<String, List<Phrase>> map, String key, Phrase phrase) {
        List<Phrase> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(phrase)) {
            list.add(phrase);
        }
    }

    /** The stem index for one language, built on first use. */
    private Map<String, List<Phrase>> stemIndex(String language, Function<String, String> stem) {
        return byFirstStem.computeIfAbsent(language, l -> {
            Map<String, List<Phrase>> index = new HashMap<>();
            for (Phrase phrase : phrases) {
                if (phrase.characters() == null && !phrase.words().get(0).arabic()
                        && !phrase.words().get(0).prefix()) {
                    put(index, stem.apply(phrase.words().get(0).folded()), phrase);
                }
            }
            return index;
        });
    }

    /** Reads a message: the phrases found, the cancelled ones removed, and the signals that remain. */
    public Reading read(BuyerWords message, String language) {
        Function<String, String> stem = stemmer(language);
        Map<String, String> stems = new HashMap<>();
        Function<String, String> cachedStem = stem == null ? null : w -> stems.computeIfAbsent(w, stem);
        List<Hit> hits = new ArrayList<>();
        List<Word> words = message.words();
        Map<String, List<Phrase>> stemIndex = stem == null ? Map.of() : stemIndex(language, stem);
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            Set<Phrase> candidates = new LinkedHashSet<>();
            if (word.arabic()) {
                addAll(candidates, byFirstWord.get(word.folded()));
                addAll(candidates, byFirstWord.get(arabicStem(word.folded())));
                for (Phrase phrase : arabicInside) {
                    if (word.folded().contains(phrase.words().get(0).folded())) {
                        candidates.add(phrase);
                    }
                }
            } else {
                String german = BuyerWords.germanFold(word.folded());
                addAll(candidates, byFirstWord.get(word.folded()));
                addAll(candidates, byFirstWord.get(german));
                if (cachedStem != null) {
                    addAll(candidates, stemIndex.get(cachedStem.apply(word.folded())));
                }
                for (int length = 1; length <= word.folded().length(); length++) {
                    addAll(candidates, byFirstPrefix.get(word.folded().substring(0, length)));
                    if (length <= german.length()) {
                        addAll(candidates, byFirstPrefix.get(german.substring(0, length)));
                    }
                }
                if (word.folded().length() >= TYPO_MIN_LENGTH - 1) {
                    for (String key : typoKeys(word.folded())) {
                        addAll(candidates, byTypoKey.get(key));
                    }
                }
            }
            for (Phrase phrase : candidates) {
                if (matchesAt(phrase, words, i, cachedStem, language)) {
                    int last = i + phrase.words().size() - 1;
                    hits.add(new Hit(phrase, i, last, word.start(), words.get(last).end()));
                }
            }
        }
        String text = message.text();
        for (int start = 0; start < text.length(); start++) {
            if (!BuyerWords.isCjk(text.charAt(start))) {
                continue;
            }
            for (int length : characterLengths) {
                if (start + length > text.length()) {
                    break;
                }
                List<Phrase> found = byCharacters.get(text.substring(start, start + length));
                if (found != null) {
                    for (Phrase phrase : found) {
                        hits.add(new Hit(phrase, -1, -1, start, start + length));
                    }
                }
            }
        }
        List<Hit> kept = withoutCancelled(hits, message);
        Set<String> found = new TreeSet<>();
        for (Hit hit : kept) {
            if (!MARKERS.contains(hit.signal())) {
                found.add(hit.signal());
            }
        }
        return new Reading(found, kept);
    }

    private static void addAll(Collection<Phrase> to, List<Phrase> from) {
        if (from != null) {
            to.addAll(from);
        }
    }

    private static boolean matchesAt(Phrase phrase, List<Word> words, int at, Function<String, String> stem,
            String language) {
        if (at + phrase.words().size() > words.size()) {
            return false;
        }
        for (int j = 0; j < phrase.words().size(); j++) {
            if (!matches(phrase.words().get(j), words.get(at + j),
                    MARKERS.contains(phrase.signal()) ? null : stem, language, MARKERS.contains(phrase.signal()))) {
                return false;
            }
        }
        return true;
    }

    /** {@code asWritten}: markers (short function words) match folded but neither by stem nor with a typo. */
    private static boolean matches(PhraseWord phraseWord, Word word, Function<String, String> stem,
            String language, boolean asWritten) {
        String folded = word.folded();
        if (phraseWord.arabic()) {
            return word.arabic() && (folded.equals(phraseWord.folded())
                    || arabicStem(folded).equals(arabicStem(phraseWord.folded()))
                    || (phraseWord.folded().length() >= ARABIC_INSIDE_MIN_LENGTH
                            && folded.contains(phraseWord.folded())));
        }
        if (phraseWord.languages() != null && (language == null || !phraseWord.languages().contains(language))) {
            // another (or an unknown) language: the word only as written
            return phraseWord.prefix() ? word.written().startsWith(phraseWord.written())
                    : word.written().equals(phraseWord.written());
        }
        String german = BuyerWords.germanFold(folded);
        if (phraseWord.prefix()) {
            return folded.startsWith(phraseWord.folded()) || german.startsWith(phraseWord.german());
        }
        if (folded.equals(phraseWord.folded()) || german.equals(phraseWord.german())) {
            return true;
        }
        if (asWritten) {
            return false;
        }
        if (stem != null && stem.apply(folded).equals(stem.apply(phraseWord.folded()))) {
            return true;
        }
        return phraseWord.folded().length() >= TYPO_MIN_LENGTH && oneTypoApart(folded, phraseWord.folded());
    }

    /** The word and every form of it with one letter left out: two words one typo apart share a key. */
    private static List<String> typoKeys(String word) {
        List<String> keys = new ArrayList<>(word.length() + 1);
        keys.add(word);
        for (int i = 0; i < word.length(); i++) {
            keys.add(word.substring(0, i) + word.substring(i + 1));
        }
        return keys;
    }

    /** One letter missing, extra or wrong, or two neighbours swapped. */
    static boolean oneTypoApart(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : b.substring(i + 1).equals(a.substring(i));
    }

    private static String arabicStem(String word) {
        char[] chars = word.toCharArray();
        int length = new ArabicStemmer().stem(chars, chars.length);
        return new String(chars, 0, length);
    }

    private static Function<String, String> stemmer(String language) {
        Supplier<SnowballStemmer> factory = language == null ? null : STEMMERS.get(language);
        if (factory == null) {
            return null;
        }
        SnowballStemmer stemmer = factory.get();
        return word -> {
            stemmer.setCurrent(word);
            stemmer.stem();
            return stemmer.getCurrent();
        };
    }

    private static List<Hit> withoutCancelled(List<Hit> hits, BuyerWords message) {
        BitSet ignored = new BitSet();
        BitSet fixed = new BitSet();
        for (Hit hit : hits) {
            if (hit.signal().equals(IGNORE)) {
                ignored.set(hit.start(), hit.end());
            } else if (!hit.phrase().cancellable() && !MARKERS.contains(hit.signal())) {
                fixed.set(hit.start(), hit.end());
            }
        }
        List<Hit> visible = new ArrayList<>();
        for (Hit hit : hits) {
            if (!hit.signal().equals(IGNORE) && ignored.get(hit.start(), hit.end()).isEmpty()) {
                visible.add(hit);
            }
        }
        List<Hit> negations = new ArrayList<>();
        Map<Integer, Integer> hypotheticalFrom = new HashMap<>();
        for (Hit hit : visible) {
            boolean ownedByPhrase = !fixed.get(hit.start(), hit.end()).isEmpty();
            if ((hit.signal().equals(NEGATION) || hit.signal().equals(NEGATION_AFTER)) && !ownedByPhrase) {
                negations.add(hit);
            } else if (hit.signal().equals(HYPOTHETICAL)) {
                int sentence = message.sentenceAt(hit.start());
                if (message.isQuestion(sentence)) {
                    hypotheticalFrom.merge(sentence, hit.start(), Math::min);
                }
            }
        }
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : visible) {
            Integer hypothetical = hypotheticalFrom.get(message.sentenceAt(hit.start()));
            if (MARKERS.contains(hit.signal())) {
                kept.add(hit);
            } else if (hypothetical != null && hit.start() > hypothetical) {
                continue; // asked about, not complained of
            } else if (!hit.phrase().cancellable()
                    || negations.stream().noneMatch(negation -> negates(negation, hit, message))) {
                kept.add(hit);
            }
        }
        return kept;
    }

    private static boolean negates(Hit negation, Hit hit, BuyerWords message) {
        if (message.clauseAt(negation.start()) != message.clauseAt(hit.start())) {
            return false;
        }
        if (negation.signal().equals(NEGATION_AFTER)) {
            int gap = negation.start() - hit.end();
            return gap >= 0 && gap <= CJK_NEGATION_REACH && isKana(message.text(), hit.end(), negation.start());
        }
        if (negation.firstWord() >= 0 && hit.firstWord() >= 0) {
            int distance = hit.firstWord() - negation.lastWord();
            return distance > 0 && distance <= NEGATION_REACH;
        }
        int gap = hit.start() - negation.end();
        return gap >= 0 && gap <= CJK_NEGATION_REACH - 1 && negation.firstWord() < 0;
    }

    private static boolean isKana(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) != Character.UnicodeScript.HIRAGANA) {
                return false;
            }
        }
        return true;
    }
}
