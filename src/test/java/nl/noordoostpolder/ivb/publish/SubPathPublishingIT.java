package nl.noordoostpolder.ivb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.render.SiteSettings;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.testing.StaticSiteServer;

/**
 * The same baked site works wherever it is served: at the root of a domain, as a GitHub Pages project site
 * ({@code /repo/}) and two folders deep ({@code /a/b/}). A plain static server serves it and a crawler follows every
 * link, stylesheet, script and image of every page: all answer 200, none leaves the site's folder, nothing comes from
 * another site, every page is reachable. The 404 page, which a server shows at any missing address, is checked without
 * JavaScript: three folders deep in a site baked for that folder, and in the site's top folder in a site baked without
 * an address (deeper, its script corrects the links; {@code NotFoundPageIT} checks that in Chromium).
 */
class SubPathPublishingIT {

    private static final String DEEP_MISSING = "een/twee/drie/bestaat-niet.html";

    @ParameterizedTest(name = "served at {0}")
    @ValueSource(strings = {"/", "/repo/", "/a/b/"})
    void theBakedSiteWorksUnderEveryPrefix(String prefix) throws IOException {
        Path site = SiteUnderTest.bakedSite();
        try (StaticSiteServer server = new StaticSiteServer(site, prefix)) {
            crawlAll(server, site, prefix, PublishedSites.settingsOfBakedSite().baseUrl());
            assertOnlyUnder(prefix, server);
        }
    }

    @Test
    void notFoundPageOfTheBakedSiteLinksIntoTheSiteWithoutJavaScript() throws IOException {
        SiteSettings settings = PublishedSites.settingsOfBakedSite();
        // without a base URL the 404 page works anywhere: its script finds the site root (NotFoundPageIT)
        String prefix = settings.hasBaseUrl() ? settings.basePath() : "/repo/";
        try (StaticSiteServer server = new StaticSiteServer(SiteUnderTest.bakedSite(), prefix)) {
            assertNotFoundPageWorks(server, prefix, settings.baseUrl());
            assertOnlyUnder(prefix, server);
        }
    }

    @ParameterizedTest(name = "baked for {0}")
    @ValueSource(strings = {PublishedSites.PROJECT_SITE, PublishedSites.NESTED_SITE})
    void aSiteBakedForASubPathWorksThereWithItsNotFoundPage(String baseUrl) throws IOException {
        Path site = PublishedSites.bakedFor(baseUrl);
        String prefix = URI.create(baseUrl).getPath();
        try (StaticSiteServer server = new StaticSiteServer(site, prefix)) {
            crawlAll(server, site, prefix, baseUrl);
            assertNotFoundPageWorks(server, prefix, baseUrl);
            assertOnlyUnder(prefix, server);
        }
    }

    /**
     * Crawls from the site root and asserts that nothing is broken and that every page, stylesheet, script and image
     * was reached through links.
     */
    private static void crawlAll(StaticSiteServer server, Path site, String prefix, String baseUrl) throws IOException {
        SiteCrawler crawler = new SiteCrawler(server.baseUrl(), baseUrl);
        Set<String> reached = crawler.crawl(URI.create(server.baseUrl())).stream()
                .map(p -> p.endsWith("/") ? p + "index.html" : p)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), crawler.problems(), "problems a visitor meets at " + prefix);
        assertEquals(htmlPages(site, prefix), reached, "pages reachable by links from the home page");
        Set<String> requested = server.requests().stream().map(p -> p.endsWith("/") ? p + "index.html" : p)
                .collect(Collectors.toSet());
        Set<String> unreached = linkedFiles(site, prefix);
        unreached.removeAll(requested);
        assertEquals(Set.of(), unreached, "files of the site that no page links to");
    }

    private static void assertNotFoundPageWorks(StaticSiteServer server, String prefix, String baseUrl) {
        SiteCrawler crawler = new SiteCrawler(server.baseUrl(), baseUrl);
        // Without a base URL and without JavaScript the links are right in the site's top folder only; deeper, the
        // page's script corrects them, which NotFoundPageIT checks in Chromium.
        List<String> missingPaths = baseUrl.isEmpty() ? List.of("bestaat-niet.html") : List.of("bestaat-niet.html", DEEP_MISSING);
        for (String missingPath : missingPaths) {
            URI missing = URI.create(server.baseUrl() + missingPath);
            SiteCrawler.Fetched response = crawler.fetch(missing);
            assertEquals(404, response.status(), missing + " must answer 404");
            Document html = Jsoup.parse(response.body(), missing.toString());
            Element h1 = html.selectFirst("h1");
            assertNotNull(h1, "the 404 page has a heading");
            assertEquals(GeneratedPage.NOT_FOUND.getTitle(), h1.text());

            Element style = html.selectFirst("head > style");
            assertNotNull(style, "the 404 page carries its stylesheet inline");
            SiteCrawler.Fetched css = crawler.fetch(URI.create(server.baseUrl() + "css/site.css"));
            assertEquals(css.body().replace("\r\n", "\n"), style.data(), "the inline style is the site's stylesheet");

            List<URI> followed = crawler.check(missing, response);
            assertEquals(Set.of(), crawler.problems(), "links of the 404 page at " + missingPath);
            assertTrue(followed.size() >= 10, "the 404 page links to the rest of the site: " + followed);
            for (URI link : followed) {
                assertTrue(!link.getPath().startsWith(prefix + "een/"),
                        link + " is relative to the missing address " + missing);
            }
        }
    }

    private static void assertOnlyUnder(String prefix, StaticSiteServer server) {
        Set<String> outside = server.requests().stream().filter(p -> !p.startsWith(prefix))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), outside, "requests outside " + prefix);
    }

    /**
     * Every file of the site a page should link to, as served under {@code prefix}: not the 404 page, the sitemap and
     * robots.txt (servers and crawlers find those by name) and data files that scripts load (JSON, and the search
     * index's shards and page texts under {@code search-index/}, which the search page asks for by name).
     */
    private static Set<String> linkedFiles(Path site, String prefix) throws IOException {
        Set<String> byName = Set.of(GeneratedPage.NOT_FOUND.getUrl(), "sitemap.xml", "robots.txt");
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !byName.contains(p) && !p.endsWith(".json") && !p.startsWith("search-index/"))
                    .map(p -> prefix + p)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Every HTML page of the site as served under {@code prefix}, except the 404 page, which nothing links to. */
    static Set<String> htmlPages(Path site, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> prefix + site.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(prefix + GeneratedPage.NOT_FOUND.getUrl()))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
