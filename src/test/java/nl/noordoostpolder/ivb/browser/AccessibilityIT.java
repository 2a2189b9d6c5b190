package nl.noordoostpolder.ivb.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import nl.noordoostpolder.ivb.testing.StaticSiteServer;

/**
 * axe-core's WCAG 2.0, 2.1 and 2.2 rules (levels A and AA) find nothing on any page of the baked site: on every page
 * at 1280 px in light mode, and on one page of each kind at 320 px and in dark mode, where colours and layout
 * change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityIT {

    private SiteBrowser browser;

    @BeforeAll
    void start() {
        browser = new SiteBrowser();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theVendoredAxeIsTheOneThePagesAreCheckedWith() {
        browser.open("index.html");
        assertEquals(Axe.VERSION, Axe.version(browser.driver()));
    }

    @Test
    void everyPageHasNoViolations() {
        browser.viewport(1280, "light");
        // The 404 page is checked where it is meant to be seen, below.
        List<String> pages = browser.allPages().stream().filter(p -> !p.equals("404.html")).toList();
        assertTrue(pages.size() >= 40, "expected the whole site, found only " + pages);
        List<Axe.Violation> violations = new ArrayList<>();
        long axeNanos = 0;
        long start = System.nanoTime();
        for (String page : pages) {
            browser.open(page);
            long before = System.nanoTime();
            violations.addAll(Axe.run(browser.driver(), page));
            axeNanos += System.nanoTime() - before;
        }
        System.out.printf("axe %s: %d pages in %d ms; axe.run %d ms per page%n", Axe.VERSION, pages.size(),
                (System.nanoTime() - start) / 1_000_000, axeNanos / 1_000_000 / pages.size());
        assertNoViolations(violations);
    }

    @Test
    void onePageOfEachKindHasNoViolationsAt320PxWide() {
        assertNoViolations(runOnEachKind(320, "light"));
    }

    @Test
    void onePageOfEachKindHasNoViolationsInDarkMode() {
        List<Axe.Violation> violations = runOnEachKind(1280, "dark");
        violations.addAll(runOnEachKind(320, "dark"));
        assertNoViolations(violations);
    }

    /**
     * The server answers a missing address at any depth with {@code 404.html}, as GitHub Pages does. Built with a base
     * URL the page is served under its base path (its links start there); built without one, anywhere: here under
     * {@value SiteBrowser#PREFIX} (see also {@code NotFoundPageIT} for every place and depth).
     */
    @Test
    void theNotFoundPageHasNoViolationsAtADeepAddress() throws IOException {
        String menu = Jsoup.parse(browser.site().resolve("404.html").toFile(), "UTF-8")
                .select("script[src$=js/menu.js]").attr("src");
        String prefix = menu.startsWith("/") ? menu.substring(0, menu.length() - "js/menu.js".length()) : SiteBrowser.PREFIX;
        try (StaticSiteServer server = new StaticSiteServer(browser.site(), prefix)) {
            browser.viewport(1280, "light");
            browser.driver().get(server.baseUrl() + "een/twee/drie/bestaat-niet.html");
            assertEquals(1L, browser.driver().executeScript("return document.styleSheets.length;"),
                    "the 404 page at depth 3 did not load its stylesheet");
            List<Axe.Violation> violations = new ArrayList<>(Axe.run(browser.driver(), "404 at depth 3"));
            browser.viewport(320, "dark");
            browser.driver().get(server.baseUrl() + "bestaat-niet/");
            violations.addAll(Axe.run(browser.driver(), "404 at depth 1, 320 px, dark"));
            browser.viewport(1280, "light");
            assertNoViolations(violations);
        }
    }

    @Test
    void axeReportsFaultsPlantedInAPage() {
        browser.viewport(1280, "light");
        browser.open("index.html");
        browser.driver().executeScript("""
                const img = document.createElement('img');
                img.src = 'favicon.svg';
                document.querySelector('main').append(img);
                const p = document.querySelector('main p');
                p.style.color = '#bbbbbb';
                """);
        List<String> rules = Axe.run(browser.driver(), "planted").stream().map(Axe.Violation::rule).toList();
        assertTrue(rules.contains("image-alt"), "an image without alt was not reported: " + rules);
        assertTrue(rules.contains("color-contrast"), "light grey text was not reported: " + rules);
    }

    private List<Axe.Violation> runOnEachKind(int width, String scheme) {
        browser.viewport(width, scheme);
        List<Axe.Violation> violations = new ArrayList<>();
        for (Map.Entry<String, String> kind : new TreeMap<>(SiteBrowser.ONE_PAGE_PER_TYPE).entrySet()) {
            browser.open(kind.getValue());
            violations.addAll(Axe.run(browser.driver(), kind.getValue() + " (" + width + " px, " + scheme + ")"));
        }
        browser.viewport(1280, "light");
        return violations;
    }

    private static void assertNoViolations(List<Axe.Violation> violations) {
        assertTrue(violations.isEmpty(), violations.size() + " axe violation(s):\n"
                + String.join("\n", violations.stream().map(Axe.Violation::toString).toList()));
    }
}
