package nl.noordoostpolder.ivb.search;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The search page as a reader uses it, for browser tests: type, pick a filter, read the results. */
final class SearchPage {

    /** One result as shown: the link target relative to the site root, and the visible texts. */
    record Result(String target, String title, String section, String snippet, String meta, String snippetHtml,
                  String titleHtml) {
    }

    private final ChromeDriver driver;
    private final String siteRoot;

    SearchPage(ChromeDriver driver, String siteRoot) {
        this.driver = driver;
        this.siteRoot = siteRoot;
    }

    SearchPage open() {
        driver.get(siteRoot + "zoeken.html");
        waitReady();
        return this;
    }

    SearchPage open(String query) {
        driver.get(siteRoot + "zoeken.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        waitReady();
        return this;
    }

    void waitReady() {
        waitUntil(() -> "ready".equals(form().getAttribute("data-state")), "the search index to load");
    }

    WebElement form() {
        return driver.findElement(By.cssSelector("main form[role=search]"));
    }

    WebElement input() {
        return driver.findElement(By.id("search-q"));
    }

    /** Types like a reader, key by key, after clearing the field, and waits until the results follow. */
    SearchPage type(String query) {
        WebElement input = input();
        input.clear();
        input.sendKeys(query);
        waitUntil(() -> query.strip().equals(param("q")), "the results for '" + query + "'");
        waitSettled();
        return this;
    }

    /**
     * Waits until the results are those of the search in the field and filters, complete with their snippets: the
     * page marks the list with the search it shows ({@code data-for}, as in the address) once nothing is loading.
     */
    void waitSettled() {
        WebElement list = driver.findElement(By.id("search-results"));
        waitUntil(() -> !"true".equals(list.getAttribute("aria-busy"))
                && list.getAttribute("data-for") != null
                && list.getAttribute("data-for").equals(form().getAttribute("data-query")),
                "the results to be complete");
    }

    /** Picks a kind of page in the filter, as a mouse user would; "" for all kinds. */
    void kind(String key) {
        choose("search-kind", key);
    }

    void theme(String slug) {
        choose("search-theme", slug);
    }

    private void choose(String selectId, String value) {
        driver.findElement(By.cssSelector("#" + selectId + " option[value='" + value + "']")).click();
        String param = driver.findElement(By.id(selectId)).getAttribute("name");
        waitUntil(() -> value.equals(param(param)), "the filter " + selectId + " = " + value);
        waitSettled();
    }

    List<Result> results() {
        waitSettled();
        return driver.findElements(By.cssSelector("#search-results > li")).stream().map(this::result).toList();
    }

    List<String> targets() {
        return results().stream().map(Result::target).toList();
    }

    /** The status line once it has been announced. */
    String status() {
        WebElement status = driver.findElement(By.id("search-status"));
        waitUntil(() -> !status.getText().isBlank(), "the status to be announced");
        return status.getText();
    }

    /** The number of pages found, as the status announces it once it mentions the current query and filters. */
    int count() {
        WebElement status = driver.findElement(By.id("search-status"));
        String query = input().getAttribute("value").strip();
        waitUntil(() -> status.getText().contains("“" + query + "”"), "the status for '" + query + "'");
        String text = status.getText();
        if (text.startsWith("Geen resultaten")) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+) pagina").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no count in the status: " + text);
        }
        return Integer.parseInt(m.group(1));
    }

    private Result result(WebElement li) {
        WebElement link = li.findElement(By.cssSelector(".search-result__title a"));
        String href = link.getAttribute("href");
        String target = href.startsWith(siteRoot) ? href.substring(siteRoot.length()) : href;
        return new Result(target, link.getText(), text(li, ".search-result__section"), text(li, ".search-result__snippet"),
                text(li, ".search-result__meta"), html(li, ".search-result__snippet"), link.getAttribute("innerHTML"));
    }

    private static String text(WebElement li, String css) {
        List<WebElement> found = li.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static String html(WebElement li, String css) {
        List<WebElement> found = li.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getAttribute("innerHTML");
    }

    private String param(String name) {
        String query = URI.create(driver.getCurrentUrl()).getRawQuery();
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    static void waitUntil(Supplier<Boolean> condition, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                // the list was redrawn; ask again
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
