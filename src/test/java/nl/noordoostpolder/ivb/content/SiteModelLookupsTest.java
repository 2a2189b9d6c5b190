package nl.noordoostpolder.ivb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.bake.ContentLoader;
import nl.noordoostpolder.ivb.source.SourceTree;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * The site model answers "the trends of this theme" and the like from lookups built once per bake. Each answer must
 * equal what a straightforward scan of all documents gives, on the real content.
 */
class SiteModelLookupsTest {

    private static List<Document> all;
    private static SiteModel site;

    @BeforeAll
    static void load() {
        Problems problems = new Problems();
        all = ContentLoader.load(SourceTree.scan(SiteUnderTest.projectDir(), problems), problems);
        assertTrue(problems.isEmpty(), () -> "the real content has problems: " + problems.list());
        site = new SiteModel(all.stream().filter(Document::isPublished).toList());
    }

    @Test
    void trendsOfEachThemeAreTheTrendsThatNameItInOrder() {
        for (Document theme : site.getThemes()) {
            List<Document> scanned = all.stream()
                    .filter(d -> d.getType() == DocType.TREND && d.isPublished())
                    .filter(d -> theme.getSlug().equals(d.getHeader().value("theme")))
                    .sorted(Comparator.comparingInt(Document::getOrder))
                    .toList();
            assertEquals(scanned, theme.getTrends(), "trends of " + theme.getSlug());
            scanned.forEach(t -> assertEquals(theme, t.getTheme(), "theme of " + t.getSlug()));
        }
    }

    @Test
    void previousAndNextTrendAreNeighboursWithinTheTheme() {
        for (Document theme : site.getThemes()) {
            List<Document> trends = theme.getTrends();
            for (int i = 0; i < trends.size(); i++) {
                assertEquals(i == 0 ? null : trends.get(i - 1), trends.get(i).getPrevious());
                assertEquals(i == trends.size() - 1 ? null : trends.get(i + 1), trends.get(i).getNext());
            }
        }
    }

    @Test
    void sessionsOfEachThemeAreTheSessionsThatNameIt() {
        for (Document theme : site.getThemes()) {
            List<Document> scanned = site.getSessions().stream()
                    .filter(s -> SiteModel.slugs(s.getHeader().value("themes")).contains(theme.getSlug()))
                    .toList();
            assertEquals(scanned, theme.getSessions(), "sessions of " + theme.getSlug());
        }
    }

    @Test
    void milestonesAreInDateOrderAndLinkedToTheirSession() {
        List<Document> milestones = site.getMilestones();
        for (int i = 1; i < milestones.size(); i++) {
            assertTrue(milestones.get(i - 1).getPeriod().compareTo(milestones.get(i).getPeriod()) <= 0);
        }
        for (Document m : milestones) {
            String session = m.getHeader().value("session");
            assertEquals(session, m.getSession() == null ? null : m.getSession().getSlug());
            if (session != null) {
                assertTrue(Objects.requireNonNull(m.getSession()).getMilestones().contains(m));
            }
        }
    }
}
