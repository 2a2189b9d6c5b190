package nl.noordoostpolder.ivb.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * Two real builds of the real site, the second with one trend changed (its summary and a sentence of its text) and
 * one new milestone: the comparison lists exactly the new milestone as added and, as changed, exactly the pages that
 * show what changed. That expectation is computed from the new site itself, not written down: a page must change
 * when it shows the trend's new summary or new sentence, or links to the new milestone, and no other page may.
 * <p>
 * Both edits keep the date of the site's newest page (2026-11-30). A later date would also, and rightly, change the
 * "laatst bijgewerkt" date in the footer of every page the site makes itself; that is not what this test is about.
 */
class SiteDiffTest {

    private static final String BASE_URL = "https://ivb.example.org/repo/";
    private static final String TREND = "content/trends/crises-zonder-punt.adoc";
    private static final String NEW_SUMMARY = "Crises zonder punt is een trend bij crisisorganisatie waarover de redactie "
            + "een proefzin schreef.";
    private static final String NEW_SENTENCE = "Deze proefzin staat alleen op de pagina van de trend.";
    private static final String MILESTONE = "milestones/proefmijlpaal-zomer-2024.html";

    private static Path before;
    private static Path after;
    private static Path rebuilt;

    @BeforeAll
    static void bakeBeforeAndAfterTheChange() throws IOException {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "site-diff");
        Path sourcesBefore = copyOfTheRealSite(work.resolve("before-src"));
        Path sourcesAfter = copyOfTheRealSite(work.resolve("after-src"));

        Path trend = sourcesAfter.resolve(TREND);
        String text = Files.readString(trend, StandardCharsets.UTF_8);
        String edited = text.replaceFirst("(?m)^:jbake-summary: .*$", ":jbake-summary: " + NEW_SUMMARY)
                .replaceFirst("(?m)^== In het kort\n\n", "== In het kort\n\n" + NEW_SENTENCE + "\n");
        assertTrue(!edited.equals(text) && edited.contains(NEW_SENTENCE) && edited.contains(NEW_SUMMARY), "edited");
        Files.writeString(trend, edited, StandardCharsets.UTF_8);
        Files.writeString(sourcesAfter.resolve("content/milestones/proefmijlpaal-zomer-2024.adoc"), """
                = Proefmijlpaal in de zomer van 2024
                :jbake-type: milestone
                :jbake-status: published
                :jbake-date: 2026-11-30
                :jbake-summary: Een mijlpaal die alleen in deze test bestaat.
                :jbake-period: zomer 2024
                :jbake-progress: planned

                == In het kort

                Een mijlpaal die alleen in deze test bestaat.
                """, StandardCharsets.UTF_8);

