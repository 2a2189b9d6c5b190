package nl.noordoostpolder.ivb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.content.Document;
import nl.noordoostpolder.ivb.content.Period;
import nl.noordoostpolder.ivb.content.SiteModel;
import nl.noordoostpolder.ivb.post.AtomFeed;
import nl.noordoostpolder.ivb.post.BakedSite;
import nl.noordoostpolder.ivb.post.OutputStep;
import nl.noordoostpolder.ivb.post.OutputSteps;
import nl.noordoostpolder.ivb.post.RobotsTxt;
import nl.noordoostpolder.ivb.post.Sitemap;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.source.Header;
import nl.noordoostpolder.ivb.source.SourceFile;
import nl.noordoostpolder.ivb.validate.Problems;

/** The sitemap, feed and robots.txt steps on a small site model, without a bake. */
class PublishFilesTest {

    private static final SiteSettings WITH_BASE = new SiteSettings("Veiligheid & <zo>", "Gemeente X",
            "https://example.org/ivb", "");
    private static final SiteSettings WITHOUT_BASE = WITH_BASE.withBaseUrl("");

    @TempDir
    Path out;

    private final SiteModel site = new SiteModel(List.of(
            doc(DocType.PAGE, "index", "index.html", "Home", "2024-01-10", null, null),
            doc(DocType.PAGE, "colofon", "colofon.html", "Colofon & \"contact\"", "2024-06-30", null, null),
            doc(DocType.MILESTONE, "besluit", "milestones/besluit.html", "Besluit", "2024-01-10", "voorjaar 2024", "planned"),
            doc(DocType.MILESTONE, "raad", "milestones/raad.html", "Raad", "2023-11-01", "2023-10-31", "done")));

    @Test
    void withoutABaseUrlNothingIsWritten() throws IOException {
        apply(WITHOUT_BASE);
        for (String file : List.of(Sitemap.FILE, AtomFeed.FILE, RobotsTxt.FILE)) {
            assertFalse(Files.exists(out.resolve(file)), file);
        }
    }

    @Test
    void theFilesPagesLinkToAreWrittenBeforeTheLinkCheck() {
        List<Class<?>> first = OutputSteps.linkedFiles().stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(Sitemap.class, AtomFeed.class, RobotsTxt.class), first);
    }

    @Test
    void feedDatesComeFromTheContentAtTheStartOfTheDutchDay() throws Exception {
        apply(WITH_BASE);
        String feed = Files.readString(out.resolve(AtomFeed.FILE), StandardCharsets.UTF_8);
        // newest content date, in summer time
        assertTrue(feed.contains("<updated>2024-06-30T00:00:00+02:00</updated>\n  <author>"), feed);
        assertEquals(List.of("https://example.org/ivb/colofon.html", "https://example.org/ivb/milestones/besluit.html",
                "https://example.org/ivb/", "https://example.org/ivb/milestones/raad.html"), all(feed, "<id>([^<]+)</id>").subList(1, 5));
        assertEquals(List.of("2024-06-30T00:00:00+02:00", "2024-01-10T00:00:00+01:00", "2024-01-10T00:00:00+01:00",
                "2023-11-01T00:00:00+01:00"), all(feed, "<updated>([^<]+)</updated>").subList(1, 5));
        assertTrue(feed.contains("<summary>Voorjaar 2024 (gepland): Over Besluit.</summary>"), feed);
        assertTrue(feed.contains("<summary>31 oktober 2023 (afgerond): Over Raad.</summary>"), feed);
    }

    @Test
    void textIsEscapedAndTheFilesParse() throws Exception {
        apply(WITH_BASE);
        String feed = Files.readString(out.resolve(AtomFeed.FILE), StandardCharsets.UTF_8);
        assertTrue(feed.contains("<title>Colofon &amp; \"contact\"</title>"), feed);
        assertTrue(feed.contains("<title>Veiligheid &amp; &lt;zo&gt;</title>"), feed);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String file : List.of(Sitemap.FILE, AtomFeed.FILE)) {
            var root = factory.newDocumentBuilder().parse(out.resolve(file).toFile()).getDocumentElement();
            assertEquals(file.equals(Sitemap.FILE) ? Sitemap.NAMESPACE : AtomFeed.NAMESPACE, root.getNamespaceURI());
        }
    }

    @Test
    void sitemapListsHomeFirstWithoutTheNotFoundPage() throws IOException {
        apply(WITH_BASE);
        String sitemap = Files.readString(out.resolve(Sitemap.FILE), StandardCharsets.UTF_8);
        List<String> locs = all(sitemap, "<loc>([^<]+)</loc>");
        assertEquals("https://example.org/ivb/", locs.get(0));
        assertFalse(sitemap.contains("404"), sitemap);
        assertTrue(locs.contains("https://example.org/ivb/themas.html"), "generated pages are listed: " + locs);
        assertTrue(sitemap.contains("<loc>https://example.org/ivb/colofon.html</loc>\n    <lastmod>2024-06-30</lastmod>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://example.org/ivb/themas.html</loc>\n  </url>"), "no lastmod without a date");
    }

    @Test
    void robotsTxtPointsToTheSitemap() throws IOException {
        apply(WITH_BASE);
        String robots = Files.readString(out.resolve(RobotsTxt.FILE), StandardCharsets.UTF_8);
        assertTrue(robots.contains("\nUser-agent: *\nDisallow:\n"), robots);
        assertTrue(robots.endsWith("\nSitemap: https://example.org/ivb/sitemap.xml\n"), robots);
    }

    private void apply(SiteSettings settings) {
        Problems problems = new Problems();
        for (OutputStep step : List.of(new Sitemap(), new AtomFeed(), new RobotsTxt())) {
            step.apply(site, new BakedSite(out, java.util.Map.of()), settings, problems);
        }
        assertTrue(problems.isEmpty(), problems.list().toString());
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Document doc(DocType type, String slug, String url, String title, String date, String period, String progress) {
        String path = "content/" + url.replace(".html", ".adoc");
        SourceFile source = SourceFile.of(Path.of(path), path, "= " + title + "\n");
        return new Document(source, new Header(title, 1, Map.of(), 2), type, slug, url, "Over " + title + ".",
                LocalDate.parse(date), true, 0, period == null ? null : Period.parse(period).orElseThrow(), progress);
    }
}
