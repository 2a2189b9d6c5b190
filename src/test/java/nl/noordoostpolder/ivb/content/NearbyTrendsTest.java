package nl.noordoostpolder.ivb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.bake.ContentLoader;
import nl.noordoostpolder.ivb.source.SourceTree;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * A trend page lists the trends of its theme: all of them for a theme with a few, and a window of
 * {@value Document#NEARBY_TRENDS} around the trend for a theme with many, so no trend page grows with the site.
 */
class NearbyTrendsTest {

    @TempDir
    Path dir;

    @Test
    void aThemeWithFewTrendsListsThemAll() throws IOException {
        SiteModel site = siteWithTrends(3);
        for (Document trend : site.getTrends()) {
            assertEquals(trend.getTheme().getTrends(), trend.getNearbyTrends());
        }
    }

    @Test
    void aThemeWithManyTrendsListsAWindowWithTheTrendInTheMiddle() throws IOException {
        SiteModel site = siteWithTrends(30);
        List<Document> all = site.getThemes().get(0).getTrends();
        List<Document> nearby = all.get(15).getNearbyTrends();
        assertEquals(Document.NEARBY_TRENDS, nearby.size());
        assertSame(all.get(15), nearby.get(Document.NEARBY_TRENDS / 2));
        assertEquals(all.subList(10, 21), nearby);
    }

    @Test
    void theWindowStaysFullAtBothEndsOfTheList() throws IOException {
        SiteModel site = siteWithTrends(30);
        List<Document> all = site.getThemes().get(0).getTrends();
        assertEquals(all.subList(0, Document.NEARBY_TRENDS), all.get(0).getNearbyTrends());
        assertEquals(all.subList(0, Document.NEARBY_TRENDS), all.get(2).getNearbyTrends());
        assertEquals(all.subList(30 - Document.NEARBY_TRENDS, 30), all.get(29).getNearbyTrends());
        for (Document trend : all) {
            assertTrue(trend.getNearbyTrends().contains(trend), trend.getSlug());
        }
    }

    private SiteModel siteWithTrends(int count) throws IOException {
        write("content/themes/thema.adoc", "= Thema\n:jbake-type: theme\n:jbake-status: published\n"
                + ":jbake-date: 2024-01-01\n:jbake-summary: Een thema.\n:jbake-order: 1\n\nTekst.\n");
        for (int i = 1; i <= count; i++) {
            write("content/trends/trend-" + i + ".adoc", "= Trend " + i + "\n:jbake-type: trend\n"
                    + ":jbake-status: published\n:jbake-date: 2024-01-01\n:jbake-summary: Trend " + i + ".\n"
                    + ":jbake-theme: thema\n:jbake-order: " + i + "\n\nTekst.\n");
        }
        Files.createDirectories(dir.resolve("templates"));
        Problems problems = new Problems();
        List<Document> docs = ContentLoader.load(SourceTree.scan(dir, problems), problems);
        assertTrue(problems.isEmpty(), () -> problems.list().toString());
        return new SiteModel(docs);
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
