package nl.noordoostpolder.ivb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import nl.noordoostpolder.ivb.testing.HeadlessChromium;
import nl.noordoostpolder.ivb.testing.StaticSiteServer;

/**
 * The search on a site with test pages the real site must not have: a title and text full of markup, and Dutch
 * words whose plural is nowhere on the site. Served under {@code /repo/}, like a GitHub project site.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchFixtureIT {

    private static final String HOSTILE_PAGE = "trends/zz-test-vijandige-titel.html";
    private static final String SINGULAR_PAGE = "trends/zz-test-meervoud.html";
    private static final String LETTERS_PAGE = "trends/zz-test-andere-letters.html";

    private Path site;
    private StaticSiteServer server;
    private ChromeDriver driver;
    private SearchPage search;

    @BeforeAll
    void start() throws Exception {
        site = FixtureSite.bake("search-fixture");
        driver = HeadlessChromium.start();
        server = new StaticSiteServer(site, "/repo/");
        search = new SearchPage(driver, server.baseUrl());
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTitleWithMarkupIsShownAsText() {
        search.open().type("kruimelvlaai");
        SearchPage.Result result = search.results().stream().filter(r -> r.target().startsWith(HOSTILE_PAGE))
                .findFirst().orElseThrow(() -> new AssertionError("not found: " + search.targets()));
        assertTrue(result.title().contains("<img src=x onerror=window.ivbHacked=1>"), result.title());
        assertTrue(result.titleHtml().contains("&lt;img"), result.titleHtml());
        assertTrue(result.snippet().contains("<script>window.ivbHacked=2</script>"), result.snippet());
        assertTrue(driver.findElements(By.cssSelector("#search-results img, #search-results script")).isEmpty());
        assertNull(driver.executeScript("return window.ivbHacked"), "markup from the page ran");
    }

    @Test
    void aPluralFindsItsSingular() {
        search.open().type("signalen");
        List<String> targets = search.targets();
        assertEquals(SINGULAR_PAGE + "#het-signaal", targets.get(0), targets.toString());
        assertTrue(search.results().get(0).snippetHtml().contains("<mark>signaal</mark>"));
    }

    @Test
    void aShortWordWithTwoLettersSwappedIsStillFound() {
        search.open().type("sginaal");
        assertEquals(SINGULAR_PAGE + "#het-signaal", search.targets().get(0), search.targets().toString());
    }

    @Test
    void aBodyWordLeadsToItsOwnSection() {
        search.open().type("brandweeroefening");
        assertEquals(List.of(SINGULAR_PAGE + "#de-oefening"), search.targets());
        search.type("brandweeorefening");
        assertEquals(List.of(SINGULAR_PAGE + "#de-oefening"), search.targets(), "two letters swapped");
    }

    @Test
    void aWordThatStartsWithALetterOutsideAToZIsFoundThroughItsShardFile() {
        search.open().type("ØRESUNDBRUG");
        assertEquals(List.of(LETTERS_PAGE + "#over-de-grens"), search.targets());
        search.type("ωmegaprotocol");
        assertEquals(List.of(LETTERS_PAGE + "#over-de-grens"), search.targets());
        assertTrue(search.results().get(0).snippetHtml().contains("<mark>Ωmegaprotocol</mark>"), search.results().get(0).snippetHtml());
        String data = "/repo/" + IndexFile.read(site).dataFolder();
        assertTrue(server.requests().contains(data + "w/_f8_r.json.gz"), server.requests().toString());
        assertTrue(server.requests().contains(data + "w/_3c9_m.json.gz"), server.requests().toString());
    }

    @Test
    void theIndexHoldsTheTestPagesWithTheirKindAndTheme() {
        IndexFile index = IndexFile.read(site);
        List<IndexFile.Row> rows = index.rowsOf(SINGULAR_PAGE);
        assertEquals(List.of("", "het-signaal", "de-oefening"), rows.stream().map(IndexFile.Row::fragment).toList());
        assertEquals("Testpagina voor de zoekfunctie met woorden in het enkelvoud.", rows.get(0).text());
        assertEquals("Hier staat één signaal uit de wijk Zeppelinhaven.", rows.get(1).text());
        rows.forEach(r -> assertEquals("trend", r.kind()));
        rows.forEach(r -> assertEquals(List.of("ondermijning"), r.themes()));
        String hostileTitle = index.rowsOf(HOSTILE_PAGE).get(0).title();
        assertEquals("Testpagina <img src=x onerror=window.ivbHacked=1> met opmaak in de titel", hostileTitle);
        assertFalse(server.requests().stream().anyMatch(p -> !p.startsWith("/repo/")));
    }
}
