package nl.noordoostpolder.ivb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import nl.noordoostpolder.ivb.bake.ContentLoader;
import nl.noordoostpolder.ivb.content.DocType;
import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.source.SourceTree;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.testing.StaticSiteServer;
import nl.noordoostpolder.ivb.validate.Problems;

/**
 * A site baked for {@code https://ivb.example.org/a/b/} tells search engines and feed readers where it lives: a valid
 * sitemap and Atom feed with absolute addresses under that base URL, dated from the content; robots.txt naming the
 * sitemap; a canonical link and Open Graph title and description on every page. Served at {@code /a/b/}, every
 * address in them answers 200.
 */
class SitemapAndFeedIT {

    private static final String BASE = PublishedSites.NESTED_SITE;
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static Path site;
    /** The published source pages by their address in the site. */
    private static Map<String, nl.noordoostpolder.ivb.content.Document> sources;

    @BeforeAll
    static void bake() {
        site = PublishedSites.bakedFor(BASE);
        Problems problems = new Problems();
        sources = ContentLoader.load(SourceTree.scan(SiteUnderTest.projectDir(), problems), problems).stream()
                .filter(nl.noordoostpolder.ivb.content.Document::isPublished)
                .collect(Collectors.toMap(nl.noordoostpolder.ivb.content.Document::getUrl, Function.identity()));
        problems.throwIfAny();
    }

