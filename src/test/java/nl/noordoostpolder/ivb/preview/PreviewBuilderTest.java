package nl.noordoostpolder.ivb.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.content.PolicyDownload;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.testing.Umask;
import nl.noordoostpolder.ivb.validate.Problem;
import org.junit.jupiter.api.extension.ExtendWith;
import nl.noordoostpolder.ivb.testing.InEnglish;

/**
 * The preview builder on a copy of the real site: each edit renders only the pages it affects, and the result is
 * always byte for byte what a build from scratch gives; a broken edit leaves the last good site in place.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(InEnglish.class) // these tests assert the English text of the messages
class PreviewBuilderTest {

    private static final String TREND = "content/trends/krapte-in-de-zorg.adoc";
    private static final String THEME = "zorg-en-veiligheid";

    Path dir;
    Path source;
    Bakery bakery;
    LiveSite live;
    PreviewBuilder builder;
    SourceEdits edits;

    @BeforeAll
    void firstBuild(@TempDir Path tempDir) {
        dir = tempDir;
        source = SiteFolders.copySources(SiteUnderTest.projectDir(), dir.resolve("src"));
        edits = new SourceEdits(source);
        bakery = new Bakery(source, BakeOptions.defaults());
        live = new LiveSite();
        builder = new PreviewBuilder(source, bakery::converter, source.resolve("target/preview"), live, 2);
        PreviewBuilder.Outcome first = builder.rebuild();
        assertEquals(List.of(), first.problems());
        assertEquals(first.pages(), first.rendered().size());
    }

    @AfterAll
    void close() {
        builder.close();
        bakery.close();
    }

    @AfterEach
    void restoreSources() throws IOException {
        edits.restore();
        assertEquals(List.of(), builder.rebuild().problems());
    }

    @Test
    void theFirstBuildIsTheSiteThatBuildWrites() {
        Path built = dir.resolve("built");
        bakery.build(built);
        SiteFolders.assertSameSiteAsBuild(built, live.current().root());
    }

    @Test
    void theServedFolderHasTheUmasksPermissionsLikeABuild() {
        Umask.assumePosix();
        Umask.assertUmaskMode(source.resolve("target/preview"), dir);
        Umask.assertUmaskMode(live.current().root(), dir);
    }

    @Test
    void thePdfIsMadeOnlyWhenItsAddressIsAskedForAndKeptUntilItsTextChanges() throws IOException {
        int before = builder.pdfRenders();
        assertFalse(Files.exists(live.current().root().resolve(PolicyDownload.FILE)), "no PDF is made on a rebuild");
        assertTrue(Files.readString(live.current().root().resolve("index.html"))
                .contains("Download het hele beleid (PDF)</a>"), "the home page links to it without a size");
        byte[] pdf = live.madeOnDemand(PolicyDownload.FILE).orElseThrow();
        Path built = dir.resolve("built-for-pdf");
        bakery.build(built);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(built.resolve(PolicyDownload.FILE)), pdf),
                "the same PDF as a build makes");
        live.madeOnDemand(PolicyDownload.FILE).orElseThrow();
        assertEquals(before + 1, builder.pdfRenders(), "asked twice, made once");

        edits.replace(TREND, "In de zorg is er krapte: er is te weinig.", "In de zorg is er krapte: nieuwe zin.");
        assertEquals(List.of(), builder.rebuild().problems());
        assertEquals(before + 1, builder.pdfRenders(), "a save does not make the PDF");
        byte[] after = live.madeOnDemand(PolicyDownload.FILE).orElseThrow();
        assertFalse(java.util.Arrays.equals(pdf, after), "a changed text makes a new PDF");
        assertEquals(before + 2, builder.pdfRenders());
        assertTrue(live.madeOnDemand("andere.pdf").isEmpty(), "no other file is made on request");
    }

    @Test
    void aNewBodyRendersOnlyThatPageAndTheOnePageViewThatHoldsEveryBody() throws IOException {
        edits.replace(TREND, "In de zorg is er krapte: er is te weinig.", "In de zorg is er krapte: nieuwe zin.");
        PreviewBuilder.Outcome outcome = builder.rebuild();
        assertEquals(List.of("trends/krapte-in-de-zorg.html", "volledig-beleid.html"), outcome.rendered());
        assertTrue(served("volledig-beleid.html").contains("nieuwe zin."));
        assertTrue(served("trends/krapte-in-de-zorg.html").contains("nieuwe zin."));
        assertSameAsFullBuild();
    }

    @Test
    void anEditIsServedWithTheLastSearchIndexInPlaceWhichTheNewOneThenReplaces() throws IOException {
        String before = searchFolder(live.current().root());
        List<String> servedWith = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean listening = new java.util.concurrent.atomic.AtomicBoolean(true);
        live.onChange(snapshot -> {
            if (!listening.get()) {
                return;
            }
            String folder = searchFolder(snapshot.root());
            boolean complete = Files.isDirectory(snapshot.root().resolve(folder).resolve("w"))
                    && Files.isDirectory(snapshot.root().resolve(folder).resolve("p"));
            servedWith.add(folder + (complete ? "" : " (incomplete)"));
        });
        edits.replace(TREND, "In de zorg is er krapte: er is te weinig.", "In de zorg is er krapte: zoekwoord-xyz.");
        assertEquals(List.of(), builder.rebuild().problems());
        listening.set(false);
        assertEquals(List.of(before), servedWith, "served at once, with the index of the build before");
        builder.awaitSearchIndex();
        String after = searchFolder(live.current().root());
        assertNotEquals(before, after, "then the new index, in a new folder");
        assertFalse(Files.exists(live.current().root().resolve(before)), "and the last one is gone from this folder");
        assertSameAsFullBuild();
    }

    private static String searchFolder(Path root) {
        try {
            String meta = Files.readString(root.resolve("search-index.json"));
            int at = meta.indexOf("\"data\":\"") + 8;
            return meta.substring(at, meta.indexOf('"', at));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aNewTitleRendersThePagesThatShowItAndNoOthers() throws IOException {
        edits.replace(TREND, "= Krapte in de zorg", "= Tekorten in de zorg");
        PreviewBuilder.Outcome outcome = builder.rebuild();
        Set<String> expected = new TreeSet<>(trendsOf(THEME));
        expected.addAll(Set.of("themes/" + THEME + ".html", "trends.html", "a-z.html", "volledig-beleid.html"));
        assertEquals(expected, new TreeSet<>(outcome.rendered()));
        assertTrue(served("themes/" + THEME + ".html").contains("Tekorten in de zorg"));
        assertSameAsFullBuild();
    }

    @Test
    void movingAddingHidingAndDeletingPagesGivesTheSameSiteAsAFullBuild() throws IOException {
        edits.replace(TREND, ":jbake-theme: " + THEME + "\n:jbake-order: 3", ":jbake-theme: cybercrime\n:jbake-order: 99");
        assertTrue(builder.rebuild().ok());
        assertTrue(served("themes/cybercrime.html").contains("krapte-in-de-zorg.html"));
        assertFalse(served("themes/" + THEME + ".html").contains("krapte-in-de-zorg.html"));
        assertSameAsFullBuild();

        edits.create("content/trends/nieuwe-trend.adoc", """
                = Nieuwe trend
                :jbake-type: trend
                :jbake-status: published
                :jbake-date: 2026-11-30
                :jbake-summary: Een trend voor de test.
                :jbake-theme: evenementen
                :jbake-order: 50

                == In het kort

                Tekst van de nieuwe trend.
                """);
        assertTrue(builder.rebuild().ok());
        assertTrue(served("themes/evenementen.html").contains("Nieuwe trend"));
        assertSameAsFullBuild();

        edits.replace("content/trends/nieuwe-trend.adoc", ":jbake-status: published", ":jbake-status: draft");
        assertTrue(builder.rebuild().ok());
        assertFalse(Files.exists(live.current().root().resolve("trends/nieuwe-trend.html")));
        assertSameAsFullBuild();

        edits.replace("content/themes/cybercrime.adoc", ":jbake-order: 1", ":jbake-order: 60");
        PreviewBuilder.Outcome reorder = builder.rebuild();
        assertEquals(reorder.pages(), reorder.rendered().size(), "the menu on every page changes");
        assertSameAsFullBuild();
    }

    @Test
    void aDeletedPageDisappearsWithItsListings() throws IOException {
        edits.delete(TREND);
        PreviewBuilder.Outcome outcome = builder.rebuild();
        assertTrue(outcome.ok(), outcome.problems().toString());
        Path site = live.current().root();
        assertFalse(Files.exists(site.resolve("trends/krapte-in-de-zorg.html")));
        for (String page : List.of("themes/" + THEME + ".html", "trends.html", "a-z.html")) {
            assertFalse(served(page).contains("krapte-in-de-zorg"), page);
        }
        assertSameAsFullBuild();
    }

    @Test
    void aTemplateChangeRendersEveryPageAndAnAssetChangeOnlyThe404PageThatInlinesTheStylesheet() throws IOException {
        edits.append("templates/partials/footer.peb", "\n<!-- voettekst -->\n");
        PreviewBuilder.Outcome template = builder.rebuild();
        assertEquals(template.pages(), template.rendered().size());
        assertTrue(served("trends/krapte-in-de-zorg.html").contains("<!-- voettekst -->"));

        edits.prepend("assets/css/site.css", "/* preview test */\n");
        PreviewBuilder.Outcome asset = builder.rebuild();
        assertTrue(asset.written());
        assertEquals(List.of("404.html"), asset.rendered());
        assertTrue(served("css/site.css").startsWith("/* preview test */"));
        assertTrue(served("404.html").contains("<style>/* preview test */"));
        assertSameAsFullBuild();
    }

    @Test
    void aHeaderErrorIsReportedWithFileAndLineAndTheLastGoodPageStays() throws IOException {
        Path before = live.current().root();
        long generation = live.current().generation();
        edits.replace(TREND, ":jbake-theme: " + THEME, ":jbake-theme: zorg");
        PreviewBuilder.Outcome broken = builder.rebuild();
        assertFalse(broken.ok());
        Problem problem = broken.problems().get(0);
        assertEquals(TREND, problem.path());
        assertEquals(6, problem.line());
        assertTrue(problem.message().startsWith("unknown theme 'zorg' (known: crisisorganisatie, cybercrime"), problem.message());
        assertEquals(broken.problems(), live.current().problems());
        assertEquals(before, live.current().root());
        assertEquals(generation, live.current().generation());
        assertTrue(served("trends/krapte-in-de-zorg.html").contains("Krapte in de zorg"));

        edits.replace(TREND, ":jbake-theme: zorg\n", ":jbake-theme: " + THEME + "\n");
        edits.replace(TREND, "In de zorg is er krapte: er is te weinig.", "Weer goed.");
        PreviewBuilder.Outcome fixed = builder.rebuild();
        assertTrue(fixed.ok());
        assertEquals(List.of(), live.current().problems());
        assertEquals(generation + 1, live.current().generation());
        assertTrue(served("trends/krapte-in-de-zorg.html").contains("Weer goed."));
    }

    @Test
    void undoingABrokenEditClearsTheProblemsWithoutANewBuild() throws IOException {
        long generation = live.current().generation();
        edits.replace(TREND, ":jbake-order: 3", ":jbake-order: drie");
        assertFalse(builder.rebuild().ok());
        edits.replace(TREND, ":jbake-order: drie", ":jbake-order: 3");
        PreviewBuilder.Outcome undone = builder.rebuild();
        assertTrue(undone.ok());
        assertFalse(undone.written());
        assertEquals(List.of(), live.current().problems());
        assertEquals(generation, live.current().generation());
    }

    @Test
    void aBrokenLinkFoundAfterRenderingAlsoKeepsTheLastGoodPage() throws IOException {
        edits.replace(TREND, "In de zorg is er krapte: er is te weinig.",
                "Zie xref:../themes/bestaat-niet.adoc[een thema dat er niet is].");
        PreviewBuilder.Outcome broken = builder.rebuild();
        assertFalse(broken.ok());
        assertEquals(TREND, broken.problems().get(0).path());
        assertEquals(11, broken.problems().get(0).line());
        assertTrue(broken.problems().get(0).message().startsWith("broken link"), broken.problems().toString());
        assertFalse(served("trends/krapte-in-de-zorg.html").contains("bestaat-niet"));
        try (Stream<Path> folders = Files.list(source.resolve("target/preview"))) {
            assertTrue(folders.filter(f -> f.getFileName().toString().startsWith("site-")).count() <= 2,
                    "the failed build's folder is gone: only the served folder and the one before it are kept");
        }
    }

    @Test
    void anEditIsWrittenIntoTheFolderServedNowAndATemplateChangeIntoANewOne() throws IOException {
        Path served = live.current().root();
        long generation = live.current().generation();
        edits.replace(TREND, "In de zorg is er krapte: er is te weinig.", "In de zorg is er krapte: ter plekke.");
        assertTrue(builder.rebuild().written());
        assertEquals(served, live.current().root(), "a page edit replaces files in the served folder");
        assertEquals(generation + 1, live.current().generation(), "and the browser is told to reload");
        assertTrue(served("trends/krapte-in-de-zorg.html").contains("ter plekke."));

        edits.append("templates/partials/footer.peb", "\n<!-- nieuwe map -->\n");
        assertTrue(builder.rebuild().written());
        assertNotEquals(served, live.current().root(), "every page changes: a new folder, served when complete");
        assertSameAsFullBuild();
    }

    @Test
    void aSectionThatAnotherPageLinksToCannotDisappearUnnoticed() throws IOException {
        String other = "content/trends/afnemend-vertrouwen-in-overheid.adoc";
        edits.append(other, "\nZie ook xref:krapte-in-de-zorg.adoc#wat-deze-trend-betekent[wat krapte betekent].\n");
        assertEquals(List.of(), builder.rebuild().problems());

        edits.replace(TREND, "== Wat deze trend betekent", "== Wat dit betekent");
        PreviewBuilder.Outcome broken = builder.rebuild();
        assertFalse(broken.ok(), "the page that links to the section is checked again, though it did not change");
        assertEquals(other, broken.problems().get(0).path(), broken.problems().toString());
        assertTrue(broken.problems().get(0).message().contains("#wat-deze-trend-betekent"), broken.problems().toString());
        assertTrue(served("trends/krapte-in-de-zorg.html").contains("Wat deze trend betekent"), "the last good page stays");

        edits.replace(other, "#wat-deze-trend-betekent", "#wat-dit-betekent");
        assertEquals(List.of(), builder.rebuild().problems());
        assertSameAsFullBuild();
    }

    @Test
    void everyWrittenPageLinksToItsSourceWhenAnEditAddressIsSet() throws IOException {
        edits.replace("jbake.properties", "site.editurl=", "site.editurl=https://example.org/ivb/edit/main");
        assertTrue(builder.rebuild().ok());
        Path site = live.current().root();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(source.resolve("content"))) {
            pages = files.filter(f -> f.toString().endsWith(".adoc")).toList();
        }
        assertTrue(pages.size() > 30);
        for (Path adoc : pages) {
            String rel = source.relativize(adoc).toString().replace('\\', '/');
            String html = Files.readString(site.resolve(rel.substring("content/".length()).replace(".adoc", ".html")));
            assertTrue(html.contains("<a href=\"https://example.org/ivb/edit/main/" + rel + "\">Bewerk deze pagina"), rel);
        }
        assertFalse(Files.readString(site.resolve("themas.html")).contains("Bewerk deze pagina"),
                "a page the site makes has no source to edit");

        edits.replace("jbake.properties", "site.editurl=https://example.org/ivb/edit/main", "site.editurl=");
        assertTrue(builder.rebuild().ok());
        assertFalse(served("trends/krapte-in-de-zorg.html").contains("Bewerk deze pagina"));
    }

    @Test
    void aSecondPreviewOfTheSameSourcesIsRefusedInsteadOfEmptyingTheFirstOnesFolder() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new PreviewBuilder(source, bakery::converter, source.resolve("target/preview"), new LiveSite(), 1));
        assertTrue(e.getMessage().startsWith("another preview of these sources is running"), e.getMessage());
        assertTrue(Files.isRegularFile(live.current().root().resolve("index.html")), "the first preview's site is intact");
    }

    private void assertSameAsFullBuild() {
        builder.awaitSearchIndex();
        SiteFolders.assertSameAsFreshPreview(source, bakery::converter, dir.resolve("full"), live.current().root());
    }

    private Set<String> trendsOf(String theme) throws IOException {
        try (Stream<Path> files = Files.list(source.resolve("content/trends"))) {
            return files.filter(f -> {
                try {
                    return Files.readString(f).contains(":jbake-theme: " + theme + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> "trends/" + f.getFileName().toString().replace(".adoc", ".html")).collect(Collectors.toSet());
        }
    }

    private String served(String url) throws IOException {
        return Files.readString(live.current().root().resolve(url), StandardCharsets.UTF_8);
    }
}
