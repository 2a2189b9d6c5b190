package nl.noordoostpolder.ivb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/** The Java twin of search-text.js: the rules it must share with the script (SearchTextIT compares them in Chromium). */
class SearchTextTest {

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        SearchText.tokens(text, out::add);
        return out;
    }

    @Test
    void theStopWordsAreThoseOfTheScript() throws IOException {
        String script = Files.readString(SiteUnderTest.projectDir().resolve("assets/js/search-text.js"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("const STOP_WORDS = new Set\\(\\(((?:'[^']*'\\s*\\+?\\s*)+)\\)\\.split\\(' '\\)\\)").matcher(script);
        assertTrue(m.find(), "the stop word list in search-text.js has another shape now");
        String list = String.join("", Pattern.compile("'([^']*)'").matcher(m.group(1)).results().map(r -> r.group(1)).toList());
        assertEquals(list, SearchText.STOP_WORD_LIST);
    }

    @Test
    void wordsAreRunsOfLettersMarksAndDigits() {
        assertEquals(List.of("De", "wijkagent", "zegt", "COVID", "19", "2024", "2027", "één", "café", "in", "s", "Hertogenbosch"),
                tokens("De wijkagent zegt: COVID-19 (2024-2027), één café in 's-Hertogenbosch."));
        assertEquals(List.of("a\u0301b", "x\u20DD"), tokens(" a\u0301b x\u20DD "), "marks belong to their word");
        assertEquals(List.of("𝐁𝐨𝐥𝐝", "日本語のテキスト"), tokens("𝐁𝐨𝐥𝐝 🙂 日本語のテキスト"), "astral letters are letters, emoji are not");
        assertEquals(List.of("lone", "x"), tokens("\uD83D lone \uDC00 \uD800x"), "a lone surrogate is no letter");
    }

    @Test
    void foldingDropsCapitalsAccentsAndCompatibilityForms() {
        assertEquals("complottheorieen", SearchText.fold("Complottheorieën"));
        assertEquals("financiele", SearchText.fold("ﬁnanciële"));
        assertEquals("istanbul", SearchText.fold("İstanbul"));
        assertEquals("ijssel", SearchText.fold("ĲSSEL"));
        assertEquals("øresund", SearchText.fold("Øresund"), "ø has no decomposition");
        assertEquals("οδος", SearchText.fold("ΟΔΟΣ"), "Greek final sigma as JavaScript lowers it");
        assertEquals("bold", SearchText.fold("𝐁𝐨𝐥𝐝"));
    }

    @Test
    void shortWordsAndStopWordsAreNotIndexed() {
        assertNull(SearchText.indexWord("De"));
        assertNull(SearchText.indexWord("x"));
        assertNull(SearchText.indexWord("É"));
        assertEquals("ab", SearchText.indexWord("AB"));
        assertEquals("cafe", SearchText.indexWord("Café"));
        assertFalse(SearchText.isStopWord("jongeren"));
    }

    @Test
    void aFieldsLengthCountsDistinctWordsAsWritten() {
        assertEquals(3, SearchText.distinctWords("De de jongeren, de jongeren."), "De and de are two words as written");
        assertEquals(0, SearchText.distinctWords(" — … "));
    }

    @Test
    void aShardIsTheFirstTwoCodePointsWithAPlainFileName() {
        assertEquals("jo", SearchText.shardKey("jongeren"));
        assertEquals("ab", SearchText.shardKey("ab"));
        assertEquals("ør", SearchText.shardKey("øresund"));
        assertEquals("𝔉𝔯", SearchText.shardKey("𝔉𝔯𝔞𝔨𝔱𝔲𝔯"), "astral characters are not cut in half");
        assertEquals("jo", SearchText.shardFile("jo"));
        assertEquals("2x", SearchText.shardFile("2x"));
        assertEquals("_f8_r", SearchText.shardFile("ør"));
        assertEquals("_3bf__3b4_", SearchText.shardFile("οδ"));
        assertEquals("_1d509__1d52f_", SearchText.shardFile("𝔉𝔯"));
    }
}
