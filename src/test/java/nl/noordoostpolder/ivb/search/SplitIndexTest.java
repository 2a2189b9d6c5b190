package nl.noordoostpolder.ivb.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.content.GeneratedPage;

class SplitIndexTest {

    private static GeneratedPage page(String url, String title) {
        return new GeneratedPage(url, title, "", "page", "Overzicht");
    }

    /** Two pages: the first with an opening and two sections, the second with one part. */
    private static SearchIndex small() {
        return small("Een jongere belt de wijkagent.");
    }

    /** The same two pages, with {@code secondText} as the text of the second. */
    private static SearchIndex small(String secondText) {
        return new SearchIndex.Builder()
                .add(page("a.html", "Jongeren en Veiligheid"), PageFacets.of(GeneratedPage.TIMELINE), List.of(
                        new IndexedSection("", "", "De jongeren in de wijk."),
                        new IndexedSection("kop-1", "Jongeren", "Jongeren, jongeren en nog eens JONGEREN."),
                        new IndexedSection("kop-2", "Café \"De Hoek\"", "Een <b>signaal</b> uit het café.")))
                .add(page("b.html", "Wijkagent"), PageFacets.of(GeneratedPage.TIMELINE), List.of(
                        new IndexedSection("", "", secondText)))
                .build();
    }

