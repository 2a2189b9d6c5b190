package nl.noordoostpolder.ivb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/** The search index of the real baked site, checked against the pages it describes. */
class SearchIndexIT {

    private final Path site = SiteUnderTest.bakedSite();
    private final IndexFile index = IndexFile.read(site);

    @Test
    void everyPageAnEditorWroteIsIndexedButNotTheSearchPageItself() throws IOException {
        Set<String> indexed = index.rows().stream().map(IndexFile.Row::page).collect(Collectors.toSet());
        try (var files = Files.walk(site.resolve("trends"))) {
            files.filter(f -> f.toString().endsWith(".html"))
                    .forEach(f -> assertTrue(indexed.contains("trends/" + f.getFileName()), f + " is not indexed"));
        }
        assertTrue(indexed.contains("index.html"));
        assertTrue(indexed.contains("themas.html"), "the theme overview is found by its name");
        for (String notAnAnswer : List.of("zoeken.html", "404.html")) {
            assertFalse(indexed.contains(notAnAnswer), notAnAnswer);
        }
    }

    @Test
    void everyOverviewIsIndexedByItsTitleAndIntroductionButNotItsListOfLinks() throws IOException {
        for (String overview : List.of("themas.html", "trends.html", "sessies.html", "tijdlijn.html", "a-z.html")) {
            var html = Jsoup.parse(site.resolve(overview).toFile(), "UTF-8");
            String intro = html.select("main .page-intro").text();
            assertFalse(intro.isBlank(), overview + " has an introduction");
            List<IndexFile.Row> rows = index.rowsOf(overview);
            assertEquals(1, rows.size(), overview + ": one part, its opening");
            IndexFile.Row opening = rows.get(0);
            assertEquals(html.selectFirst("h1").text(), opening.title());
            assertEquals("overview", opening.kind());
            assertTrue(opening.text().contains(html.selectFirst("main .page-header .lead").text()), opening.text());
            assertTrue(opening.text().contains(intro), overview + ": " + opening.text());
            List<String> linked = html.select("main .wrap > :not(.page-header, .page-intro) a").eachText();
            assertTrue(linked.size() >= 3, overview + " lists links: " + linked);
            for (String title : linked) {
                assertFalse(opening.text().contains(title), overview + " indexes the link '" + title + "'");
            }
        }
        assertTrue(index.rowsOf("tijdlijn.html").get(0).text().contains("overzicht"));
        assertTrue(index.rowsOf("a-z.html").get(0).text().contains("alfabet"));
    }

    @Test
    void everySectionLinksToAHeadingThatExists() throws IOException {
        for (IndexFile.Row row : index.rows()) {
            assertFalse(row.page().startsWith("/") || row.page().contains(":"), "relative address: " + row.page());
            if (!row.fragment().isEmpty()) {
                var heading = Jsoup.parse(site.resolve(row.page()).toFile(), "UTF-8").getElementById(row.fragment());
                assertTrue(heading != null && heading.normalName().matches("h[1-6]"), row.page() + "#" + row.fragment());
                assertEquals(heading.text(), row.heading());
            }
        }
    }

    @Test
    void aTrendCarriesItsKindAndTheme() {
        List<IndexFile.Row> rows = index.rowsOf("trends/nepnieuws-en-complottheorieen.html");
        assertFalse(rows.isEmpty());
        rows.forEach(r -> {
            assertEquals("trend", r.kind());
            assertEquals(List.of("maatschappelijke-onrust"), r.themes());
            assertEquals("Meer nepnieuws en complottheorieën", r.title());
        });
        assertEquals("", rows.get(0).fragment(), "the first part is the opening of the page");
        assertTrue(rows.stream().anyMatch(r -> r.fragment().equals("in-het-kort")));
    }

    @Test
    void aThemeBelongsToItselfAndAPageToNoTheme() {
        index.rowsOf("themes/evenementen.html").forEach(r -> assertEquals(List.of("evenementen"), r.themes()));
        index.rowsOf("colofon.html").forEach(r -> {
            assertEquals("page", r.kind());
            assertEquals(List.of(), r.themes());
        });
    }

    @Test
    void navigationFootersAndListsOfOtherPagesAreLeftOut() {
        for (IndexFile.Row row : index.rows()) {
            String all = row.heading() + " " + row.text();
            for (String chrome : List.of("Direct naar de inhoud", "Laatst bijgewerkt", "Op deze pagina", "Hoofdmenu",
                    "Zoeken op deze site", "Alle trends bij", "Vorige trend", "Uitgave van de")) {
                assertFalse(all.contains(chrome), row.page() + "#" + row.fragment() + " contains '" + chrome + "'");
            }
        }
    }

    @Test
    void theFirstFileEveryShardAndEveryPageTextHaveAGzippedTwinThatUnpacksToThem() throws IOException {
        Path data = site.resolve(index.dataFolder());
        List<Path> shards;
        try (var files = Files.list(data.resolve("w"))) {
            shards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(shards.size() > 40, "shards: " + shards.size());
        List<Path> all = new java.util.ArrayList<>(shards);
        try (var files = Files.list(data.resolve("p"))) {
            all.addAll(files.filter(f -> f.toString().endsWith(".json")).sorted().toList());
        }
        all.add(site.resolve(SearchIndexWriter.FILE_NAME));
        long plainBytes = 0;
        long packedBytes = 0;
        for (Path file : all) {
            byte[] bytes = Files.readAllBytes(file);
            byte[] packed = Files.readAllBytes(file.resolveSibling(file.getFileName() + ".gz"));
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(packed))) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, in.readAllBytes(), file.toString());
            }
            plainBytes += bytes.length;
            packedBytes += packed.length;
        }
        assertTrue(packedBytes * 3 / 2 < plainBytes, "compressed: " + packedBytes + " of " + plainBytes);
        try (var files = Files.list(data.resolve("p"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            long withParts = index.pages().stream().filter(p -> ((Number) ((List<?>) p).get(2)).intValue() > 0).count();
            assertEquals(withParts, names.size(), "a text per page with parts: " + names);
            names.forEach(n -> assertTrue(n.matches("\\d+\\.json"), n));
        }
        try (var files = Files.list(site.resolve("search-index"))) {
            assertEquals(List.of(index.dataFolder()), files.map(p -> "search-index/" + p.getFileName() + "/").toList(),
                    "one folder, named in the first file");
        }
    }

    @Test
    void theTextIsTheVisibleTextWithWhitespaceCollapsed() {
        for (IndexFile.Row row : index.rows()) {
            assertEquals(row.text().strip().replaceAll("\\s+", " "), row.text());
            assertFalse(row.text().contains("<p>") || row.text().contains("&#"), "no markup or entities: " + row.page());
        }
    }
}
