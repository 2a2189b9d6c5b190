package nl.noordoostpolder.ivb.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.testing.GeneratedSite;
import nl.noordoostpolder.ivb.testing.InEnglish;
import nl.noordoostpolder.ivb.validate.Problem;

/**
 * The preview builder on a generated site of {@value #PAGES} pages, where {@link PreviewBuilderTest}'s real site has
 * about 40: after every kind of edit the served folder is byte for byte what a preview built from scratch serves,
 * while an edit renders only the pages that show what changed. At this size the site has no one-page view of the
 * whole policy ({@code site.wholepolicy=auto} makes it up to 200 pages only), so a new body renders one page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(InEnglish.class) // asserts the English text of a message
class PreviewAtSizeTest {

    private static final int PAGES = 300;
    /** Trend 7 is the second trend of thema-1 (see {@link GeneratedSite}). */
    private static final String TREND = "content/trends/trend-7.adoc";
    private static final String TREND_PAGE = "trends/trend-7.html";
    private static final String FIRST_SECTION = "== In het kort\n\n";

    Path dir;
    Path source;
    Bakery bakery;
    LiveSite live;
    PreviewBuilder builder;
    SourceEdits edits;

    @BeforeAll
    void firstBuild(@TempDir Path tempDir) {
        dir = tempDir;
        source = GeneratedSite.write(PAGES, dir.resolve("src"));
        edits = new SourceEdits(source);
        bakery = new Bakery(source, BakeOptions.defaults());
        live = new LiveSite();
        builder = new PreviewBuilder(source, bakery::converter, source.resolve("target/preview"), live, 2);
        PreviewBuilder.Outcome first = builder.rebuild();
        assertEquals(List.of(), first.problems());
        assertEquals(first.pages(), first.rendered().size());
        assertFalse(Files.exists(live.current().root().resolve(GeneratedPage.WHOLE_POLICY.getUrl())),
                "no one-page view of the whole policy at " + PAGES + " pages");
    }

    @AfterAll
    void close() {
        builder.close();
        bakery.close();
    }

    @AfterEach
    void restoreSources() {
        edits.restore();
        assertEquals(List.of(), builder.rebuild().problems());
    }

    @Test
    void aNewBodyRendersOnlyThatPage() throws IOException {
        edits.replace(TREND, FIRST_SECTION, FIRST_SECTION + "Een nieuwe zin voor de test.\n\n");
        PreviewBuilder.Outcome outcome = builder.rebuild();
        assertEquals(List.of(TREND_PAGE), outcome.rendered());
        assertTrue(served(TREND_PAGE).contains("Een nieuwe zin voor de test."));
        assertSameAsFullBuild();
    }

    @Test
    void aNewTitleRendersExactlyThePagesThatShowIt() throws IOException {
        String title = edits.read(TREND).lines().findFirst().orElseThrow().substring("= ".length());
        Set<String> showingIt = pagesShowing(title);
        edits.replace(TREND, "= " + title + "\n", "= Een titel voor de test\n");
        PreviewBuilder.Outcome outcome = builder.rebuild();
        assertEquals(showingIt, pagesShowing("Een titel voor de test"), "the same pages show the new title");
        assertEquals(showingIt, new TreeSet<>(outcome.rendered()));
        assertTrue(showingIt.containsAll(Set.of(TREND_PAGE, "themes/thema-1.html", "trends.html", "a-z.html")),
                showingIt.toString());
        assertTrue(showingIt.size() < 20, "a trend page lists the trends near it, not all of its theme: " + showingIt);
        assertSameAsFullBuild();
    }

    @Test
    void movingATrendToAnotherThemeRendersBothThemePages() throws IOException {
        edits.replace(TREND, ":jbake-theme: thema-1\n:jbake-order: 2\n", ":jbake-theme: thema-2\n:jbake-order: 99\n");
        PreviewBuilder.Outcome outcome = builder.rebuild();
        assertEquals(List.of(), outcome.problems());
        assertTrue(outcome.rendered().containsAll(List.of("themes/thema-1.html", "themes/thema-2.html")),
                outcome.rendered().toString());
        assertFalse(served("themes/thema-1.html").contains("trend-7.html"));
        assertTrue(served("themes/thema-2.html").contains("trend-7.html"));
        assertSameAsFullBuild();
    }

    @Test
    void addingHidingAndDeletingPagesGivesTheSameSiteAsAFullBuild() throws IOException {
        edits.create("content/trends/nieuwe-trend.adoc", """
                = Nieuwe trend
                :jbake-type: trend
                :jbake-status: published
                :jbake-date: 2026-11-30
                :jbake-summary: Een trend voor de test.
                :jbake-theme: thema-3
                :jbake-order: 500

                == In het kort

                Tekst van de nieuwe trend.
                """);
        assertEquals(List.of(), builder.rebuild().problems());
        assertTrue(served("themes/thema-3.html").contains("Nieuwe trend"));
        assertSameAsFullBuild();

        edits.replace("content/trends/nieuwe-trend.adoc", ":jbake-status: published", ":jbake-status: draft");
        assertEquals(List.of(), builder.rebuild().problems());
        assertFalse(Files.exists(live.current().root().resolve("trends/nieuwe-trend.html")));
        assertSameAsFullBuild();

        String unlinked = unlinkedTrend();
        Pattern link = Pattern.compile("[\"/]" + unlinked + "\\.html\"");
        assertTrue(pagesWhere(html -> link.matcher(html).find()).contains("trends.html"), "listed before");
        edits.delete("content/trends/" + unlinked + ".adoc");
        assertEquals(List.of(), builder.rebuild().problems());
        assertFalse(Files.exists(live.current().root().resolve("trends/" + unlinked + ".html")));
        assertEquals(Set.of(), pagesWhere(html -> link.matcher(html).find()), "no page links to it any more");
        assertSameAsFullBuild();
    }

    @Test
    void aNewSectionGivesThePageNewIdsAndRendersOnlyThatPage() throws IOException {
        // a second "Wat er speelt" before the first takes its id, and the first one gets a new one
        assertTrue(served(TREND_PAGE).contains("id=\"wat-er-speelt\""));
        assertFalse(served(TREND_PAGE).contains("id=\"wat-er-speelt-2\""));
        edits.replace(TREND, FIRST_SECTION, "== Wat er speelt\n\nEen nieuwe eerste kop.\n\n" + FIRST_SECTION);
        PreviewBuilder.Outcome outcome = builder.rebuild();
        assertEquals(List.of(TREND_PAGE), outcome.rendered());
        assertTrue(served(TREND_PAGE).contains("id=\"wat-er-speelt-2\""));
        assertSameAsFullBuild();
    }

    @Test
    void aTemplateChangeRendersEveryPage() throws IOException {
        edits.append("templates/partials/footer.peb", "\n<!-- voettekst -->\n");
        PreviewBuilder.Outcome outcome = builder.rebuild();
        assertEquals(outcome.pages(), outcome.rendered().size());
        assertTrue(served(TREND_PAGE).contains("<!-- voettekst -->"));
        assertSameAsFullBuild();
    }

    @Test
    void aBrokenCrossReferenceIsReportedAndTheLastGoodSiteStaysServed() throws IOException {
        breakAndFix("content/proces.adoc", "Zie xref:trends/bestaat-niet.adoc[een trend die er niet is].",
                "broken link: 'trends/bestaat-niet.html'");
        breakAndFix(TREND, "Zie <<bestaat-niet>>.", "broken link: '#bestaat-niet'");
        assertSameAsFullBuild();
    }

    /**
     * Puts {@code line} into {@code path}: the rebuild reports a problem there that starts with {@code message}, and
     * the last good site stays served as it was; then undoes the edit.
     */
    private void breakAndFix(String path, String line, String message) throws IOException {
        settle();
        Path served = live.current().root();
        long generation = live.current().generation();
        Path lastGood = dir.resolve("last-good-" + generation);
        SiteFolders.copyTree(served, lastGood);

        edits.replace(path, FIRST_SECTION, FIRST_SECTION + line + "\n\n");
        PreviewBuilder.Outcome broken = builder.rebuild();
        assertFalse(broken.ok(), line);
        Problem problem = broken.problems().get(0);
        assertEquals(path, problem.path(), broken.problems().toString());
        assertEquals(lineOf(path, line), problem.line(), broken.problems().toString());
        assertTrue(problem.message().startsWith(message), problem.message());
        settle();
        assertEquals(served, live.current().root());
        assertEquals(generation, live.current().generation());
        SiteFolders.assertSameSite(lastGood, served);

        edits.replace(path, FIRST_SECTION + line + "\n\n", FIRST_SECTION);
        PreviewBuilder.Outcome fixed = builder.rebuild();
        assertEquals(List.of(), fixed.problems());
        assertEquals(List.of(), live.current().problems());
    }

    private int lineOf(String path, String line) {
        List<String> lines = edits.read(path).lines().toList();
        return lines.indexOf(line) + 1;
    }

    /** A generated trend (other than the ones above) that no page links to. */
    private String unlinkedTrend() throws IOException {
        String all;
        try (Stream<Path> files = Files.walk(source.resolve("content"))) {
            all = files.filter(f -> f.toString().endsWith(".adoc")).map(PreviewAtSizeTest::read)
                    .collect(Collectors.joining());
        }
        return IntStream.rangeClosed(8, PAGES).mapToObj(i -> "trend-" + i)
                .filter(t -> Files.exists(source.resolve("content/trends/" + t + ".adoc")))
                .filter(t -> !all.contains("xref:" + t + ".adoc[") && !all.contains("/" + t + ".adoc["))
                .findFirst().orElseThrow();
    }

    /** The pages of the served site whose HTML contains {@code text}. */
    private Set<String> pagesShowing(String text) {
        return pagesWhere(html -> html.contains(text));
    }

    private Set<String> pagesWhere(Predicate<String> test) {
        Path root = live.current().root();
        Set<String> pages = new TreeSet<>();
        for (String file : SiteFolders.files(root)) {
            if (file.endsWith(".html") && test.test(read(root.resolve(file)))) {
                pages.add(file);
            }
        }
        return pages;
    }

    /** Waits for what the preview does after serving, so that the served folder is complete. */
    private void settle() {
        builder.awaitSearchIndex();
    }

    private void assertSameAsFullBuild() {
        settle();
        SiteFolders.assertSameAsFreshPreview(source, bakery::converter, dir.resolve("full"), live.current().root());
    }

    private String served(String url) {
        return read(live.current().root().resolve(url));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