    private static Map<String, String> files(SearchIndex index) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SplitIndex.File f : SplitIndex.files(index)) {
            out.put(f.path(), new String(f.json(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String folder(Map<String, String> files) {
        String meta = files.get(SplitIndex.META);
        int at = meta.indexOf("\"data\":\"") + 8;
        return meta.substring(at, meta.indexOf('"', at));
    }

    @Test
    void theFirstFileHoldsPagesFiltersShardsAndFieldLengths() {
        Map<String, String> files = files(small());
        String folder = folder(files);
        assertTrue(folder.matches("search-index/[0-9a-f]{12}/"), folder);
        assertEquals("""
                {"v":3,
                "data":"%s",
                "kinds":[["overview","Overzicht","Overzichten"]],
                "themes":[],
                "shards":["be","ca","ee","ho","jo","si","ve","wi"],
                "pages":[
                [0,[],3,3],
                [0,[],1,1]],
                "headings":"#$&#",
                "texts":"())("}
                """.formatted(folder), files.get(SplitIndex.META),
                "headings of 0, 1, 3 and 0 distinct words and texts of 5, 6, 6 and 5, one character each");
    }

    @Test
    void aShardHoldsTheFoldedWordsOfItsTwoLettersWithTheirPostings() {
        Map<String, String> files = files(small());
        String folder = folder(files);
        // jongeren: text of part 0 once, part 1 three times (any case), heading of part 1, title of page 0;
        // jongere: text of part 3. Distances from the previous part, -tf after a part with more than one.
        assertEquals("""
                {"v":3,"w":[
                ["jongere",[4]],
                ["jongeren",[1,1,-3],[2],[1]]]}
                """, files.get(folder + "w/jo.json"));
        // accents folded, the word only in a heading and a text of the same part
        assertEquals("""
                {"v":3,"w":[
                ["cafe",[3],[3]]]}
                """, files.get(folder + "w/ca.json"));
        assertEquals("""
                {"v":3,"w":[
                ["veiligheid",[],[],[1]]]}
                """, files.get(folder + "w/ve.json"),
                "stop words (en, de, in, het, uit) and one-letter words are left out, title words are kept");
    }

    @Test
    void everyWordIsInTheShardOfItsFirstTwoLettersAndInNoOther() {
        Map<String, String> files = files(small());
        String folder = folder(files);
        List<String> shards = files.keySet().stream().filter(p -> p.startsWith(folder + "w/")).toList();
        assertEquals(8, shards.size(), shards.toString());
        for (String path : shards) {
            String key = path.substring((folder + "w/").length(), path.length() - ".json".length());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\n\\[\"([^\"]+)\"").matcher(files.get(path));
            int words = 0;
            while (m.find()) {
                assertEquals(key, m.group(1).substring(0, 2), m.group(1) + " in " + path);
                words++;
            }
            assertTrue(words > 0, path);
        }
    }

    @Test
    void aPageTextHoldsItsPartsForTheSnippets() {
        Map<String, String> files = files(small());
        String folder = folder(files);
        assertEquals("""
                {"v":3,"u":"a.html","t":"Jongeren en Veiligheid","s":[
                ["","","De jongeren in de wijk."],
                ["kop-1","Jongeren","Jongeren, jongeren en nog eens JONGEREN."],
                ["kop-2","Café \\"De Hoek\\"","Een \\u003cb\\u003esignaal\\u003c/b\\u003e uit het café."]]}
                """, files.get(folder + "p/0.json"));
        assertTrue(files.containsKey(folder + "p/1.json"));
    }

    @Test
    void theSameIndexGivesTheSameBytesAndAnyChangeOfTextANewFolder() {
        Map<String, String> once = files(small());
        assertEquals(once, files(small()));
        SearchIndex changed = new SearchIndex.Builder()
                .add(page("a.html", "Jongeren en Veiligheid"), PageFacets.of(GeneratedPage.TIMELINE), List.of(
                        new IndexedSection("", "", "De jongeren in de wijk."),
                        new IndexedSection("kop-1", "Jongeren", "Jongeren, jongeren en nog eens JONGEREN."),
                        new IndexedSection("kop-2", "Café \"De Hoek\"", "Een <b>signaal</b> uit het cafe.")))
                .add(page("b.html", "Wijkagent"), PageFacets.of(GeneratedPage.TIMELINE), List.of(
                        new IndexedSection("", "", "Een jongere belt de wijkagent.")))
                .build();
        assertNotEquals(folder(once), folder(files(changed)), "a changed snippet text changes the folder");
    }

    /** 200 pages of four parts of random two-letter-prefixed words: more than one run of pages for the collector. */
    private static SearchIndex large() {
        Random random = new Random(7);
        SearchIndex.Builder builder = new SearchIndex.Builder();
        for (int p = 0; p < 200; p++) {
            List<IndexedSection> parts = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 60; w++) {
                    text.append((char) ('a' + random.nextInt(26))).append((char) ('a' + random.nextInt(26)))
                            .append("woord").append(random.nextInt(300)).append(' ');
                }
                parts.add(new IndexedSection("k" + s, "Kop " + s, text.toString()));
            }
            builder.add(page("p" + p + ".html", "Pagina " + p + " woord" + random.nextInt(300)),
                    PageFacets.of(GeneratedPage.TIMELINE), parts);
        }
        return builder.build();
    }

    @Test
    void everyPostingOfALargeIndexIsInItsShardWithItsTermFrequency() {
        SearchIndex index = large();
        // the expected postings, counted the plain way: word -> field -> number (page for titles, part otherwise) -> tf
        Map<String, Map<Integer, Map<Integer, Integer>>> expected = new java.util.TreeMap<>();
        java.util.function.BiConsumer<String, int[]> count = (text, fieldAndId) -> SearchText.tokens(text, t -> {
            String w = SearchText.indexWord(t);
            if (w != null) {
                expected.computeIfAbsent(w, k -> new java.util.TreeMap<>()).computeIfAbsent(fieldAndId[0], k -> new java.util.TreeMap<>())
                        .merge(fieldAndId[1], 1, Integer::sum);
            }
        });
        for (int p = 0; p < index.pages().size(); p++) {
            count.accept(index.pages().get(p).title(), new int[] {SplitIndex.TITLE, p});
        }
        for (int i = 0; i < index.sections().size(); i++) {
            count.accept(index.sections().get(i).section().heading(), new int[] {SplitIndex.HEADING, i});
            count.accept(index.sections().get(i).section().text(), new int[] {SplitIndex.TEXT, i});
        }
        Map<String, Map<Integer, Map<Integer, Integer>>> actual = new java.util.TreeMap<>();
        for (SplitIndex.File f : SplitIndex.files(index)) {
            if (!f.path().contains("/w/")) {
                continue;
            }
            org.json.simple.JSONObject json;
            try {
                json = (org.json.simple.JSONObject) new org.json.simple.parser.JSONParser().parse(new String(f.json(), StandardCharsets.UTF_8));
            } catch (org.json.simple.parser.ParseException e) {
                throw new AssertionError(f.path(), e);
            }
            for (Object row : (List<?>) json.get("w")) {
                List<?> r = (List<?>) row;
                String word = (String) r.get(0);
                int[] fieldOfColumn = {-1, SplitIndex.TEXT, SplitIndex.HEADING, SplitIndex.TITLE};
                for (int column = 1; column < r.size(); column++) {
                    List<?> postings = (List<?>) r.get(column);
                    int id = -1;
                    for (int i = 0; i < postings.size(); i++) {
                        id += ((Number) postings.get(i)).intValue();
                        int tf = i + 1 < postings.size() && ((Number) postings.get(i + 1)).intValue() < 0
                                ? -((Number) postings.get(++i)).intValue() : 1;
                        actual.computeIfAbsent(word, k -> new java.util.TreeMap<>())
                                .computeIfAbsent(fieldOfColumn[column], k -> new java.util.TreeMap<>()).put(id, tf);
                    }
                }
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void aLargeIndexIsTheSameWhateverTheHashOrderOfItsWords() {
        SearchIndex index = large();
        List<SplitIndex.File> a = SplitIndex.files(index);
        List<SplitIndex.File> b = SplitIndex.files(index);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).path(), b.get(i).path());
            assertArrayEquals(a.get(i).json(), b.get(i).json(), a.get(i).path());
        }
        assertEquals(1 + 26 * 26 + 90 + 200, a.size(),
                "the first file, a shard per two letters and per two digits (page numbers 10-199), a text per page");
    }

    @Test
    void theWriterWritesEveryFilePlainAndGzippedTheSameEachTime(@TempDir Path out) throws IOException {
        List<SplitIndex.File> files = SplitIndex.files(small());
        SplitIndexWriter.write(files, out.resolve("one"));
        SplitIndexWriter.write(files, out.resolve("two"));
        long gzipped = 0;
        for (SplitIndex.File f : files) {
            Path plain = out.resolve("one").resolve(f.path());
            assertArrayEquals(f.json(), Files.readAllBytes(plain));
            Path packed = plain.resolveSibling(plain.getFileName() + ".gz");
            assertTrue(f.gzipped(), "the first file, the shards and the page texts are gzipped: " + f.path());
            assertEquals(f.gzipped(), Files.exists(packed), f.path());
            if (!f.gzipped()) {
                continue;
            }
            gzipped++;
            byte[] gz = Files.readAllBytes(packed);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                assertArrayEquals(f.json(), in.readAllBytes(), f.path());
            }
            assertArrayEquals(gz, Files.readAllBytes(out.resolve("two").resolve(f.path() + ".gz")));
        }
        try (Stream<Path> all = Files.walk(out.resolve("one"))) {
            assertEquals(files.size() + gzipped, all.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void aRebuildLinksTheFilesThatDidNotChangeAndWritesTheOthersAsAFreshWriteWould(@TempDir Path out) throws IOException {
        SplitIndexWriter.LastWrite last = new SplitIndexWriter.LastWrite();
        SplitIndexWriter.write(SplitIndex.files(small()), out.resolve("one"), last);
        SearchIndex edited = small("Een jongere belt de buurtagent.");
        List<SplitIndex.File> files = SplitIndex.files(edited);
        SplitIndexWriter.write(files, out.resolve("two"), last);
        SplitIndexWriter.write(files, out.resolve("fresh"));

        Map<String, Path> before = new LinkedHashMap<>();
        for (SplitIndex.File f : SplitIndex.files(small())) {
            before.put(withoutHash(f.path()), out.resolve("one").resolve(f.path()));
        }
        int linked = 0;
        int written = 0;
        for (SplitIndex.File f : files) {
            for (String name : f.gzipped() ? List.of(f.path(), f.path() + ".gz") : List.of(f.path())) {
                Path now = out.resolve("two").resolve(name);
                assertArrayEquals(Files.readAllBytes(out.resolve("fresh").resolve(name)), Files.readAllBytes(now), name);
                Path earlier = before.get(withoutHash(f.path()));
                earlier = earlier == null ? null : name.endsWith(".gz") ? earlier.resolveSibling(earlier.getFileName() + ".gz") : earlier;
                boolean same = earlier != null && Files.exists(earlier)
                        && java.util.Arrays.equals(Files.readAllBytes(earlier), Files.readAllBytes(now));
                assertEquals(same, earlier != null && Files.isSameFile(earlier, now),
                        name + ": linked exactly when its bytes did not change");
                if (same) {
                    linked++;
                } else {
                    written++;
                }
            }
        }
        assertTrue(linked > 0 && written > 0, "some files linked (" + linked + "), some written (" + written + ")");
        assertTrue(Files.exists(out.resolve("two").resolve(files.get(files.size() - 1).path())));
    }

    private static String withoutHash(String path) {
        return path.replaceFirst("^search-index/[^/]+/", "search-index/");
    }

    @Test
    void gzipOfLargeAndEmptyInputsUnpacks() throws IOException {
        byte[] large = new byte[300_000];
        new Random(1).nextBytes(large);
        for (byte[] data : List.of(new byte[0], "x".getBytes(StandardCharsets.UTF_8), large)) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(SplitIndexWriter.gzip(data)))) {
                assertArrayEquals(data, in.readAllBytes());
            }
        }
    }
}
