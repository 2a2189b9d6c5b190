package nl.noordoostpolder.ivb.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import nl.noordoostpolder.ivb.bake.BakeOptions;
import nl.noordoostpolder.ivb.bake.Bakery;
import nl.noordoostpolder.ivb.content.GeneratedPage;
import nl.noordoostpolder.ivb.testing.HeadlessChromium;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.testing.StaticSiteServer;

/**
 * The 404 page is one static file a server shows at any missing address, so it must work wherever the site is and
 * however deep the address: served at the root of a domain, under {@code /ivb/} and under {@code /a/b/}, each built
 * with a base URL for that place and without one, and asked for at a missing address in the site's top folder, one
 * folder deep and three folders deep. The test server answers every missing path with the site's {@code 404.html}
 * and status 404, as nginx's {@code error_page 404} and GitHub Pages do. In Chromium each time: axe-core finds no
 * violation, the inline stylesheet styles the page exactly as the linked one styles the home page, the menu script
 * runs, and every link on the page reaches a page of the site (200, a page with its own heading, not the 404 page).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotFoundPageIT {

    private static final String DOMAIN = "https://ivb.example.org";
    private static final List<String> MISSING = List.of("bestaat-niet.html", "een/bestaat-niet.html",
            "een/twee/drie/bestaat-niet/");

    private final Map<String, Path> sites = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ChromeDriver driver;

    @BeforeAll
    void start() {
        driver = HeadlessChromium.start();
        Axe.register(driver);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    static Stream<Arguments> servedAt() {
        List<Arguments> cases = new ArrayList<>();
        for (String prefix : List.of("/", "/ivb/", "/a/b/")) {
            cases.add(Arguments.of(prefix, ""));
            cases.add(Arguments.of(prefix, DOMAIN + prefix));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "served at {0}, base URL ''{1}''")
    @MethodSource("servedAt")
    void theNotFoundPageWorksAtEveryDepth(String prefix, String baseUrl) throws Exception {
        Path site = bakedFor(baseUrl);
        try (StaticSiteServer server = new StaticSiteServer(site, prefix)) {
            HeadlessChromium.viewport(driver, 1280, 800);
            HeadlessChromium.colorScheme(driver, "light");
            driver.get(server.baseUrl());
            Map<String, Object> styledHome = styleProbe();

            List<String> problems = new ArrayList<>();
            List<Axe.Violation> violations = new ArrayList<>();
            for (String missing : MISSING) {
                String where = prefix + missing + " (base URL '" + baseUrl + "')";
                driver.get(server.baseUrl() + missing);
                waitForLinks(baseUrl.isEmpty(), prefix, where);
                assertEquals(GeneratedPage.NOT_FOUND.getTitle(), driver.findElement(By.tagName("h1")).getText(), where);
                Map<String, Object> styled = styleProbe();
                if (!styled.equals(styledHome)) {
                    problems.add(where + ": styled " + styled + ", the home page " + styledHome);
                }
                violations.addAll(Axe.run(driver, where));
                List<String> links = links();
                if (links.size() < 10) {
                    problems.add(where + ": only " + links.size() + " links: " + links);
                }
                for (String link : links) {
                    String problem = problemWithLink(server, link);
                    if (problem != null) {
                        problems.add(where + ": " + link + " " + problem);
                    }
                }
            }
            HeadlessChromium.viewport(driver, 320, 800);
            HeadlessChromium.colorScheme(driver, "dark");
            driver.get(server.baseUrl() + MISSING.get(2));
            waitForLinks(baseUrl.isEmpty(), prefix, "320 px, dark");
            violations.addAll(Axe.run(driver, prefix + MISSING.get(2) + " at 320 px, dark"));
            if (baseUrl.isEmpty() && prefix.equals("/a/b/")) { // for a person to look at, beside ScreenshotsIT's
                Path shots = java.nio.file.Files.createDirectories(SiteUnderTest.projectDir().resolve("target/screenshots"));
                java.nio.file.Files.write(shots.resolve("not-found-320-dark.png"),
                        driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            }
            HeadlessChromium.colorScheme(driver, "light");

            assertEquals(List.of(), violations);
            assertEquals(List.of(), problems);
            Set<String> outside = new TreeSet<>(server.requests());
            outside.removeIf(p -> p.startsWith(prefix));
            assertEquals(Set.of(), outside, "requests outside " + prefix);
        }
    }

    /**
     * A misconfigured server answers a missing address with the 404 page and status 200 (nginx's
     * {@code try_files $uri /404.html;}): the page's script, which looks for the site's stylesheet, still finds the
     * site root and not the deepest folder of the address.
     */
    @org.junit.jupiter.api.Test
    void aServerThatAnswersMissingAddressesWith200DoesNotMisleadTheScript() throws Exception {
        try (StaticSiteServer server = new StaticSiteServer(bakedFor(""), "/ivb/", 200)) {
            HeadlessChromium.viewport(driver, 1280, 800);
            driver.get(server.baseUrl() + MISSING.get(2));
            waitForLinks(true, "/ivb/", "200 for missing addresses");
            List<String> problems = new ArrayList<>();
            for (String link : links()) {
                String problem = problemWithLink(server, link);
                if (problem != null) {
                    problems.add(link + " " + problem);
                }
            }
            assertEquals(List.of(), problems);
        }
    }

    /**
     * Without a base URL the page's script finds the site root and marks it on {@code <html>}; with one the links
     * are right from the start. Either way the menu script has folded the menu when it ran.
     */
    private void waitForLinks(boolean withScript, String prefix, String where) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String expected = withScript ? prefix : null;
        while (true) {
            Object root = driver.executeScript("return document.documentElement.dataset.siteRoot || null;");
            Object menu = driver.executeScript("return !!document.querySelector('.main-nav__toggle');");
            if ((expected == null || expected.equals(root)) && Boolean.TRUE.equals(menu)) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, where + ": site root " + root + " (expected " + expected
                    + "), menu script ran: " + menu);
            Thread.sleep(50);
        }
    }

    /** A few computed styles that only the site's stylesheet sets. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> styleProbe() {
        return (Map<String, Object>) driver.executeScript("""
                const header = getComputedStyle(document.querySelector('.site-header'));
                const link = getComputedStyle(document.querySelector('.main-nav a'));
                return {header: header.backgroundColor, border: header.borderBottomWidth,
                        font: getComputedStyle(document.body).fontFamily, nav: link.fontWeight,
                        sheets: [...document.styleSheets].filter(s => s.cssRules.length > 100).length};""");
    }

    /** Every link and form address on the page, as the browser resolves it now. */
    @SuppressWarnings("unchecked")
    private List<String> links() {
        return (List<String>) driver.executeScript("""
                return [...document.querySelectorAll('a[href]')].map(a => a.href)
                    .concat([...document.querySelectorAll('form[action]')].map(f => f.action));""");
    }

    /**
     * Null when {@code link} is a page of the site that answers 200 with its own heading (or the site's Atom feed),
     * or a part of this page (the skip link); else what is wrong.
     */
    private String problemWithLink(StaticSiteServer server, String link) throws IOException, InterruptedException {
        String current = driver.getCurrentUrl().replaceAll("#.*$", "");
        if (link.startsWith(current + "#")) {
            String id = link.substring(current.length() + 1);
            return driver.findElements(By.id(id)).isEmpty() ? "names no element of the page" : null;
        }
        URI uri = URI.create(link.replaceAll("#.*$", ""));
        if (!uri.toString().startsWith(server.baseUrl())) {
            return "leaves the site at " + server.baseUrl();
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return "answers " + response.statusCode();
        }
        if (uri.getPath().endsWith("/feed.xml")) {
            return response.body().contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"") ? null : "is not the feed";
        }
        Document page = Jsoup.parse(response.body());
        if (page.selectFirst("h1") == null || page.selectFirst("h1").text().equals(GeneratedPage.NOT_FOUND.getTitle())) {
            return "is not a page of the site";
        }
        return null;
    }

    private Path bakedFor(String baseUrl) {
        String normal = baseUrl.isEmpty() ? "" : baseUrl;
        if (normal.equals(System.getProperty("ivb.siteBaseUrl", ""))) {
            return SiteUnderTest.bakedSite();
        }
        return sites.computeIfAbsent(normal, url -> {
            String name = url.isEmpty() ? "zonder-adres" : URI.create(url).getPath().replaceAll("[^a-z0-9]+", "-");
            Path out = Path.of(System.getProperty("java.io.tmpdir"), "not-found-it", "site" + name);
            try (Bakery bakery = new Bakery(SiteUnderTest.projectDir(), BakeOptions.defaults().withBaseUrl(url))) {
                return bakery.build(out).output();
            }
        });
    }
}
