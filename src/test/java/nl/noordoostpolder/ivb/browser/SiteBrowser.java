package nl.noordoostpolder.ivb.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;

import nl.noordoostpolder.ivb.testing.HeadlessChromium;
import nl.noordoostpolder.ivb.testing.SiteUnderTest;
import nl.noordoostpolder.ivb.testing.StaticSiteServer;

/**
 * One headless Chromium looking at the baked site, served under the sub-path {@value #PREFIX} as GitHub Pages would
 * serve a project site, so that every relative link is tried the way it will be published. axe-core is registered
 * once and is then present in every page the browser opens.
 * <p>
 * A test class opens one of these for all its tests: starting Chromium costs about a second, opening a page about
 * a tenth of that.
 */
final class SiteBrowser implements AutoCloseable {

    static final String PREFIX = "/ivb/";

    /** A page of each kind, for the checks that are too slow to run on every page. */
    static final Map<String, String> ONE_PAGE_PER_TYPE = Map.ofEntries(
            Map.entry("home", "index.html"),
            Map.entry("theme", "themes/zorg-en-veiligheid.html"),
            Map.entry("trend", "trends/krapte-in-de-zorg.html"),
            Map.entry("session", "sessions/beeldvormende-vergadering.html"),
            Map.entry("milestone", "milestones/besluit-gemeenteraad-voorjaar-2024.html"),
            Map.entry("page", "proces.html"),
            Map.entry("overview", "trends.html"),
            Map.entry("timeline", "tijdlijn.html"),
            Map.entry("search", "zoeken.html"),
            Map.entry("a-z", "a-z.html"),
            Map.entry("whole-policy", "volledig-beleid.html"));

    private final Path site;
    private final StaticSiteServer server;
    private final ChromeDriver driver;

    SiteBrowser() {
        this.site = SiteUnderTest.bakedSite();
        this.driver = HeadlessChromium.start();
        try {
            this.server = new StaticSiteServer(site, PREFIX);
        } catch (IOException e) {
            driver.quit();
            throw new UncheckedIOException(e);
        }
        Axe.register(driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    Path site() {
        return site;
    }

    /** Opens a page by its path in the site, for example {@code trends/x.html}. */
    void open(String page) {
        driver.get(server.baseUrl() + page);
    }

    /** The address of a page. */
    String url(String page) {
        return server.baseUrl() + page;
    }

    /** Every HTML page of the baked site, as paths relative to its root, sorted. */
    List<String> allPages() {
        return htmlPages(site);
    }

    static List<String> htmlPages(Path site) {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the viewport to exactly {@code width} x 800 and the colour scheme; resets nothing else. */
    void viewport(int width, String colorScheme) {
        HeadlessChromium.viewport(driver, width, 800);
        HeadlessChromium.colorScheme(driver, colorScheme);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            server.close();
        }
    }
}
