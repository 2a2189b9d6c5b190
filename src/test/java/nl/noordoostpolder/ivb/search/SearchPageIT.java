package nl.noordoostpolder.ivb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import nl.noordoostpolder.ivb.testing.HeadlessChromium;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.testing.StaticSiteServer;

/**
 * The search page of the real baked site, served under a sub-path like GitHub Pages serves a project site, used
 * the way a reader uses it: typing, filtering, following a result, with the keyboard only, and without JavaScript.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageIT {

    private Path site;
    private StaticSiteServer server;
    private ChromeDriver driver;
    private SearchPage search;

    @BeforeAll
    void start() throws Exception {
        site = SiteUnderTest.bakedSite();
        driver = HeadlessChromium.start();
        server = new StaticSiteServer(site, "/ivb/");
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
    void aWordFromOnePagesBodyFindsThatPage() {
        BodyWords.Pick pick = BodyWords.read(site).wordInOnePage();
        search.open().type(pick.word());
        assertTrue(pages(search.targets()).contains(pick.page()),
                "'" + pick.word() + "' is only in " + pick.page() + ", but the results are " + search.targets());
    }

    @Test
    void theSameWordWithTwoLettersSwappedStillFindsIt() {
        BodyWords.Pick pick = BodyWords.read(site).wordInOnePage();
        String word = pick.word();
        String swapped = word.substring(0, 3) + word.charAt(4) + word.charAt(3) + word.substring(5);
        search.open().type(swapped);
        assertTrue(pages(search.targets()).contains(pick.page()),
                "'" + swapped + "' (for '" + word + "') should find " + pick.page() + ", got " + search.targets());
    }

    @Test
    void capitalsAndAccentsDoNotMatter() {
        BodyWords.Pick pick = BodyWords.read(site).wordInOnePage();
        String shouted = pick.word().toUpperCase(java.util.Locale.ROOT).replace('E', 'É');
        search.open().type(shouted);
        assertTrue(pages(search.targets()).contains(pick.page()), shouted + " -> " + search.targets());
    }

    @Test
    void aSingularFindsThePlural() {
        Set<String> onlyPlural = BodyWords.read(site).pagesWith("jongeren", "jongere");
        Assumptions.assumeFalse(onlyPlural.isEmpty(), "no page has 'jongeren' without 'jongere' any more");
        search.open().type("jongere");
        assertTrue(pages(search.targets()).containsAll(onlyPlural), onlyPlural + " not all in " + search.targets());
    }

    @Test
    void theOverviewsTheSiteMakesAreFoundByTheirTitleAndIntroduction() {
        search.open().type("tijdlijn");
        assertTrue(pages(search.targets()).contains("tijdlijn.html"), "tijdlijn -> " + search.targets());
        search.type("alfabet");
        assertTrue(pages(search.targets()).contains("a-z.html"), "alfabet -> " + search.targets());
        search.type("overzicht sessies");
        assertTrue(pages(search.targets()).contains("sessies.html"), "overzicht sessies -> " + search.targets());
        assertFalse(pages(search.targets()).contains("zoeken.html"), "the search page is no answer");
    }

    @Test
    void severalWordsMustAllMatch() {
        search.open().type("jongeren");
        int one = search.count();
        search.type("jongeren criminaliteit");
        int both = search.count();
        assertTrue(both > 0 && both < one, "adding a word narrows: " + one + " -> " + both);
    }

    @Test
    void aFilterNarrowsTheResults() {
        search.open().type("presentatie");
        int all = search.count();
        search.kind("trend");
        int trends = search.count();
        assertTrue(trends > 0 && trends < all, "the kind filter narrows: " + all + " -> " + trends);
        search.results().forEach(r -> assertTrue(r.meta().startsWith("Trend"), r.meta()));
        assertTrue(search.status().contains("alleen trends"), search.status());

        search.theme("cybercrime");
        int cyber = search.count();
        assertTrue(cyber > 0 && cyber < trends, "the theme filter narrows further: " + trends + " -> " + cyber);
        search.results().forEach(r -> assertEquals("Trend · Thema: Cybercrime", r.meta()));

        search.kind("");
        search.theme("");
        assertEquals(all, search.count(), "clearing the filters brings every result back");
    }

    @Test
    void moreResultsAreShownOnRequestAndTheFocusMovesToThem() {
        search.open().type("presentatie");
        int total = search.count();
        Assumptions.assumeTrue(total > 20, "fewer than 21 pages mention 'presentatie' now");
        assertEquals(20, search.results().size());
        WebElement more = driver.findElement(By.id("search-more"));
        assertTrue(more.isDisplayed());
        more.sendKeys(Keys.ENTER);
        SearchPage.waitUntil(() -> search.results().size() == Math.min(40, total), "the next results");
        WebElement focused = driver.switchTo().activeElement();
        String href = driver.findElements(By.cssSelector("#search-results > li")).get(20)
                .findElement(By.cssSelector("a")).getAttribute("href");
        assertEquals(href, focused.getAttribute("href"), "the focus is on the first new result");
    }

    @Test
    void filtersComeFromTheIndexAndFromTheAddress() {
        driver.get(server.baseUrl() + "zoeken.html?q=presentatie&soort=trend&thema=ondermijning");
        search.waitReady();
        List<SearchPage.Result> results = search.results();
        assertFalse(results.isEmpty());
        results.forEach(r -> assertEquals("Trend · Thema: Ondermijning", r.meta()));
        List<String> themes = driver.findElements(By.cssSelector("#search-theme option")).stream()
                .map(o -> o.getText()).toList();
        assertTrue(themes.containsAll(List.of("Alle thema's", "Cybercrime", "Crisisorganisatie")), themes.toString());
    }

    @Test
    void aResultShowsTitleSectionSnippetKindAndTheme() {
        search.open().type("nepnieuws");
        SearchPage.Result first = search.results().get(0);
        assertTrue(first.target().startsWith("trends/nepnieuws-en-complottheorieen.html"), first.target());
        assertTrue(first.snippetHtml().contains("<mark>"), "matched words are highlighted: " + first.snippetHtml());
        assertEquals("Trend · Thema: Maatschappelijke onrust", first.meta());
        assertFalse(first.title().isBlank());
    }

    @Test
    void aResultOpensAtItsSection() {
        search.open().type("jongeren criminaliteit");
        SearchPage.Result first = search.results().stream().filter(r -> r.target().contains("#")).findFirst()
                .orElseThrow(() -> new AssertionError("no result with a section: " + search.targets()));
        driver.findElement(By.cssSelector("#search-results a[href$='" + first.target() + "']")).sendKeys(org.openqa.selenium.Keys.ENTER);
        String fragment = first.target().substring(first.target().indexOf('#') + 1);
        SearchPage.waitUntil(() -> driver.getCurrentUrl().endsWith("#" + fragment), "the section to open");
        WebElement heading = driver.findElement(By.id(fragment));
        assertEquals(first.section(), "Onderdeel: " + heading.getText());
    }

    @Test
    void everythingWorksWithTheKeyboardAlone() {
        driver.get(server.baseUrl() + "zoeken.html");
        search.waitReady();
        WebElement active = tabTo(e -> "search-q".equals(e.getAttribute("id")));
        active.sendKeys("evenementen");
        SearchPage.waitUntil(() -> !search.results().isEmpty(), "results");
        // on through the button and both filters to the first result
        WebElement kind = tabTo(e -> "search-kind".equals(e.getAttribute("id")));
        kind.sendKeys(Keys.ARROW_DOWN);
        SearchPage.waitUntil(() -> driver.getCurrentUrl().contains("soort="), "the kind filter by keyboard");
        kind.sendKeys(Keys.ARROW_UP);
        SearchPage.waitUntil(() -> !driver.getCurrentUrl().contains("soort="), "all kinds again");
        WebElement link = tabTo(e -> e.getTagName().equals("a") && e.findElements(By.xpath("ancestor::ol[@id='search-results']")).size() == 1);
        String href = link.getAttribute("href");
        link.sendKeys(Keys.ENTER);
        SearchPage.waitUntil(() -> driver.getCurrentUrl().equals(href), "the result to open");
    }

    @Test
    void theStatusIsALiveRegionThatAnnouncesTheCount() {
        search.open().type("evenementen");
        WebElement status = driver.findElement(By.id("search-status"));
        assertEquals("polite", status.getAttribute("aria-live"));
        assertEquals("status", status.getAttribute("role"));
        int count = search.results().size();
        String expected = (count == 1 ? "1 pagina" : count + " pagina's") + " gevonden voor “evenementen”.";
        SearchPage.waitUntil(() -> status.getText().equals(expected), "the status '" + expected + "', got '" + status.getText() + "'");
    }

    @Test
    void anEmptyResultSaysSoAndSuggestsTheThemeOverview() {
        search.open().type("qzxwvjk");
        assertTrue(search.results().isEmpty());
        assertEquals("Geen resultaten voor “qzxwvjk”. Probeer een ander of korter woord, of kijk in het overzicht van de thema's.",
                search.status());
        WebElement link = driver.findElement(By.cssSelector("#search-help a"));
        assertTrue(link.isDisplayed());
        assertEquals(server.baseUrl() + "themas.html", link.getAttribute("href"));
    }

    @Test
    void theSearchFormOnAnyPageLeadsToResults() {
        driver.get(server.baseUrl() + "trends/krapte-in-de-zorg.html");
        WebElement field = driver.findElement(By.cssSelector("header form[role=search] input[type=search]"));
        field.sendKeys("nepnieuws", Keys.ENTER);
        SearchPage.waitUntil(() -> driver.getCurrentUrl().contains("zoeken.html?q=nepnieuws"), "the search page");
        search.waitReady();
        assertEquals("nepnieuws", search.input().getAttribute("value"));
        assertFalse(search.results().isEmpty());
    }

    @Test
    void withoutJavaScriptThePageSaysSoAndLinksToTheAzList() {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            driver.get(server.baseUrl() + "zoeken.html?q=jongeren");
            WebElement nojs = driver.findElement(By.id("search-nojs"));
            assertTrue(nojs.isDisplayed());
            assertTrue(nojs.getText().contains("JavaScript"));
            assertFalse(driver.findElement(By.id("search-filters")).isDisplayed(), "filters need JavaScript");
            nojs.findElement(By.cssSelector("a")).click();
            SearchPage.waitUntil(() -> driver.getCurrentUrl().endsWith("/ivb/a-z.html"), "the A-Z list");
            assertTrue(driver.findElements(By.cssSelector("main li a")).size() >= 40, "the A-Z list lists every page");
        } finally {
            driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
        search.open();
        assertFalse(driver.findElement(By.id("search-nojs")).isDisplayed(), "with JavaScript the notice is hidden");
    }

    @Test
    void nothingIsRequestedFromAnotherSiteOrOutsideTheSubPath() {
        search.open().type("cybercrime");
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) driver.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertNotNull(resources);
        assertTrue(resources.stream().anyMatch(u -> u.endsWith("/ivb/search-index.json.gz")), resources.toString());
        assertTrue(resources.stream().anyMatch(u -> u.endsWith("/ivb/vendor/minisearch/minisearch.min.js")), resources.toString());
        resources.forEach(u -> assertTrue(u.startsWith(server.baseUrl()), "request outside the site: " + u));
        server.requests().forEach(p -> assertTrue(p.startsWith("/ivb/"), "request outside the sub-path: " + p));
    }

    @Test
    void aBrowserThatCannotUnpackTheIndexGetsThePlainOne() {
        @SuppressWarnings("unchecked")
        Map<String, Object> script = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "delete window.DecompressionStream;"));
        try {
            search.open().type("nepnieuws");
            assertFalse(search.results().isEmpty());
            assertTrue(search.results().get(0).snippetHtml().contains("<mark>"), "results are complete with snippets");
            @SuppressWarnings("unchecked")
            List<String> resources = (List<String>) driver.executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)");
            assertTrue(resources.stream().anyMatch(u -> u.endsWith("/ivb/search-index.json")), resources.toString());
            assertFalse(resources.stream().anyMatch(u -> u.endsWith(".gz")), resources.toString());
        } finally {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script.get("identifier")));
        }
    }

    @Test
    void whenAPartOfTheIndexCannotBeLoadedThePageSaysSoAndTheNextSearchTriesAgain() {
        search.open();
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/search-index/*")));
        try {
            search.input().sendKeys("cybercrime");
            SearchPage.waitUntil(() -> "error".equals(search.form().getAttribute("data-state")), "the error");
            assertEquals("Zoeken lukt nu niet.", driver.findElement(By.id("search-status")).getText());
            WebElement link = driver.findElement(By.cssSelector("#search-help a"));
            assertEquals(server.baseUrl() + "a-z.html", link.getAttribute("href"));
            assertTrue(driver.findElements(By.cssSelector("#search-results > li")).isEmpty());
        } finally {
            driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            driver.executeCdpCommand("Network.disable", Map.of());
        }
        search.type("cybercrime");
        assertFalse(search.results().isEmpty(), "the next search loads the shard after all");
        assertEquals("ready", search.form().getAttribute("data-state"));
        assertFalse(driver.findElement(By.id("search-help")).isDisplayed());
    }

    private WebElement tabTo(java.util.function.Predicate<WebElement> wanted) {
        for (int i = 0; i < 60; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (wanted.test(active)) {
                return active;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("could not reach the element with Tab");
    }

    /** The pages of result targets, without fragments. */
    private static List<String> pages(List<String> targets) {
        return targets.stream().map(t -> t.contains("#") ? t.substring(0, t.indexOf('#')) : t).toList();
    }
}
