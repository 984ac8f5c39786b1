package com.helloword.aftersales.casework.escalation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The buyer's own words in a message, cut into sentences, clauses and words for the designers' phrases
 * ({@link GradingPhrases}). What is not the buyer's own words is left out by the shape of the mail, not by
 * any word: quoted lines ({@code > ...}) and the header line that introduces them ("On 3 Nov, Support
 * wrote:", "Am 02.11. schrieb ...:", "2026年11月6日 サポート:"), everything below a separator line of dashes
 * (a forwarded or original message), and pasted tracking-event lines (a date and a time of day on one line,
 * "12 Nov 2026 14:02 Left at front door").
 * <p>
 * The text is normalised once: Unicode compatibility form (full-width letters and digits, half-width
 * katakana), lower case, Arabic letter variants and diacritics unified (Lucene's {@link ArabicNormalizer}).
 * Words are runs of letters and digits outside Chinese and Japanese script (which the phrases match as
 * characters); each word also has a {@link Word#folded folded} form without accents (Lucene's
 * {@link ASCIIFoldingFilter}) and apostrophes, an elided article ({@code l'}, {@code n'}, {@code s'}) being a
 * word of its own.
 */
public final class BuyerWords {

    /** One word: as written (lower case), folded, where it stands in {@link #text}, its clause and sentence. */
    public record Word(String written, String folded, int start, int end, int clause, int sentence, boolean arabic) {
    }

    private static final Pattern QUOTE_HEADER_END = Pattern.compile(".*[:：]\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*-{5,}.*$");
    private static final Pattern DATE = Pattern.compile(
            "\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{1,2}\\.? \\p{L}{3,9}\\.? \\d{4}");
    private static final Pattern TIME_OF_DAY = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?!\\d)");

    private final String text;
    private final String plain;
    private final List<Word> words;
    private final int[] clauseAt;
    private final int[] sentenceAt;
    private final List<Boolean> questions;

    private BuyerWords(String plain) {
        this.plain = plain;
        this.text = arabicNormalised(plain);
        this.clauseAt = new int[text.length() + 1];
        this.sentenceAt = new int[text.length() + 1];
        this.words = new ArrayList<>();
        this.questions = new ArrayList<>();
        segment();
    }

    public static BuyerWords of(String subject, String body) {
        String raw = (subject == null || subject.isBlank() ? "" : subject + "\n") + (body == null ? "" : body);
        return new BuyerWords(lowerCase(ownWords(raw)));
    }

    /** The normalised own words, as matched by character phrases. */
    public String text() {
        return text;
    }

    public List<Word> words() {
        return words;
    }

    public int clauseAt(int offset) {
        return clauseAt[offset];
    }

    public int sentenceAt(int offset) {
        return sentenceAt[offset];
    }

    /** Whether sentence {@code sentence} asks a question (ends with ?, ？, ؟, or a Japanese か). */
    public boolean isQuestion(int sentence) {
        return sentence < questions.size() && questions.get(sentence);
    }

    /** The message without quoted replies, forwarded parts and pasted tracking events. */
    static String ownWords(String raw) {
        String[] lines = raw.replace("\r\n", "\n").split("\n", -1);
        boolean[] drop = new boolean[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (SEPARATOR.matcher(line).matches()) {
                for (int j = i; j < lines.length; j++) {
                    drop[j] = true;
                }
                break;
            }
            if (line.startsWith(">")) {
                drop[i] = true;
                int header = i - 1;
                while (header >= 0 && lines[header].isBlank()) {
                    header--;
                }
                if (header >= 0 && !drop[header] && QUOTE_HEADER_END.matcher(lines[header]).matches()) {
                    drop[header] = true;
                }
            } else if (DATE.matcher(line).find() && TIME_OF_DAY.matcher(line).find()) {
                drop[i] = true;
            }
        }
        StringBuilder own = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (!drop[i]) {
                own.append(lines[i]).append('\n');
            }
        }
        return own.toString();
    }

    /** The own words in lower case, Arabic letters as written (the knowledge-base table reads them so). */
    public String plain() {
        return plain;
    }

    private static String lowerCase(String own) {
        return Normalizer.normalize(own, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'');
    }

    private static String arabicNormalised(String lower) {
        char[] chars = lower.toCharArray();
        int length = new ArabicNormalizer().normalize(chars, chars.length);
        return new String(chars, 0, length);
    }

    /** A folded word: no accents (ß as ss, ø as o ...), apostrophes dropped. */
    public static String fold(String word) {
        char[] in = word.toCharArray();
        char[] out = new char[in.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        StringBuilder folded = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (out[i] != '\'') {
                folded.append(out[i]);
            }
        }
        return folded.toString();
    }

    /** The German spellings without umlauts written as ae, oe, ue, on a folded word. */
    public static String germanFold(String folded) {
        return folded.contains("e") ? folded.replace("ae", "a").replace("oe", "o").replace("ue", "u") : folded;
    }

    static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || c == 'ー';
    }

    private static boolean isSentenceEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '.') {
            // 14.11.2026 and 3.5 are not two sentences
            return !(i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                    && Character.isDigit(text.charAt(i + 1)));
        }
        return c == '!' || c == '?' || c == '\n' || c == '。' || c == '！' || c == '？' || c == '؟';
    }

    private static boolean isClauseEnd(char c) {
        return c == ',' || c == ';' || c == ':' || c == '、' || c == '，' || c == '،' || c == '؛' || c == '；'
                || c == '：' || c == '(' || c == ')' || c == '"';
    }

    private static boolean isWordChar(char c) {
        return (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK) && !isCjk(c);
    }

    private void segment() {
        int clause = 0;
        int sentence = 0;
        int sentenceStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            clauseAt[i] = clause;
            sentenceAt[i] = sentence;
            if (isSentenceEnd(text, i)) {
                questions.add(isQuestionEnd(sentenceStart, i));
                sentence++;
                clause++;
                sentenceStart = i + 1;
                i++;
            } else if (isClauseEnd(c)) {
                clause++;
                i++;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < text.length() && (isWordChar(text.charAt(end))
                        || isInnerJoiner(end))) {
                    clauseAt[end] = clause;
                    sentenceAt[end] = sentence;
                    end++;
                }
                addWords(i, end, clause, sentence);
                i = end;
            } else {
                i++;
            }
        }
        clauseAt[text.length()] = clause;
        sentenceAt[text.length()] = sentence;
        questions.add(isQuestionEnd(sentenceStart, text.length()));
    }

    /** An apostrophe or hyphen between two letters belongs to the word ("doesn't", "a-to-z"). */
    private boolean isInnerJoiner(int i) {
        char c = text.charAt(i);
        return (c == '\'' || c == '-') && i > 0 && i + 1 < text.length() && isWordChar(text.charAt(i - 1))
                && isWordChar(text.charAt(i + 1));
    }

    /**
     * An elided article or pronoun (l'écouteur, n'est, qu'il, dell'ordine: at most four letters before the
     * apostrophe, two or more after it) is a word of its own; "doesn't", "isn't", "it's" stay one word.
     */
    private void addWords(int start, int end, int clause, int sentence) {
        String word = text.substring(start, end);
        int apostrophe = word.indexOf('\'');
        if (apostrophe > 0 && apostrophe <= 4 && apostrophe < word.length() - 2) {
            add(start, start + apostrophe + 1, clause, sentence);
            add(start + apostrophe + 1, end, clause, sentence);
        } else {
            add(start, end, clause, sentence);
        }
    }

    private void add(int start, int end, int clause, int sentence) {
        String word = text.substring(start, end);
        boolean arabic = Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.ARABIC;
        words.add(new Word(word, arabic ? word : fold(word), start, end, clause, sentence, arabic));
    }

    private boolean isQuestionEnd(int start, int end) {
        int last = end < text.length() ? end : end - 1;
        while (last >= start && last >= 0 && Character.isWhitespace(text.charAt(last))) {
            last--;
        }
        if (last < start || last < 0) {
            return false;
        }
        char c = text.charAt(last);
        if (c == '?' || c == '？' || c == '؟') {
            return true;
        }
        int before = c == '。' ? last - 1 : last;
        return before >= start && before >= 0 && text.charAt(before) == 'か';
    }
}
