package nl.noordoostpolder.ivb.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;

/**
 * A title or summary in a page header is text, never HTML, wherever the templates put it: in {@code <title>}, in
 * the meta description and other attributes, in the breadcrumbs, the main navigation, the lists, the pager, the
 * contents list and the timeline. Only the AsciiDoc body is inserted as HTML.
 * <p>
 * Bakes the fixture {@code src/test/resources/sites/escaping/} (headers full of markup and script) with this
 * project's own templates and assets, then reads the result with Jsoup.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeaderValuesAreEscapedTest {

    private static final String THEME = "Thema <img src=x onerror=alert(1)> & \"aanhalingstekens\"";
    private static final String THEME_SUMMARY =
            "Samenvatting \"><svg onload=alert(2)> met 'enkele' en \"dubbele\" aanhalingstekens & <b>vet</b>.";
    private static final String TREND = "Trend <b onmouseover=alert(3)>een</b>";
    private static final String TREND_SUMMARY = "Trend samenvatting </p><script>alert(4)</script>.";
    private static final String SESSION = "Sessie </title><script>alert(5)</script>";
    private static final String MILESTONE = "Stap <i onclick=alert(6)>schuin</i>";
    private static final String SECTION = "Kop met <em>markup</em>";

    private Path site;
    private Map<String, Document> pages;

    @BeforeAll
    void bake(@TempDir Path work) throws IOException {
        Path source = work.resolve("source");
        copyTree(SiteUnderTest.projectDir().resolve("src/test/resources/sites/escaping/content"), source.resolve("content"));
        copyTree(SiteUnderTest.projectDir().resolve("templates"), source.resolve("templates"));
        copyTree(SiteUnderTest.projectDir().resolve("assets"), source.resolve("assets"));
        Files.copy(SiteUnderTest.projectDir().resolve("jbake.properties"), source.resolve("jbake.properties"));
        site = work.resolve("site");
        try (Bakery bakery = new Bakery(source, BakeOptions.defaults().withThreads(2))) {
            bakery.build(site);
        }
        pages = new java.util.LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                pages.put(site.relativize(file).toString().replace('\\', '/'), Jsoup.parse(file.toFile(), "UTF-8"));
            }
        }
    }

    @AfterAll
    void release() {
        pages = null;
    }

    @Test
    void noPageGainsAnElementOrEventHandlerFromAHeader() {
        List<String> found = new ArrayList<>();
        pages.forEach((url, page) -> {
            for (Element el : page.getAllElements()) {
                for (Attribute attribute : el.attributes()) {
                    if (attribute.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on")) {
                        found.add(url + ": " + el.tagName() + " has " + attribute.getKey());
                    }
                }
            }
            page.select("img, svg, b, i, u, em").forEach(el -> {
                if (el.closest(".page-body") == null) {
                    found.add(url + ": <" + el.tagName() + "> outside the body");
                }
            });
            // the one inline script the templates write: the 404 page's site-root finder, exactly as the build has it
            String siteRoot = NotFoundPage.of(Path.of("geen.css"), new SiteSettings("t", "p", "", "")).script();
            page.select("script:not([src])").stream().filter(el -> !(url.equals("404.html") && el.data().equals(siteRoot)))
                    .forEach(el -> found.add(url + ": inline script " + el.outerHtml()));
        });
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void theTitleAppearsLiterallyInTheTitleHeadingAndMetaTags() {
        Document theme = page("themes/gevaar.html");
        assertTrue(theme.title().startsWith(THEME + " | "), theme.title());
        assertEquals(THEME, theme.selectFirst("h1").text());
        assertEquals(THEME_SUMMARY, theme.selectFirst("meta[name=description]").attr("content"));
        assertEquals(THEME, theme.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals(THEME_SUMMARY, theme.selectFirst("meta[property=og:description]").attr("content"));
        assertEquals(THEME_SUMMARY, theme.selectFirst(".lead").text());

        Document session = page("sessions/sessie.html");
        assertTrue(session.title().startsWith(SESSION + " | "), "the title element was closed early: " + session.title());
        assertEquals(1, session.select("head title").size());
    }

    @Test
    void theTitleAppearsLiterallyInBreadcrumbsNavigationAndPager() {
        Document trend = page("trends/trend-een.html");
        List<String> crumbs = trend.select("nav.breadcrumbs li").eachText();
        assertEquals(List.of("Home", "Thema's", THEME, TREND), crumbs);
        assertTrue(trend.select("nav.main-nav a").eachText().contains(THEME));
        assertEquals(THEME, trend.selectFirst("nav.main-nav a[aria-current=true]").text());
        assertEquals(TREND_SUMMARY, trend.selectFirst("meta[name=description]").attr("content"));

        Document next = page("trends/trend-twee.html");
        assertTrue(next.selectFirst("nav.pager a[rel=prev]").text().contains(TREND), next.select("nav.pager").text());
    }

    @Test
    void theTitleAppearsLiterallyInListsTimelineAndContents() {
        assertContains(page("themas.html").select(".card-list a").eachText(), THEME);
        assertContains(page("themas.html").select(".card-list .card__text").eachText(), THEME_SUMMARY);
        assertContains(page("trends.html").select(".card-list a").eachText(), TREND);
        assertContains(page("index.html").select(".card-list a").eachText(), THEME);
        assertTrue(page("a-z.html").select(".az-list a").eachText().containsAll(List.of(THEME, TREND, SESSION, MILESTONE)));
        assertContains(page("sessies.html").select(".card-list a").eachText(), SESSION);
        assertContains(page("tijdlijn.html").select(".timeline__title a").eachText(), MILESTONE);
        assertContains(page("themes/gevaar.html").select(".timeline__title a").eachText(), MILESTONE);
        assertEquals(SESSION, page("milestones/stap.html").selectFirst(".facts a").text());
        assertContains(page("themes/gevaar.html").select(".toc a").eachText(), SECTION);
    }

    @Test
    void theRawFileHoldsEscapedMarkupOnly() throws IOException {
        String html = Files.readString(site.resolve("themes/gevaar.html"));
        assertFalse(html.contains("<img src=x"), "an img element was written");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(html.contains("\"><svg"), "the summary closed an attribute");
    }

    @Test
    void theAsciidocBodyIsTheOnlyHtmlInserted() {
        Element body = page("index.html").selectFirst(".page-body");
        assertNotNull(body.selectFirst("strong"), "the body lost its HTML");
        assertEquals("vette", body.selectFirst("strong").text());
    }

    private static void assertContains(List<String> texts, String expected) {
        assertTrue(texts.contains(expected), "'" + expected + "' is not among " + texts);
    }

    private Document page(String url) {
        Document page = pages.get(url);
        assertNotNull(page, url + " was not baked; pages: " + pages.keySet());
        return page;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
