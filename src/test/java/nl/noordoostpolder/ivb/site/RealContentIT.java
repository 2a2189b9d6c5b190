package nl.noordoostpolder.ivb.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * The real {@code content/}, as {@code mvn package} baked it with {@code java -jar target/ivb.jar build}: the site
 * holds what the sources say, read back from the HTML with Jsoup.
 */
class RealContentIT {

    private static final Pattern ATTRIBUTE = Pattern.compile("^:jbake-([a-z]+):[ \\t]*(.*)$", Pattern.MULTILINE);

    private static Path site;
    /** Every source page by its address in the site, with its header attributes. */
    private static final Map<String, Map<String, String>> SOURCES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        site = SiteUnderTest.bakedSite();
        Path content = SiteUnderTest.projectDir().resolve("content");
        try (Stream<Path> walk = Files.walk(content)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                String url = content.relativize(file).toString().replace('\\', '/').replaceAll("\\.adoc$", ".html");
                if (url.contains("/_") || url.startsWith("_")) {
                    continue; // shared text, not a page
                }
                Map<String, String> attributes = new TreeMap<>();
                Matcher m = ATTRIBUTE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    attributes.putIfAbsent(m.group(1), m.group(2).strip());
                }
                SOURCES.put(url, attributes);
            }
        }
    }

    private static List<String> published(String type) {
        return SOURCES.entrySet().stream()
                .filter(e -> type.equals(e.getValue().get("type")) && "published".equals(e.getValue().get("status")))
                .map(Map.Entry::getKey).toList();
    }

    private static Document page(String url) {
        Path file = site.resolve(url);
        assertTrue(Files.isRegularFile(file), url + " was not baked");
        try {
            return Jsoup.parse(file.toFile(), "UTF-8", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site path a relative link on {@code from} points at. */
    private static String target(String from, Element link) {
        return site.relativize(site.resolve(from).resolveSibling(link.attr("href").replaceAll("#.*$", "")).normalize())
                .toString().replace('\\', '/');
    }

    @Test
    void sixThemesAreOnTheThemeOverview() {
        List<String> themes = published("theme");
        assertEquals(6, themes.size(), themes.toString());
        Document overview = page("themas.html");
        List<String> listed = overview.select("main a[href]").stream().map(a -> target("themas.html", a))
                .filter(t -> t.startsWith("themes/")).distinct().sorted().toList();
        assertEquals(themes, listed);
    }

    @Test
    void eighteenTrendsEachLinkToAnExistingThemeThatListsThem() {
        List<String> trends = published("trend");
        assertEquals(18, trends.size(), trends.toString());
        for (String trend : trends) {
            String theme = "themes/" + SOURCES.get(trend).get("theme") + ".html";
            assertTrue(published("theme").contains(theme), trend + " names the theme " + theme);
            Element link = page(trend).selectFirst("main .meta a[href]");
            assertEquals(theme, target(trend, link), trend + " links to its theme");
            List<String> listedOnTheme = page(theme).select("section[aria-labelledby=trends-kop] a[href]").stream()
                    .map(a -> target(theme, a)).toList();
            assertTrue(listedOnTheme.contains(trend), trend + " is listed on " + theme + ": " + listedOnTheme);
        }
    }

    @Test
    void threeMilestonesAreOnTheTimelineInDateOrder() {
        List<String> milestones = published("milestone");
        assertEquals(3, milestones.size(), milestones.toString());
        Document timeline = page("tijdlijn.html");
        List<Element> steps = timeline.select("ol.timeline > li");
        assertEquals(3, steps.size());
        List<String> listed = new ArrayList<>();
        String previous = "";
        for (Element step : steps) {
            String when = step.selectFirst("time[datetime]").attr("datetime");
            assertTrue(when.compareTo(previous) >= 0, "timeline order: " + previous + " before " + when);
            previous = when;
            listed.add(target("tijdlijn.html", step.selectFirst("a[href]")));
            String source = SOURCES.get(listed.get(listed.size() - 1)).get("period");
            assertTrue(source.contains(when) || source.endsWith(when), "the period as the source gives it: "
                    + source + " / " + when);
        }
        assertEquals(milestones.stream().sorted().toList(), listed.stream().sorted().toList());
    }

    @Test
    void everyPageHasATitleAndAMetaDescription() throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                String url = site.relativize(file).toString().replace('\\', '/');
                Document html = page(url);
                assertFalse(html.title().isBlank(), url + " has a title");
                Element description = html.selectFirst("head meta[name=description]");
                assertTrue(description != null && !description.attr("content").isBlank(), url + " has a description");
                Map<String, String> source = SOURCES.get(url);
                if (source != null) {
                    assertEquals(source.get("summary"), description.attr("content"), url);
                }
            }
        }
    }

    @Test
    void exactlyThePublishedPagesAreOnTheSite() {
        SOURCES.forEach((url, attributes) -> assertEquals("published".equals(attributes.get("status")),
                Files.exists(site.resolve(url)), url + " with status " + attributes.get("status")));
    }
}