    @Test
    void sitemapListsEveryPageOnceWithAbsoluteAddressesAndContentDates() throws Exception {
        Document xml = parse(site.resolve("sitemap.xml"));
        assertEquals(SITEMAP, xml.getDocumentElement().getNamespaceURI());
        assertEquals("urlset", xml.getDocumentElement().getLocalName());
        NodeList urls = xml.getElementsByTagNameNS(SITEMAP, "url");
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < urls.getLength(); i++) {
            org.w3c.dom.Element url = (org.w3c.dom.Element) urls.item(i);
            String loc = only(url, SITEMAP, "loc");
            assertTrue(loc.startsWith(BASE), loc + " is not under " + BASE);
            assertFalse(loc.contains("#"), loc);
            String page = pageOf(loc);
            assertTrue(listed.add(page), page + " is listed twice");
            assertTrue(Files.isRegularFile(site.resolve(page)), loc + " names no file of the site");
            NodeList lastmod = url.getElementsByTagNameNS(SITEMAP, "lastmod");
            nl.noordoostpolder.ivb.content.Document source = sources.get(page);
            if (source != null) {
                assertEquals(1, lastmod.getLength(), "lastmod of " + page);
                assertEquals(source.getDate().toString(), lastmod.item(0).getTextContent(), "lastmod of " + page);
            } else {
                assertEquals(0, lastmod.getLength(), page + " has no date of its own, so no lastmod");
            }
        }
        Set<String> expected = SubPathPublishingIT.htmlPages(site, "");
        assertEquals(expected, listed, "every page except the 404 page, each once");
    }

    @Test
    void feedIsAtomWithAbsoluteAddressesAndTheNewestContentDate() throws Exception {
        Document xml = parse(site.resolve("feed.xml"));
        org.w3c.dom.Element feed = xml.getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals(BASE + "feed.xml", directChild(feed, "id"));
        assertFalse(directChild(feed, "title").isBlank());
        assertFalse(only(feed, ATOM, "name").isBlank(), "author name");
        assertEquals(BASE + "feed.xml", link(feed, "self"));
        assertEquals(BASE, link(feed, "alternate"));

        List<OffsetDateTime> entryDates = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> pages = new TreeSet<>();
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
            String id = directChild(entry, "id");
            assertTrue(ids.add(id), "entry id " + id + " is used twice");
            assertTrue(id.startsWith(BASE), id);
            assertFalse(directChild(entry, "title").isBlank());
            assertFalse(directChild(entry, "summary").isBlank());
            String href = link(entry, "alternate");
            assertTrue(href.startsWith(BASE), href);
            String page = pageOf(href);
            pages.add(page);
            nl.noordoostpolder.ivb.content.Document source = sources.get(page);
            assertNotNull(source, href + " is not a page written by an editor");
            OffsetDateTime updated = OffsetDateTime.parse(directChild(entry, "updated"), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertEquals(source.getDate(), updated.atZoneSameInstant(ZoneId.of("Europe/Amsterdam")).toLocalDate(),
                    "updated of " + page + " is its :jbake-date:");
            entryDates.add(updated);
        }
        Set<String> milestones = sources.values().stream().filter(d -> d.getType() == DocType.MILESTONE)
                .map(nl.noordoostpolder.ivb.content.Document::getUrl).collect(Collectors.toSet());
        assertFalse(milestones.isEmpty());
        assertTrue(pages.containsAll(milestones), "every milestone is in the feed: " + milestones);
        assertEquals(sources.keySet(), pages, "every published page is in the feed");

        List<OffsetDateTime> newestFirst = entryDates.stream().sorted(Comparator.reverseOrder()).toList();
        assertEquals(newestFirst, entryDates, "entries newest first");
        LocalDate newestContent = sources.values().stream().map(nl.noordoostpolder.ivb.content.Document::getDate)
                .max(Comparator.naturalOrder()).orElseThrow();
        OffsetDateTime feedUpdated = OffsetDateTime.parse(directChild(feed, "updated"));
        assertEquals(newestContent, feedUpdated.atZoneSameInstant(ZoneId.of("Europe/Amsterdam")).toLocalDate(),
                "the feed's updated is the newest content date, not the build time");
        assertEquals(newestFirst.get(0), feedUpdated);
    }

    @Test
    void robotsTxtNamesTheSitemap() throws IOException {
        List<String> lines = Files.readAllLines(site.resolve("robots.txt"), StandardCharsets.UTF_8);
        assertTrue(lines.contains("User-agent: *"), lines.toString());
        assertTrue(lines.contains("Sitemap: " + BASE + "sitemap.xml"), lines.toString());
    }

    @Test
    void everyPageHasCanonicalLinkOpenGraphFaviconAndFeedLink() throws IOException {
        for (String page : SubPathPublishingIT.htmlPages(site, "")) {
            org.jsoup.nodes.Document html = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
            String expected = BASE + ("index.html".equals(page) ? "" : page);
            assertEquals(expected, attr(html, "link[rel=canonical]", "href"), "canonical of " + page);
            assertEquals(expected, attr(html, "meta[property=og:url]", "content"), "og:url of " + page);
            assertFalse(attr(html, "meta[property=og:title]", "content").isBlank(), "og:title of " + page);
            assertFalse(attr(html, "meta[property=og:description]", "content").isBlank(), "og:description of " + page);
            String icon = attr(html, "link[rel=icon]", "href");
            assertTrue(Files.isRegularFile(site.resolve(page).resolveSibling(icon).normalize()), "favicon of " + page);
            String feed = attr(html, "link[rel=alternate][type=application/atom+xml]", "href");
            assertEquals(site.resolve("feed.xml"), site.resolve(page).resolveSibling(feed).normalize(), "feed link of " + page);
            assertNotNull(html.selectFirst("footer a[href=\"" + feed + "\"]"), "feed link in the footer of " + page);
        }
    }

    @Test
    void everyAddressInSitemapFeedAndRobotsAnswersWhenServedAtItsPath() throws Exception {
        String prefix = URI.create(BASE).getPath();
        try (StaticSiteServer server = new StaticSiteServer(site, prefix)) {
            SiteCrawler crawler = new SiteCrawler(server.baseUrl(), BASE);
            Set<String> addresses = new TreeSet<>();
            NodeList locs = parse(site.resolve("sitemap.xml")).getElementsByTagNameNS(SITEMAP, "loc");
            for (int i = 0; i < locs.getLength(); i++) {
                addresses.add(locs.item(i).getTextContent());
            }
            NodeList links = parse(site.resolve("feed.xml")).getElementsByTagNameNS(ATOM, "link");
            for (int i = 0; i < links.getLength(); i++) {
                addresses.add(((org.w3c.dom.Element) links.item(i)).getAttribute("href"));
            }
            Files.readAllLines(site.resolve("robots.txt")).stream().filter(l -> l.startsWith("Sitemap: "))
                    .forEach(l -> addresses.add(l.substring("Sitemap: ".length())));
            assertTrue(addresses.size() > 40, addresses.toString());
            for (String address : addresses) {
                URI served = URI.create(server.baseUrl() + address.substring(BASE.length()));
                assertEquals(200, crawler.fetch(served).status(), address + " served as " + served);
            }
        }
    }

    @Test
    void theBakedSiteHasThemExactlyWhenItHasABaseUrl() {
        Path baked = SiteUnderTest.bakedSite();
        boolean hasBase = PublishedSites.settingsOfBakedSite().hasBaseUrl();
        for (String file : List.of("sitemap.xml", "feed.xml", "robots.txt")) {
            assertEquals(hasBase, Files.isRegularFile(baked.resolve(file)), file + " in " + baked
                    + (hasBase ? "" : " (baked without a base URL)"));
        }
    }

    @Test
    void withoutABaseUrlEveryPageStillHasACanonicalLinkToItself() throws IOException {
        Path baked = SiteUnderTest.bakedSite();
        if (PublishedSites.settingsOfBakedSite().hasBaseUrl()) {
            return; // the site baked with a base URL is covered above
        }
        for (String page : SubPathPublishingIT.htmlPages(baked, "")) {
            org.jsoup.nodes.Document html = Jsoup.parse(baked.resolve(page).toFile(), "UTF-8");
            String canonical = attr(html, "link[rel=canonical]", "href");
            Path target = baked.resolve(page).resolveSibling(canonical).normalize();
            if (Files.isDirectory(target)) {
                target = target.resolve("index.html");
            }
            assertEquals(baked.resolve(page), target, "canonical of " + page);
            assertTrue(html.select("meta[property=og:url]").isEmpty(), "og:url needs an absolute address: " + page);
        }
    }

    private static String attr(org.jsoup.nodes.Document html, String selector, String attr) {
        Element e = html.selectFirst(selector);
        assertNotNull(e, selector + " in " + html.location());
        return e.attr(attr);
    }

    /** The page of the site an absolute address names. */
    private static String pageOf(String address) {
        String path = address.substring(BASE.length());
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    private static String only(org.w3c.dom.Element parent, String ns, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ns, name);
        assertEquals(1, nodes.getLength(), "one <" + name + "> in <" + parent.getLocalName() + ">");
        return nodes.item(0).getTextContent();
    }

    /** The text of the one direct child element {@code name} (Atom namespace). */
    private static String directChild(org.w3c.dom.Element parent, String name) {
        List<String> found = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e.getTextContent());
            }
        }
        assertEquals(1, found.size(), "one <" + name + "> directly in <" + parent.getLocalName() + ">");
        return found.get(0);
    }

    /** The href of the one direct {@code <link rel=...>} child. */
    private static String link(org.w3c.dom.Element parent, String rel) {
        List<String> found = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && ATOM.equals(e.getNamespaceURI()) && "link".equals(e.getLocalName())
                    && rel.equals(e.getAttribute("rel"))) {
                found.add(e.getAttribute("href"));
            }
        }
        assertEquals(1, found.size(), "one <link rel=\"" + rel + "\"> in <" + parent.getLocalName() + ">");
        return found.get(0);
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
