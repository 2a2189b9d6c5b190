package nl.noordoostpolder.ivb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;

import nl.noordoostpolder.ivb.testing.HeadlessChromium;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.testing.StaticSiteServer;

/**
 * Keeps the two halves of the search honest: the build cuts and folds words in Java ({@link SearchText}), the page
 * stems and looks them up in JavaScript ({@code search-text.js}). Here both run on the same strings, the Java half
 * in this JVM and the script as the site serves it, in Chromium, and must give the same words, field lengths,
 * shards and shard files: all the text of the real site, and strings chosen to trip one of the two up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTextIT {

    /** Accents, ligatures, compatibility forms, other scripts, digits, astral characters, stray marks. */
    static final List<String> TRICKY = List.of(
            "Complottheorieën, cliënt's coördinatie; België — één café à la carte",
            "ﬁnanciële ﬂexibiliteit, ½ jaar, ² m², Ⅻ uur, ① één, ｆｕｌｌｗｉｄｔｈ",
            "İstanbul ıi ĲSSEL ĳssel Ĳmuiden ß STRASSE ẞ Øresund smørrebrød Æbleskiver łódź Đakovo",
            "ΟΔΟΣ Ὀδυσσεύς ΣΊΣΥΦΟΣ ΑΣ σς Москва ЁЛКА ёлка",
            "日本語のテキスト 한국어 عربي नमस्ते ไทย",
            "𝐁𝐨𝐥𝐝 𝔉𝔯𝔞𝔨𝔱𝔲𝔯 𝟙𝟚𝟛 emoji 🙂 👩‍👩‍👧 zero\u200Bwidth non\u00ADbreaking",
            "a\u0301 e\u0308 \u0301losse tekens x\u20DD ab\u0363cd",
            "De de DE dE de-de 2024-2027 v1.2.3 COVID-19 e-mail 's-Hertogenbosch",
            "aan al als bij dan dat de deze die dit door een en er haar heb hebben heeft het hij hun ik in is je",
            "Ǆemal ǅemal ǆemal ﬀ ﬃ ﬅ ℌ ℍ K Å Ω",
            "\uD83D lone \uDC00 surrogates \uD800x");

    private StaticSiteServer server;
    private ChromeDriver driver;
    private List<String> strings;

    @BeforeAll
    void start() throws Exception {
        Path site = SiteUnderTest.bakedSite();
        driver = HeadlessChromium.start();
        server = new StaticSiteServer(site, "/ivb/");
        driver.get(server.baseUrl() + "zoeken.html");
        Set<String> all = new LinkedHashSet<>(TRICKY);
        for (IndexFile.Row row : IndexFile.read(site).rows()) {
            all.add(row.title());
            all.add(row.heading());
            all.add(row.text());
        }
        strings = new ArrayList<>(all);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Per string: the number of distinct words as written, then the indexed words in order. */
    private static List<Object> java(String s) {
        List<Object> out = new ArrayList<>();
        out.add((long) SearchText.distinctWords(s));
        SearchText.tokens(s, token -> {
            String w = SearchText.indexWord(token);
            if (w != null) {
                out.add(w);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<List<Object>> script(String body, List<String> input) {
        return (List<List<Object>>) driver.executeAsyncScript("""
                const [strings, done] = [arguments[0], arguments[arguments.length - 1]];
                import(new URL('js/search-text.js', document.baseURI).href).then((t) => {
                  done(strings.map((s) => { %s }));
                }).catch((e) => done(String(e)));""".formatted(body), input);
    }

    @Test
    void javaAndTheScriptCutAndFoldTheSameWordsAndCountTheSameFieldLengths() {
        List<List<Object>> js = script("""
                const tokens = t.tokenize(s);
                return [new Set(tokens).size, ...tokens.map(t.indexWord).filter((w) => w !== null)];""", strings);
        assertEquals(strings.size(), js.size());
        int words = 0;
        for (int i = 0; i < strings.size(); i++) {
            assertEquals(js.get(i), java(strings.get(i)), "words of: " + strings.get(i));
            words += js.get(i).size() - 1;
        }
        assertTrue(words > 2000, "the real site's text was compared: " + words + " words");
    }

    @Test
    void javaAndTheScriptPutAWordInTheSameShardFile() {
        List<String> folded = new ArrayList<>();
        for (String s : strings) {
            SearchText.tokens(s, token -> folded.add(SearchText.fold(token)));
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(folded));
        List<List<Object>> js = script("const k = t.shardKey(s); return [k, t.shardFile(k)];", distinct);
        for (int i = 0; i < distinct.size(); i++) {
            String key = SearchText.shardKey(distinct.get(i));
            assertEquals(List.of(key, SearchText.shardFile(key)), js.get(i), "shard of " + distinct.get(i));
        }
    }

    @Test
    void theScriptReadsTheFieldLengthsAsJavaWritesThem() {
        StringBuilder codes = new StringBuilder();
        List<Object> lengths = new ArrayList<>();
        for (int length = 0; length <= 400; length++) {
            LengthCode.append(codes, length);
            lengths.add((long) length);
        }
        @SuppressWarnings("unchecked")
        List<Object> js = (List<Object>) driver.executeAsyncScript("""
                const [codes, done] = [arguments[0], arguments[arguments.length - 1]];
                import(new URL('js/search-index.js', document.baseURI).href)
                  .then((i) => done(i.lengthsOf(codes))).catch((e) => done(String(e)));""", codes.toString());
        assertEquals(lengths, js);
    }

    @Test
    void theStemOfEveryWordOfTheSiteIsInTheShardOfTheWord() {
        List<String> words = IndexFile.read(SiteUnderTest.bakedSite()).words();
        assertTrue(words.size() > 500, "words of the site: " + words.size());
        List<List<Object>> js = script("return [].concat(t.termsOfWord(s)).map(t.shardKey);", words);
        for (int i = 0; i < words.size(); i++) {
            String key = SearchText.shardKey(words.get(i));
            for (Object k : js.get(i)) {
                assertEquals(key, k, "the stem of " + words.get(i) + " is in another shard");
            }
        }
    }
}