        try (Bakery bakeryBefore = new Bakery(sourcesBefore, BakeOptions.defaults().withBaseUrl(BASE_URL));
                Bakery bakeryAfter = new Bakery(sourcesAfter, BakeOptions.defaults().withBaseUrl(BASE_URL))) {
            before = bakeryBefore.build(work.resolve("before-site")).output();
            after = bakeryAfter.build(work.resolve("after-site")).output();
            rebuilt = bakeryBefore.build(work.resolve("rebuilt-site")).output();
        }
    }

    @AfterAll
    static void forget() {
        before = after = rebuilt = null;
    }

    @Test
    void listsTheNewMilestoneAndExactlyThePagesThatShowWhatChanged() throws IOException {
        SiteDiff diff = SiteDiff.between(SiteSnapshot.of(before), SiteSnapshot.of(after));

        assertEquals(List.of(new PageChange(MILESTONE, "Proefmijlpaal in de zomer van 2024")), diff.added());
        assertEquals(List.of(), diff.removed());

        Set<String> showingTheChange = new TreeSet<>();
        for (String page : pages(after)) {
            String html = Files.readString(after.resolve(page), StandardCharsets.UTF_8);
            if (!page.equals(MILESTONE) && (html.contains(NEW_SUMMARY) || html.contains(NEW_SENTENCE)
                    || linksTo(page, html, MILESTONE) || pdfSizeChanged(page, html))) {
                showingTheChange.add(page);
            }
        }
        assertEquals(showingTheChange, addresses(diff.changed()));

        // The expectation above is not empty or trivially everything: it holds the trend and the lists that show it
        // and the milestone, and far from every page.
        assertTrue(showingTheChange.containsAll(Set.of("trends/crises-zonder-punt.html", "trends.html",
                "themes/crisisorganisatie.html", "tijdlijn.html", "a-z.html")), showingTheChange.toString());
        assertTrue(showingTheChange.size() * 3 < pages(after).size(), showingTheChange + " of " + pages(after).size());

        assertEquals(SiteDiff.Part.CHANGED, diff.searchIndex());
        assertEquals(SiteDiff.Part.CHANGED, diff.sitemap(), "the sitemap lists the new milestone");
        assertEquals(SiteDiff.Part.CHANGED, diff.feed(), "the feed lists milestones");
        assertEquals(1, diff.otherFilesChanged(), "the PDF of the whole policy holds the changed text");
    }

    private static final java.util.regex.Pattern PDF_SIZE = java.util.regex.Pattern.compile("\\(PDF, [^)]*\\)");

    /** Whether the page's download link states another size of the PDF than before (the PDF holds every text). */
    private boolean pdfSizeChanged(String page, String html) throws IOException {
        java.util.regex.Matcher now = PDF_SIZE.matcher(html);
        Path old = before.resolve(page);
        if (!now.find() || !Files.exists(old)) {
            return false;
        }
        java.util.regex.Matcher then = PDF_SIZE.matcher(Files.readString(old, StandardCharsets.UTF_8));
        return !then.find() || !then.group().equals(now.group());
    }

    @Test
    void changedPagesAreNamedByTheirHeading() {
        SiteDiff diff = SiteDiff.between(SiteSnapshot.of(before), SiteSnapshot.of(after));
        assertTrue(diff.changed().contains(new PageChange("trends/crises-zonder-punt.html", "Crises zonder punt")),
                diff.changed().toString());
        assertTrue(diff.changed().contains(new PageChange("tijdlijn.html", "Tijdlijn")), diff.changed().toString());
    }

    @Test
    void twoBuildsOfTheSameSourcesShowNoDifference() {
        SiteDiff diff = SiteDiff.between(SiteSnapshot.of(before), SiteSnapshot.of(rebuilt));
        assertTrue(diff.noPageChanges(), diff.toString());
        assertEquals(SiteDiff.Part.UNCHANGED, diff.searchIndex());
        assertEquals(SiteDiff.Part.UNCHANGED, diff.sitemap());
        assertEquals(SiteDiff.Part.UNCHANGED, diff.feed());
        assertEquals(0, diff.otherFilesChanged());
    }

    @Test
    void theOtherWayRoundTheMilestoneIsRemoved() {
        SiteDiff diff = SiteDiff.between(SiteSnapshot.of(after), SiteSnapshot.of(before));
        assertEquals(List.of(new PageChange(MILESTONE, "Proefmijlpaal in de zomer van 2024")), diff.removed());
        assertEquals(List.of(), diff.added());
    }

    /** True when a link on {@code page} leads to {@code target} (relative links resolved as a browser does). */
    private static boolean linksTo(String page, String html, String target) {
        URI here = URI.create("https://site.invalid/" + page);
        for (Element a : Jsoup.parse(html).select("a[href]")) {
            URI to = here.resolve(a.attr("href"));
            if ("site.invalid".equals(to.getHost()) && ("/" + target).equals(to.getPath())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> addresses(List<PageChange> pages) {
        Set<String> set = new TreeSet<>();
        pages.forEach(p -> set.add(p.address()));
        return set;
    }

    private static Set<String> pages(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(f -> f.toString().endsWith(".html"))
                    .map(f -> site.relativize(f).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static Path copyOfTheRealSite(Path target) throws IOException {
        Path project = SiteUnderTest.projectDir();
        for (String part : List.of("content", "templates", "assets")) {
            Path from = project.resolve(part);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path to = target.resolve(part).resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                }
            }
        }
        Files.copy(project.resolve("jbake.properties"), target.resolve("jbake.properties"));
        return target;
    }
}
