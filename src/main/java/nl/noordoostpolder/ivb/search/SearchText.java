package nl.noordoostpolder.ivb.search;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Java half of {@code assets/js/search-text.js}: cuts text into words and folds them exactly as the search page
 * does, so that the index files written at build time hold the words the browser will look for. Stemming stays in
 * the browser (one stemmer, no second implementation to drift apart): the index holds folded words, and the page
 * stems them when a shard arrives.
 * <p>
 * The rules, as in the script:
 * <ul>
 *   <li>a word is a run of letters, marks and digits ({@code /[\p{L}\p{M}\p{N}]+/gu});</li>
 *   <li>folding is NFKD, then every mark removed, then lower case ({@code "Complottheorieën"} gives
 *       {@code "complottheorieen"});</li>
 *   <li>a folded word shorter than two UTF-16 units, or a stop word, is not indexed;</li>
 *   <li>a field's length, for BM25, is the number of distinct words as written (before folding), which is what
 *       MiniSearch counts when it adds a document.</li>
 * </ul>
 * {@code SearchTextIT} runs the script in Chromium on the real site's text and compares.
 */
public final class SearchText {

    /** The stop words of {@code search-text.js}, in its order; {@code SearchTextTest} compares the two lists. */
    static final String STOP_WORD_LIST = "aan al als bij dan dat de deze die dit door een en er haar heb hebben heeft "
            + "het hij hun ik in is je kan me met mij mijn na naar niet nog of om ons op over te tot u uit van voor was "
            + "waren wat we wel wij worden wordt ze zich zij zijn zo zou";

    private static final Set<String> STOP_WORDS = Set.of(STOP_WORD_LIST.split(" "));

    private SearchText() {
    }

    /** Whether a code point belongs to a word: a letter, a mark or a digit, as {@code [\p{L}\p{M}\p{N}]}. */
    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Calls {@code word} for every word of {@code text}, as written, in order ({@code tokenize} in the script). */
    static void tokens(String text, Consumer<String> word) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            do {
                i += Character.charCount(cp);
            } while (i < n && isWordChar(cp = text.codePointAt(i)));
            word.accept(text.substring(start, i));
        }
    }

    /** Lower case without accents or other marks ({@code fold} in the script). */
    public static String fold(String word) {
        if (isPlainAscii(word)) {
            return word.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The folded word a written word is indexed under, or null when it is not indexed (too short, stop word). */
    public static String indexWord(String written) {
        String folded = fold(written);
        return folded.length() < 2 || STOP_WORDS.contains(folded) ? null : folded;
    }

    public static boolean isStopWord(String folded) {
        return STOP_WORDS.contains(folded);
    }

    /** The number of distinct words of a text as written: the field length MiniSearch counts. */
    public static int distinctWords(String text) {
        Set<String> seen = new HashSet<>();
        tokens(text, seen::add);
        return seen.size();
    }

    /**
     * The shard a folded word is stored in: its first two code points (the whole word when shorter). Dutch stems
     * (Snowball) only change a word from its fourth letter on, so a word and its stem share a shard.
     */
    public static String shardKey(String folded) {
        int end = folded.offsetByCodePoints(0, Math.min(2, folded.codePointCount(0, folded.length())));
        return folded.substring(0, end);
    }

    /**
     * The file name (without extension) of a shard: letters a-z and digits as they are, any other code point as
     * {@code _hex_}, so that names are plain ASCII on every file system and in every address ({@code "ør"} gives
     * {@code "_f8_r"}). {@code shardFile} in the script does the same.
     */
    public static String shardFile(String key) {
        StringBuilder out = new StringBuilder(key.length());
        key.codePoints().forEach(cp -> {
            if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
                out.appendCodePoint(cp);
            } else {
                out.append('_').append(Integer.toHexString(cp)).append('_');
            }
        });
        return out.toString();
    }
}
